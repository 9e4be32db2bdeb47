// Seats end to end, on a subscription Nozle bills itself: a per-seat plan ($10.00 a month per
// seat, 1,000 messages per seat, and a `seats` feature whose limit is the quantity), 3 seats,
// +2 on day 10 of a 30-day period (prorated now, worked by hand below), then −1 scheduled to the
// period's end; can('seats') against the seats the app reports in use.
import { Nozle, type NozleTrackError } from '@nozle/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARDS, submitPage } from './support/sandbox-pages.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let nozle: Nozle;
const trackErrors: NozleTrackError[] = [];
const at = (iso: string) => new Date(iso);
const unix = (iso: string) => Date.parse(iso) / 1000;

// Periods of 30 days: April 1 12:00 to May 1 12:00 UTC, then May 1 to June 1 (31 days).
const START = '2026-04-01T12:00:00Z';
const END = '2026-05-01T12:00:00Z';
let subscriptionId: string;

const entitlements = async () => (await t.call('GET', '/v1/customers/acme/entitlements')).body;
const canAddSeat = async () => (await t.call('POST', '/v1/check', { body: { customer: 'acme', feature: 'seats' } })).body.allowed as boolean;
const advance = async (iso: string) => expect((await t.call('POST', '/v1/test_clock/advance', { body: { to: unix(iso) } })).status).toBe(200);

async function seatsInUse(count: number, when: string): Promise<void> {
  t.setTime(at(when));
  nozle.track({ customer: 'acme', event: 'seats.changed', properties: { count }, timestamp: at(when) });
  await nozle.flush();
}

beforeAll(async () => {
  t = await startTestApp();
  nozle = new Nozle({ secretKey: t.projectA.secretKey, baseUrl: t.url, track: { onError: (error) => trackErrors.push(error) } });
  const ok = async (path: string, body: object) => expect((await t.call('POST', path, { body })).status).toBe(200);
  await ok('/v1/meters', { key: 'messages', event_name: 'message.sent', aggregation: 'count' });
  // Seats in use: the app reports the count it has; the latest report is the gauge.
  await ok('/v1/meters', { key: 'seats_in_use', event_name: 'seats.changed', aggregation: 'latest', property: 'count' });
  await ok('/v1/features', { key: 'messages', name: 'Messages', type: 'metered', meter: 'messages' });
  await ok('/v1/features', { key: 'seats', name: 'Seats', type: 'metered', meter: 'seats_in_use' });
  await ok('/v1/plans', {
    key: 'team',
    name: 'Team',
    interval: 'month',
    base_price: 1_000,
    per_seat: true,
    entitlements: [
      { feature: 'messages', limit: 1_000, reset: 'month', per_seat: true },
      { feature: 'seats', limit: 1, reset: 'never', per_seat: true },
    ],
  });
  await nozle.customers.create({ external_id: 'acme' });
  t.setTime(at(START));
});
afterAll(async () => {
  await nozle.shutdown();
  await t.close();
});

describe('a per-seat subscription', () => {
  it('has its quantity, and limits per seat: 3 seats × 1,000 messages', async () => {
    const created = await t.call('POST', '/v1/subscriptions', { body: { customer: 'acme', plan: 'team', quantity: 3 } });
    expect(created.status).toBe(200);
    subscriptionId = created.body.id;
    expect(created.body).toMatchObject({ quantity: 3, scheduled_change: null, current_period_end: unix(END) });
    const plan = (await t.call('GET', '/v1/plans/team')).body;
    expect(plan).toMatchObject({ per_seat: true, entitlements: [expect.objectContaining({ feature: 'messages', per_seat: true }), expect.anything()] });
    const snapshot = await entitlements();
    expect(snapshot.features.messages).toMatchObject({ allowed: true, limit: 3_000 });
    expect(snapshot.features.seats).toMatchObject({ allowed: true, limit: 3 });
  });

  it('answers can(seats): 3 in use of 3 is full', async () => {
    await seatsInUse(2, '2026-04-02T00:00:00Z');
    expect(await canAddSeat()).toBe(true);
    await seatsInUse(3, '2026-04-03T00:00:00Z');
    expect((await entitlements()).features.seats).toMatchObject({ used: 3, limit: 3 });
    expect(await canAddSeat()).toBe(false);
  });

  it('adds 2 seats on day 10 at once: 5 × 1,000 messages, room for another seat, the rest of the period charged', async () => {
    t.setTime(at('2026-04-10T12:00:00Z'));
    const updated = await t.call('POST', `/v1/subscriptions/${subscriptionId}`, { body: { quantity: 5 } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ quantity: 5, scheduled_change: null });
    const snapshot = await entitlements();
    expect(snapshot.features.messages).toMatchObject({ limit: 5_000 });
    expect(snapshot.features.seats).toMatchObject({ used: 3, limit: 5 });
    expect(await canAddSeat()).toBe(true);

    await advance('2026-05-01T13:00:00Z');
    expect(trackErrors).toEqual([]);
    const { data } = await nozle.invoices.list({ customer: 'acme' });
    expect(data).toHaveLength(1);
    // By hand, over [Apr 1 12:00, May 1 12:00), 21 of 30 days left after Apr 10 12:00:
    //   base fee: 3 seats × 1,000 (the seats at the period's start)   3,000
    //   unused time on 3 × Team: −3,000 × 21/30                     −2,100
    //   remaining time on 5 × Team: 5,000 × 21/30                     3,500
    //   total (the 2 seats added, for 21/30 of the month: 1,400)      4,400
    expect(data[0]).toMatchObject({ subscription: subscriptionId, period_start: unix(START), period_end: unix(END), total: 4_400 });
    expect(data[0]!.lines.map((line) => [line.type, line.description, line.quantity, line.unit_amount, line.amount])).toEqual([
      ['base_fee', 'Team', '3', '1000', 3_000],
      ['proration', 'Unused time on 3 × Team after 10 Apr 2026', '1', null, -2_100],
      ['proration', 'Remaining time on 5 × Team after 10 Apr 2026', '1', null, 3_500],
    ]);
  });

  it('takes a seat away at the period’s end by default: a scheduled change, no credit, 5 seats until then', async () => {
    t.setTime(at('2026-05-10T12:00:00Z'));
    const updated = await t.call('POST', `/v1/subscriptions/${subscriptionId}`, { body: { quantity: 4 } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ quantity: 5, scheduled_change: { plan: 'team', plan_version: 1, quantity: 4, at: unix('2026-06-01T12:00:00Z') } });
    expect((await entitlements()).features.messages).toMatchObject({ limit: 5_000 });

    await advance('2026-06-01T13:00:00Z');
    const after = (await t.call('GET', `/v1/subscriptions/${subscriptionId}`)).body;
    expect(after).toMatchObject({ quantity: 4, scheduled_change: null });
    expect((await entitlements()).features.messages).toMatchObject({ limit: 4_000 });
    const { data } = await nozle.invoices.list({ customer: 'acme' });
    // May's invoice: the next invoice at 5 × 1,000, no proration.
    expect(data[0]!.lines.map((line) => [line.type, line.quantity, line.amount])).toEqual([['base_fee', '5', 5_000]]);

    await advance('2026-07-01T13:00:00Z');
    const june = (await nozle.invoices.list({ customer: 'acme' })).data[0]!;
    expect(june.lines.map((line) => [line.type, line.quantity, line.amount])).toEqual([['base_fee', '4', 4_000]]);
  });
});

describe('seats beside a scheduled plan change', () => {
  it('seats added now keep a scheduled downgrade, which then takes the new seats', async () => {
    const lite = { key: 'team_lite', name: 'Team Lite', interval: 'month', base_price: 800, per_seat: true };
    expect((await t.call('POST', '/v1/plans', { body: lite })).status).toBe(200);
    await nozle.customers.create({ external_id: 'mixer' });
    t.setTime(at('2026-08-01T12:00:00Z'));
    const { id } = (await t.call('POST', '/v1/subscriptions', { body: { customer: 'mixer', plan: 'team', quantity: 5 } })).body;
    t.setTime(at('2026-08-05T12:00:00Z'));
    // A cheaper plan: at the period's end by default, with the seats held then.
    const downgraded = (await t.call('POST', `/v1/subscriptions/${id}`, { body: { plan: 'team_lite' } })).body;
    const periodEnd = unix('2026-09-01T12:00:00Z');
    expect(downgraded).toMatchObject({ plan: 'team', quantity: 5, scheduled_change: { plan: 'team_lite', quantity: 5, at: periodEnd } });
    t.setTime(at('2026-08-10T12:00:00Z'));
    const more = (await t.call('POST', `/v1/subscriptions/${id}`, { body: { quantity: 6 } })).body;
    expect(more).toMatchObject({ plan: 'team', quantity: 6, scheduled_change: { plan: 'team_lite', quantity: 6, at: periodEnd } });
    await advance('2026-09-01T13:00:00Z');
    expect((await t.call('GET', `/v1/subscriptions/${id}`)).body).toMatchObject({ plan: 'team_lite', quantity: 6, scheduled_change: null });
  });
});

describe('a per-seat checkout in the sandbox', () => {
  it('shows the seats on its page, charges them, and the subscription has them', async () => {
    const customer = await nozle.customers.create({ external_id: 'sandboxed' });
    const session = await t.call('POST', '/v1/checkout/sessions', { body: { customer: customer.id, plan: 'team', quantity: 3 } });
    expect(session.status).toBe(200);
    const page = await (await fetch(session.body.url)).text();
    expect(page).toContain('3 × 10.00 USD = 30.00 USD / month');
    expect((await submitPage(session.body.url, { card: CARDS.pays, action: 'pay' })).status).toBe(303);
    const [subscription] = (await t.call('GET', `/v1/subscriptions?customer=${customer.id}`)).body.data;
    expect(subscription).toMatchObject({ provider: 'sandbox', plan: 'team', quantity: 3 });
    const { rows } = await t.database.db.query<{ amount_due: string }>('select amount_due from sandbox_invoices where subscription = $1', [
      subscription.provider_subscription_id,
    ]);
    // The first period, in advance: 3 seats × 1,000.
    expect(rows.map((row) => Number(row.amount_due))).toEqual([3_000]);
  });
});

describe('seats refused', () => {
  // [what, path, body, param]
  const cases: Array<[string, string, () => object, string]> = [
    ['no seats', '/v1/subscriptions/{id}', () => ({ quantity: 0 }), 'quantity'],
    ['a fraction of a seat', '/v1/subscriptions/{id}', () => ({ quantity: 1.5 }), 'quantity'],
    ['more seats than the bound', '/v1/subscriptions/{id}', () => ({ quantity: 1_000_001 }), 'quantity'],
    ['seats as a string', '/v1/subscriptions', () => ({ customer: 'acme', plan: 'team', quantity: '3' }), 'quantity'],
    ['a one_time plan per seat', '/v1/plans', () => ({ key: 'pack', interval: 'one_time', base_price: 500, per_seat: true }), 'per_seat'],
    [
      'per_seat on a feature that is not metered',
      '/v1/plans',
      () => ({ key: 'flag', interval: 'month', entitlements: [{ feature: 'flag', per_seat: true }] }),
      'entitlements[0][per_seat]',
    ],
  ];
  beforeAll(async () => {
    expect((await t.call('POST', '/v1/features', { body: { key: 'flag', name: 'Flag', type: 'boolean' } })).status).toBe(200);
  });
  it.each(cases)('%s: a 400 naming the param', async (_, path, body, param) => {
    const res = await t.call('POST', path.replace('{id}', subscriptionId), { body: body() });
    expect(res.status).toBe(400);
    expect(res.body.error.param).toBe(param);
  });
});
