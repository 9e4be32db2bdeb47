// Plan groups over HTTP, on subscriptions Nozle bills itself: a customer holds one live plan per
// group (another plan of the group changes that subscription: an upgrade now, prorated; a
// downgrade scheduled for the period's end, visible, cancelable, applied when due), a group's
// default plan is what a new customer holds and what comes back when its subscription ends,
// add-ons stack beside the group's plan, and the catalog refuses placements that break the rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDueScheduledChanges } from '../src/access/scheduled-changes.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let n = 0;
const at = (iso: string) => new Date(iso);
const unix = (iso: string) => Date.parse(iso) / 1000;

// Periods of 30 days: April 1 12:00 to May 1 12:00 UTC.
const START = '2026-04-01T12:00:00Z';
const END = '2026-05-01T12:00:00Z';

beforeAll(async () => {
  t = await startTestApp();
  for (const body of [
    { key: 'free', interval: 'month', base_price: 0, default: true },
    { key: 'basic', interval: 'month', base_price: 3_000 },
    { key: 'pro', interval: 'month', base_price: 9_000 },
    { key: 'boost', interval: 'month', base_price: 500, add_on: true },
    { key: 'seats_small', group: 'seats', interval: 'month', base_price: 1_000 },
  ]) {
    const res = await t.call('POST', '/v1/plans', { body });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  t.setTime(at(START));
});
afterAll(() => t.close());

async function newCustomer(): Promise<string> {
  n += 1;
  const res = await t.call('POST', '/v1/customers', { body: { external_id: `groups_${n}` } });
  expect(res.status).toBe(200);
  return res.body.id;
}

type Row = { id: string; plan: string; status: string };
const subscriptionsOf = async (customer: string): Promise<Row[]> =>
  (await t.call('GET', `/v1/subscriptions?customer=${customer}&limit=100`)).body.data.map((s: Row) => ({ id: s.id, plan: s.plan, status: s.status }));
const liveOf = async (customer: string) => (await subscriptionsOf(customer)).filter((s) => ['trialing', 'active', 'past_due'].includes(s.status));

describe('default plans', () => {
  it('a new customer holds its group’s default plan; a subscription to another plan of the group replaces it', async () => {
    t.setTime(at(START));
    const customer = await newCustomer();
    expect(await liveOf(customer)).toEqual([expect.objectContaining({ plan: 'free', status: 'active' })]);

    const pro = await t.call('POST', '/v1/subscriptions', { body: { customer, plan: 'pro' } });
    expect(pro.status).toBe(200);
    expect(pro.body).toMatchObject({ plan: 'pro', plan_group: 'default', status: 'active' });
    expect((await liveOf(customer)).map((s) => s.plan)).toEqual(['pro']);
  });

  it('comes back when the group’s subscription is canceled now', async () => {
    t.setTime(at(START));
    const customer = await newCustomer();
    const pro = await t.call('POST', '/v1/subscriptions', { body: { customer, plan: 'pro' } });
    expect((await t.call('POST', `/v1/subscriptions/${pro.body.id}/cancel`, { body: {} })).status).toBe(200);
    expect((await liveOf(customer)).map((s) => s.plan)).toEqual(['free']);
  });
});

describe('a change within a group', () => {
  it('an upgrade is made now on the same subscription, prorated on the period’s invoice', async () => {
    t.setTime(at(START));
    const customer = await newCustomer();
    const basic = await t.call('POST', '/v1/subscriptions', { body: { customer, plan: 'basic' } });
    expect(basic.status).toBe(200);
    t.setTime(at('2026-04-16T12:00:00Z'));
    const upgraded = await t.call('POST', '/v1/subscriptions', { body: { customer, plan: 'pro' } });
    expect(upgraded.status).toBe(200);
    expect(upgraded.body).toMatchObject({ id: basic.body.id, plan: 'pro', scheduled_change: null });
    expect((await liveOf(customer)).map((s) => s.plan)).toEqual(['pro']);

    const upcoming = await t.call('GET', `/v1/customers/${customer}/upcoming_invoice`);
    expect(upcoming.status).toBe(200);
    // Half the period left: −3,000 × 15/30 for Basic, +9,000 × 15/30 for Pro.
    expect(upcoming.body.lines.map((line: { type: string; amount: number }) => [line.type, line.amount])).toEqual([
      ['base_fee', 3_000],
      ['proration', -1_500],
      ['proration', 4_500],
    ]);
  });

  it('a downgrade is scheduled for the period’s end, visible, cancelable, and applied when due', async () => {
    t.setTime(at(START));
    const customer = await newCustomer();
    const pro = await t.call('POST', '/v1/subscriptions', { body: { customer, plan: 'pro' } });
    t.setTime(at('2026-04-10T00:00:00Z'));
    const scheduled = await t.call('POST', '/v1/subscriptions', { body: { customer, plan: 'basic' } });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body).toMatchObject({ id: pro.body.id, plan: 'pro', scheduled_change: { plan: 'basic', plan_version: 1, at: unix(END) } });

    const taken = await t.call('DELETE', `/v1/subscriptions/${pro.body.id}/scheduled_change`);
    expect(taken.status).toBe(200);
    expect(taken.body).toMatchObject({ plan: 'pro', scheduled_change: null });

    // Asked again, through an update this time; due at the boundary, applied there.
    const again = await t.call('POST', `/v1/subscriptions/${pro.body.id}`, { body: { plan: 'basic' } });
    expect(again.body.scheduled_change).toMatchObject({ plan: 'basic', at: unix(END) });
    const db = t.database.db;
    const apply = (iso: string) =>
      db.transaction((tx) => applyDueScheduledChanges({ db: tx, now: at(iso), afterCommit: () => undefined }, t.projectA.projectId, customer, at(iso)));
    expect(await apply('2026-04-30T12:00:00Z')).toBe(false);
    expect(await apply('2026-05-01T12:00:05Z')).toBe(true);
    t.setTime(at('2026-05-01T12:00:05Z'));
    const after = await t.call('GET', `/v1/subscriptions/${pro.body.id}`);
    expect(after.body).toMatchObject({ plan: 'basic', scheduled_change: null, current_period_start: unix(END) });
    // At the boundary: no proration in the new period.
    const upcoming = await t.call('GET', `/v1/customers/${customer}/upcoming_invoice`);
    expect(upcoming.body.lines.map((line: { type: string; amount: number }) => [line.type, line.amount])).toEqual([['base_fee', 3_000]]);
  });

  it('a scheduled downgrade is applied when the sandbox test clock passes its instant', async () => {
    t.setTime(at(START));
    const customer = await newCustomer();
    const pro = await t.call('POST', '/v1/subscriptions', { body: { customer, plan: 'pro' } });
    expect((await t.call('POST', '/v1/subscriptions', { body: { customer, plan: 'basic' } })).body.scheduled_change).toMatchObject({ plan: 'basic' });
    expect((await t.call('POST', '/v1/test_clock/advance', { body: { to: unix(END) + 60 } })).status).toBe(200);
    expect((await t.call('GET', `/v1/subscriptions/${pro.body.id}`)).body).toMatchObject({ plan: 'basic', scheduled_change: null });
  });

  it('a downgrade asked `now` is made now', async () => {
    t.setTime(at(START));
    const customer = await newCustomer();
    const pro = await t.call('POST', '/v1/subscriptions', { body: { customer, plan: 'pro' } });
    const now = await t.call('POST', '/v1/subscriptions', { body: { customer, plan: 'basic', effective: 'now' } });
    expect(now.body).toMatchObject({ id: pro.body.id, plan: 'basic', scheduled_change: null });
  });

  it('the plan the customer holds is a 409 naming plan', async () => {
    t.setTime(at(START));
    const customer = await newCustomer();
    await t.call('POST', '/v1/subscriptions', { body: { customer, plan: 'pro' } });
    const again = await t.call('POST', '/v1/subscriptions', { body: { customer, plan: 'pro' } });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'resource_already_exists', param: 'plan' });
  });

  it('parallel subscriptions to plans of one group end with exactly one live subscription there', async () => {
    t.setTime(at(START));
    const customer = await newCustomer();
    const plans = ['basic', 'pro', 'basic', 'pro', 'free', 'pro', 'basic', 'pro'];
    const answers = await Promise.all(plans.map((plan) => t.call('POST', '/v1/subscriptions', { body: { customer, plan } })));
    for (const res of answers) expect([200, 409]).toContain(res.status);
    const rows = await t.database.db.query("select id from subscriptions where customer_id = $1 and status in ('trialing', 'active', 'past_due')", [customer]);
    expect(rows.rows).toHaveLength(1);
  }, 60_000);
});

describe('add-ons and other groups', () => {
  it('stack beside the group’s plan', async () => {
    t.setTime(at(START));
    const customer = await newCustomer();
    for (const plan of ['pro', 'boost', 'seats_small']) {
      expect((await t.call('POST', '/v1/subscriptions', { body: { customer, plan } })).status).toBe(200);
    }
    expect((await liveOf(customer)).map((s) => s.plan).sort()).toEqual(['boost', 'pro', 'seats_small']);
    const boost = (await subscriptionsOf(customer)).find((s) => s.plan === 'boost')!;
    expect((await t.call('GET', `/v1/subscriptions/${boost.id}`)).body.plan_group).toBeNull();
  });
});

describe('placement', () => {
  it.each([
    { name: 'an add-on as default', body: { key: 'bad_1', interval: 'month', add_on: true, default: true }, status: 400, param: 'default' },
    { name: 'an add-on in a group', body: { key: 'bad_2', interval: 'month', add_on: true, group: 'seats' }, status: 400, param: 'group' },
    { name: 'a paid default', body: { key: 'bad_3', interval: 'month', base_price: 100, default: true, group: 'other' }, status: 400, param: 'default' },
    { name: 'a second default in a group', body: { key: 'bad_4', interval: 'month', default: true }, status: 409, param: 'default' },
  ])('$name: $status naming $param', async ({ body, status, param }) => {
    const res = await t.call('POST', '/v1/plans', { body });
    expect(res.status).toBe(status);
    expect(res.body.error.param).toBe(param);
  });

  it('a second default made by an update is a 409; a group cannot be changed', async () => {
    const made = await t.call('POST', '/v1/plans', { body: { key: 'lite', interval: 'month' } });
    expect(made.status).toBe(200);
    const res = await t.call('POST', '/v1/plans/lite', { body: { default: true } });
    expect(res.status).toBe(409);
    expect(res.body.error.param).toBe('default');
    expect((await t.call('POST', '/v1/plans/lite', { body: { group: 'seats' } })).status).toBe(400);
    expect((await t.call('POST', '/v1/plans/free', { body: { base_price: 100 } })).body.error.param).toBe('default');
  });
});
