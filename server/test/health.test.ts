import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import type { Bus } from '../src/bus/bus.js';
import { createRedisBus } from '../src/bus/redis-bus.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';

const open: Array<{ close(): void }> = [];
const databases: TestDatabase[] = [];
afterEach(async () => {
  for (const server of open.splice(0)) server.close();
  for (const database of databases.splice(0)) await database.drop();
});

async function probe(path: string, options: { migrated: boolean; shuttingDown?: boolean; bus?: Bus }) {
  const database = await createTestDatabase({ migrated: options.migrated });
  databases.push(database);
  const app = createApp({
    db: database.db,
    ...(options.bus ? { bus: options.bus } : {}),
    logger: pino({ level: 'silent' }),
    validateResponses: true,
    isShuttingDown: () => options.shuttingDown ?? false,
  });
  const server = app.listen(0, '127.0.0.1');
  open.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`);
  return { status: res.status, body: await res.json(), requestId: res.headers.get('request-id') };
}

describe('health probes', () => {
  it('/healthz answers 200 even before migrations, with a request id', async () => {
    const res = await probe('/healthz', { migrated: false });
    expect(res).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(res.requestId).toMatch(/^req_/);
  });

  it('/readyz answers 503 until the migrations are applied', async () => {
    expect(await probe('/readyz', { migrated: false })).toMatchObject({ status: 503, body: { checks: { database: 'unavailable' } } });
    expect(await probe('/readyz', { migrated: true })).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('/readyz answers 503 while the server shuts down', async () => {
    expect(await probe('/readyz', { migrated: true, shuttingDown: true })).toMatchObject({ status: 503, body: { status: 'unavailable' } });
  });
});

describe('readiness and Redis', () => {
  it('reports Redis down but stays ready: requests are still served without it', async () => {
    const bus = createRedisBus('redis://127.0.0.1:1');
    try {
      await bus.publish('probe', 'x').catch(() => {});
      expect(await probe('/readyz', { migrated: true, bus })).toMatchObject({ status: 200, body: { checks: { redis: 'unavailable' } } });
    } finally {
      await bus.close();
    }
  });

  it.skipIf(!process.env.REDIS_URL)('reports Redis ok when it answers', async () => {
    const bus = createRedisBus(process.env.REDIS_URL!);
    try {
      await bus.publish('probe', 'x');
      expect(await probe('/readyz', { migrated: true, bus })).toMatchObject({ status: 200, body: { checks: { redis: 'ok' } } });
    } finally {
      await bus.close();
    }
  });
});
