// Usage carries over (issue 14, item 3): a metered feature counts over the customer's usage
// period, so a plan change, a grant, an add-on or a subscription replacing another inside the
// period changes the limit and never `used`; only the period boundary resets it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startedLifecycle } from '../src/access/subscription-lifecycle.js';
import { insertSubscription } from '../src/access/subscriptions-store.js';
import { findPlan } from '../src/catalog/plans-store.js';
import { findCustomer } from '../src/customers/store.js';
import { wholeSecond } from '../src/clock.js';
import { carryOver, nextPeriodEnd, storeUsageCarry } from '../src/time/periods.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let n = 0;
let eventNumber = 0;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await startTestApp();
  await t.call('POST', '/v1/meters', { body: { key: 'messages', event_name: 'message', aggregation: 'count' } });
  await t.call('POST', '/v1/features', { body: { key: 'messages', type: 'metered', meter: 'messages' } });
  await t.call('POST', '/v1/features', { body: { key: 'export', type: 'boolean' } });
  const plan = (key: string, limit: number, extra: Record<string, unknown> = {}) =>
    t.call('POST', '/v1/plans', { body: { key, interval: 'month', entitlements: [{ feature: 'messages', limit, reset: 'month' }], ...extra } });
  await plan('free', 3);
  await plan('pro', 5);
  await plan('boost', 10, { add_on: true });
  // Set in the table too, for as long as the plans API does not yet store `add_on` (the groups work does).
  await t.database.db.query(`update plans set add_on = true where project_id = $1 and key = 'boost'`, [t.projectA.projectId]);
});
afterAll(() => t.close());

async function customer(): Promise<string> {
  n += 1;
  const created = await t.call('POST', '/v1/customers', { body: { external_id: `carry${n}` } });
  return created.body.id as string;
}

const subscribe = async (c: string, plan: string) => (await t.call('POST', '/v1/subscriptions', { body: { customer: c, plan } })).body as { id: string };

async function sendMessages(c: string, count: number): Promise<void> {
  const events = Array.from({ length: count }, () => ({ id: `msg_${++eventNumber}`, customer: c, event: 'message' }));
  const res = await t.call('POST', '/v1/events', { body: { events } });
  expect(res.body).toMatchObject({ accepted: count });
}

async function messages(c: string): Promise<{ used: number; limit: number | null; period_start: number; resets_at: number | null }> {
  return (await t.call('GET', `/v1/customers/${c}/entitlements`)).body.features.messages;
}

const secondsNow = () => Math.floor(t.clock.now().getTime() / 1000);

describe('usage carries over within the period', () => {
  it('a plan change keeps `used` and changes the limit; the boundary resets it (free with 3 messages, upgraded mid-month, shows 3 of 5)', async () => {
    const c = await customer();
    const sub = await subscribe(c, 'free');
    const anchor = secondsNow();
    t.clock.advance(10 * DAY);
    await sendMessages(c, 3);
    expect(await messages(c)).toMatchObject({ used: 3, limit: 3 });

    const changed = await t.call('POST', `/v1/subscriptions/${sub.id}`, { body: { plan: 'pro' } });
    expect(changed.body).toMatchObject({ plan: 'pro' });
    const after = await messages(c);
    expect(after).toMatchObject({ used: 3, limit: 5, period_start: anchor });

    await sendMessages(c, 1);
    expect(await messages(c)).toMatchObject({ used: 4, limit: 5 });

    t.clock.set(new Date(after.resets_at! * 1000));
    expect(await messages(c)).toMatchObject({ used: 0, limit: 5, period_start: after.resets_at });
    await sendMessages(c, 1);
    expect(await messages(c)).toMatchObject({ used: 1 });
  });

  it('a grant mid-period raises the limit and keeps `used`, in the plan’s period', async () => {
    const c = await customer();
    await subscribe(c, 'free');
    const planPeriod = await messages(c);
    t.clock.advance(5 * DAY);
    await sendMessages(c, 2);
    const grant = await t.call('POST', `/v1/customers/${c}/grants`, { body: { feature: 'messages', limit: 20 } });
    expect(grant.status).toBe(200);
    expect(await messages(c)).toMatchObject({ used: 2, limit: 20, period_start: planPeriod.period_start, resets_at: planPeriod.resets_at });
  });

  it('an add-on’s limit adds to the plan’s, over the same count', async () => {
    const c = await customer();
    await subscribe(c, 'pro');
    await sendMessages(c, 4);
    await subscribe(c, 'boost');
    expect(await messages(c)).toMatchObject({ used: 4, limit: 15 });
  });

  it('a customer with no subscription counts from its creation', async () => {
    const c = await customer();
    const created = secondsNow();
    t.clock.advance(2 * DAY);
    await t.call('POST', `/v1/customers/${c}/grants`, { body: { feature: 'messages', limit: 7 } });
    await sendMessages(c, 2);
    expect(await messages(c)).toMatchObject({ used: 2, limit: 7, period_start: created, resets_at: null });
  });
});

describe('a subscription that replaced another of its group inside the period', () => {
  /** Free since now; 3 messages 10 days in; then pro replaces free at that instant, carrying its period (as the group change does). */
  async function replaced(): Promise<{ c: string; freePeriodStart: number }> {
    const c = await customer();
    const free = await subscribe(c, 'free');
    const freePeriodStart = (await messages(c)).period_start;
    t.clock.advance(10 * DAY);
    await sendMessages(c, 3);
    const now = wholeSecond(t.clock.now());
    const db = t.database.db;
    const projectId = t.projectA.projectId;
    const pro = await findPlan(db, projectId, 'pro');
    const customerId = (await findCustomer(db, projectId, c)).id;
    const usageCarry = storeUsageCarry(carryOver(new Date(freePeriodStart * 1000), null, now));
    // As a replacement does it (access/default-plans.ts replaceDefault): the old one ends first,
    // the group holding one live subscription at a time.
    await db.query(`update subscriptions set status = 'canceled', canceled_at = $2 where id = $1`, [free.id, now]);
    await insertSubscription(
      db,
      projectId,
      { customerId, planId: pro.id, planVersion: pro.version, usageCarry, lifecycle: startedLifecycle(now, 'month'), metadata: {} },
      now,
    );
    return { c, freePeriodStart };
  }

  it('continues the old count until its own next boundary', async () => {
    const { c, freePeriodStart } = await replaced();
    const replacedAt = secondsNow();
    // A tracked message recomputes the snapshot: pro's limit over free's count, plus the new one.
    await sendMessages(c, 1);
    const carried = await messages(c);
    expect(carried).toMatchObject({ used: 4, limit: 5, period_start: freePeriodStart });
    expect(carried.resets_at).toBe(nextPeriodEnd(new Date(replacedAt * 1000), 'month').getTime() / 1000); // pro's own next boundary

    t.clock.set(new Date(carried.resets_at! * 1000));
    expect(await messages(c)).toMatchObject({ used: 0, period_start: carried.resets_at });
  });

  it('counts the events of the carried period once when a batch is the first to reach the new period', async () => {
    const { c } = await replaced();
    await sendMessages(c, 1);
    expect(await messages(c)).toMatchObject({ used: 4, limit: 5 });
    await sendMessages(c, 1);
    expect(await messages(c)).toMatchObject({ used: 5 });
  });
});
