// Alerts over HTTP, with a real webhook receiver: a usage threshold crossed by one event fires
// once per period (delivered once, verified with standardwebhooks; fired again after the period
// rolls over on the test clock), for every customer of a plan; credits.low once per crossing,
// armed again by a top-up; credits.depleted; a spend alert on a billed meter tied to no feature;
// two concurrent batches fire once; bad parameters are 400s naming them; and with no alert in
// the project a snapshot store asks one query of the alerts.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotAlerts } from '../src/alerts/evaluate.js';
import { runDeliveryPass, type DeliveryDeps } from '../src/webhooks/delivery.js';
import { createSnapshots } from '../src/wiring.js';
import { countingDatabase } from './support/counting-db.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { verifyReceived, WebhookReceiver } from './support/webhook-receiver.js';

let t: TestApp;
let deps: DeliveryDeps;
let receiver: WebhookReceiver;
let secret: string;

const HOUR = 3_600;
const DAY = 24 * HOUR;
const post = (path: string, body: unknown) => t.call('POST', path, { body });
const now = () => Math.floor(t.clocks.clockFor(t.projectA.projectId).now().getTime() / 1000);
const advanceTo = async (to: number) => expect((await post('/v1/test_clock/advance', { to })).status).toBe(200);
const entitlements = async (customer: string) => (await t.call('GET', `/v1/customers/${customer}/entitlements`)).body;

let seq = 0;
async function customer(plan?: string): Promise<{ id: string; ref: string }> {
  const ref = `alert_user_${++seq}`;
  const created = await post('/v1/customers', { external_id: ref });
  expect(created.status).toBe(200);
  if (plan) expect((await post('/v1/subscriptions', { customer: ref, plan })).status).toBe(200);
  return { id: created.body.id, ref };
}

let eventSeq = 0;
const messages = (customerRef: string, count: number) =>
  Array.from({ length: count }, () => ({ id: `alert_evt_${++eventSeq}`, customer: customerRef, event: 'message' }));
async function send(events: unknown[]): Promise<void> {
  const res = await post('/v1/events', { events });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.accepted).toBe(events.length);
}

/** The events of `type` raised for one customer, oldest first. */
async function raised(type: string, customerId: string): Promise<Array<{ id: string; data: Record<string, any> }>> {
  const { data } = (await t.call('GET', `/v1/webhook_events?type=${type}&limit=100`)).body;
  return data.filter((event: { data: { customer: string } }) => event.data.customer === customerId).reverse();
}

/** Postgres: until a statement of another transaction waits for a row lock (the second insert of one firing). */
async function blockedOnALock(): Promise<void> {
  for (;;) {
    const { rows } = await t.database.db.query<{ waiting: number }>(
      "select count(*)::int as waiting from pg_stat_activity where wait_event_type = 'Lock' and query like 'insert into alert_firings%'",
    );
    if (rows[0]!.waiting > 0) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function createAlert(params: Record<string, unknown>): Promise<{ id: string }> {
  const res = await post('/v1/alerts', params);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const START = Date.parse('2026-03-01T12:00:00Z') / 1000;
const PERIOD_END = Date.parse('2026-04-01T12:00:00Z') / 1000;
let proAlert: { id: string };

beforeAll(async () => {
  t = await startTestApp();
  deps = { db: t.database.db, clock: t.clock, logger: pino({ level: 'silent' }), policy: { allowPrivate: true }, timeoutMs: 2_000, wallNow: () => new Date() };
  receiver = await new WebhookReceiver().start();
  const endpoint = await post('/v1/webhook_endpoints', {
    url: receiver.url,
    enabled_events: ['usage.threshold_reached', 'credits.low', 'credits.depleted', 'spend.threshold_reached'],
  });
  secret = endpoint.body.secret;
  expect((await post('/v1/meters', { key: 'msgs', event_name: 'message', aggregation: 'count' })).status).toBe(200);
  expect((await post('/v1/features', { key: 'messages', type: 'metered', meter: 'msgs' })).status).toBe(200);
  expect((await post('/v1/features', { key: 'export', type: 'boolean' })).status).toBe(200);
  expect((await post('/v1/plans', { key: 'pro', interval: 'month', entitlements: [{ feature: 'messages', limit: 10, reset: 'month' }] })).status).toBe(200);
  expect((await post('/v1/plans', { key: 'team', interval: 'month', entitlements: [{ feature: 'messages', limit: 10, reset: 'month' }] })).status).toBe(200);
  // Tokens are billed at one cent each, and give no feature: their usage moves no snapshot.
  expect((await post('/v1/meters', { key: 'tokens', event_name: 'completion', aggregation: 'sum', property: 'tokens' })).status).toBe(200);
  const metered = { key: 'metered', interval: 'month', base_price: 0, prices: [{ key: 'tok', meter: 'tokens', model: 'per_unit', unit_amount: '1' }] };
  expect((await post('/v1/plans', metered)).status).toBe(200);
});
afterAll(async () => {
  await receiver?.stop();
  await t?.close();
});

describe('a usage alert', () => {
  it('fires once when one event crosses 80% of the limit, delivered once and verified with standardwebhooks', async () => {
    proAlert = await createAlert({ type: 'usage', plan: 'pro', feature: 'messages', percent: 80, description: 'Almost out of messages' });
    const a = await customer('pro');
    await send(messages(a.ref, 7));
    expect(await raised('usage.threshold_reached', a.id)).toEqual([]);
    expect((await entitlements(a.ref)).alerts).toBeUndefined();

    await send(messages(a.ref, 1)); // the 8th of 10: 80%
    const [fired, ...more] = await raised('usage.threshold_reached', a.id);
    expect(more).toEqual([]);
    expect(fired!.data).toEqual({
      alert: expect.objectContaining({ id: proAlert.id, object: 'alert', type: 'usage', plan: 'pro', feature: 'messages', percent: 80 }),
      customer: a.id,
      external_id: a.ref,
      feature: 'messages',
      percent: 80,
      limit: 10,
      threshold: 8,
      value: 8,
      period_start: START,
      period_end: PERIOD_END,
    });
    const reached = {
      alert: proAlert.id,
      type: 'usage',
      feature: 'messages',
      percent: 80,
      threshold: 8,
      value: 8,
      reached_at: now(),
      period_start: START,
      period_end: PERIOD_END,
    };
    expect((await entitlements(a.ref)).alerts).toEqual([reached]);

    // More usage in the same period fires nothing more; the snapshot still shows it.
    await send(messages(a.ref, 1));
    await send(messages(a.ref, 2));
    expect(await raised('usage.threshold_reached', a.id)).toHaveLength(1);
    expect((await entitlements(a.ref)).alerts).toEqual([reached]);

    await runDeliveryPass(deps);
    const deliveries = receiver.received.filter((request) => request.body.includes(fired!.id));
    expect(deliveries).toHaveLength(1);
    const event = verifyReceived(secret, deliveries[0]!) as { id: string; type: string; data: unknown };
    expect(event).toMatchObject({ id: fired!.id, type: 'usage.threshold_reached', data: fired!.data });
  });

  it('of a plan applies to every customer of that plan, and only to them', async () => {
    const b = await customer('pro');
    const c = await customer('pro');
    const other = await customer('team'); // the same limit on another plan
    for (const who of [b, c, other]) await send(messages(who.ref, 9));
    expect(await raised('usage.threshold_reached', b.id)).toHaveLength(1);
    expect(await raised('usage.threshold_reached', c.id)).toHaveLength(1);
    expect(await raised('usage.threshold_reached', other.id)).toEqual([]);
    expect((await entitlements(other.ref)).alerts).toBeUndefined();
  });

  it('crossed by two batches at once fires once', async () => {
    const g = await customer('pro');
    await send(messages(g.ref, 7));
    // Either batch alone crosses 8; whichever commits second finds the firing there.
    await Promise.all([send(messages(g.ref, 2)), send(messages(g.ref, 2))]);
    expect((await entitlements(g.ref)).features.messages.used).toBe(11);
    expect(await raised('usage.threshold_reached', g.id)).toHaveLength(1);
  });

  it('evaluated by two transactions that both see it unfired raises one event: the firing row decides', async () => {
    const k = await customer('team');
    await send(messages(k.ref, 9));
    // An alert of a plan is evaluated at each customer's next snapshot, not at its creation.
    const teamAlert = await createAlert({ type: 'usage', plan: 'team', feature: 'messages', percent: 50 });
    const { features } = await entitlements(k.ref);
    const reading = { customer: { id: k.id, externalId: k.ref }, features, credits: {}, previousCredits: {}, plans: async () => new Set(['team']) };
    const at = t.clock.now();
    // The first evaluates and fires but has not committed when the second reads (Postgres: it
    // then waits on the first's row and inserts nothing; PGlite runs them one after the other).
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstDone!: () => void;
    const firstEvaluated = new Promise<void>((resolve) => (firstDone = resolve));
    const first = t.database.db.transaction(async (tx) => {
      const reached = await snapshotAlerts(tx, t.projectA.projectId, reading, at);
      firstDone();
      await held;
      return reached;
    });
    await Promise.race([firstEvaluated, first]);
    const second = t.database.db.transaction((tx) => snapshotAlerts(tx, t.projectA.projectId, reading, at));
    if (t.database.db.kind === 'postgres') await blockedOnALock();
    release();
    const [one, two] = await Promise.all([first, second]);
    expect([one.length, two.length]).toEqual([1, 1]);
    expect(await raised('usage.threshold_reached', k.id)).toHaveLength(1);
    expect((await t.call('DELETE', `/v1/alerts/${teamAlert.id}`)).status).toBe(200);
  });

  it('of one customer with an absolute amount is evaluated at once when created, and a disabled one fires nothing', async () => {
    const h = await customer('team');
    await send(messages(h.ref, 5));
    const disabled = await createAlert({ type: 'usage', customer: h.ref, feature: 'messages', amount: 3, enabled: false });
    expect(await raised('usage.threshold_reached', h.id)).toEqual([]);
    const alert = await createAlert({ type: 'usage', customer: h.ref, feature: 'messages', amount: 5 });
    const [fired] = await raised('usage.threshold_reached', h.id);
    expect(fired!.data).toMatchObject({ alert: { id: alert.id, customer: h.id, amount: 5, percent: null }, percent: null, threshold: 5, value: 5 });
    expect((await entitlements(h.ref)).alerts.map((entry: { alert: string }) => entry.alert)).toEqual([alert.id]);
    // Deleting it takes it out of the customer's snapshot at once.
    expect((await t.call('DELETE', `/v1/alerts/${alert.id}`)).body).toEqual({ id: alert.id, object: 'alert', deleted: true });
    expect((await entitlements(h.ref)).alerts).toBeUndefined();
    expect((await t.call('GET', `/v1/alerts/${disabled.id}`)).body.enabled).toBe(false);
  });
});

describe('a spend alert', () => {
  it('fires when billed usage of a meter tied to no feature takes the upcoming invoice past its amount, once in the period', async () => {
    const f = await customer('metered');
    const alert = await createAlert({ type: 'spend', customer: f.ref, currency: 'usd', amount: 1_000 });
    const tokens = (count: number) => [{ id: `alert_evt_${++eventSeq}`, customer: f.ref, event: 'completion', properties: { tokens: count } }];
    await send(tokens(600));
    expect(await raised('spend.threshold_reached', f.id)).toEqual([]);
    const before = (await entitlements(f.ref)).version;

    await send(tokens(500)); // 1,100 cents due
    const [fired, ...more] = await raised('spend.threshold_reached', f.id);
    expect(more).toEqual([]);
    const upcoming = (await t.call('GET', `/v1/customers/${f.ref}/upcoming_invoice`)).body;
    expect(fired!.data).toEqual({
      alert: expect.objectContaining({ id: alert.id, type: 'spend', customer: f.id, currency: 'usd', amount: 1_000 }),
      customer: f.id,
      external_id: f.ref,
      currency: 'usd',
      threshold: 1_000,
      value: 1_100,
      subscription: upcoming.subscription,
      period_start: upcoming.period_start,
      period_end: upcoming.period_end,
    });
    // The firing moved the snapshot, which shows it.
    const snapshot = await entitlements(f.ref);
    expect(snapshot.version).toBe(before + 1);
    expect(snapshot.alerts).toEqual([
      {
        alert: alert.id,
        type: 'spend',
        currency: 'usd',
        threshold: 1_000,
        value: 1_100,
        reached_at: now(),
        period_start: upcoming.period_start,
        period_end: upcoming.period_end,
      },
    ]);

    await send(tokens(50));
    expect(await raised('spend.threshold_reached', f.id)).toHaveLength(1);
    // Usage that fires nothing leaves the snapshot alone, as before alerts.
    expect((await entitlements(f.ref)).version).toBe(snapshot.version);
  });
});

describe('credit balance alerts and credits.depleted', () => {
  it('credits.low fires once per crossing and is armed again by a top-up', async () => {
    const d = await customer();
    const alert = await createAlert({ type: 'credit_balance', customer: d.ref, currency: 'usd', amount: 500 });
    // No credit yet: a customer that never had any is not "running low".
    expect(await raised('credits.low', d.id)).toEqual([]);
    expect((await post(`/v1/customers/${d.ref}/credits`, { currency: 'usd', amount: 600, expires_at: now() + DAY })).status).toBe(200);
    expect((await post(`/v1/customers/${d.ref}/credits`, { currency: 'usd', amount: 300 })).status).toBe(200);
    expect(await raised('credits.low', d.id)).toEqual([]);

    await advanceTo(now() + DAY + HOUR); // 600 expire: 300 left
    expect((await entitlements(d.ref)).credits).toEqual({ usd: 300 });
    const [low, ...more] = await raised('credits.low', d.id);
    expect(more).toEqual([]);
    expect(low!.data).toEqual({
      alert: expect.objectContaining({ id: alert.id, type: 'credit_balance', currency: 'usd', amount: 500 }),
      customer: d.id,
      external_id: d.ref,
      currency: 'usd',
      threshold: 500,
      value: 300,
    });
    expect((await entitlements(d.ref)).alerts).toMatchObject([
      { alert: alert.id, type: 'credit_balance', currency: 'usd', value: 300, period_start: null, period_end: null },
    ]);

    // Still below: another change fires nothing more.
    expect((await post(`/v1/customers/${d.ref}/credits`, { currency: 'eur', amount: 100 })).status).toBe(200);
    expect(await raised('credits.low', d.id)).toHaveLength(1);

    // A top-up above the amount arms it again; the next crossing fires again.
    expect((await post(`/v1/customers/${d.ref}/credits`, { currency: 'usd', amount: 1_000, expires_at: now() + DAY })).status).toBe(200);
    expect((await entitlements(d.ref)).alerts).toBeUndefined();
    await advanceTo(now() + DAY + HOUR);
    expect((await entitlements(d.ref)).credits).toEqual({ usd: 300, eur: 100 });
    expect((await raised('credits.low', d.id)).map((event) => event.data.value)).toEqual([300, 300]);

    await runDeliveryPass(deps);
    const delivered = receiver.events().filter((event) => event.type === 'credits.low' && event.data['customer'] === d.id);
    expect(delivered).toHaveLength(2);
  });

  it('credits.depleted fires when a balance reaches 0 from above, with no alert', async () => {
    const e = await customer();
    expect((await post(`/v1/customers/${e.ref}/credits`, { currency: 'usd', amount: 250, expires_at: now() + DAY })).status).toBe(200);
    expect(await raised('credits.depleted', e.id)).toEqual([]);
    await advanceTo(now() + DAY + HOUR);
    expect((await entitlements(e.ref)).credits).toEqual({});
    const depleted = await raised('credits.depleted', e.id);
    expect(depleted.map((event) => event.data)).toEqual([{ customer: e.id, external_id: e.ref, currency: 'usd', previous_balance: 250 }]);
    expect((await post(`/v1/customers/${e.ref}/grants`, { feature: 'export' })).status).toBe(200);
    expect(await raised('credits.depleted', e.id)).toHaveLength(1);
  });
});

describe('a new period', () => {
  it('starts afresh: crossing the threshold again fires again, and the old period shows no alert', async () => {
    const a = await customer('pro');
    await send(messages(a.ref, 8));
    const [first] = await raised('usage.threshold_reached', a.id);
    const { period_start: start, period_end: end } = first!.data;
    await advanceTo(end + HOUR);
    expect((await entitlements(a.ref)).alerts).toBeUndefined();
    await send(messages(a.ref, 7));
    expect(await raised('usage.threshold_reached', a.id)).toHaveLength(1);
    await send(messages(a.ref, 1));
    const fired = await raised('usage.threshold_reached', a.id);
    expect(fired.map((event) => [event.data.period_start, event.data.value])).toEqual([
      [start, 8],
      [end, 8],
    ]);
  });

  it('a new threshold lets the alert fire again in the current period', async () => {
    const a = await customer('pro');
    await send(messages(a.ref, 9));
    expect(await raised('usage.threshold_reached', a.id)).toHaveLength(1);
    const updated = await post(`/v1/alerts/${proAlert.id}`, { percent: 90, metadata: { team: 'growth' } });
    expect(updated.body).toMatchObject({ id: proAlert.id, percent: 90, metadata: { team: 'growth' } });
    await send(messages(a.ref, 1));
    expect((await raised('usage.threshold_reached', a.id)).map((event) => event.data.threshold)).toEqual([8, 9]);
  });
});

describe('the alerts API', () => {
  it('lists alerts newest first, paginated, and 404s an unknown one', async () => {
    const page = (await t.call('GET', '/v1/alerts?limit=2')).body;
    expect(page).toMatchObject({ object: 'list', url: '/v1/alerts', has_more: true });
    expect(page.data).toHaveLength(2);
    const next = (await t.call('GET', `/v1/alerts?limit=100&starting_after=${page.data[1].id}`)).body.data;
    expect(next.map((alert: { id: string }) => alert.id)).toContain(proAlert.id);
    expect((await t.call('GET', '/v1/alerts/alr_nothing')).status).toBe(404);
    expect((await t.call('GET', `/v1/alerts/${proAlert.id}`, { key: t.projectB.secretKey })).status).toBe(404);
  });

  it.each([
    ['an unknown feature', { type: 'usage', feature: 'nope', percent: 80 }, 'feature'],
    ['a feature that is not metered', { type: 'usage', feature: 'export', percent: 80 }, 'feature'],
    ['a usage alert without its feature', { type: 'usage', percent: 80 }, 'feature'],
    ['a percent out of range', { type: 'usage', feature: 'messages', percent: 1_001 }, 'percent'],
    ['a percent of 0', { type: 'usage', feature: 'messages', percent: 0 }, 'percent'],
    ['both a percent and an amount', { type: 'usage', feature: 'messages', percent: 80, amount: 5 }, 'amount'],
    ['neither a percent nor an amount', { type: 'usage', feature: 'messages' }, 'percent'],
    ['a currency on a usage alert', { type: 'usage', feature: 'messages', amount: 5, currency: 'usd' }, 'currency'],
    ['a credit balance alert without a currency', { type: 'credit_balance', amount: 500 }, 'currency'],
    ['a spend alert without an amount', { type: 'spend', currency: 'usd' }, 'amount'],
    ['a spend amount above 10^12', { type: 'spend', currency: 'usd', amount: 2_000_000_000_000 }, 'amount'],
    ['a feature on a spend alert', { type: 'spend', currency: 'usd', amount: 5, feature: 'messages' }, 'feature'],
    ['an unknown customer', { type: 'spend', currency: 'usd', amount: 5, customer: 'nobody' }, 'customer'],
    ['an unknown plan', { type: 'spend', currency: 'usd', amount: 5, plan: 'nope' }, 'plan'],
    ['both a customer and a plan', { type: 'spend', currency: 'usd', amount: 5, customer: 'alert_user_1', plan: 'pro' }, 'plan'],
    ['an unknown type', { type: 'weather', amount: 5 }, 'type'],
    ['a currency that is not one', { type: 'spend', currency: 'dollars', amount: 5 }, 'currency'],
  ])('refuses %s with a 400 naming the parameter', async (_, params, param) => {
    const res = await post('/v1/alerts', params);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.param).toBe(param);
  });

  it('refuses an update of the threshold the alert was not made with', async () => {
    const res = await post(`/v1/alerts/${proAlert.id}`, { amount: 5 });
    expect(res.status).toBe(400);
    expect(res.body.error.param).toBe('amount');
  });
});

describe('the hot path', () => {
  it('with no alert in the project, a snapshot store asks the alerts one query', async () => {
    const other = (await t.call('POST', '/v1/customers', { key: t.projectB.secretKey, body: { external_id: 'quiet' } })).body;
    const counted = countingDatabase(t.database.db);
    const snapshots = createSnapshots(0);
    await counted.db.transaction((tx) => snapshots.recompute(tx, t.projectB.projectId, other.id, t.clock.now()));
    expect(counted.statements.filter((sql) => /\b(alerts|alert_firings)\b/.test(sql))).toHaveLength(1);
  });
});
