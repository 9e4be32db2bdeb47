// The demo project a fresh server makes: the catalog the examples are written against, and a
// customer whose entitlements follow it through the real API.
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { startServer, type RunningServer } from '../src/server.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';

const running: RunningServer[] = [];
const databases: TestDatabase[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) await server.close();
  for (const database of databases.splice(0)) await database.drop();
});

async function start(database: TestDatabase): Promise<RunningServer> {
  const server = await startServer(loadConfig({ PORT: '0' }), { db: database.db, logger: pino({ level: 'silent' }) });
  running.push(server);
  return server;
}

async function freshDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase({ migrated: false });
  databases.push(database);
  return database;
}

function client(url: string, key: string) {
  return async (method: string, path: string, body?: unknown): Promise<any> => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json: unknown = await res.json();
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(json)}`);
    return json;
  };
}

describe('the demo project of a fresh server', () => {
  it('sells a free and a pro plan over an export feature and a metered messages feature', async () => {
    const server = await start(await freshDatabase());
    const api = client(server.url, server.demo!.secretKey);

    const features = await api('GET', '/v1/features');
    expect(features.data.map((f: any) => [f.key, f.type, f.meter]).sort()).toEqual([
      ['export', 'boolean', null],
      ['messages', 'metered', 'messages'],
    ]);
    const plans = await api('GET', '/v1/plans');
    const byKey = Object.fromEntries(plans.data.map((plan: any) => [plan.key, plan]));
    expect(byKey.free).toMatchObject({ interval: 'month', currency: 'usd', base_price: 0 });
    expect(byKey.free.entitlements).toEqual([{ feature: 'messages', limit: 3, reset: 'month', overage: false }]);
    expect(byKey.pro).toMatchObject({ interval: 'month', currency: 'usd', base_price: 2000 });
    expect(byKey.pro.entitlements).toEqual([
      { feature: 'export', enabled: true },
      { feature: 'messages', limit: 5, reset: 'month', overage: false },
    ]);
  });

  it('has a demo-user on the free plan whose message count reaches the limit through tracked events', async () => {
    const server = await start(await freshDatabase());
    const api = client(server.url, server.demo!.secretKey);

    const subscriptions = await api('GET', '/v1/subscriptions?customer=demo-user');
    expect(subscriptions.data.map((s: any) => [s.plan, s.status])).toEqual([['free', 'active']]);
    expect(await api('POST', '/v1/check', { customer: 'demo-user', feature: 'export' })).toMatchObject({ allowed: false, reason: 'no_access' });
    expect(await api('POST', '/v1/check', { customer: 'demo-user', feature: 'messages' })).toMatchObject({ allowed: true, limit: 3, used: 0 });

    const events = [1, 2, 3].map((n) => ({ id: `demo-seed-${n}`, customer: 'demo-user', event: 'message.sent' }));
    await api('POST', '/v1/events', { events });
    expect(await api('POST', '/v1/check', { customer: 'demo-user', feature: 'messages' })).toMatchObject({
      allowed: false,
      reason: 'limit_reached',
      used: 3,
      remaining: 0,
    });
  });

  it('is made once: a second start on the same database seeds nothing more', async () => {
    const database = await freshDatabase();
    const first = await start(database);
    const secretKey = first.demo!.secretKey;
    await first.close();
    running.splice(running.indexOf(first), 1);

    const second = await start(database);
    expect(second.demo).toBeUndefined();
    const api = client(second.url, secretKey);
    expect((await api('GET', '/v1/plans')).data.map((plan: any) => plan.key).sort()).toEqual(['free', 'pro']);
    expect((await api('GET', '/v1/customers')).data.map((c: any) => c.external_id)).toEqual(['demo-user']);
  });
});
