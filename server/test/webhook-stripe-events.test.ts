// The webhooks of checkouts, failed payments and trial notices with Stripe configured: the real
// `stripe` package answered by msw from a test account shaped by Stripe's fixtures, Stripe's
// webhooks signed with its own helper, Nozle's delivered to real receivers and verified with
// `standardwebhooks`. Each is recorded once per occurrence, whatever Stripe repeats.
import { setupServer } from 'msw/node';
import type Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runDueCustomers } from '../src/access/due-work.js';
import { closeBillingPeriods } from '../src/billing/invoices.js';
import { StripeAccount } from './support/stripe-account.js';
import { signedDelivery, stripeEvent, stripeInvoice } from './support/stripe-objects.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { clearEndpoints, listen as listenFor, type Listener } from './support/webhook-listener.js';

const WEBHOOK_SECRET = 'whsec_nozle_events_secret';
const STRIPE = { secretKey: 'sk_test_nozle_events', webhookSecret: WEBHOOK_SECRET };
const DAY = 86_400;

// Stripe's time is the test server's clock (each describe has its own server).
let t: TestApp;
let account = new StripeAccount({ now: () => t?.clock.now() ?? new Date() });
const stripeApi = setupServer();
const listeners: Listener[] = [];
beforeAll(() =>
  stripeApi.listen({
    onUnhandledRequest: (request, print) => {
      if (new URL(request.url).hostname !== '127.0.0.1') print.error();
    },
  }),
);
afterAll(async () => {
  for (const listener of listeners) await listener.stop();
  stripeApi.close();
});
afterEach(() => {
  account.failSubscriptionReads = 0;
});

async function listen(types: string[]): Promise<Listener> {
  const listener = await listenFor(t, types);
  listeners.push(listener);
  return listener;
}

/** A server with Stripe and the catalog, on a fresh Stripe account; its endpoints cleared before each test. */
function withServer(): void {
  beforeAll(async () => {
    account = new StripeAccount({ now: () => t.clock.now() });
    stripeApi.resetHandlers(...account.handlers());
    t = await startTestApp({ stripe: STRIPE });
    const setup: Array<[string, unknown]> = [
      ['/v1/features', { key: 'export', type: 'boolean' }],
      ['/v1/meters', { key: 'api_units', event_name: 'api.request', aggregation: 'sum', property: 'units' }],
      ['/v1/plans', { key: 'pro', name: 'Pro', interval: 'month', base_price: 2_000, entitlements: [{ feature: 'export' }] }],
      ['/v1/plans', { key: 'team', name: 'Team', group: 'teams', interval: 'month', base_price: 1_000 }],
      ['/v1/plans', { key: 'sticker', name: 'Sticker', add_on: true, interval: 'one_time', base_price: 300 }],
      [
        '/v1/plans',
        {
          key: 'metered',
          name: 'Metered',
          group: 'metered',
          interval: 'month',
          base_price: 0,
          prices: [{ key: 'calls', meter: 'api_units', model: 'per_unit', unit_amount: '2' }],
        },
      ],
    ];
    for (const [path, body] of setup) expect((await t.call('POST', path, { body })).status, JSON.stringify(body)).toBe(200);
  });
  afterAll(() => t.close());
  beforeEach(() => clearEndpoints(t));
}

let customers = 0;
/** A customer with a checkout started for `plan`: Stripe knows the customer and the price. */
async function customerWithCheckout(plan: string) {
  const email = `events${++customers}@example.com`;
  const customer = (await t.call('POST', '/v1/customers', { body: { email } })).body.id as string;
  const session = await t.call('POST', '/v1/checkout/sessions', { body: { customer, plan, success_url: 'https://app.example.com/ok' } });
  expect(session.status, JSON.stringify(session.body)).toBe(200);
  const price = account.requestsTo('POST', '/v1/checkout/sessions').at(-1)!.params['line_items'] as Record<string, Record<string, string>>;
  return { customer, stripeCustomer: `cus_${email.replace(/\W/g, '')}`, price: price['0']!['price']!, session: session.body };
}

let eventSeq = 0;
const eventId = () => `evt_events_${++eventSeq}`;
async function deliver(event: Stripe.Event) {
  const { body, signature } = signedDelivery(event, WEBHOOK_SECRET);
  const res = await t.call('POST', '/v1/webhooks/stripe', { key: null, body, headers: { 'stripe-signature': signature } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { status: string; duplicate: boolean };
}

/** A Stripe subscription of the customer, made known to Nozle by its created event. */
async function stripeSubscription(
  who: { stripeCustomer: string; price: string },
  id: string,
  fields: { status: Stripe.Subscription.Status; trialEnd?: number },
) {
  const now = account.now();
  const periodEnd = fields.trialEnd ?? now + 30 * DAY;
  account.subscriptions.set(id, { id, customer: who.stripeCustomer, price: who.price, created: now, periodStart: now, periodEnd, ...fields });
  expect((await deliver(stripeEvent('customer.subscription.created', account.subscription(id), now, eventId()))).status).toBe('processed');
  return id;
}

const subscriptionOf = async (customer: string) => (await t.call('GET', `/v1/subscriptions?customer=${customer}`)).body.data[0];

describe('checkout.completed through Stripe', () => {
  withServer();

  it("is sent once for Stripe's checkout.session.completed, delivered twice and its processing tried again after a failure", async () => {
    const hooks = await listen(['checkout.completed']);
    const who = await customerWithCheckout('pro');
    const sub = 'sub_checkout_once';
    account.subscriptions.set(sub, {
      id: sub,
      customer: who.stripeCustomer,
      price: who.price,
      status: 'active',
      created: account.now(),
      periodStart: account.now(),
      periodEnd: account.now() + 30 * DAY,
    });
    const session = account.sessions.get(who.session.url.split('/').pop())!;
    const completed = stripeEvent('checkout.session.completed', { ...session, status: 'complete', subscription: sub }, account.now(), eventId());

    // Its subscription cannot be read yet: the event fails after the session completed, and is kept.
    account.failSubscriptionReads = 100;
    expect((await deliver(completed)).status).toBe('failed');
    expect((await deliver(completed)).status).toBe('failed');
    account.failSubscriptionReads = 0;
    t.clock.advance(24 * 3_600_000);
    expect(await t.payments.events.retryDue()).toBe(1);
    expect(await deliver(completed)).toMatchObject({ status: 'processed', duplicate: true });
    expect((await subscriptionOf(who.customer)).provider_subscription_id).toBe(sub);

    const events = await hooks.delivered();
    expect(events.map((event) => event.data)).toEqual([{ ...who.session, status: 'complete' }]);
    // Stripe sending the same session again as a new event changes nothing either.
    expect(
      (await deliver(stripeEvent('checkout.session.completed', { ...session, status: 'complete', subscription: sub }, account.now(), eventId()))).status,
    ).toBe('processed');
    expect(await hooks.delivered()).toHaveLength(1);
  });
});

describe('invoice.payment_failed through Stripe', () => {
  withServer();

  it("is sent once per Stripe event for a renewal Stripe charged on its own, with Stripe's attempt and next retry", async () => {
    const hooks = await listen(['invoice.payment_failed']);
    const who = await customerWithCheckout('pro');
    const sub = await stripeSubscription(who, 'sub_renewal_fails', { status: 'active' });
    const retryAt = account.now() + 3 * DAY;
    const invoice = Object.assign(stripeInvoice('in_renewal_fails', who.stripeCustomer, sub, false), {
      amount_due: 2_000,
      currency: 'usd',
      attempt_count: 1,
      attempted: true,
      next_payment_attempt: retryAt,
      metadata: {},
    });
    account.invoices.set(invoice.id, invoice);
    account.update(sub, { status: 'past_due' });
    const failed = stripeEvent('invoice.payment_failed', invoice, account.now(), eventId());
    expect((await deliver(failed)).status).toBe('processed');
    expect((await deliver(failed)).duplicate).toBe(true);

    const [first, ...none] = await hooks.delivered();
    expect(none).toEqual([]);
    expect(first!.data).toEqual({
      object: 'invoice_payment_failure',
      customer: who.customer,
      invoice: null,
      subscription: await subscriptionOf(who.customer),
      provider: 'stripe',
      provider_invoice: 'in_renewal_fails',
      amount_due: 2_000,
      currency: 'usd',
      attempt_count: 1,
      next_payment_attempt: retryAt,
      failure_code: null,
      failure_message: null,
    });
    expect(first!.data['subscription']).toMatchObject({ status: 'past_due', provider_subscription_id: sub });

    // As if the process died after the failure was recorded and before the event was marked
    // processed: the retry job processes it again, and records no second failure.
    await t.database.db.query("update payment_events set status = 'pending', next_attempt_at = $2 where id = $1", [failed.id, t.clock.now()]);
    expect(await t.payments.events.retryDue()).toBe(1);
    expect(await hooks.delivered()).toHaveLength(1);

    // Stripe's retry fails too: a new event, a second failure.
    t.clock.advance(3 * DAY * 1000);
    Object.assign(invoice, { attempt_count: 2, next_payment_attempt: account.now() + 5 * DAY });
    expect((await deliver(stripeEvent('invoice.payment_failed', invoice, account.now(), eventId()))).status).toBe('processed');
    expect((await hooks.delivered()).map((event) => event.data['attempt_count'])).toEqual([1, 2]);
  });

  it('is sent for a Nozle invoice Stripe was sent to collect, naming that invoice', async () => {
    const who = await customerWithCheckout('metered');
    const sub = await stripeSubscription(who, 'sub_metered_fails', { status: 'active' });
    const events = [{ id: `calls-${sub}`, customer: who.customer, event: 'api.request', properties: { units: 50 } }];
    expect((await t.call('POST', '/v1/events', { body: { events } })).status).toBeLessThan(300);
    // The period ends at Stripe; Nozle's billing sends the usage to Stripe to collect.
    const renewal = account.subscriptions.get(sub)!.periodEnd;
    t.clock.set(new Date((renewal + 3_600) * 1000));
    account.update(sub, { periodStart: renewal, periodEnd: renewal + 30 * DAY });
    await deliver(stripeEvent('customer.subscription.updated', account.subscription(sub), renewal, eventId()));
    await closeBillingPeriods(t.payments.billing);
    const [nozleInvoice] = (await t.call('GET', `/v1/invoices?customer=${who.customer}`)).body.data;
    expect(nozleInvoice).toMatchObject({ status: 'open', provider: 'stripe', total: 100 });

    const hooks = await listen(['invoice.payment_failed']);
    const sent = account.invoices.get(nozleInvoice.provider_invoice_id)!;
    Object.assign(sent, { attempt_count: 1, attempted: true, next_payment_attempt: account.now() + DAY });
    expect((await deliver(stripeEvent('invoice.payment_failed', sent, account.now(), eventId()))).status).toBe('processed');
    const [failure, ...none] = await hooks.delivered();
    expect(none).toEqual([]);
    expect(failure!.data).toMatchObject({
      customer: who.customer,
      invoice: (await t.call('GET', `/v1/invoices/${nozleInvoice.id}`)).body,
      subscription: await subscriptionOf(who.customer),
      provider: 'stripe',
      provider_invoice: sent.id,
      amount_due: 100,
      attempt_count: 1,
      next_payment_attempt: account.now() + DAY,
    });
  });

  it("a declined POST pay sends one failure with Stripe's reason; Stripe's own event for that charge sends no second", async () => {
    const who = await customerWithCheckout('sticker');
    const sub = (await t.call('POST', '/v1/subscriptions', { body: { customer: who.customer, plan: 'team' } })).body;
    expect(sub.provider).toBeNull();
    account.declines.add(who.stripeCustomer);
    t.clock.set(new Date((sub.current_period_end + 3_600) * 1000));
    await closeBillingPeriods(t.payments.billing);
    const [invoice] = (await t.call('GET', `/v1/invoices?customer=${who.customer}`)).body.data;
    expect(invoice).toMatchObject({ status: 'open', provider: null, total: 1_000 });

    const hooks = await listen(['invoice.payment_failed']);
    const declined = await t.call('POST', `/v1/invoices/${invoice.id}/pay`, { body: {} });
    expect(declined.status).toBe(402);
    const charged = [...account.invoices.values()].find((candidate) => candidate.metadata?.['nozle_invoice'] === invoice.id)!;
    // What Stripe then sends about that charge: the failure is recorded already.
    expect((await deliver(stripeEvent('invoice.payment_failed', charged, account.now(), eventId()))).status).toBe('ignored');

    const [failure, ...none] = await hooks.delivered();
    expect(none).toEqual([]);
    expect(failure!.data).toEqual({
      object: 'invoice_payment_failure',
      customer: who.customer,
      invoice: (await t.call('GET', `/v1/invoices/${invoice.id}`)).body,
      subscription: (await t.call('GET', `/v1/subscriptions/${sub.id}`)).body,
      provider: 'stripe',
      provider_invoice: charged.id,
      amount_due: 1_000,
      currency: 'usd',
      attempt_count: 1,
      next_payment_attempt: null,
      failure_code: 'card_declined',
      failure_message: 'Your card was declined.',
    });
  });
});

describe('subscription.trial_will_end for a trial Stripe bills', () => {
  withServer();

  it('is sent at once for a trial of less than three days, again when Stripe moves the trial later, not when it moves it earlier', async () => {
    const hooks = await listen(['subscription.trial_will_end']);
    const who = await customerWithCheckout('pro');
    const t0 = account.now();
    const sub = await stripeSubscription(who, 'sub_short_trial', { status: 'trialing', trialEnd: t0 + 2 * DAY });
    expect((await hooks.delivered()).map((event) => [event.created, event.data['trial_end']])).toEqual([[t0, t0 + 2 * DAY]]);

    // Stripe extends the trial by a week: its notice comes three days before the new end, by the due work.
    account.update(sub, { trialEnd: t0 + 10 * DAY, periodEnd: t0 + 10 * DAY });
    await deliver(stripeEvent('customer.subscription.updated', account.subscription(sub), t0, eventId()));
    expect(await hooks.delivered()).toHaveLength(1);
    expect((await t.call('GET', `/v1/customers/${who.customer}/entitlements`)).body.valid_until).toBe(t0 + 7 * DAY);
    t.clock.advance((7 * DAY - 60) * 1000);
    await runDueCustomers(t.payments.deps, t.projectA.projectId);
    expect(await hooks.delivered()).toHaveLength(1);
    t.clock.advance(120_000);
    await runDueCustomers(t.payments.deps, t.projectA.projectId);
    await runDueCustomers(t.payments.deps, t.projectA.projectId);
    const notices = await hooks.delivered();
    expect(notices.map((event) => [event.created, event.data['trial_end']])).toEqual([
      [t0, t0 + 2 * DAY],
      [t0 + 7 * DAY + 60, t0 + 10 * DAY],
    ]);

    // Moved a day earlier: its customer was told already.
    account.update(sub, { trialEnd: t0 + 9 * DAY, periodEnd: t0 + 9 * DAY });
    await deliver(stripeEvent('customer.subscription.updated', account.subscription(sub), account.now(), eventId()));
    await runDueCustomers(t.payments.deps, t.projectA.projectId);
    expect(await hooks.delivered()).toHaveLength(2);
  });
});
