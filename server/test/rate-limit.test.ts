// Request budgets: a key over its budget answers 429 rate_limit_error with Retry-After and the
// RateLimit fields; other keys, the events and checks budgets and the health probes are apart;
// failed authentications are bounded per IP; Redis shares one budget between instances, and a
// Redis that dies leaves every request answered.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { createRateLimiter, type RateLimiter, type RateLimits } from '../src/http/rate-limit.js';
import { createProjectWithKeys } from '../src/projects/create-project.js';
import { startTestApp, type CallResult, type TestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';

// Long windows: a budget cannot refill between two assertions, however slow the machine.
const LONG_WINDOW = { windowSeconds: 60 };
const limits = (overrides: Partial<RateLimits>): RateLimits => ({ api: 0, events: 0, checks: 0, unauthenticated: 0, ...overrides });

async function waitFor<T>(what: string, attempt: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await attempt();
    if (result !== undefined) return result;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const expectRateLimited = (res: CallResult) => {
  expect(res.status).toBe(429);
  expect(res.body.error).toMatchObject({ type: 'rate_limit_error', code: 'rate_limited' });
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect(res.headers.get('ratelimit-remaining')).toBe('0');
};

describe('rate limits in one process', () => {
  let t: TestApp;
  let limiter: RateLimiter;
  beforeAll(async () => {
    limiter = createRateLimiter(limits({ api: 3, events: 2, checks: 2 }), LONG_WINDOW);
    t = await startTestApp({ rateLimiter: limiter });
  });
  afterAll(async () => {
    await t.close();
    await limiter.close();
  });

  it('answers 429 rate_limit_error with Retry-After and RateLimit fields once a key spent its budget; other keys and budgets are apart', async () => {
    // A second key of project A, made before A's first key spends its budget (this call spends one).
    const other = await t.call('POST', '/v1/api_keys', { body: { type: 'secret' } });
    expect(other.status).toBe(200);
    const second = await t.call('GET', '/v1/customers');
    expect(second.status).toBe(200);
    expect(second.headers.get('ratelimit-limit')).toBe('3');
    expect(second.headers.get('ratelimit-remaining')).toBe('1');
    expect(Number(second.headers.get('ratelimit-reset'))).toBeGreaterThanOrEqual(1);
    expect((await t.call('GET', '/v1/customers')).status).toBe(200);

    const refused = await t.call('POST', '/v1/customers', { body: { email: 'limited@example.com' } });
    expectRateLimited(refused);
    expect(refused.headers.get('ratelimit-limit')).toBe('3');
    // Refused before it ran: nothing was written.
    const { rows } = await t.database.db.query<{ n: number }>(`select count(*)::int as n from customers where email = 'limited@example.com'`);
    expect(rows[0]!.n).toBe(0);

    // Another key of the same project, and a key of another project, have budgets of their own.
    expect((await t.call('GET', '/v1/customers', { key: other.body.secret })).status).toBe(200);
    expect((await t.call('GET', '/v1/customers', { key: t.projectB.secretKey })).status).toBe(200);

    // Checks and events spend their own budgets, not the spent `api` one.
    expect((await t.call('POST', '/v1/check', { body: { customer: 'nobody', feature: 'export' } })).status).toBe(200);
    expect((await t.call('GET', '/v1/customers/nobody/entitlements')).status).toBe(404);
    expectRateLimited(await t.call('POST', '/v1/check', { body: { customer: 'nobody', feature: 'export' } }));
    const events = { body: { events: [{ id: 'evt_rl_1', customer: 'nobody', event: 'api_call' }] } };
    expect((await t.call('POST', '/v1/events', events)).status).toBe(200);
    expect((await t.call('POST', '/v1/events', events)).status).toBe(200);
    expectRateLimited(await t.call('POST', '/v1/events', events));
  });

  it('never limits the health probes', async () => {
    for (let i = 0; i < 10; i++) {
      const res = await t.call('GET', '/healthz', { key: null });
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit-limit')).toBeNull();
    }
  });
});

describe('a budget refills', () => {
  let t: TestApp;
  let limiter: RateLimiter;
  beforeAll(async () => {
    limiter = createRateLimiter(limits({ api: 1 }), { windowSeconds: 1 });
    t = await startTestApp({ rateLimiter: limiter });
  });
  afterAll(async () => {
    await t.close();
    await limiter.close();
  });

  it('answers again once Retry-After has passed', async () => {
    // Spend the budget; the first 429 says when to come back.
    const refused = await waitFor('a 429', async () => {
      const res = await t.call('GET', '/v1/customers');
      return res.status === 429 ? res : undefined;
    });
    expectRateLimited(refused);
    await new Promise((resolve) => setTimeout(resolve, Number(refused.headers.get('retry-after')) * 1000));
    const again = await waitFor('the budget to refill', async () => {
      const res = await t.call('GET', '/v1/customers');
      return res.status === 200 ? res : undefined;
    });
    expect(again.headers.get('ratelimit-limit')).toBe('1');
  });
});

describe('failed authentications per client IP', () => {
  let t: TestApp;
  let limiter: RateLimiter;
  beforeAll(async () => {
    limiter = createRateLimiter(limits({ unauthenticated: 2 }), LONG_WINDOW);
    t = await startTestApp({ rateLimiter: limiter });
  });
  afterAll(async () => {
    await t.close();
    await limiter.close();
  });

  it('answers 429 after the budget of wrong keys, and then looks at no key from that IP, a right one neither', async () => {
    const guess = () => t.call('GET', '/v1/customers', { key: `sk_test_${'x'.repeat(40)}` });
    expect((await guess()).status).toBe(401);
    expect((await t.call('GET', '/v1/customers', { key: null })).status).toBe(401);
    expectRateLimited(await guess());
    expectRateLimited(await guess());
    // A right key from the same IP is not even looked at: a guess cannot tell it is right.
    expectRateLimited(await t.call('GET', '/v1/customers'));
  });
});

const redisServerAvailable = spawnSync('redis-server', ['--version']).status === 0;
const sharedRedis = Boolean(process.env.REDIS_URL);

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** An app over `database` with its own limiter, on a random port. */
async function startInstance(database: TestDatabase, limiter: RateLimiter) {
  const app = createApp({ db: database.db, logger: pino({ level: 'silent' }), rateLimiter: limiter, validateResponses: true });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    get: async (path: string, key: string) => {
      const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${key}` } });
      return { status: res.status, body: await res.json(), headers: res.headers };
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await limiter.close();
    },
  };
}

describe.skipIf(!sharedRedis)('rate limits in Redis, shared by two instances', () => {
  let database: TestDatabase;
  let a: Awaited<ReturnType<typeof startInstance>>;
  let b: Awaited<ReturnType<typeof startInstance>>;
  let key: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    const options = { ...LONG_WINDOW, redisUrl: process.env.REDIS_URL! };
    a = await startInstance(database, createRateLimiter(limits({ api: 3 }), options));
    b = await startInstance(database, createRateLimiter(limits({ api: 3 }), options));
    key = (await createProjectWithKeys(database.db, 'shared budget', new Date())).secretKey;
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  it('spends one budget through both instances', async () => {
    expect((await a.get('/v1/customers', key)).status).toBe(200);
    expect((await b.get('/v1/customers', key)).status).toBe(200);
    const third = await a.get('/v1/customers', key);
    expect(third.status).toBe(200);
    expect(third.headers.get('ratelimit-remaining')).toBe('0');
    expectRateLimited(await b.get('/v1/customers', key));
    expectRateLimited(await a.get('/v1/customers', key));
  });

  it('counts the checks budget in each instance, so a check never waits on Redis', async () => {
    const options = { ...LONG_WINDOW, redisUrl: process.env.REDIS_URL! };
    const first = createRateLimiter(limits({ checks: 1, api: 1 }), options);
    const second = createRateLimiter(limits({ checks: 1, api: 1 }), options);
    try {
      const who = `checks-${Date.now()}`;
      expect((await first.spend('checks', who))?.allowed).toBe(true);
      expect((await second.spend('checks', who))?.allowed).toBe(true);
      expect((await first.spend('checks', who))?.allowed).toBe(false);
      // The api budget of the same key is one budget across both.
      expect((await first.spend('api', who))?.allowed).toBe(true);
      expect((await second.spend('api', who))?.allowed).toBe(false);
    } finally {
      await first.close();
      await second.close();
    }
  });
});

describe('Redis down', () => {
  let database: TestDatabase;
  let redis: ChildProcess | undefined;
  const instances: Array<Awaited<ReturnType<typeof startInstance>>> = [];
  let key: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    key = (await createProjectWithKeys(database.db, 'redis down', new Date())).secretKey;
  });
  afterAll(async () => {
    for (const instance of instances) await instance.close();
    redis?.kill('SIGKILL');
    await database?.drop();
  });

  it('answers every request, still limited in this process, when Redis cannot be reached', async () => {
    // Nothing listens on port 1.
    const instance = await startInstance(database, createRateLimiter(limits({ api: 2 }), { ...LONG_WINDOW, redisUrl: 'redis://127.0.0.1:1' }));
    instances.push(instance);
    expect((await instance.get('/v1/customers', key)).status).toBe(200);
    expect((await instance.get('/v1/customers', key)).status).toBe(200);
    expectRateLimited(await instance.get('/v1/customers', key));
  });

  it.skipIf(!redisServerAvailable)('answers every request after its Redis is killed', async () => {
    const port = await freePort();
    redis = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const limiter = createRateLimiter(limits({ api: 1000 }), { ...LONG_WINDOW, redisUrl: `redis://127.0.0.1:${port}` });
    const instance = await startInstance(database, limiter);
    instances.push(instance);
    // Counted in Redis once it is up.
    const probe = new Redis(`redis://127.0.0.1:${port}`, { lazyConnect: true, maxRetriesPerRequest: 0 });
    probe.on('error', () => {});
    await waitFor('Redis to count', async () => {
      expect((await instance.get('/v1/customers', key)).status).toBe(200);
      const counted = await probe.keys('nozle:rate:api:*').catch(() => []);
      return counted.length > 0 ? true : undefined;
    });
    probe.disconnect();

    redis.kill('SIGKILL');
    await new Promise((resolve) => redis!.once('exit', resolve));
    for (let i = 0; i < 5; i++) {
      const res = await instance.get('/v1/customers', key);
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit-limit')).toBe('1000');
    }
  });
});
