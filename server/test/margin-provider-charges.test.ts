// The margin report counts what the payment provider charged: a checkout's subscription
// invoices and one-time payments (net of refunds), each once however often its event comes,
// in the sandbox and with Stripe (msw); the report's revenue equals the charges.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxEvent } from '../src/payments/sandbox/events.js';
import { StripeAccount } from './support/stripe-account.js';
import { fromFixture, signedDelivery, stripeEvent, stripeInvoice } from './support/stripe-objects.js';
import { CARDS, submitPage } from './support/sandbox-pages.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const DAY = 86_400;
const unix = (iso: string) => Date.parse(iso) / 1000;
const MARCH = `start=${unix('2026-03-01T00:00:00Z')}&end=${unix('2026-04-01T00:00:00Z')}`;
const SPRING = `start=${unix('2026-03-01T00:00:00Z')}&end=${unix('2026-05-01T00:00:00Z')}`;

async function plans(t: TestApp): Promise<void> {
  for (const body of [
    { key: 'pro', name: 'Pro', interval: 'month', base_price: 2900 },
    { key: 'lifetime', name: 'Lifetime', interval: 'one_time', base_price: 9900 },
  ]) {
    expect((await t.call('POST', '/v1/plans', { body })).status).toBe(200);
  }
}

const report = async (t: TestApp, window: string, groupBy = 'plan') => {
  const res = await t.call('GET', `/v1/analytics/margin?${window}&group_by=${groupBy}`);
  expect(res.status).toBe(200);
  return res.body;
};

describe('in the sandbox', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await plans(t);
  });
  afterAll(() => t.close());

  const checkout = async (customer: string, plan: string) => {
    const res = await t.call('POST', '/v1/checkout/sessions', { body: { customer, plan, success_url: 'https://app.example.com/ok' } });
    expect(res.status).toBe(200);
    expect((await submitPage(res.body.url, { card: CARDS.pays, action: 'pay' })).status).toBe(303);
  };
  /** What the sandbox charged, from its own records: paid invoices, and payments not refunded. */
  const charged = async (from: string, to: string) => {
    const invoices = await t.database.db.query<{ n: string }>(
      "select coalesce(sum(amount_paid), 0)::text as n from sandbox_invoices where status = 'paid' and created_at >= $1 and created_at < $2",
      [from, to],
    );
    const payments = await t.database.db.query<{ n: string }>(
      'select coalesce(sum(amount), 0)::text as n from sandbox_payments where not refunded and created_at >= $1 and created_at < $2',
      [from, to],
    );
    return Number(invoices.rows[0]!.n) + Number(payments.rows[0]!.n);
  };

  it("counts a checkout's first invoice and its renewal, once each, and a refunded purchase as nothing", async () => {
    const customer = (await t.call('POST', '/v1/customers', { body: { external_id: 'payer', email: 'payer@example.com' } })).body.id;
    await checkout(customer, 'pro');
    await checkout(customer, 'lifetime');
    const purchase = (await t.call('GET', `/v1/purchases?customer=${customer}`)).body.data[0];

    const march = await report(t, MARCH);
    expect(march.totals.revenue).toBe(2900 + 9900);
    expect(march.groups).toEqual([expect.objectContaining({ key: 'lifetime', revenue: 9900 }), expect.objectContaining({ key: 'pro', revenue: 2900 })]);
    expect(march.totals.revenue).toBe(await charged('2026-03-01', '2026-04-01'));

    // The same invoice told again, under another event id: still counted once.
    const { rows } = await t.database.db.query<{ id: string; customer: string; subscription: string }>(
      'select id, customer, subscription from sandbox_invoices',
    );
    expect(rows).toHaveLength(1);
    const again = sandboxEvent(
      'evt_sbx_again',
      'invoice.paid',
      {
        id: rows[0]!.id,
        object: 'invoice',
        customer: rows[0]!.customer,
        parent: { type: 'subscription_details', subscription_details: { subscription: rows[0]!.subscription } },
      },
      t.clocks.clockFor(t.projectA.projectId).now(),
    );
    expect(await t.payments.events.receive(again)).toEqual({ status: 'processed', duplicate: false });
    expect((await report(t, MARCH)).totals.revenue).toBe(2900 + 9900);

    // The refund gives the purchase's charge back.
    expect((await t.call('POST', `/v1/purchases/${purchase.id}/refund`, { body: {} })).status).toBe(200);
    expect((await report(t, MARCH)).groups).toEqual([
      expect.objectContaining({ key: 'lifetime', revenue: 0 }),
      expect.objectContaining({ key: 'pro', revenue: 2900 }),
    ]);

    // A month on, the renewal is charged: April's charge, counted in a window that holds it.
    expect((await t.call('POST', '/v1/test_clock/advance', { body: { seconds: 31 * DAY } })).status).toBe(200);
    const spring = await report(t, SPRING, 'customer');
    expect(spring.groups).toEqual([expect.objectContaining({ key: customer, revenue: 5800 })]);
    expect(spring.totals.revenue).toBe(await charged('2026-03-01', '2026-05-01'));
  });
});

describe('with Stripe', () => {
  const WEBHOOK_SECRET = 'whsec_margin';
  let t: TestApp;
  const account = new StripeAccount({ now: () => t.clock.now() });
  const stripeApi = setupServer(...account.handlers());
  let seq = 0;
  const deliver = async (type: string, object: unknown) => {
    const { body, signature } = signedDelivery(stripeEvent(type, object, account.now(), `evt_margin_${++seq}`), WEBHOOK_SECRET);
    const res = await t.call('POST', '/v1/webhooks/stripe', { key: null, body, headers: { 'stripe-signature': signature } });
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    stripeApi.listen({ onUnhandledRequest: (request, print) => (new URL(request.url).hostname !== '127.0.0.1' ? print.error() : undefined) });
    t = await startTestApp({ stripe: { secretKey: 'sk_test_margin', webhookSecret: WEBHOOK_SECRET } });
    await plans(t);
  });
  afterAll(async () => {
    await t.close();
    stripeApi.close();
  });

  it('counts a paid subscription invoice once, each net of its refund, a one-time payment too, and not an invoice Nozle sent', async () => {
    const customer = (await t.call('POST', '/v1/customers', { body: { email: 'stripe-payer@example.com' } })).body.id;
    expect((await t.call('POST', '/v1/checkout/sessions', { body: { customer, plan: 'pro' } })).status).toBe(200);
    expect((await t.call('POST', '/v1/checkout/sessions', { body: { customer, plan: 'lifetime' } })).status).toBe(200);
    const stripeCustomer = 'cus_stripepayerexamplecom';
    const [proPrice, lifetimePrice] = [...account.prices.values()].map((price) => price.id);
    const now = account.now();
    account.subscriptions.set('sub_margin', {
      id: 'sub_margin',
      customer: stripeCustomer,
      price: proPrice!,
      status: 'active',
      periodStart: now,
      periodEnd: now + 31 * DAY,
      created: now,
    });
    const line = fromFixture<Record<string, unknown>>('invoice').lines as { data: Array<Record<string, unknown>> };
    const invoice = {
      ...stripeInvoice('in_margin', stripeCustomer, 'sub_margin', true),
      amount_paid: 2900,
      currency: 'usd',
      status_transitions: { finalized_at: now, marked_uncollectible_at: null, paid_at: now, voided_at: null },
      lines: { ...line, data: [{ ...line.data[0], amount: 2900, period: { start: now, end: now + 31 * DAY } }] },
      // Its payment (listed with expand: ['payments']): what a refund of it names.
      payments: {
        object: 'list',
        has_more: false,
        url: '/v1/invoice_payments',
        data: [fromFixture('invoice_payment', { invoice: 'in_margin', status: 'paid', payment: { type: 'payment_intent', payment_intent: 'pi_sub_margin' } })],
      },
    };
    account.payments.set('pi_sub_margin', { id: 'pi_sub_margin', customer: stripeCustomer, status: 'succeeded', refunded: false, created: now, amount: 2900 });
    account.invoices.set('in_margin', invoice as never);
    // Sent by Nozle (its own invoice, counted from its lines): not a provider charge.
    account.invoices.set('in_nozle', { ...invoice, id: 'in_nozle', metadata: { nozle_invoice: 'in_not_here' } } as never);
    account.payments.set('pi_margin', {
      id: 'pi_margin',
      customer: stripeCustomer,
      price: lifetimePrice!,
      status: 'succeeded',
      refunded: false,
      created: now,
      amount: 9900,
    });

    await deliver('invoice.paid', invoice);
    await deliver('invoice.paid', invoice); // delivered again by Stripe, under a new event id
    await deliver('invoice.paid', account.invoices.get('in_nozle'));
    await deliver(
      'checkout.session.completed',
      fromFixture('checkout.session', { id: 'cs_margin', customer: stripeCustomer, mode: 'payment', payment_intent: 'pi_margin', subscription: null }),
    );

    const march = await report(t, MARCH);
    expect(march.groups).toEqual([expect.objectContaining({ key: 'lifetime', revenue: 9900 }), expect.objectContaining({ key: 'pro', revenue: 2900 })]);
    expect(march.totals.revenue).toBe(2900 + 9900);

    account.payments.get('pi_margin')!.refunded = true;
    await deliver('charge.refunded', account.paymentIntent('pi_margin').latest_charge);
    expect((await report(t, MARCH)).totals.revenue).toBe(2900);

    // The subscription invoice's payment refunded: its charge no longer counts (delivered twice: once).
    account.payments.get('pi_sub_margin')!.refunded = true;
    expect((await deliver('charge.refunded', account.paymentIntent('pi_sub_margin').latest_charge)).status).toBe('processed');
    await deliver('charge.refunded', account.paymentIntent('pi_sub_margin').latest_charge);
    const refunded = await report(t, MARCH);
    expect(refunded.totals.revenue).toBe(0);
    expect(refunded.groups).toEqual([expect.objectContaining({ key: 'lifetime', revenue: 0 }), expect.objectContaining({ key: 'pro', revenue: 0 })]);
  });
});
