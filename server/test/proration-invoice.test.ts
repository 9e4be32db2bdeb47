// Proration end to end, on subscriptions Nozle bills itself: an upgrade halfway through a
// 30-day period gives the period's invoice a credit for the unused half of the old base price
// and a charge for the remaining half of the new one (worked by hand below); an immediate
// cancellation mid-period gives one final invoice for the period cut short.
import { Nozle, type NozleTrackError } from '@nozle/node';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PAST_DUE_GRACE_MS } from '../src/app.js';
import { closeBillingPeriods } from '../src/billing/invoices.js';
import { CARDS, submitPage } from './support/sandbox-pages.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createSnapshots } from '../src/wiring.js';

let t: TestApp;
let nozle: Nozle;
const trackErrors: NozleTrackError[] = [];
const at = (iso: string) => new Date(iso);
const unix = (iso: string) => Date.parse(iso) / 1000;
const billing = () => ({ db: t.database.db, clock: t.clocks, logger: pino({ level: 'silent' }), snapshots: createSnapshots(DEFAULT_PAST_DUE_GRACE_MS) });

// Periods of 30 days: April 1 12:00 to May 1 12:00 UTC.
const START = '2026-04-01T12:00:00Z';
const END = '2026-05-01T12:00:00Z';

async function track(customer: string, units: number, when: string): Promise<void> {
  t.setTime(at(when));
  nozle.track({ customer, event: 'api.request', properties: { units }, timestamp: at(when) });
  await nozle.flush();
}

beforeAll(async () => {
  t = await startTestApp();
  nozle = new Nozle({ secretKey: t.projectA.secretKey, baseUrl: t.url, track: { onError: (error) => trackErrors.push(error) } });
  expect((await t.call('POST', '/v1/meters', { body: { key: 'api_units', event_name: 'api.request', aggregation: 'sum', property: 'units' } })).status).toBe(
    200,
  );
  // Basic: $30.00 a month and 1 cent a unit. Pro: $90.00 a month and half a cent a unit.
  await nozle.plans.create({
    key: 'basic',
    name: 'Basic',
    interval: 'month',
    base_price: 3_000,
    prices: [{ key: 'api', meter: 'api_units', model: 'per_unit', unit_amount: '1' }],
  });
  await nozle.plans.create({
    key: 'pro',
    name: 'Pro',
    interval: 'month',
    base_price: 9_000,
    prices: [{ key: 'api', meter: 'api_units', model: 'per_unit', unit_amount: '0.5' }],
  });
  await nozle.customers.create({ external_id: 'upgrader' });
  await nozle.customers.create({ external_id: 'leaver' });
  t.setTime(at(START));
});
afterAll(async () => {
  await nozle.shutdown();
  await t.close();
});

describe('a mid-period upgrade', () => {
  let subscriptionId: string;

  it('is prorated on the period’s invoice, every line as worked by hand', async () => {
    const subscription = await nozle.subscriptions.create({ customer: 'upgrader', plan: 'basic' });
    subscriptionId = subscription.id;
    expect([subscription.current_period_start, subscription.current_period_end]).toEqual([unix(START), unix(END)]);

    await track('upgrader', 1_000, '2026-04-10T00:00:00Z');
    // Halfway: 15 of the 30 days remain.
    t.setTime(at('2026-04-16T12:00:00Z'));
    const upgraded = await t.call('POST', `/v1/subscriptions/${subscriptionId}`, { body: { plan: 'pro' } });
    expect(upgraded.status).toBe(200);
    await track('upgrader', 2_000, '2026-04-20T00:00:00Z');

    // The preview already shows the proration.
    const upcoming = await nozle.invoices.upcoming('upgrader');
    expect(upcoming.lines.map((line) => [line.type, line.amount])).toEqual([
      ['base_fee', 3_000],
      ['usage', 1_500],
      ['proration', -1_500],
      ['proration', 4_500],
    ]);

    expect((await t.call('POST', '/v1/test_clock/advance', { body: { to: unix('2026-05-01T13:00:00Z') } })).status).toBe(200);
    expect(trackErrors).toEqual([]);
    const { data } = await nozle.invoices.list({ customer: 'upgrader' });
    expect(data).toHaveLength(1);
    const invoice = data[0]!;
    // By hand, over the 30-day period [Apr 1 12:00, May 1 12:00), changed Apr 16 12:00:
    //   base fee: Basic, the plan at the period's start          3,000
    //   usage: 1,000 + 2,000 = 3,000 units at Pro's 0.5 (the plan at the period's end)  1,500
    //   unused time on Basic: −3,000 × 15/30                    −1,500
    //   remaining time on Pro:  9,000 × 15/30                    4,500
    //   total                                                    7,500
    const period = { period_start: unix(START), period_end: unix(END) };
    const rest = { period_start: unix('2026-04-16T12:00:00Z'), period_end: unix(END) };
    const none = {
      price: null,
      meter: null,
      quantity: '1',
      free_quantity: '0',
      unit_amount: null,
      tiers: [],
      adjustment: null,
      credit_grant: null,
      discount_amounts: [],
      tax_amounts: [], // no tax rate in the project
    };
    expect(invoice).toMatchObject({
      subscription: subscriptionId,
      plan: 'pro',
      plan_version: 1,
      status: 'open',
      ...period,
      trial: false,
      subtotal: 7_500,
      total: 7_500,
    });
    expect(invoice.lines).toEqual([
      { type: 'base_fee', description: 'Basic', ...none, unit_amount: '3000', exact_amount: '3000', amount: 3_000, ...period },
      {
        type: 'usage',
        description: 'api (api_units)',
        price: 'api',
        meter: 'api_units',
        quantity: '3000',
        free_quantity: '0',
        unit_amount: '0.5',
        tiers: [expect.objectContaining({ quantity: '3000', unit_amount: '0.5', amount: '1500' })],
        adjustment: null,
        exact_amount: '1500',
        amount: 1_500,
        credit_grant: null,
        discount_amounts: [],
        tax_amounts: [],
        ...period,
      },
      { type: 'proration', description: 'Unused time on Basic after 16 Apr 2026', ...none, exact_amount: '-1500', amount: -1_500, ...rest },
      { type: 'proration', description: 'Remaining time on Pro after 16 Apr 2026', ...none, exact_amount: '4500', amount: 4_500, ...rest },
    ]);
  });

  it('bills the next period on the new plan alone', async () => {
    expect((await t.call('POST', '/v1/test_clock/advance', { body: { to: unix('2026-06-01T13:00:00Z') } })).status).toBe(200);
    const { data } = await nozle.invoices.list({ customer: 'upgrader' });
    expect(data).toHaveLength(2);
    expect(data[0]!.lines.map((line) => [line.type, line.description, line.amount])).toEqual([
      ['base_fee', 'Pro', 9_000],
      ['usage', 'api (api_units)', 0],
    ]);
  });
});

describe('an immediate cancellation mid-period', () => {
  it('gets one final invoice for the period cut short: usage to the cancellation, the base fee not refunded', async () => {
    t.setTime(at('2026-06-02T12:00:00Z'));
    const subscription = await nozle.subscriptions.create({ customer: 'leaver', plan: 'basic' });
    await track('leaver', 400, '2026-06-05T00:00:00Z');
    t.setTime(at('2026-06-12T12:00:00Z'));
    expect((await t.call('POST', `/v1/subscriptions/${subscription.id}/cancel`, { body: {} })).status).toBe(200);
    // After the cancellation: not on the invoice.
    await track('leaver', 100, '2026-06-20T00:00:00Z');

    expect(await closeBillingPeriods(billing())).toBe(1);
    expect(await closeBillingPeriods(billing())).toBe(0);
    expect((await t.call('POST', '/v1/test_clock/advance', { body: { to: unix('2026-08-01T13:00:00Z') } })).status).toBe(200);

    const { data } = await nozle.invoices.list({ customer: 'leaver' });
    expect(data).toHaveLength(1);
    // By hand: base fee 3,000 in full (no refund); 400 units × 1 = 400; total 3,400.
    const period = { period_start: unix('2026-06-02T12:00:00Z'), period_end: unix('2026-06-12T12:00:00Z') };
    expect(data[0]).toMatchObject({ subscription: subscription.id, plan: 'basic', ...period, subtotal: 3_400, total: 3_400 });
    expect(data[0]!.lines.map((line) => [line.type, line.quantity, line.amount, line.period_start, line.period_end])).toEqual([
      ['base_fee', '1', 3_000, period.period_start, period.period_end],
      ['usage', '400', 400, period.period_start, period.period_end],
    ]);
  });
});

describe('a plan change of a subscription billed by the sandbox', () => {
  it('is prorated by the sandbox, not on Nozle’s invoice', async () => {
    const customer = await nozle.customers.create({ external_id: 'sandboxed' });
    const session = await t.call('POST', '/v1/checkout/sessions', {
      body: { customer: customer.id, plan: 'basic', success_url: 'https://app.example.com/ok', cancel_url: 'https://app.example.com/no' },
    });
    expect((await submitPage(session.body.url, { card: CARDS.pays, action: 'pay' })).status).toBe(303);
    const [subscription] = (await nozle.subscriptions.list({ customer: customer.id })).data;
    expect(subscription).toMatchObject({ provider: 'sandbox', current_period_start: unix('2026-08-01T13:00:00Z') });

    await track('sandboxed', 10, '2026-08-05T00:00:00Z');
    t.setTime(at('2026-08-16T13:00:00Z'));
    expect((await t.call('POST', `/v1/subscriptions/${subscription!.id}`, { body: { plan: 'pro' } })).status).toBe(200);
    const { rows } = await t.database.db.query('select * from subscription_changes where subscription_id = $1', [subscription!.id]);
    expect(rows).toEqual([]);
    expect((await t.call('POST', '/v1/test_clock/advance', { body: { to: unix('2026-09-01T14:00:00Z') } })).status).toBe(200);

    const { data } = await nozle.invoices.list({ customer: 'sandboxed' });
    // Usage alone (the sandbox charged the base fee and settles the change): 10 units × 0.5.
    expect(data.map((invoice) => invoice.lines.map((line) => [line.type, line.amount]))).toEqual([[['usage', 5]]]);
  });
});
