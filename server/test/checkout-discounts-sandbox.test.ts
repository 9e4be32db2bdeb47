// Discounts at the sandbox's checkout: a coupon or promotion code given when the session is made
// is applied to the subscription the payment starts; with allow_promotion_codes the page takes
// a typed code, checked with the same redeem rules (a bad code: the page again, with why, and
// nothing paid). Each redemption is counted once, when the checkout completes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARDS, openPage, submitPage } from './support/sandbox-pages.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let n = 0;

const post = (path: string, body: unknown) => t.call('POST', path, { body });

beforeAll(async () => {
  t = await startTestApp();
  expect((await post('/v1/plans', { key: 'pro', interval: 'month', currency: 'usd', base_price: 2_900 })).status).toBe(200);
  expect((await post('/v1/coupons', { id: 'half', percent_off: 50, duration: 'once' })).status).toBe(200);
  expect((await post('/v1/coupons', { id: 'tenoff', amount_off: 1_000, currency: 'usd', duration: 'forever' })).status).toBe(200);
});
afterAll(() => t.close());

/** A new customer's checkout of pro with `extra` params; answers the customer and the session. */
async function checkout(extra: Record<string, unknown>): Promise<{ customer: string; session: { id: string; url: string } }> {
  const customer = (await post('/v1/customers', { email: `sbx_discount_${++n}@example.com` })).body.id;
  const res = await post('/v1/checkout/sessions', { customer, plan: 'pro', ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { customer, session: res.body };
}

async function discountOf(customer: string): Promise<{ coupon_id: string; promotion_code_id: string | null } | undefined> {
  const sub = (await t.call('GET', `/v1/subscriptions?customer=${customer}`)).body.data[0];
  expect(sub, 'the checkout started a subscription').toBeDefined();
  const { rows } = await t.database.db.query<{ coupon_id: string; promotion_code_id: string | null }>(
    'select coupon_id, promotion_code_id from discounts where subscription_id = $1 and removed_at is null',
    [sub.id],
  );
  return rows[0];
}

/** What the sandbox charged the customer, oldest first. */
async function charged(customer: string): Promise<number[]> {
  const { rows } = await t.database.db.query<{ amount_due: string | number }>(
    `select i.amount_due from sandbox_invoices i join payment_customers pc on pc.provider = 'sandbox' and pc.provider_customer_id = i.customer
     where pc.customer_id = $1 order by i.created_at, i.id`,
    [customer],
  );
  return rows.map((row) => Number(row.amount_due));
}

/** The test clock moved past the subscription's period end: the sandbox renews it. */
async function renew(customer: string): Promise<void> {
  const sub = (await t.call('GET', `/v1/subscriptions?customer=${customer}`)).body.data[0];
  expect((await post('/v1/test_clock/advance', { to: sub.current_period_end + 60 })).status).toBe(200);
}

describe('the sandbox checkout', () => {
  it('applies the coupon given to the subscription it starts, counted when paid (once, a second press of Pay counts nothing)', async () => {
    const { customer, session } = await checkout({ coupon: 'half' });
    expect((await t.call('GET', '/v1/coupons/half')).body.times_redeemed).toBe(0);
    expect((await submitPage(session.url, { card: CARDS.pays, action: 'pay' })).status).toBe(303);
    expect(await discountOf(customer)).toEqual({ coupon_id: 'half', promotion_code_id: null });
    expect((await submitPage(session.url, { card: CARDS.pays, action: 'pay' })).status).toBe(303);
    expect((await t.call('GET', '/v1/coupons/half')).body.times_redeemed).toBe(1);
    // 50% once: 2900 − 1450 on the first charge, the full 2900 at the renewal.
    expect(await charged(customer)).toEqual([1_450]);
    await renew(customer);
    expect(await charged(customer)).toEqual([1_450, 2_900]);
  });

  it('applies a promotion code given, counting the code and its coupon', async () => {
    const promo = (await post('/v1/promotion_codes', { coupon: 'tenoff', code: 'TENOFF' })).body;
    const { customer, session } = await checkout({ promotion_code: 'tenoff' });
    expect((await submitPage(session.url, { card: CARDS.pays, action: 'pay' })).status).toBe(303);
    expect(await discountOf(customer)).toEqual({ coupon_id: 'tenoff', promotion_code_id: promo.id });
    expect((await t.call('GET', `/v1/promotion_codes/${promo.id}`)).body).toMatchObject({ times_redeemed: 1, coupon: { times_redeemed: 1 } });
    // 1000 off forever: 2900 − 1000 on every charge.
    expect(await charged(customer)).toEqual([1_900]);
    await renew(customer);
    expect(await charged(customer)).toEqual([1_900, 1_900]);
  });

  it('with allow_promotion_codes, shows a code field and refuses a bad code clearly, charging nothing; then takes a good one', async () => {
    const promo = (await post('/v1/promotion_codes', { coupon: 'half', code: 'ONCEONLY', max_redemptions: 1 })).body;
    const { customer, session } = await checkout({ allow_promotion_codes: true });
    expect((await openPage(session.url)).html).toContain('name="promotion_code"');

    const unknown = await submitPage(session.url, { promotion_code: 'NOPE', card: CARDS.pays, action: 'pay' });
    expect(unknown.status).toBe(400);
    expect(unknown.html).toContain('No promotion code &#39;NOPE&#39; is active.');
    expect((await t.call('GET', `/v1/subscriptions?customer=${customer}`)).body.data).toEqual([]);

    const paid = await submitPage(session.url, { promotion_code: 'onceonly', card: CARDS.pays, action: 'pay' });
    expect(paid.status).toBe(303);
    expect(await discountOf(customer)).toEqual({ coupon_id: 'half', promotion_code_id: promo.id });
    expect((await t.call('GET', `/v1/promotion_codes/${promo.id}`)).body.times_redeemed).toBe(1);

    // Used up: the next buyer who types it is told so.
    const next = await checkout({ allow_promotion_codes: true });
    const refused = await submitPage(next.session.url, { promotion_code: 'ONCEONLY', card: CARDS.pays, action: 'pay' });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('has been redeemed as many times as it may be');
  });

  it('shows no code field without allow_promotion_codes, and ignores a code posted anyway', async () => {
    const { customer, session } = await checkout({});
    expect((await openPage(session.url)).html).not.toContain('name="promotion_code"');
    expect((await submitPage(session.url, { promotion_code: 'TENOFF', card: CARDS.pays, action: 'pay' })).status).toBe(303);
    expect(await discountOf(customer)).toBeUndefined();
  });
});
