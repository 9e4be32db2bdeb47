// Two instances on one database and a Redis of the test's own, which the test kills (SIGKILL)
// and starts again. A change made through A while Redis is down must reach what B answers:
// within the staleness bound while it is down, and at once when it is back.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import pino from 'pino';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/app.js';
import { subscribeSoon, type Bus } from '../src/bus/bus.js';
import { createRedisBus } from '../src/bus/redis-bus.js';
import { systemClock } from '../src/clock.js';
import type { Database } from '../src/db/database.js';
import { openPostgres } from '../src/db/postgres.js';
import { EntitlementCache } from '../src/entitlements/cache.js';
import { createRedisSnapshotStore } from '../src/entitlements/snapshot-store.js';
import { KeyCache } from '../src/projects/key-cache.js';
import { createProjectWithKeys, type NewProject } from '../src/projects/create-project.js';
import { hashKey } from '../src/http/api-keys.js';
import { signCustomerToken } from '../src/http/customer-token.js';
import { attachRealtime } from '../src/realtime/hub.js';
import { redisServerOnPath, startOwnRedis, type OwnRedis } from './support/own-redis.js';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';
import { createSnapshots } from '../src/wiring.js';

const DEADLINE = { timeout: 15_000, interval: 50 };

interface Instance {
  url: string;
  bus: Bus;
  close(): Promise<void>;
}

async function startInstance(db: Database, redisUrl: string, maxStalenessMs: number): Promise<Instance> {
  const logger = pino({ level: 'silent' });
  const bus = createRedisBus(redisUrl);
  const store = createRedisSnapshotStore(redisUrl);
  const entitlements = new EntitlementCache({ db, bus, clock: systemClock, logger, snapshots: createSnapshots(0), store, maxStalenessMs });
  const keys = new KeyCache(db, systemClock, bus, maxStalenessMs);
  await entitlements.start();
  await keys.start();
  const app = createApp({ db, bus, entitlements, keys, logger, validateResponses: true });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const realtime = attachRealtime(server, { db, clock: systemClock, logger, keys, entitlements });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bus,
    async close() {
      await realtime.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await entitlements.stop();
      await keys.stop();
      await bus.close();
      await store.close();
    },
  };
}

const busesUp = (...buses: Bus[]) => vi.waitFor(() => expect(buses.every((bus) => bus.healthy())).toBe(true), DEADLINE);

/**
 * Redis, one database, instance A (where changes are made) and instance B (whose answers are
 * watched). A reaches Redis through a proxy the test can cut (a partition of A alone).
 */
function outage(maxStalenessMs: number) {
  const world = {} as {
    redis: OwnRedis;
    proxyA: TcpProxy;
    database: TestDatabase;
    dbB?: Database;
    a: Instance;
    b: Instance;
    project: NewProject;
    secretKey: string;
  };
  beforeAll(async () => {
    world.redis = await startOwnRedis();
    world.proxyA = await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(world.redis.url).port) });
    world.database = await createTestDatabase();
    // Two pools on Postgres, as two processes would have; PGlite is one handle, so B shares it
    // (each instance still has its own caches and bus).
    if (process.env.DATABASE_URL) {
      const schema = new URL(world.database.env.DATABASE_URL!).searchParams.get('options')!.split('=')[1]!;
      world.dbB = openPostgres({ connectionString: process.env.DATABASE_URL, schema });
    }
    world.a = await startInstance(world.database.db, `redis://127.0.0.1:${world.proxyA.port}`, maxStalenessMs);
    world.b = await startInstance(world.dbB ?? world.database.db, world.redis.url, maxStalenessMs);
    await busesUp(world.a.bus, world.b.bus);
    world.project = await createProjectWithKeys(world.database.db, 'redis outage', new Date());
    world.secretKey = world.project.secretKey;
  });
  afterAll(async () => {
    await world.a?.close();
    await world.b?.close();
    await world.dbB?.close();
    await world.database?.drop();
    await world.proxyA?.close();
    await world.redis?.kill();
  });

  const call = async (instance: Instance, method: string, path: string, body?: unknown, key = world.secretKey) => {
    const res = await fetch(`${instance.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: await res.json() };
  };

  const helpers = {
    world,
    call,
    check: async (instance: Instance, customer: string) => (await call(instance, 'POST', '/v1/check', { customer, feature: 'export' })).body,
    /** A customer with `export` granted (its snapshot in the shared store), not yet read by B. */
    async granted(customer: string) {
      await call(world.a, 'POST', '/v1/features', { key: 'export', type: 'boolean' });
      expect((await call(world.a, 'POST', '/v1/customers', { external_id: customer })).status).toBe(200);
      expect((await call(world.a, 'POST', `/v1/customers/${customer}/grants`, { feature: 'export' })).status).toBe(200);
    },
    /** The same, and B answering `allowed: true` for it from its cache. */
    async grantedAndWarm(customer: string) {
      await helpers.granted(customer);
      await expect.poll(() => helpers.check(world.b, customer), DEADLINE).toMatchObject({ allowed: true });
    },
    /** A browser connected to `instance` for `customer`: whether `export` is allowed in the newest snapshot it was sent. */
    browser(instance: Instance, customer: string) {
      const token = signCustomerToken(hashKey(world.secretKey), {
        projectId: world.project.projectId,
        customer,
        expiresAt: Math.floor(Date.now() / 1000) + 3600,
      });
      const client = helpers.realtime(instance, { key: world.project.publishableKey, token, version: 0 });
      return { allowed: () => client.allowed(customer), close: client.close };
    },
    /** A realtime client: whether `export` is allowed in the newest snapshot it was sent, per customer external_id or id. */
    realtime(instance: Instance, hello: Record<string, unknown>) {
      const socket = new WebSocket(`${instance.url.replace('http', 'ws')}/v1/realtime`);
      const allowed = new Map<string, boolean | undefined>();
      socket.on('open', () => socket.send(JSON.stringify({ type: 'hello', ...hello })));
      socket.on('message', (data) => {
        const message = JSON.parse(data.toString()) as {
          type: string;
          snapshot?: { customer: string; external_id: string | null; features: Record<string, { allowed: boolean }> };
        };
        if (message.type !== 'snapshot' || !message.snapshot) return;
        allowed.set(message.snapshot.external_id ?? message.snapshot.customer, message.snapshot.features.export?.allowed);
      });
      return { allowed: (customer: string) => allowed.get(customer), close: () => socket.close() };
    },
    revoke: async (customer: string) => (await call(world.a, 'POST', `/v1/customers/${customer}/grants`, { feature: 'export', kind: 'revoke' })).status,
    /** A new secret key, already cached by B. */
    async keyCachedByB() {
      const created = await call(world.a, 'POST', '/v1/api_keys', { type: 'secret' });
      const useOnB = async () => (await call(world.b, 'GET', '/v1/project', undefined, created.body.secret as string)).status;
      expect(await useOnB()).toBe(200);
      // The key's creation is announced too, and B does not cache a key read while an
      // announcement of it arrives (it may be a revoke): let the announcement land, read again.
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect(await useOnB()).toBe(200);
      return { id: created.body.id as string, useOnB };
    },
    async redisDown() {
      await world.redis.kill();
      await expect.poll(() => world.a.bus.healthy() || world.b.bus.healthy(), DEADLINE).toBe(false);
    },
    async redisBack() {
      await world.redis.start();
      await busesUp(world.a.bus, world.b.bus);
    },
    async partitionA() {
      world.proxyA.cut();
      await vi.waitFor(() => expect(world.a.bus.healthy()).toBe(false), DEADLINE);
    },
    async healA() {
      world.proxyA.restore();
      await busesUp(world.a.bus);
    },
  };
  return helpers;
}

describe.skipIf(!redisServerOnPath())('Redis down: bounded staleness (NOZLE_MAX_STALENESS_MS small)', () => {
  const { world, call, check, grantedAndWarm, keyCachedByB, browser, revoke, redisDown, redisBack } = outage(200);

  it('a revoke made through A while Redis is down reaches B within the bound, without Redis coming back', async () => {
    await grantedAndWarm('outage_user');
    await redisDown();
    expect((await call(world.a, 'POST', '/v1/customers/outage_user/grants', { feature: 'export', kind: 'revoke' })).status).toBe(200);
    await expect.poll(() => check(world.b, 'outage_user'), DEADLINE).toMatchObject({ allowed: false, reason: 'revoked' });
    await redisBack();
  });

  it('a browser connected to B is sent a revoke made through A while Redis is down, within the bound', async () => {
    await grantedAndWarm('browser_user');
    const client = browser(world.b, 'browser_user');
    await vi.waitFor(() => expect(client.allowed()).toBe(true), DEADLINE);
    await redisDown();
    expect(await revoke('browser_user')).toBe(200);
    // Nothing reads the snapshot on B meanwhile: B checks what its clients watch by itself.
    await vi.waitFor(() => expect(client.allowed()).toBe(false), DEADLINE);
    client.close();
    await redisBack();
  });

  it('an API key revoked through A while Redis is down is refused by B within the bound', async () => {
    const key = await keyCachedByB();
    await redisDown();
    expect((await call(world.a, 'POST', `/v1/api_keys/${key.id}/revoke`)).status).toBe(200);
    await expect.poll(key.useOnB, DEADLINE).toBe(401);
    await redisBack();
  });
});

describe.skipIf(!redisServerOnPath())('Redis back after an outage (NOZLE_MAX_STALENESS_MS large)', () => {
  // Ten minutes: within these tests B never checks a copy for its age, so only the
  // revalidation after the gap can bring it the changes it missed.
  const { world, call, check, granted, grantedAndWarm, keyCachedByB, realtime, revoke, redisDown, redisBack } = outage(600_000);

  it('a revoke made through A while Redis was down reaches B once Redis is back', async () => {
    await grantedAndWarm('gap_user');
    await redisDown();
    expect((await call(world.a, 'POST', '/v1/customers/gap_user/grants', { feature: 'export', kind: 'revoke' })).status).toBe(200);
    // Within the bound B still answers from memory: it has no way to hear of the change yet.
    expect(await check(world.b, 'gap_user')).toMatchObject({ allowed: true });
    await redisBack();
    await expect.poll(() => check(world.b, 'gap_user'), DEADLINE).toMatchObject({ allowed: false, reason: 'revoked' });
  });

  it('a backend streaming the project from B is sent a change A made while Redis was down, for a customer B does not hold', async () => {
    await granted('streamed_user');
    const stream = realtime(world.b, { key: world.secretKey });
    await vi.waitFor(() => expect(stream.allowed('streamed_user')).toBe(true), DEADLINE);
    await redisDown();
    expect(await revoke('streamed_user')).toBe(200);
    await redisBack();
    // Only the snapshots written in the database during the gap tell B of this one.
    await vi.waitFor(() => expect(stream.allowed('streamed_user')).toBe(false), DEADLINE);
    stream.close();
  });

  it('an API key revoked through A while Redis was down is refused by B once Redis is back', async () => {
    const key = await keyCachedByB();
    await redisDown();
    expect((await call(world.a, 'POST', `/v1/api_keys/${key.id}/revoke`)).status).toBe(200);
    expect(await key.useOnB()).toBe(200); // within the bound, as above
    await redisBack();
    await expect.poll(key.useOnB, DEADLINE).toBe(401);
  });
});

describe.skipIf(!redisServerOnPath())('one instance cut off from Redis (NOZLE_MAX_STALENESS_MS large)', () => {
  const { world, call, check, granted, grantedAndWarm, keyCachedByB, revoke, partitionA, healA } = outage(600_000);

  it('changes A made while it alone was cut off reach B, whose bus never went down, once A is back', async () => {
    await grantedAndWarm('held_by_b'); // in B's memory
    await granted('shared_only'); // only in the shared store, as A left it
    await partitionA();
    expect(await revoke('held_by_b')).toBe(200);
    expect(await revoke('shared_only')).toBe(200);
    expect(world.b.bus.healthy()).toBe(true); // B missed nothing it could know of
    await healA();
    await expect.poll(() => check(world.b, 'held_by_b'), DEADLINE).toMatchObject({ allowed: false, reason: 'revoked' });
    // The shared store still holds the version from before (A could not write it): B must not serve it.
    await expect.poll(() => check(world.b, 'shared_only'), DEADLINE).toMatchObject({ allowed: false, reason: 'revoked' });
  });

  it('an API key revoked through A while it alone was cut off is refused by B once A is back', async () => {
    const key = await keyCachedByB();
    await partitionA();
    expect((await call(world.a, 'POST', `/v1/api_keys/${key.id}/revoke`)).status).toBe(200);
    expect(await key.useOnB()).toBe(200); // B's bus is up: nothing tells it yet
    await healA();
    await expect.poll(key.useOnB, DEADLINE).toBe(401);
  });
});

describe.skipIf(!redisServerOnPath())('the Redis bus across an outage', () => {
  let redis: OwnRedis;
  const buses: Bus[] = [];
  beforeAll(async () => {
    redis = await startOwnRedis();
  });
  afterAll(async () => {
    for (const bus of buses) await bus.close();
    await redis?.kill();
  });

  it('lets its listeners go while Redis is down, without waiting for Redis (a shutdown does not hang)', async () => {
    const bus = createRedisBus(redis.url);
    buses.push(bus);
    const stopConfirmed = await subscribeSoon(bus, 'test:stop-confirmed', () => {});
    await busesUp(bus);
    await redis.kill();
    await vi.waitFor(() => expect(bus.healthy()).toBe(false), DEADLINE);
    // Subscribed before the outage, and never confirmed (asked for while Redis is down).
    const stopUnconfirmed = await subscribeSoon(bus, 'test:stop-unconfirmed', () => {}, 50);
    const stopped = await Promise.race([
      Promise.all([stopConfirmed(), stopUnconfirmed()]).then(() => 'stopped'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting on Redis'), DEADLINE.timeout)),
    ]);
    expect(stopped).toBe('stopped');
    await redis.start();
  });

  it('reports one gap, from when it went down, once Redis is back and its subscriptions are live', async () => {
    const [publisher, subscriber] = [createRedisBus(redis.url), createRedisBus(redis.url)];
    buses.push(publisher, subscriber);
    const gaps: number[] = [];
    subscriber.onGap((gap) => gaps.push(gap.since));
    const received: string[] = [];
    await subscriber.subscribe('test:outage', (message) => received.push(message));
    await busesUp(subscriber, publisher);
    gaps.length = 0; // its first connection counts as the end of a gap too (down until connected)

    const killedAt = Date.now();
    await redis.kill();
    await vi.waitFor(() => expect(subscriber.healthy()).toBe(false), DEADLINE);
    expect(gaps).toEqual([]);
    await redis.start();
    await vi.waitFor(() => expect(gaps).toHaveLength(1), DEADLINE);
    expect(gaps[0]).toBeGreaterThanOrEqual(killedAt);
    // Reported only once subscribed again: a message published now arrives.
    await busesUp(publisher);
    await publisher.publish('test:outage', 'after the gap');
    await vi.waitFor(() => expect(received).toEqual(['after the gap']), DEADLINE);
  });
});
