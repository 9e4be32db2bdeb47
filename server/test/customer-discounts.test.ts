// A coupon given to a customer (Stripe's customer discount): applied through `coupon` or
// `promotion_code` on create and update, shown as `Customer.discount`, removed with "", and taken
// off the invoices of the customer's subscriptions that have no discount of their own.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PAST_DUE_GRACE_MS } from '../src/app.js';
import { closeBillingPeriods } from '../src/billing/invoices.js';
import { createSnapshots } from '../src/wiring.js';
import { CARDS, submitPage } from './support/sandbox-pages.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
const billing = () => ({ db: t.database.db, clock: t.clocks, logger: pino({ level: 'silent' }), snapshots: createSnapshots(DEFAULT_PAST_DUE_GRACE_MS) });

interface InvoiceView {
  plan: string;
  subtotal: number;
  total: number;
  total_discount_amounts: { amount: number; discount: string }[];
}
const invoicesOf = async (customer: string): Promise<InvoiceView[]> => (await t.call('GET', `/v1/invoices?customer=${customer}`)).body.data;

beforeAll(async () => {
  t = await startTestApp();
  t.setTime(new Date('2026-04-01T12:00:00Z'));
  const plans = [
    { key: 'basic', name: 'Basic', interval: 'month', base_price: 3_000 },
    { key: 'support', name: 'Support', add_on: true, interval: 'month', base_price: 1_000 },
  ];
  for (const plan of plans) expect((await t.call('POST', '/v1/plans', { body: plan })).status).toBe(200);
  const coupons = [
    { id: 'loyal10', percent_off: 10, duration: 'forever' },
    { id: 'half', percent_off: 50, duration: 'forever' },
    { id: 'welcome5', amount_off: 500, currency: 'usd', duration: 'once' },
    { id: 'month25', percent_off: 25, duration: 'repeating', duration_in_months: 1 },
  ];
  for (const coupon of coupons) expect((await t.call('POST', '/v1/coupons', { body: coupon })).status).toBe(200);
  expect((await t.call('POST', '/v1/promotion_codes', { body: { coupon: 'loyal10', code: 'LOYAL', max_redemptions: 2 } })).status).toBe(200);
});
afterAll(async () => {
  await t.close();
});

describe("a customer's own discount", () => {
  it('is given on create through a promotion code, shown on the customer everywhere, and counted once', async () => {
    const created = await t.call('POST', '/v1/customers', { body: { external_id: 'ada', promotion_code: 'loyal' } });
    expect(created.status).toBe(200);
    const promo = (await t.call('GET', '/v1/promotion_codes?code=LOYAL')).body.data[0];
    expect(created.body.discount).toMatchObject({
      object: 'discount',
      coupon: { id: 'loyal10', percent_off: 10, times_redeemed: 1 },
      promotion_code: promo.id,
      customer: created.body.id,
      subscription: null,
      start: Date.parse('2026-04-01T12:00:00Z') / 1000,
      end: null,
    });
    expect(promo.times_redeemed).toBe(1);
    expect((await t.call('GET', '/v1/customers/ada')).body.discount).toEqual(created.body.discount);
    const listed = (await t.call('GET', '/v1/customers?external_id=ada')).body.data;
    expect(listed[0].discount).toEqual(created.body.discount);
  });

  it("takes 10% off the invoice of a subscription that has none of its own; the subscription's own 50% wins over it", async () => {
    expect((await t.call('POST', '/v1/customers', { body: { external_id: 'bob' } })).status).toBe(200);
    const given = await t.call('POST', '/v1/customers/bob', { body: { coupon: 'loyal10' } });
    expect(given.status).toBe(200);
    expect(given.body.discount).toMatchObject({ coupon: { id: 'loyal10' }, promotion_code: null, subscription: null });

    const adaSub = await t.call('POST', '/v1/subscriptions', { body: { customer: 'ada', plan: 'basic' } });
    expect(adaSub.status).toBe(200);
    const bobSub = await t.call('POST', '/v1/subscriptions', { body: { customer: 'bob', plan: 'basic', coupon: 'half' } });
    expect(bobSub.status).toBe(200);
    // Each shows the discount its invoices get: ada's subscription its customer's, bob's its own.
    const adaDiscount = (await t.call('GET', '/v1/customers/ada')).body.discount;
    expect(adaSub.body.discount).toEqual(adaDiscount);
    expect((await t.call('GET', `/v1/subscriptions/${adaSub.body.id}`)).body.discount).toEqual(adaDiscount);
    expect(bobSub.body.discount).toMatchObject({ coupon: { id: 'half' }, subscription: bobSub.body.id });
    t.setTime(new Date('2026-05-01T12:00:01Z'));
    await closeBillingPeriods(billing(), t.projectA.projectId);

    // ada: 3000 − 10% (the customer's) = 2700.
    const [ada] = await invoicesOf('ada');
    expect(ada).toMatchObject({ subtotal: 3_000, total: 2_700 });
    expect(ada!.total_discount_amounts).toEqual([{ amount: 300, discount: (await t.call('GET', '/v1/customers/ada')).body.discount.id }]);
    // bob: 3000 − 50% (the subscription's own) = 1500; the customer's 10% does not stack on it.
    const [bob] = await invoicesOf('bob');
    expect(bob).toMatchObject({ subtotal: 3_000, total: 1_500 });
    expect(bob!.total_discount_amounts).toHaveLength(1);
    expect(bob!.total_discount_amounts[0]!.amount).toBe(1_500);
  });

  it('is removed with an empty string: the customer shows none, and the next invoice is the full price', async () => {
    const removed = await t.call('POST', '/v1/customers/ada', { body: { coupon: '' } });
    expect(removed.status).toBe(200);
    expect(removed.body).not.toHaveProperty('discount');
    expect((await t.call('GET', '/v1/customers/ada')).body).not.toHaveProperty('discount');

    t.setTime(new Date('2026-06-01T12:00:01Z'));
    await closeBillingPeriods(billing(), t.projectA.projectId);
    const juneFirst = await invoicesOf('ada');
    expect(juneFirst).toHaveLength(2);
    expect(juneFirst[0]).toMatchObject({ subtotal: 3_000, total: 3_000, total_discount_amounts: [] });
  });

  it('a once discount of the customer is spent by the first invoice of any of its subscriptions, not once per subscription', async () => {
    t.setTime(new Date('2026-06-02T00:00:00Z'));
    expect((await t.call('POST', '/v1/customers', { body: { external_id: 'cleo', coupon: 'welcome5' } })).status).toBe(200);
    expect((await t.call('POST', '/v1/subscriptions', { body: { customer: 'cleo', plan: 'basic' } })).status).toBe(200);
    expect((await t.call('POST', '/v1/subscriptions', { body: { customer: 'cleo', plan: 'support' } })).status).toBe(200);
    t.setTime(new Date('2026-07-02T00:00:01Z'));
    await closeBillingPeriods(billing(), t.projectA.projectId);

    // 3000 + 1000 billed; 500 off exactly one of the two invoices: 3500 in all.
    const invoices = await invoicesOf('cleo');
    expect(invoices.map((invoice) => invoice.subtotal).sort()).toEqual([1_000, 3_000]);
    expect(invoices.flatMap((invoice) => invoice.total_discount_amounts.map((d) => d.amount))).toEqual([500]);
    expect(invoices.reduce((sum, invoice) => sum + invoice.total, 0)).toBe(3_500);
  });

  it("takes over once the subscription's own repeating discount has ended", async () => {
    t.setTime(new Date('2026-07-03T00:00:00Z'));
    expect((await t.call('POST', '/v1/customers', { body: { external_id: 'gus', coupon: 'loyal10' } })).status).toBe(200);
    const sub = await t.call('POST', '/v1/subscriptions', { body: { customer: 'gus', plan: 'basic', coupon: 'month25' } });
    expect(sub.body.discount).toMatchObject({ coupon: { id: 'month25' }, end: Date.parse('2026-08-03T00:00:00Z') / 1000 });
    t.setTime(new Date('2026-08-03T00:00:01Z'));
    await closeBillingPeriods(billing(), t.projectA.projectId);
    // Its own month is over: the subscription now shows the customer's 10%.
    expect((await t.call('GET', `/v1/subscriptions/${sub.body.id}`)).body.discount).toMatchObject({ coupon: { id: 'loyal10' }, subscription: null });
    t.setTime(new Date('2026-09-03T00:00:01Z'));
    await closeBillingPeriods(billing(), t.projectA.projectId);

    // July (within the 25%'s month): 3000 − 750 = 2250. August: 3000 − 10% = 2700.
    const invoices = await invoicesOf('gus');
    expect(invoices.map((invoice) => invoice.total)).toEqual([2_700, 2_250]);
  });

  it('does not reach a subscription a provider bills (the sandbox here): it shows none', async () => {
    const customer = await t.call('POST', '/v1/customers', { body: { external_id: 'hal', coupon: 'loyal10' } });
    const session = await t.call('POST', '/v1/checkout/sessions', {
      body: { customer: customer.body.id, plan: 'basic', success_url: 'https://app.example.com/ok', cancel_url: 'https://app.example.com/no' },
    });
    expect((await submitPage(session.body.url, { card: CARDS.pays, action: 'pay' })).status).toBe(303);
    const [subscription] = (await t.call('GET', '/v1/subscriptions?customer=hal')).body.data;
    expect(subscription).toMatchObject({ provider: 'sandbox', plan: 'basic' });
    expect(subscription).not.toHaveProperty('discount');
    expect((await t.call('GET', '/v1/customers/hal')).body.discount).toMatchObject({ coupon: { id: 'loyal10' } });
  });

  it("a customer's repeating discount is shown until it ends, then no more", async () => {
    t.setTime(new Date('2026-09-04T00:00:00Z'));
    const created = await t.call('POST', '/v1/customers', { body: { external_id: 'ivy', coupon: 'month25' } });
    expect(created.body.discount).toMatchObject({ coupon: { id: 'month25' }, end: Date.parse('2026-10-04T00:00:00Z') / 1000 });
    t.setTime(new Date('2026-10-04T00:00:01Z'));
    expect((await t.call('GET', '/v1/customers/ivy')).body).not.toHaveProperty('discount');
  });

  it('is refused with the parameter named: an unknown coupon, both at once, a code at its max_redemptions', async () => {
    const unknown = await t.call('POST', '/v1/customers', { body: { external_id: 'dan', coupon: 'nope' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ param: 'coupon' });
    // Refused as a whole: the customer was not created either.
    expect((await t.call('GET', '/v1/customers/dan')).status).toBe(404);

    const both = await t.call('POST', '/v1/customers', { body: { external_id: 'dan', coupon: 'loyal10', promotion_code: 'LOYAL' } });
    expect(both.status).toBe(400);
    expect(both.body.error).toMatchObject({ param: 'promotion_code' });

    // LOYAL's second (last) redemption, then a third refused.
    expect((await t.call('POST', '/v1/customers', { body: { external_id: 'eve', promotion_code: 'LOYAL' } })).status).toBe(200);
    const spent = await t.call('POST', '/v1/customers', { body: { external_id: 'fay', promotion_code: 'LOYAL' } });
    expect(spent.status).toBe(400);
    expect(spent.body.error).toMatchObject({ param: 'promotion_code', code: 'max_redemptions_reached' });
  });
});
