import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';

const open: Array<{ close(): void }> = [];
const databases: TestDatabase[] = [];
afterEach(async () => {
  for (const server of open.splice(0)) server.close();
  for (const database of databases.splice(0)) await database.drop();
});

async function probe(path: string, options: { migrated: boolean; shuttingDown?: boolean }) {
  const database = await createTestDatabase({ migrated: options.migrated });
  databases.push(database);
  const app = createApp({ db: database.db, logger: pino({ level: 'silent' }), validateResponses: true, isShuttingDown: () => options.shuttingDown ?? false });
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
