// Auto top-up charged at Stripe (the real `stripe` package, answered by msw from a test account
// shaped by Stripe's fixtures): the pack goes on a Stripe invoice of one item, not left to
// Stripe's own collection, paid at once with the customer's default payment method; every call
// keyed by the top-up's id, so a retry after a crash charges nothing twice. A decline is a
// failed top-up with Stripe's code.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOneTopUp } from '../src/payments/top-ups.js';
import { StripeAccount } from './support/stripe-account.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
const account = new StripeAccount({ now: () => t.clock.now() });
const stripeApi = setupServer(...account.handlers());
const post = (path: string, body?: unknown) => t.call('POST', path, body === undefined ? {} : { body });
const runJob = () => runOneTopUp(t.payments.topUps, t.projectA.projectId);

beforeAll(async () => {
  stripeApi.listen({ onUnhandledRequest: (request, print) => (new URL(request.url).hostname !== '127.0.0.1' ? print.error() : undefined) });
  t = await startTestApp({ stripe: { secretKey: 'sk_test_topup', webhookSecret: 'whsec_topup' } });
  expect((await post('/v1/plans', { key: 'sticker', name: 'Sticker', add_on: true, interval: 'one_time', currency: 'usd', base_price: 300 })).status).toBe(200);
  for (const name of ['good', 'declined']) {
    expect((await post('/v1/customers', { external_id: name, email: `${name}@example.com` })).status).toBe(200);
    // A checkout makes the customer's Stripe customer, where its card is saved (left unpaid here).
    expect((await post('/v1/checkout/sessions', { customer: name, plan: 'sticker', success_url: 'https://app.example.com/ok' })).status).toBe(200);
    expect((await post(`/v1/customers/${name}/credits`, { amount: 200, currency: 'usd' })).status).toBe(200);
  }
  account.declines.add('cus_declinedexamplecom');
});
afterAll(async () => {
  await t?.close();
  stripeApi.close();
});

describe('auto top-up with Stripe configured', () => {
  it('charges the pack through a Stripe invoice paid now, keyed by the top-up id, and grants it', async () => {
    // 200 is below 1,000 already: setting it arms it, and the crossing is recorded at once.
    expect((await post('/v1/customers/good/credits/auto_top_up', { currency: 'usd', threshold: 1_000, amount: 2_500 })).status).toBe(200);
    const run = await runJob();
    const topUp = run!.settled!;
    expect(topUp).toMatchObject({ status: 'succeeded', provider: 'stripe', amount: 2_500, balance: 200 });

    const [create, ...moreCreates] = account.requestsTo('POST', '/v1/invoices');
    expect(moreCreates).toEqual([]);
    expect(create!.idempotencyKey).toBe(topUp.id);
    expect(create!.params).toMatchObject({
      customer: 'cus_goodexamplecom',
      currency: 'usd',
      collection_method: 'charge_automatically',
      auto_advance: 'false',
      metadata: { nozle_invoice: topUp.id },
    });
    const stripeInvoice = [...account.invoices.values()].find((invoice) => invoice.metadata?.['nozle_invoice'] === topUp.id)!;
    const [item, ...moreItems] = account.requestsTo('POST', '/v1/invoiceitems');
    expect(moreItems).toEqual([]);
    expect(item!.params).toMatchObject({
      customer: 'cus_goodexamplecom',
      invoice: stripeInvoice.id,
      amount: '2500',
      currency: 'usd',
      description: 'Credit top-up',
    });
    expect(item!.idempotencyKey).toBe(`${topUp.id}-line-1`);
    const pays = account.requestsTo('POST', `/v1/invoices/${stripeInvoice.id}/pay`);
    expect(pays.map((pay) => pay.idempotencyKey)).toEqual([`${topUp.id}-pay`]);
    expect(topUp.provider_invoice_id).toBe(stripeInvoice.id);
    expect(stripeInvoice).toMatchObject({ status: 'paid', amount_paid: 2_500 });
    // 200 + 2,500.
    expect((await t.call('GET', '/v1/customers/good/credits')).body.balances).toEqual({ usd: 2_700 });
  });

  it('records a decline as failed with Stripe’s code, and charges nothing more while the balance stays low', async () => {
    expect((await post('/v1/customers/declined/credits/auto_top_up', { currency: 'usd', threshold: 1_000, amount: 2_500 })).status).toBe(200);
    const topUp = (await runJob())!.settled!;
    expect(topUp).toMatchObject({ status: 'failed', provider: 'stripe', grant: null, failure: { code: 'card_declined' } });
    expect(await runJob()).toBeUndefined();
    expect(account.requestsTo('POST', `/v1/invoices/${topUp.provider_invoice_id}/pay`)).toHaveLength(1);
    expect((await t.call('GET', '/v1/customers/declined/credits')).body.balances).toEqual({ usd: 200 });
  });
});
