// Two server instances on one Postgres and one Redis: a change made through A reaches what B
// answers through the bus and the shared cache, with no read of B's database in between.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { createRedisBus } from '../src/bus/redis-bus.js';
import { systemClock } from '../src/clock.js';
import type { Database } from '../src/db/database.js';
import { openPostgres } from '../src/db/postgres.js';
import { EntitlementCache } from '../src/entitlements/cache.js';
import { createRedisSnapshotStore } from '../src/entitlements/snapshot-store.js';
import { KeyCache } from '../src/projects/key-cache.js';
import { createProjectWithKeys } from '../src/projects/create-project.js';
import { countingDatabase } from './support/counting-db.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';
import { createSnapshots } from '../src/wiring.js';

const enabled = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);

interface Instance {
  url: string;
  close(): Promise<void>;
}

async function startInstance(db: Database): Promise<Instance> {
  const logger = pino({ level: 'silent' });
  const bus = createRedisBus(process.env.REDIS_URL!);
  const store = createRedisSnapshotStore(process.env.REDIS_URL!);
  const entitlements = new EntitlementCache({ db, bus, clock: systemClock, logger, snapshots: createSnapshots(0), store });
  const keys = new KeyCache(db, systemClock, bus);
  await entitlements.start();
  await keys.start();
  const app = createApp({ db, bus, entitlements, keys, logger, validateResponses: true });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await entitlements.stop();
      await bus.close();
      await store.close();
    },
  };
}

describe.skipIf(!enabled)('two instances sharing Postgres and Redis', () => {
  let database: TestDatabase;
  let dbB: Database;
  let counted: ReturnType<typeof countingDatabase>;
  let a: Instance;
  let b: Instance;
  let secretKey: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const schema = new URL(database.env.DATABASE_URL!).searchParams.get('options')!.split('=')[1]!;
    dbB = openPostgres({ connectionString: process.env.DATABASE_URL!, schema });
    counted = countingDatabase(dbB);
    a = await startInstance(database.db);
    b = await startInstance(counted.db);
    secretKey = (await createProjectWithKeys(database.db, 'two instances', new Date())).secretKey;
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await dbB?.close();
    await database?.drop();
  });

  const call = async (instance: Instance, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${instance.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: await res.json() };
  };

  it('a grant made through A flips can() on B, which reads nothing from its database meanwhile', async () => {
    await call(a, 'POST', '/v1/features', { key: 'export', type: 'boolean' });
    await call(a, 'POST', '/v1/customers', { external_id: 'shared_user' });
    const before = await call(b, 'POST', '/v1/check', { customer: 'shared_user', feature: 'export' });
    expect(before.body).toMatchObject({ allowed: false, reason: 'no_access' });

    counted.statements.length = 0;
    const grant = await call(a, 'POST', '/v1/customers/shared_user/grants', { feature: 'export' });
    expect(grant.status).toBe(200);

    await expect
      .poll(async () => (await call(b, 'POST', '/v1/check', { customer: 'shared_user', feature: 'export' })).body, { timeout: 5000, interval: 20 })
      .toMatchObject({ allowed: true, reason: null, version: before.body.version + 1 });
    expect(counted.statements).toEqual([]);
  });

  it('a key revoked through A is refused by B at once', async () => {
    const created = await call(a, 'POST', '/v1/api_keys', { type: 'secret' });
    const key = created.body.secret as string;
    const useOnB = () => fetch(`${b.url}/v1/project`, { headers: { authorization: `Bearer ${key}` } }).then((res) => res.status);
    expect(await useOnB()).toBe(200);
    await call(a, 'POST', `/v1/api_keys/${created.body.id}/revoke`);
    await expect.poll(useOnB, { timeout: 5000, interval: 20 }).toBe(401);
  });
});
