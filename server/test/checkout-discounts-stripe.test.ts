// Discounts and Stripe Tax through Stripe Checkout: the real `stripe` package, answered by msw
// (support/stripe-account.ts), webhooks signed with Stripe's own helper. Nozle's coupon and
// promotion code become Stripe's (made once, on first use) and the session is sent `discounts`,
// or `allow_promotion_codes`; the discount Stripe applied is read back from the session when it
// completes and recorded on the subscription, counted once however often Stripe reports it.
// With the project's automatic_tax, the session and Nozle's invoices ask Stripe Tax, and the
// address and tax ids the buyer entered are kept on the customer.
import { setupServer } from 'msw/node';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderInvoices } from '../src/payments/invoice-collection.js';
import { StripeProvider } from '../src/payments/stripe-provider.js';
import { StripeAccount } from './support/stripe-account.js';
import { signedDelivery, stripeEvent } from './support/stripe-objects.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const WEBHOOK_SECRET = 'whsec_discounts';
const DAY = 86_400;

let t: TestApp;
const account = new StripeAccount({ now: () => t.clock.now() });
const stripeApi = setupServer(...account.handlers());
let seq = 0;
let projectId: string;

const post = (path: string, body: unknown) => t.call('POST', path, { body });

beforeAll(async () => {
  stripeApi.listen({ onUnhandledRequest: (request, print) => (new URL(request.url).hostname !== '127.0.0.1' ? print.error() : undefined) });
  t = await startTestApp({ stripe: { secretKey: 'sk_test_discounts', webhookSecret: WEBHOOK_SECRET } });
  projectId = t.projectA.projectId;
  expect((await post('/v1/plans', { key: 'pro', name: 'Pro', interval: 'month', base_price: 2_000 })).status).toBe(200);
  expect((await post('/v1/plans', { key: 'basic', name: 'Basic', interval: 'month', base_price: 1_000 })).status).toBe(200);
});
afterAll(async () => {
  await t.close();
  stripeApi.close();
});

async function deliver(event: Stripe.Event): Promise<{ status: string; duplicate?: true }> {
  const { body, signature } = signedDelivery(event, WEBHOOK_SECRET);
  const res = await t.call('POST', '/v1/webhooks/stripe', { key: null, body, headers: { 'stripe-signature': signature } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** A checkout for a new customer; answers the customer, and the params Nozle sent Stripe. */
async function checkout(email: string, extra: Record<string, unknown>): Promise<{ customer: string; sent: Record<string, unknown>; session: string }> {
  const customer = (await post('/v1/customers', { email })).body.id;
  const res = await post('/v1/checkout/sessions', { customer, plan: 'pro', success_url: 'https://app.example.com/ok', ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const request = account.requestsTo('POST', '/v1/checkout/sessions').at(-1)!;
  const session = [...account.sessions.values()].find((s) => s.metadata?.['nozle_checkout'] === res.body.id)!;
  return { customer, sent: request.params, session: session.id };
}

/** Stripe completes the session: its subscription made, with the discount applied and the details entered; answers the event. */
function complete(session: string, email: string, fields: Partial<Stripe.Checkout.Session>): Stripe.Event {
  const price = [...account.prices.values()].find((p) => p.unit_amount === 2_000)!.id;
  const sub = `sub_discounts_${++seq}`;
  const now = account.now();
  const customer = `cus_${email.replace(/\W/g, '')}`;
  account.subscriptions.set(sub, { id: sub, customer, price, status: 'active', periodStart: now, periodEnd: now + 30 * DAY, created: now });
  const stored = account.sessions.get(session)!;
  Object.assign(stored, { status: 'complete', subscription: sub, ...fields });
  return stripeEvent('checkout.session.completed', structuredClone(stored), now, `evt_discounts_${++seq}`);
}

/** The live discount recorded on the subscription (the Subscription view does not show it yet). */
async function discountOf(subscription: string) {
  const { rows } = await t.database.db.query<{ id: string; coupon_id: string; promotion_code_id: string | null; start_at: Date; end_at: Date | null }>(
    'select id, coupon_id, promotion_code_id, start_at, end_at from discounts where subscription_id = $1 and removed_at is null',
    [subscription],
  );
  return rows[0];
}

const subscriptionOf = async (customer: string) => (await t.call('GET', `/v1/subscriptions?customer=${customer}`)).body.data[0];
const productOf = (plan: number) => String([...account.prices.values()].find((p) => p.unit_amount === plan)!.product);

describe('a coupon at checkout', () => {
  let stripeCoupon: string;
  let event: Stripe.Event;
  let buyer: string;

  it('is made a Stripe coupon once, restricted to the plan’s product, and sent as the session’s discounts', async () => {
    const redeemBy = account.now() + 30 * DAY;
    const coupon = await post('/v1/coupons', {
      id: 'spring20',
      name: 'Spring 20%',
      percent_off: 20,
      duration: 'repeating',
      duration_in_months: 3,
      max_redemptions: 10,
      redeem_by: redeemBy,
      applies_to: { plans: ['pro'] },
    });
    expect(coupon.status, JSON.stringify(coupon.body)).toBe(200);
    const first = await checkout('spring-a@example.com', { coupon: 'spring20' });
    buyer = first.customer;
    const made = account.requestsTo('POST', '/v1/coupons');
    expect(made.map((r) => r.params)).toEqual([
      {
        name: 'Spring 20%',
        percent_off: '20',
        duration: 'repeating',
        duration_in_months: '3',
        max_redemptions: '10',
        redeem_by: String(redeemBy),
        applies_to: { products: { '0': productOf(2_000) } },
        metadata: { nozle_project: projectId, nozle_coupon: 'spring20' },
      },
    ]);
    stripeCoupon = [...account.coupons.keys()][0]!;
    expect(first.sent['discounts']).toEqual({ '0': { coupon: stripeCoupon } });
    expect(first.sent).not.toHaveProperty('allow_promotion_codes');
    expect(first.sent).not.toHaveProperty('automatic_tax');

    // A second checkout with it finds the Stripe coupon again.
    const second = await checkout('spring-b@example.com', { coupon: 'spring20' });
    expect(second.sent['discounts']).toEqual({ '0': { coupon: stripeCoupon } });
    expect(account.requestsTo('POST', '/v1/coupons')).toHaveLength(1);
    // Checked, not counted, until a checkout completes.
    expect((await t.call('GET', '/v1/coupons/spring20')).body.times_redeemed).toBe(0);
    event = complete(first.session, 'spring-a@example.com', { discounts: [{ coupon: stripeCoupon, promotion_code: null }] });
  });

  it('records the discount Stripe applied on the subscription when the checkout completes, counted once', async () => {
    expect(await deliver(event)).toEqual({ received: true, event: event.id, status: 'processed' });
    const sub = await subscriptionOf(buyer);
    expect(sub).toMatchObject({ provider: 'stripe' });
    const discount = (await discountOf(sub.id))!;
    expect(discount).toMatchObject({ coupon_id: 'spring20', promotion_code_id: null });
    // Repeating for 3 months from its start.
    const start = discount.start_at;
    expect(discount.end_at?.getTime()).toBe(
      Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, start.getUTCDate(), start.getUTCHours(), start.getUTCMinutes(), start.getUTCSeconds()),
    );
    expect((await t.call('GET', '/v1/coupons/spring20')).body.times_redeemed).toBe(1);

    // The same delivery again, and the same completion under another event id: nothing more counted.
    expect(await deliver(event)).toMatchObject({ duplicate: true });
    expect((await deliver({ ...event, id: `evt_discounts_${++seq}` })).status).toBe('processed');
    expect((await t.call('GET', '/v1/coupons/spring20')).body.times_redeemed).toBe(1);
    expect((await discountOf(sub.id))!.id).toBe(discount.id);
  });

  it('is refused for a plan it does not apply to, and with a promotion code, naming the param; Stripe is not asked', async () => {
    const before = account.requestsTo('POST', '/v1/checkout/sessions').length;
    const customer = (await post('/v1/customers', { email: 'refused@example.com' })).body.id;
    const notPlan = await post('/v1/checkout/sessions', { customer, plan: 'basic', coupon: 'spring20' });
    expect([notPlan.status, notPlan.body.error.param, notPlan.body.error.code]).toEqual([400, 'coupon', 'coupon_not_applicable']);
    const both = await post('/v1/checkout/sessions', { customer, plan: 'pro', coupon: 'spring20', promotion_code: 'X' });
    expect([both.status, both.body.error.param]).toEqual([400, 'promotion_code']);
    const typed = await post('/v1/checkout/sessions', { customer, plan: 'pro', coupon: 'spring20', allow_promotion_codes: true });
    expect([typed.status, typed.body.error.param]).toEqual([400, 'allow_promotion_codes']);
    expect(account.requestsTo('POST', '/v1/checkout/sessions')).toHaveLength(before);
  });
});

describe('a promotion code at checkout', () => {
  it('is made a Stripe promotion code of a Stripe coupon, with its restrictions, and sent as discounts; recorded and counted on completion', async () => {
    const expiresAt = account.now() + 10 * DAY;
    expect(
      (await post('/v1/coupons', { id: 'five_off', amount_off: 500, currency: 'usd', currency_options: { eur: { amount_off: 450 } }, duration: 'once' }))
        .status,
    ).toBe(200);
    const promo = await post('/v1/promotion_codes', {
      coupon: 'five_off',
      code: 'WELCOME5',
      max_redemptions: 3,
      expires_at: expiresAt,
      restrictions: { first_time_transaction: true, minimum_amount: 1_000, minimum_amount_currency: 'usd' },
    });
    expect(promo.status, JSON.stringify(promo.body)).toBe(200);
    const couponsBefore = account.requestsTo('POST', '/v1/coupons').length;
    const { customer, sent, session } = await checkout('welcome@example.com', { promotion_code: 'WELCOME5' });

    expect(
      account
        .requestsTo('POST', '/v1/coupons')
        .slice(couponsBefore)
        .map((r) => r.params),
    ).toEqual([
      {
        amount_off: '500',
        currency: 'usd',
        currency_options: { eur: { amount_off: '450' } },
        duration: 'once',
        metadata: { nozle_project: projectId, nozle_coupon: 'five_off' },
      },
    ]);
    const stripeCoupon = [...account.coupons.values()].find((c) => c.metadata?.['nozle_coupon'] === 'five_off')!.id;
    expect(account.requestsTo('POST', '/v1/promotion_codes').map((r) => r.params)).toEqual([
      {
        promotion: { type: 'coupon', coupon: stripeCoupon },
        code: 'WELCOME5',
        max_redemptions: '3',
        expires_at: String(expiresAt),
        restrictions: { first_time_transaction: 'true', minimum_amount: '1000', minimum_amount_currency: 'usd' },
        metadata: { nozle_project: projectId, nozle_promotion_code: promo.body.id },
      },
    ]);
    const stripePromo = [...account.promotionCodes.keys()][0]!;
    expect(sent['discounts']).toEqual({ '0': { promotion_code: stripePromo } });

    await deliver(complete(session, 'welcome@example.com', { discounts: [{ coupon: null, promotion_code: stripePromo }] }));
    expect(await discountOf((await subscriptionOf(customer)).id)).toMatchObject({ coupon_id: 'five_off', promotion_code_id: promo.body.id, end_at: null });
    expect((await t.call('GET', `/v1/promotion_codes/${promo.body.id}`)).body).toMatchObject({ times_redeemed: 1, coupon: { times_redeemed: 1 } });
  });
});

describe('allow_promotion_codes', () => {
  it('sends allow_promotion_codes (no discounts), makes the project’s codes typeable in Stripe, and records the code the buyer typed', async () => {
    const typeme = await post('/v1/promotion_codes', { coupon: 'spring20', code: 'TYPEME' });
    expect(typeme.status).toBe(200);
    const { customer, sent, session } = await checkout('typed@example.com', { allow_promotion_codes: true });
    expect(sent['allow_promotion_codes']).toBe('true');
    expect(sent).not.toHaveProperty('discounts');
    // WELCOME5 was made already; TYPEME is made now, for the Stripe coupon spring20 already has.
    const made = account.requestsTo('POST', '/v1/promotion_codes').map((r) => r.params['code']);
    expect(made).toEqual(['WELCOME5', 'TYPEME']);
    const stripeTypeme = [...account.promotionCodes.values()].find((c) => c.code === 'TYPEME')!.id;

    await deliver(complete(session, 'typed@example.com', { discounts: [{ coupon: null, promotion_code: stripeTypeme }] }));
    expect(await discountOf((await subscriptionOf(customer)).id)).toMatchObject({ coupon_id: 'spring20', promotion_code_id: typeme.body.id });
    expect((await t.call('GET', '/v1/coupons/spring20')).body.times_redeemed).toBe(2);
  });
});

describe('a discount on a Stripe-billed subscription, through a subscription update', () => {
  it('sends discounts to Stripe’s subscription update, and an empty discounts to remove it', async () => {
    const { customer, session } = await checkout('loyal@example.com', {});
    await deliver(complete(session, 'loyal@example.com', {}));
    const sub = await subscriptionOf(customer);
    expect(sub).toMatchObject({ provider: 'stripe' });
    expect((await post('/v1/coupons', { id: 'loyal10', percent_off: 10, duration: 'forever' })).status).toBe(200);

    const applied = await post(`/v1/subscriptions/${sub.id}`, { coupon: 'loyal10' });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    const stripeCoupon = [...account.coupons.values()].find((c) => c.metadata?.['nozle_coupon'] === 'loyal10')!.id;
    const updates = account.requestsTo('POST', `/v1/subscriptions/${sub.provider_subscription_id}`);
    expect(updates.map((r) => r.params)).toEqual([{ discounts: { '0': { coupon: stripeCoupon } } }]);
    expect(await discountOf(sub.id)).toMatchObject({ coupon_id: 'loyal10', promotion_code_id: null, end_at: null });
    expect((await t.call('GET', '/v1/coupons/loyal10')).body.times_redeemed).toBe(1);

    const removed = await post(`/v1/subscriptions/${sub.id}`, { coupon: '' });
    expect(removed.status).toBe(200);
    expect(account.requestsTo('POST', `/v1/subscriptions/${sub.provider_subscription_id}`).at(-1)!.params).toEqual({ discounts: '' });
    expect(await discountOf(sub.id)).toBeUndefined();

    // A checkout that would change this subscription's plan (the same group) takes no discount: a 400 naming coupon.
    const change = await post('/v1/checkout/sessions', { customer, plan: 'basic', coupon: 'loyal10', success_url: 'https://app.example.com/ok' });
    expect([change.status, change.body.error?.param]).toEqual([400, 'coupon']);
    expect((await t.call('GET', '/v1/coupons/loyal10')).body.times_redeemed).toBe(1);
  });
});

describe('Stripe Tax (the project’s automatic_tax)', () => {
  let taxed: string;

  it('is set by POST /v1/project and shown by GET', async () => {
    const set = await post('/v1/project', { automatic_tax: { enabled: true } });
    expect([set.status, set.body.automatic_tax]).toEqual([200, { enabled: true }]);
    expect((await t.call('GET', '/v1/project')).body.automatic_tax).toEqual({ enabled: true });
    const bad = await post('/v1/project', { automatic_tax: { enabled: 'yes' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.param).toMatch(/^automatic_tax/);
  });

  it('sends automatic_tax, billing address and tax id collection and customer_update; keeps the address and tax ids entered', async () => {
    const { customer, sent, session } = await checkout('taxed@example.com', {});
    taxed = customer;
    expect(sent).toMatchObject({
      automatic_tax: { enabled: 'true' },
      billing_address_collection: 'required',
      tax_id_collection: { enabled: 'true' },
      customer_update: { address: 'auto', name: 'auto' },
    });
    const address = { line1: 'Unter den Linden 1', line2: null, city: 'Berlin', state: null, postal_code: '10117', country: 'DE' };
    const details = {
      address,
      business_name: null,
      email: 'taxed@example.com',
      individual_name: null,
      name: 'Taxed GmbH',
      phone: null,
      tax_exempt: 'none',
      tax_ids: [{ type: 'eu_vat', value: 'DE123456789' }],
    } as Stripe.Checkout.Session.CustomerDetails;
    await deliver(complete(session, 'taxed@example.com', { customer_details: details }));
    expect((await t.call('GET', `/v1/customers/${customer}`)).body).toMatchObject({ address, tax_ids: [{ type: 'eu_vat', value: 'DE123456789' }] });
  });

  it('asks Stripe Tax on the invoices Nozle sends to Stripe while enabled, and not once disabled', async () => {
    const customer = taxed;
    const invoices = new ProviderInvoices(new StripeProvider('sk_test_discounts', WEBHOOK_SECRET), t.clocks);
    const line = { position: 1, description: 'Pro', amount: 2_000, periodStart: t.clock.now(), periodEnd: t.clock.now() };
    await invoices.collect(t.database.db, 'stripe', { invoiceId: 'inv_taxed_1', customerId: customer, currency: 'usd', lines: [line] });
    expect(account.requestsTo('POST', '/v1/invoices').at(-1)!.params).toMatchObject({
      automatic_tax: { enabled: 'true' },
      metadata: { nozle_invoice: 'inv_taxed_1' },
    });
    // Charged now through the API (as an auto top-up is): the same.
    const charged = await invoices.charge(t.database.db, {
      invoiceId: 'topup_taxed',
      customerId: customer,
      currency: 'usd',
      lines: [line],
      idempotencyKey: 'topup_taxed',
    });
    expect(charged).toMatchObject({ provider: 'stripe', paid: true });
    expect(account.requestsTo('POST', '/v1/invoices').at(-1)!.params).toMatchObject({
      automatic_tax: { enabled: 'true' },
      metadata: { nozle_invoice: 'topup_taxed' },
    });

    expect((await post('/v1/project', { automatic_tax: { enabled: false } })).body.automatic_tax).toEqual({ enabled: false });
    await invoices.collect(t.database.db, 'stripe', { invoiceId: 'inv_taxed_2', customerId: customer, currency: 'usd', lines: [line] });
    expect(account.requestsTo('POST', '/v1/invoices').at(-1)!.params).not.toHaveProperty('automatic_tax');
    const { sent } = await checkout('untaxed@example.com', {});
    for (const param of ['automatic_tax', 'billing_address_collection', 'tax_id_collection', 'customer_update']) expect(sent).not.toHaveProperty(param);
  });
});
