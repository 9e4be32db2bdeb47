// A coupon's duration and a promotion code's restrictions end to end, on subscriptions Nozle
// bills itself, across months moved by the clock: `repeating` for 3 months takes 20% off three
// invoices and not the fourth, `once` only the first, `forever` every one; a code refuses an
// expired, first-time-only, minimum-amount or other customer's redemption with its own code.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PAST_DUE_GRACE_MS } from '../src/app.js';
import { closeBillingPeriods } from '../src/billing/invoices.js';
import { createSnapshots } from '../src/wiring.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
const billing = () => ({ db: t.database.db, clock: t.clocks, logger: pino({ level: 'silent' }), snapshots: createSnapshots(DEFAULT_PAST_DUE_GRACE_MS) });
const post = (path: string, body: unknown) => t.call('POST', path, { body });
const unix = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

/** The totals of the customer's invoices, oldest first. */
async function totals(customer: string): Promise<number[]> {
  const invoices = (await t.call('GET', `/v1/invoices?customer=${customer}&limit=100`)).body.data as Array<{ period_start: number; total: number }>;
  return invoices.sort((a, b) => a.period_start - b.period_start).map((invoice) => invoice.total);
}

beforeAll(async () => {
  t = await startTestApp();
  t.setTime(new Date('2026-04-01T12:00:00Z'));
  expect((await post('/v1/plans', { key: 'basic', name: 'Basic', interval: 'month', base_price: 3_000 })).status).toBe(200);
  expect((await post('/v1/plans', { key: 'mini', name: 'Mini', interval: 'month', base_price: 500 })).status).toBe(200);
  for (const id of ['repeating', 'once', 'forever', 'plain']) expect((await post('/v1/customers', { external_id: id })).status).toBe(200);
  expect((await post('/v1/coupons', { id: 'three_months', percent_off: 20, duration: 'repeating', duration_in_months: 3 })).status).toBe(200);
  expect((await post('/v1/coupons', { id: 'first_month', amount_off: 1_000, currency: 'usd', duration: 'once' })).status).toBe(200);
  expect((await post('/v1/coupons', { id: 'always', percent_off: 12.5, duration: 'forever' })).status).toBe(200);
  for (const [customer, coupon] of [
    ['repeating', 'three_months'],
    ['once', 'first_month'],
    ['forever', 'always'],
  ]) {
    expect((await post('/v1/subscriptions', { customer, plan: 'basic', coupon })).status).toBe(200);
  }
  expect((await post('/v1/subscriptions', { customer: 'plain', plan: 'basic' })).status).toBe(200);
  // Four monthly periods end: May 1, June 1, July 1, August 1.
  for (const at of ['2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01']) {
    t.setTime(new Date(`${at}T12:00:01Z`));
    await closeBillingPeriods(billing(), t.projectA.projectId);
  }
});
afterAll(async () => {
  await t?.close();
});

describe("a coupon's duration across periods", () => {
  it('repeating for 3 months takes 20% off the three periods that start within them, then nothing', async () => {
    // 3000 − 20% = 2400 for April, May and June; July's period starts after the 3 months end.
    expect(await totals('repeating')).toEqual([2_400, 2_400, 2_400, 3_000]);
  });

  it('once takes its amount off the first invoice only', async () => {
    expect(await totals('once')).toEqual([2_000, 3_000, 3_000, 3_000]);
  });

  it('forever takes its percent off every invoice, rounded half away from zero per line', async () => {
    // 12.5% of 3000 = 375 exactly.
    expect(await totals('forever')).toEqual([2_625, 2_625, 2_625, 2_625]);
  });

  it('without a coupon nothing is taken off', async () => {
    expect(await totals('plain')).toEqual([3_000, 3_000, 3_000, 3_000]);
  });
});

describe("a promotion code's restrictions", () => {
  it('refuses an expired code, and a code of another customer, each with its own code', async () => {
    expect((await post('/v1/customers', { external_id: 'late' })).status).toBe(200);
    const expiresAt = unix('2026-08-01T12:00:30Z');
    expect((await post('/v1/promotion_codes', { coupon: 'always', code: 'SUMMER', expires_at: expiresAt })).status).toBe(200);
    t.setTime(new Date('2026-08-01T12:01:00Z'));
    const expired = await post('/v1/subscriptions', { customer: 'late', plan: 'basic', promotion_code: 'SUMMER' });
    expect(expired.status).toBe(400);
    expect(expired.body.error).toMatchObject({ param: 'promotion_code', code: 'promotion_code_expired' });

    expect((await post('/v1/promotion_codes', { coupon: 'always', code: 'ONLYPLAIN', customer: 'plain' })).status).toBe(200);
    const other = await post('/v1/subscriptions', { customer: 'late', plan: 'basic', promotion_code: 'ONLYPLAIN' });
    expect(other.status).toBe(400);
    expect(other.body.error).toMatchObject({ param: 'promotion_code', code: 'promotion_code_customer' });
  });

  it('refuses a first-time code to a customer who has been invoiced, and takes it from a new one', async () => {
    expect((await post('/v1/promotion_codes', { coupon: 'always', code: 'WELCOME', restrictions: { first_time_transaction: true } })).status).toBe(200);
    expect((await post('/v1/plans', { key: 'addon', name: 'Add-on', interval: 'month', base_price: 800, add_on: true })).status).toBe(200);
    const invoiced = await post('/v1/subscriptions', { customer: 'plain', plan: 'addon', promotion_code: 'WELCOME' });
    expect(invoiced.status).toBe(400);
    expect(invoiced.body.error.param).toBe('promotion_code');
    expect((await post('/v1/customers', { external_id: 'newcomer' })).status).toBe(200);
    expect((await post('/v1/subscriptions', { customer: 'newcomer', plan: 'basic', promotion_code: 'WELCOME' })).status).toBe(200);
  });

  it('refuses a code whose minimum amount the plan does not reach', async () => {
    expect(
      (await post('/v1/promotion_codes', { coupon: 'always', code: 'BIGONLY', restrictions: { minimum_amount: 1_000, minimum_amount_currency: 'usd' } }))
        .status,
    ).toBe(200);
    expect((await post('/v1/customers', { external_id: 'small' })).status).toBe(200);
    const small = await post('/v1/subscriptions', { customer: 'small', plan: 'mini', promotion_code: 'BIGONLY' });
    expect(small.status).toBe(400);
    expect(small.body.error.param).toBe('promotion_code');
    expect((await post('/v1/subscriptions', { customer: 'small', plan: 'basic', promotion_code: 'BIGONLY' })).status).toBe(200);
  });
});

describe('coupon percentages', () => {
  it('takes a percent with two decimals whose × 100 floating point misses (0.29 × 100 = 28.999…)', async () => {
    const created = await post('/v1/coupons', { id: 'odd_percent', percent_off: 0.29, duration: 'once' });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body.percent_off).toBe(0.29);
  });
});

describe('bad coupons', () => {
  it.each([
    ['both percent_off and amount_off', { percent_off: 10, amount_off: 100, currency: 'usd', duration: 'once' }, 'percent_off'],
    ['a percent above 100', { percent_off: 100.5, duration: 'once' }, 'percent_off'],
    ['a percent with three decimals', { percent_off: 12.345, duration: 'once' }, 'percent_off'],
    ['amount_off without its currency', { amount_off: 100, duration: 'once' }, 'currency'],
    ['repeating without duration_in_months', { percent_off: 10, duration: 'repeating' }, 'duration_in_months'],
    ['duration_in_months above 120', { percent_off: 10, duration: 'repeating', duration_in_months: 121 }, 'duration_in_months'],
    ['an id with a space', { id: 'bad id', percent_off: 10, duration: 'once' }, 'id'],
  ])('refuses %s with a 400 naming it, creating nothing', async (_, body, param) => {
    const before = (await t.call('GET', '/v1/coupons?limit=100')).body.data.length;
    const res = await post('/v1/coupons', body);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.param).toBe(param);
    expect((await t.call('GET', '/v1/coupons?limit=100')).body.data.length).toBe(before);
  });
});
