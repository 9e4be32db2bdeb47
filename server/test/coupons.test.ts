// Coupons end to end on a subscription Nozle bills itself: created, applied through a promotion
// code, refused with the parameter named, and taken off the period's invoice.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PAST_DUE_GRACE_MS } from '../src/app.js';
import { closeBillingPeriods } from '../src/billing/invoices.js';
import { createSnapshots } from '../src/wiring.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
const billing = () => ({ db: t.database.db, clock: t.clocks, logger: pino({ level: 'silent' }), snapshots: createSnapshots(DEFAULT_PAST_DUE_GRACE_MS) });

beforeAll(async () => {
  t = await startTestApp();
  t.setTime(new Date('2026-04-01T12:00:00Z'));
  expect((await t.call('POST', '/v1/plans', { body: { key: 'basic', name: 'Basic', interval: 'month', base_price: 3_000 } })).status).toBe(200);
  for (const id of ['first', 'second', 'third']) expect((await t.call('POST', '/v1/customers', { body: { external_id: id } })).status).toBe(200);
});
afterAll(async () => {
  await t.close();
});

describe('coupons and promotion codes', () => {
  it('a promotion code takes 20% off the invoice, and refuses once its max_redemptions is reached', async () => {
    const coupon = await t.call('POST', '/v1/coupons', { body: { id: 'launch20', percent_off: 20, duration: 'repeating', duration_in_months: 3 } });
    expect(coupon.status).toBe(200);
    expect(coupon.body).toMatchObject({ id: 'launch20', percent_off: 20, valid: true, times_redeemed: 0 });
    const promo = await t.call('POST', '/v1/promotion_codes', { body: { coupon: 'launch20', code: 'LAUNCH20', max_redemptions: 1 } });
    expect(promo.status).toBe(200);

    const sub = await t.call('POST', '/v1/subscriptions', { body: { customer: 'first', plan: 'basic', promotion_code: 'launch20' } });
    expect(sub.status).toBe(200);
    const refused = await t.call('POST', '/v1/subscriptions', { body: { customer: 'second', plan: 'basic', promotion_code: 'LAUNCH20' } });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ param: 'promotion_code', code: 'max_redemptions_reached' });

    t.setTime(new Date('2026-05-01T12:00:01Z'));
    await closeBillingPeriods(billing(), t.projectA.projectId);
    const invoices = await t.call('GET', '/v1/invoices?customer=first');
    const invoice = invoices.body.data[0];
    // 3000 − 20% = 2400.
    expect(invoice.subtotal).toBe(3_000);
    expect(invoice.total_discount_amounts).toEqual([{ amount: 600, discount: expect.stringMatching(/^di_/) }]);
    expect(invoice.lines[0].discount_amounts).toEqual([{ amount: 600, discount: invoice.total_discount_amounts[0].discount }]);
    expect(invoice.total).toBe(2_400);
  });

  it('refuses an amount_off in another currency, naming coupon', async () => {
    expect((await t.call('POST', '/v1/coupons', { body: { id: 'tenoff_eur', amount_off: 1_000, currency: 'eur', duration: 'once' } })).status).toBe(200);
    const refused = await t.call('POST', '/v1/subscriptions', { body: { customer: 'third', plan: 'basic', coupon: 'tenoff_eur' } });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ param: 'coupon', code: 'currency_mismatch' });
  });

  it('a deleted coupon is gone from the list and can no longer be applied', async () => {
    expect((await t.call('DELETE', '/v1/coupons/tenoff_eur')).body).toEqual({ id: 'tenoff_eur', object: 'coupon', deleted: true });
    const list = await t.call('GET', '/v1/coupons');
    expect(list.body.data.map((c: { id: string }) => c.id)).toEqual(['launch20']);
    const refused = await t.call('POST', '/v1/subscriptions', { body: { customer: 'third', plan: 'basic', coupon: 'tenoff_eur' } });
    expect(refused.body.error).toMatchObject({ param: 'coupon', code: 'coupon_deleted' });
  });
});
