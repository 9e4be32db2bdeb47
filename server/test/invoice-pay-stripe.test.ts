// Paying an invoice Nozle collects itself by charging the customer's saved payment method at
// Stripe (the real `stripe` package, answered by msw from a test account shaped by Stripe's
// fixtures): its lines go on a Stripe invoice that Stripe does not collect on its own, then
// Stripe's pay charges the default payment method. A decline answers 402 and changes nothing
// here; a later attempt (the card replaced) is a new charge and pays it.
import pino from 'pino';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBillingPeriods } from '../src/billing/invoices.js';
import { StripeAccount } from './support/stripe-account.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
const account = new StripeAccount({ now: () => t.clock.now() });
const stripeApi = setupServer(...account.handlers());
const invoiceOf: Record<string, string> = {};
const post = (path: string, body?: unknown) => t.call('POST', path, body === undefined ? {} : { body });

beforeAll(async () => {
  stripeApi.listen({ onUnhandledRequest: (request, print) => (new URL(request.url).hostname !== '127.0.0.1' ? print.error() : undefined) });
  t = await startTestApp({ stripe: { secretKey: 'sk_test_pay', webhookSecret: 'whsec_pay' } });
  expect((await post('/v1/plans', { key: 'team', name: 'Team', interval: 'month', base_price: 1_000 })).status).toBe(200);
  expect((await post('/v1/plans', { key: 'sticker', name: 'Sticker', add_on: true, interval: 'one_time', currency: 'usd', base_price: 300 })).status).toBe(200);
  for (const name of ['good', 'declined']) {
    expect((await post('/v1/customers', { external_id: name, email: `${name}@example.com` })).status).toBe(200);
    const sub = await post('/v1/subscriptions', { customer: name, plan: 'team' });
    expect([sub.status, sub.body.provider]).toEqual([200, null]);
    // A checkout makes the customer's Stripe customer, where its card is saved (left unpaid here).
    const session = await post('/v1/checkout/sessions', { customer: name, plan: 'sticker', success_url: 'https://app.example.com/ok' });
    expect(session.status, JSON.stringify(session.body)).toBe(200);
  }
  account.declines.add('cus_declinedexamplecom');
  t.setTime(new Date('2026-04-02T00:00:00Z'));
  const deps = { db: t.database.db, clock: t.clocks, logger: pino({ level: 'silent' }), snapshots: t.entitlements.snapshots, entitlements: t.entitlements };
  expect(await closeBillingPeriods(deps)).toBe(2);
  for (const name of ['good', 'declined']) invoiceOf[name] = (await t.call('GET', `/v1/invoices?customer=${name}`)).body.data[0].id;
  // Built by Nozle, not sent anywhere: the subscription is Nozle's own.
  expect(account.invoices.size).toBe(0);
});
afterAll(async () => {
  await t?.close();
  stripeApi.close();
});

describe('POST /v1/invoices/{id}/pay with Stripe configured', () => {
  it("charges the customer's default payment method at Stripe, and records Stripe's invoice", async () => {
    const paid = await post(`/v1/invoices/${invoiceOf.good}/pay`);
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    const [stripeInvoice] = [...account.invoices.values()];
    expect(paid.body).toMatchObject({ status: 'paid', paid_out_of_band: false, provider: 'stripe', provider_invoice_id: stripeInvoice!.id });
    expect(stripeInvoice).toMatchObject({ customer: 'cus_goodexamplecom', status: 'paid', amount_paid: 1_000, metadata: { nozle_invoice: invoiceOf.good } });
    // Not left for Stripe's own collection: Nozle charges it once, now.
    expect(account.requestsTo('POST', '/v1/invoices')[0]!.params).toMatchObject({ auto_advance: 'false', collection_method: 'charge_automatically' });
    expect(account.requestsTo('POST', `/v1/invoices/${stripeInvoice!.id}/pay`)).toHaveLength(1);
  });

  it('answers a decline with a 402 card_error and leaves the invoice open; a later attempt is charged anew', async () => {
    const declined = await post(`/v1/invoices/${invoiceOf.declined}/pay`, {});
    expect(declined.status).toBe(402);
    expect(declined.body.error).toMatchObject({ type: 'card_error', code: 'card_declined' });
    expect((await t.call('GET', `/v1/invoices/${invoiceOf.declined}`)).body).toMatchObject({ status: 'open', provider: null, paid_at: null });

    account.declines.delete('cus_declinedexamplecom');
    const paid = await post(`/v1/invoices/${invoiceOf.declined}/pay`, {});
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body).toMatchObject({ status: 'paid', provider: 'stripe' });
    // One Stripe invoice for the Nozle invoice (its idempotency keys), charged twice: the decline, then the payment.
    const stripeInvoice = [...account.invoices.values()].find((invoice) => invoice.metadata?.['nozle_invoice'] === invoiceOf.declined)!;
    expect([...account.invoices.values()].filter((invoice) => invoice.metadata?.['nozle_invoice'] === invoiceOf.declined)).toHaveLength(1);
    expect(account.requestsTo('POST', `/v1/invoices/${stripeInvoice.id}/pay`)).toHaveLength(2);
    expect(stripeInvoice.status).toBe('paid');
  });
});
