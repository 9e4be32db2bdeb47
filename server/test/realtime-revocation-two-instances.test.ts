// Two whole servers on one Postgres and one Redis: a key revoked through instance A closes the
// realtime connections living on it that are open on instance B.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/db/database.js';
import { openPostgres } from '../src/db/postgres.js';
import { hashKey } from '../src/http/api-keys.js';
import { createProjectWithKeys, type NewProject } from '../src/projects/create-project.js';
import { signCustomerToken } from '../src/http/customer-token.js';
import { startServer, type RunningServer } from '../src/server.js';
import { within, wsConnect } from './support/sockets.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';

const enabled = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
const DEADLINE_MS = 5_000;

describe.skipIf(!enabled)('key revocation across two instances', () => {
  let database: TestDatabase;
  let dbB: Database;
  let a: RunningServer;
  let b: RunningServer;
  let project: NewProject;

  beforeAll(async () => {
    database = await createTestDatabase();
    const schema = new URL(database.env.DATABASE_URL!).searchParams.get('options')!.split('=')[1]!;
    dbB = openPostgres({ connectionString: process.env.DATABASE_URL!, schema });
    const config = { ...loadConfig({ PORT: '0', NOZLE_DEMO: 'false', NOZLE_SHUTDOWN_TIMEOUT_MS: '1000' }), redisUrl: process.env.REDIS_URL! };
    const logger = pino({ level: 'silent' });
    a = await startServer(config, { db: database.db, logger });
    b = await startServer(config, { db: dbB, logger });
    project = await createProjectWithKeys(database.db, 'two instances, revocation', new Date());
    await call(a, 'POST', '/v1/features', { key: 'export', type: 'boolean' });
    await call(a, 'POST', '/v1/customers', { external_id: 'alice' });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await dbB?.close();
    await database?.drop();
  });

  async function call(instance: RunningServer, method: string, path: string, body?: unknown) {
    const res = await fetch(`${instance.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${project.secretKey}`, 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { id: string; secret: string };
  }
  const tokenFor = (customer: string, secretKey: string) =>
    signCustomerToken(hashKey(secretKey), { projectId: project.projectId, customer, expiresAt: Math.floor(Date.now() / 1000) + 3600 });

  it('closes, on instance B, the stream of a secret key and the browsers of its tokens when A revokes it (4403)', async () => {
    const key = await call(a, 'POST', '/v1/api_keys', { type: 'secret' });
    const stream = wsConnect(b.url, { type: 'hello', key: key.secret });
    const browser = wsConnect(b.url, { type: 'hello', key: project.publishableKey, token: tokenFor('alice', key.secret), version: 0 });
    const untouched = wsConnect(b.url, { type: 'hello', key: project.publishableKey, token: tokenFor('alice', project.secretKey), version: 0 });
    await Promise.all([stream.waitForType('ready'), browser.waitForType('snapshot'), untouched.waitForType('snapshot')]);

    await call(a, 'POST', `/v1/api_keys/${key.id}/revoke`);
    expect((await within(stream.closed, DEADLINE_MS, 'the stream closes')).code).toBe(4403);
    expect((await within(browser.closed, DEADLINE_MS, 'the browser closes')).code).toBe(4403);

    const before = untouched.messages.length;
    await call(a, 'POST', '/v1/customers/alice/grants', { feature: 'export' });
    await expect.poll(() => untouched.messages.length).toBeGreaterThan(before);
    expect(untouched.socket.readyState).toBe(untouched.socket.OPEN);
    untouched.socket.close();
  });

  it('closes, on instance B, the browsers of a publishable key when A revokes it (4403)', async () => {
    const key = await call(a, 'POST', '/v1/api_keys', { type: 'publishable' });
    const browser = wsConnect(b.url, { type: 'hello', key: key.secret, token: tokenFor('alice', project.secretKey), version: 0 });
    await browser.waitForType('snapshot');
    await call(a, 'POST', `/v1/api_keys/${key.id}/revoke`);
    expect((await within(browser.closed, DEADLINE_MS, 'the browser closes')).code).toBe(4403);
  });
});
