// With Redis configured but down, checks still answer (from memory or the database), never a 5xx.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { createRedisBus } from '../src/bus/redis-bus.js';
import { systemClock } from '../src/clock.js';
import { EntitlementCache } from '../src/entitlements/cache.js';
import { createRedisSnapshotStore } from '../src/entitlements/snapshot-store.js';
import { KeyCache } from '../src/projects/key-cache.js';
import { createProjectWithKeys } from '../src/projects/create-project.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';
import { createSnapshots } from '../src/wiring.js';

const NOWHERE = 'redis://127.0.0.1:1'; // nothing listens on port 1

let database: TestDatabase;
let server: Server;
let url: string;
let key: string;
const closers: Array<() => Promise<void>> = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const logger = pino({ level: 'silent' });
  const bus = createRedisBus(NOWHERE);
  const store = createRedisSnapshotStore(NOWHERE);
  const entitlements = new EntitlementCache({ db: database.db, bus, clock: systemClock, logger, snapshots: createSnapshots(0), store });
  const keys = new KeyCache(database.db, systemClock, bus);
  await entitlements.start(); // returns after a short wait instead of hanging
  await keys.start();
  closers.push(
    () => bus.close(),
    () => store.close(),
  );
  const app = createApp({ db: database.db, bus, entitlements, keys, logger, validateResponses: true });
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  key = (await createProjectWithKeys(database.db, 'redis down', new Date())).secretKey;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  for (const close of closers) await close();
  await database.drop();
});

const call = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: await res.json() };
};

describe('Redis down', () => {
  it('changes commit and checks answer from the database and memory', async () => {
    expect((await call('POST', '/v1/features', { key: 'export', type: 'boolean' })).status).toBe(200);
    expect((await call('POST', '/v1/customers', { external_id: 'u' })).status).toBe(200);
    expect((await call('POST', '/v1/check', { customer: 'u', feature: 'export' })).body).toMatchObject({ allowed: false });
    expect((await call('POST', '/v1/customers/u/grants', { feature: 'export' })).status).toBe(200);
    const after = await call('POST', '/v1/check', { customer: 'u', feature: 'export' });
    expect(after).toMatchObject({ status: 200, body: { allowed: true } });
    expect((await call('GET', '/readyz')).body.checks.redis).toBe('unavailable');
  });
});
