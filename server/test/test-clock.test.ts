// The sandbox test clock is bounded and belongs to one project: a move past its bound is a 400
// that changes nothing, the server starts again after any move, and one project's move leaves
// every other project's time, subscriptions, snapshots and invoices as they were.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryBus } from '../src/bus/memory-bus.js';
import { createRedisBus } from '../src/bus/redis-bus.js';
import { closeBillingPeriods } from '../src/billing/invoices.js';
import { loadConfig } from '../src/config.js';
import { loadMigrations, migrate } from '../src/db/migrate.js';
import { runDuePass } from '../src/scheduler.js';
import { ProjectClocks } from '../src/project-clocks.js';
import { createProjectWithKeys } from '../src/projects/create-project.js';
import { startServer } from '../src/server.js';
import { CARDS, submitPage } from './support/sandbox-pages.js';
import { createTestDatabase } from './support/test-db.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const DAY = 86_400;
const TEN_YEARS = 315_360_000;

let t: TestApp;
let n = 0;

beforeAll(async () => {
  t = await startTestApp();
  for (const key of [t.projectA.secretKey, t.projectB.secretKey]) {
    expect((await t.call('POST', '/v1/features', { key, body: { key: 'export', type: 'boolean' } })).status).toBe(200);
    const plan = { key: 'pro', interval: 'month', currency: 'usd', base_price: 2900, entitlements: [{ feature: 'export' }] };
    expect((await t.call('POST', '/v1/plans', { key, body: plan })).status).toBe(200);
  }
});
afterAll(() => t.close());

const clockOf = async (key: string) => {
  const res = await t.call('GET', '/v1/test_clock', { key });
  expect(res.status).toBe(200);
  return res.body as { now: number; offset_seconds: number };
};

const advance = (key: string, body: { to: number } | { seconds: number }) => t.call('POST', '/v1/test_clock/advance', { key, body });

/** A customer of the key's project with a paid `pro` subscription from the sandbox's checkout. */
async function subscribed(key: string) {
  n += 1;
  const customer = await t.call('POST', '/v1/customers', { key, body: { external_id: `clock_user_${n}` } });
  expect(customer.status).toBe(200);
  const session = await t.call('POST', '/v1/checkout/sessions', {
    key,
    body: { customer: customer.body.id, plan: 'pro', success_url: 'https://app.example.com/ok' },
  });
  expect(session.status).toBe(200);
  expect((await submitPage(session.body.url, { card: CARDS.pays, action: 'pay' })).status).toBe(303);
  return { id: customer.body.id as string, subscription: await onlySubscription(key, customer.body.id) };
}

async function onlySubscription(key: string, customer: string) {
  const res = await t.call('GET', `/v1/subscriptions?customer=${customer}`, { key });
  expect(res.body.data).toHaveLength(1);
  return res.body.data[0];
}

async function snapshotRow(customer: string) {
  const { rows } = await t.database.db.query<{ version: number; valid_until: Date | null }>(
    'select version, valid_until from entitlement_snapshots where customer_id = $1',
    [customer],
  );
  return rows[0];
}

async function invoiceCount(key: string, customer: string): Promise<number> {
  const res = await t.call('GET', `/v1/invoices?customer=${customer}`, { key });
  expect(res.status).toBe(200);
  return res.body.data.length;
}

describe('the bound on the test clock', () => {
  it('refuses a move to the year 10000 with a 400 naming `to`, and every later request still works', async () => {
    const key = t.projectA.secretKey;
    const before = await clockOf(key);
    const refused = await advance(key, { to: 253402300800 });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ type: 'invalid_request_error', param: 'to' });

    expect(await clockOf(key)).toEqual(before);
    expect((await t.call('POST', '/v1/customers', { key, body: { external_id: 'after_the_refusal' } })).status).toBe(200);
    const events = await t.call('POST', '/v1/events', { key, body: { events: [{ id: 'evt_after_refusal', customer: 'after_the_refusal', event: 'ping' }] } });
    expect(events.body).toMatchObject({ accepted: 1, rejected: 0 });
    const moved = await advance(key, { seconds: 60 });
    expect(moved.status).toBe(200);
    expect(moved.body.now).toBe(before.now + 60);
  });

  it('refuses a move more than ten years past the server time, by `to` or by `seconds`, changing nothing', async () => {
    const key = t.projectA.secretKey;
    const server = Math.floor(t.clock.now().getTime() / 1000);
    const before = await clockOf(key);

    const tooFarTo = await advance(key, { to: server + TEN_YEARS + DAY });
    expect(tooFarTo.status).toBe(400);
    expect(tooFarTo.body.error).toMatchObject({ param: 'to', code: 'parameter_out_of_range' });
    // The project is already a little ahead, so ten years more from its time go past the bound.
    const tooFarSeconds = await advance(key, { seconds: TEN_YEARS });
    expect(tooFarSeconds.status).toBe(400);
    expect(tooFarSeconds.body.error).toMatchObject({ param: 'seconds', code: 'parameter_out_of_range' });
    expect(await clockOf(key)).toEqual(before);

    // Up to the bound is allowed (measured against the server's time, which stands still here).
    const last = await t.call('POST', '/v1/test_clock/advance', { key: t.projectB.secretKey, body: { to: server + TEN_YEARS } });
    expect(last.status).toBe(200);
    expect(last.body).toMatchObject({ now: server + TEN_YEARS, offset_seconds: TEN_YEARS });
  });
});

describe('a test clock per project', () => {
  it("moves only the caller's project: B's move renews B's subscription and leaves A's time, subscription, snapshot and invoices as they were", async () => {
    // B's clock was moved to the bound above: start this test from fresh projects' view of time.
    const a = t.projectA.secretKey;
    const aliceA = await subscribed(a);
    const aBefore = { clock: await clockOf(a), snapshot: await snapshotRow(aliceA.id), invoices: await invoiceCount(a, aliceA.id) };

    const c = await freshProject('Project C');
    const bobC = await subscribed(c.secretKey);
    const moved = await advance(c.secretKey, { to: bobC.subscription.current_period_end + DAY });
    expect(moved.status).toBe(200);
    expect(moved.body.now).toBe(bobC.subscription.current_period_end + DAY);
    expect(await onlySubscription(c.secretKey, bobC.id)).toMatchObject({ status: 'active', current_period_start: bobC.subscription.current_period_end });

    // A's period end is before C's new time, yet nothing of A moved.
    expect(aliceA.subscription.current_period_end).toBeLessThan(moved.body.now);
    expect(await clockOf(a)).toEqual(aBefore.clock);
    expect(await onlySubscription(a, aliceA.id)).toEqual(aliceA.subscription);
    expect(await snapshotRow(aliceA.id)).toEqual(aBefore.snapshot);
    expect(await invoiceCount(a, aliceA.id)).toBe(aBefore.invoices);

    // The scheduler (and the billing job) judge each project by its own clock too.
    await runDuePass({ clock: t.clocks, logger: pino({ level: 'silent' }), payments: t.payments, entitlements: t.entitlements });
    await closeBillingPeriods(t.payments.billing);
    expect(await onlySubscription(a, aliceA.id)).toEqual(aliceA.subscription);
    expect(await snapshotRow(aliceA.id)).toEqual(aBefore.snapshot);

    // A's own move still runs A's renewal.
    expect((await advance(a, { to: aliceA.subscription.current_period_end + 60 })).status).toBe(200);
    expect(await onlySubscription(a, aliceA.id)).toMatchObject({ status: 'active', current_period_start: aliceA.subscription.current_period_end });
  });

  it("answers each project's own time: a request's now is its project's clock", async () => {
    const c = await freshProject('Project D');
    const e = await freshProject('Project E');
    expect((await advance(c.secretKey, { seconds: 30 * DAY })).status).toBe(200);
    const server = Math.floor(t.clock.now().getTime() / 1000);
    expect(await clockOf(c.secretKey)).toEqual({ object: 'test_clock', now: server + 30 * DAY, offset_seconds: 30 * DAY });
    expect(await clockOf(e.secretKey)).toEqual({ object: 'test_clock', now: server, offset_seconds: 0 });
    // Made at the project's time, as every instant it records.
    const made = await t.call('POST', '/v1/customers', { key: c.secretKey, body: { external_id: 'late' } });
    expect(made.body.created).toBe(server + 30 * DAY);
  });

  it('is learned by another instance from the bus, and from the database on reload', async () => {
    const project = await freshProject('Project F');
    // Redis pub/sub when the suite runs against real services.
    const bus = process.env.REDIS_URL ? createRedisBus(process.env.REDIS_URL) : createMemoryBus();
    const here = new ProjectClocks(t.clock, { db: t.database.db, bus });
    const there = new ProjectClocks(t.clock, { db: t.database.db, bus });
    const offline = new ProjectClocks(t.clock, { db: t.database.db });
    await Promise.all([here.start(), there.start(), offline.start()]);
    try {
      await here.moveTo(project.projectId, new Date(t.clock.now().getTime() + DAY * 1000));
      await expect.poll(() => there.offsetMs(project.projectId), { timeout: 5000 }).toBe(DAY * 1000);
      expect(offline.offsetMs(project.projectId)).toBe(0);
      await offline.reload();
      expect(offline.offsetMs(project.projectId)).toBe(DAY * 1000);
    } finally {
      await Promise.all([here.stop(), there.stop()]);
      await bus.close();
    }
  });
});

async function freshProject(name: string) {
  const project = await createProjectWithKeys(t.database.db, name, t.clock.now());
  await t.call('POST', '/v1/features', { key: project.secretKey, body: { key: 'export', type: 'boolean' } });
  await t.call('POST', '/v1/plans', {
    key: project.secretKey,
    body: { key: 'pro', interval: 'month', currency: 'usd', base_price: 2900, entitlements: [{ feature: 'export' }] },
  });
  return project;
}

describe('a restart after moves of the test clock', () => {
  it("starts again after a refused far-future move, and a project's clock moved nine years keeps its time and takes events", async () => {
    const database = await createTestDatabase();
    const logger = pino({ level: 'silent' });
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', NOZLE_DEMO: 'false', REDIS_URL: process.env.REDIS_URL });
    try {
      const project = await createProjectWithKeys(database.db, 'Restarted', new Date());
      const call = async (url: string, method: string, path: string, body?: unknown) => {
        const res = await fetch(`${url}${path}`, {
          method,
          headers: { authorization: `Bearer ${project.secretKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
        return { status: res.status, body: await res.json() };
      };

      let server = await startServer(config, { db: database.db, logger });
      expect((await call(server.url, 'POST', '/v1/test_clock/advance', { to: 253402300800 })).status).toBe(400);
      const nineYears = 9 * 365 * DAY;
      const moved = await call(server.url, 'POST', '/v1/test_clock/advance', { seconds: nineYears });
      expect(moved.status).toBe(200);
      expect((await call(server.url, 'POST', '/v1/customers', { external_id: 'someone' })).status).toBe(200);
      // The month nine years ahead has its partition: events at the project's time are stored.
      const first = await call(server.url, 'POST', '/v1/events', { events: [{ id: 'evt_ahead_1', customer: 'someone', event: 'ping' }] });
      expect(first.body).toMatchObject({ accepted: 1, rejected: 0 });
      await server.close();

      server = await startServer(config, { db: database.db, logger });
      try {
        const clock = await call(server.url, 'GET', '/v1/test_clock');
        expect(clock.status).toBe(200);
        expect(clock.body.offset_seconds).toBe(moved.body.offset_seconds);
        expect(clock.body.now).toBeGreaterThanOrEqual(moved.body.now);
        const second = await call(server.url, 'POST', '/v1/events', { events: [{ id: 'evt_ahead_2', customer: 'someone', event: 'ping' }] });
        expect(second.body).toMatchObject({ accepted: 1, rejected: 0 });
      } finally {
        await server.close();
      }
    } finally {
      await database.drop();
    }
  });
});

describe('migration 0012', () => {
  it('gives every existing project the time the one server-wide clock had reached, cut to ten years', async () => {
    const database = await createTestDatabase({ migrated: false });
    try {
      await migrate(
        database.db,
        loadMigrations().filter((migration) => migration.version <= 11),
      );
      const now = new Date('2026-03-01T00:00:00Z');
      await database.db.query(`insert into projects (id, name, created_at) values ('proj_one', 'One', $1), ('proj_two', 'Two', $1)`, [now]);
      await database.db.query('insert into sandbox_clock (id, offset_ms) values (1, $1)', [5 * DAY * 1000]);
      await migrate(database.db);
      const { rows } = await database.db.query<{ project_id: string; offset_ms: string | number }>(
        'select project_id, offset_ms from project_clocks order by project_id',
      );
      expect(rows.map((row) => [row.project_id, Number(row.offset_ms)])).toEqual([
        ['proj_one', 5 * DAY * 1000],
        ['proj_two', 5 * DAY * 1000],
      ]);

      const bricked = await createTestDatabase({ migrated: false });
      try {
        await migrate(
          bricked.db,
          loadMigrations().filter((migration) => migration.version <= 11),
        );
        await bricked.db.query(`insert into projects (id, name, created_at) values ('proj_one', 'One', $1)`, [now]);
        await bricked.db.query('insert into sandbox_clock (id, offset_ms) values (1, $1)', [253402300800 * 1000 - now.getTime()]);
        await migrate(bricked.db);
        const cut = await bricked.db.query<{ offset_ms: string | number }>('select offset_ms from project_clocks');
        expect(cut.rows.map((row) => Number(row.offset_ms))).toEqual([TEN_YEARS * 1000]);
      } finally {
        await bricked.drop();
      }
    } finally {
      await database.drop();
    }
  });
});
