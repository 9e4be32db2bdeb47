// Payments through Stripe: the real `stripe` package, its HTTP calls answered by msw from a
// test account shaped by Stripe's fixtures, webhooks signed with Stripe's own test helper.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeBillingPeriods } from '../src/billing/invoices.js';
import { StripeAccount } from './support/stripe-account.js';
import { signedDelivery, stripeEvent, stripeInvoice } from './support/stripe-objects.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const WEBHOOK_SECRET = 'whsec_nozle_test_secret';
const STRIPE = { secretKey: 'sk_test_nozle', webhookSecret: WEBHOOK_SECRET };
const DAY = 86_400;

// Stripe's time is the test server's clock (every test app starts at the same instant).
const clock = { current: undefined as TestApp | undefined, now: () => clock.current?.clock.now() ?? new Date() };
let account = new StripeAccount(clock);
const stripeApi = setupServer();
beforeAll(() =>
  stripeApi.listen({
    // The test's own calls to the Nozle server go through; anything else unanswered is a bug.
    onUnhandledRequest: (request, print) => {
      if (new URL(request.url).hostname !== '127.0.0.1') print.error();
    },
  }),
);
afterAll(() => stripeApi.close());
beforeEach(() => {
  account = new StripeAccount(clock);
  stripeApi.resetHandlers(...account.handlers());
});

async function catalog(t: TestApp): Promise<void> {
  await t.call('POST', '/v1/features', { body: { key: 'export', type: 'boolean' } });
  await t.call('POST', '/v1/features', { body: { key: 'seats', type: 'config' } });
  await t.call('POST', '/v1/plans', {
    body: { key: 'basic', name: 'Basic', interval: 'month', base_price: 1000, entitlements: [{ feature: 'seats', value: 1 }] },
  });
  await t.call('POST', '/v1/plans', {
    body: {
      key: 'pro',
      name: 'Pro',
      interval: 'month',
      base_price: 2000,
      trial_days: 14,
      entitlements: [{ feature: 'export' }, { feature: 'seats', value: 5 }],
    },
  });
  await t.call('POST', '/v1/plans', {
    body: { key: 'lifetime', name: 'Lifetime', interval: 'one_time', base_price: 9900, entitlements: [{ feature: 'export' }] },
  });
}

let customers = 0;
/** A customer with a checkout started for `plan`: Stripe now knows the customer and the price. */
async function customerWithCheckout(t: TestApp, plan = 'pro', email = `user${++customers}@example.com`) {
  const customer = (await t.call('POST', '/v1/customers', { body: { email } })).body;
  const session = await t.call('POST', '/v1/checkout/sessions', { body: { customer: customer.id, plan, success_url: 'https://app.example.com/ok' } });
  expect(session.status).toBe(200);
  const stripeCustomer = `cus_${email.replace(/\W/g, '')}`;
  const price = account.requestsTo('POST', '/v1/checkout/sessions').at(-1)!.params['line_items'] as Record<string, Record<string, string>>;
  return { customer: customer.id as string, stripeCustomer, price: price['0']!['price']!, session: session.body };
}

async function deliver(t: TestApp, event: ReturnType<typeof stripeEvent>, secret = WEBHOOK_SECRET) {
  const { body, signature } = signedDelivery(event, secret);
  return t.call('POST', '/v1/webhooks/stripe', { key: null, body, headers: { 'stripe-signature': signature } });
}

const access = async (t: TestApp, customer: string, feature = 'export') =>
  (await t.call('GET', `/v1/customers/${customer}/entitlements`)).body.features[feature].allowed as boolean;
const version = async (t: TestApp, customer: string) => (await t.call('GET', `/v1/customers/${customer}/entitlements`)).body.version as number;
const subscriptionsOf = async (t: TestApp, customer: string) => (await t.call('GET', `/v1/subscriptions?customer=${customer}`)).body.data;
const count = async (t: TestApp, table: string) => Number((await t.database.db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]!.n);

let eventSeq = 0;
const eventId = () => `evt_test_${++eventSeq}`;

describe('with Stripe configured', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ stripe: STRIPE });
    clock.current = t;
    await catalog(t);
  });
  afterAll(() => t.close());
  afterEach(() => {
    account.failSubscriptionReads = 0;
  });

  describe('checkout', () => {
    it('creates the Stripe customer and price on first use, then a Checkout session with the plan and its trial', async () => {
      const { customer, stripeCustomer, session } = await customerWithCheckout(t, 'pro', 'grace@example.com');
      expect(session).toMatchObject({ object: 'checkout.session', customer, plan: 'pro', mode: 'subscription', provider: 'stripe', status: 'open' });
      expect(session.url).toMatch(/^https:\/\/checkout\.stripe\.com\//);
      const [created] = account.requestsTo('POST', '/v1/customers');
      expect(created!.params).toMatchObject({ email: 'grace@example.com', metadata: { nozle_customer: customer, nozle_project: t.projectA.projectId } });
      const [checkout] = account.requestsTo('POST', '/v1/checkout/sessions');
      expect(checkout!.params).toMatchObject({
        mode: 'subscription',
        customer: stripeCustomer,
        success_url: 'https://app.example.com/ok',
        subscription_data: { trial_period_days: '14', metadata: { nozle_customer: customer } },
        line_items: { '0': { quantity: '1' } },
      });
      expect(account.requestsTo('POST', '/v1/prices')[0]!.params).toMatchObject({ unit_amount: '2000', currency: 'usd', recurring: { interval: 'month' } });

      // A second checkout reuses both: no second customer or price at Stripe.
      await t.call('POST', '/v1/checkout/sessions', { body: { customer, plan: 'pro' } });
      expect(account.requestsTo('POST', '/v1/customers')).toHaveLength(1);
      expect(account.requestsTo('POST', '/v1/prices')).toHaveLength(1);
    });

    it("a one-time plan checks out in payment mode; a portal session goes to Stripe's portal", async () => {
      const { customer, session } = await customerWithCheckout(t, 'lifetime');
      expect(session.mode).toBe('payment');
      expect(account.requestsTo('POST', '/v1/checkout/sessions').at(-1)!.params).toMatchObject({
        mode: 'payment',
        payment_intent_data: { metadata: { nozle_customer: customer } },
      });
      const portal = await t.call('POST', '/v1/portal/sessions', { body: { customer, return_url: 'https://app.example.com/account' } });
      expect(portal.status).toBe(200);
      expect(portal.body).toMatchObject({ object: 'portal.session', provider: 'stripe', return_url: 'https://app.example.com/account' });
      expect(portal.body.url).toMatch(/^https:\/\/billing\.stripe\.com\//);
    });

    it('a refusal from Stripe is a 502 and records no session', async () => {
      const customer = (await t.call('POST', '/v1/customers', { body: { email: 'refused@example.com' } })).body.id;
      const before = await count(t, 'checkout_sessions');
      stripeApi.use(
        http.post('https://api.stripe.com/v1/checkout/sessions', () =>
          HttpResponse.json({ error: { type: 'invalid_request_error', message: 'No such price' } }, { status: 400 }),
        ),
      );
      const res = await t.call('POST', '/v1/checkout/sessions', { body: { customer, plan: 'basic' } });
      expect(res.status).toBe(502);
      expect(res.body.error).toMatchObject({ code: 'payment_provider_error' });
      expect(await count(t, 'checkout_sessions')).toBe(before);
    });
  });

  describe('webhooks', () => {
    it('a bad signature is a 400 that stores nothing', async () => {
      const { stripeCustomer, price } = await customerWithCheckout(t);
      const sub = `sub_bad_${eventSeq}`;
      account.subscriptions.set(sub, {
        id: sub,
        customer: stripeCustomer,
        price,
        status: 'active',
        periodStart: account.now(),
        periodEnd: account.now() + 30 * DAY,
        created: account.now(),
      });
      const event = stripeEvent('customer.subscription.created', account.subscription(sub), account.now(), eventId());
      const before = { events: await count(t, 'payment_events'), subscriptions: await count(t, 'subscriptions') };

      const wrongSecret = await deliver(t, event, 'whsec_someone_else');
      const { signature } = signedDelivery(event, WEBHOOK_SECRET);
      const tampered = await t.call('POST', '/v1/webhooks/stripe', {
        key: null,
        body: JSON.stringify({ ...event, type: 'customer.subscription.deleted' }),
        headers: { 'stripe-signature': signature },
      });
      const unsigned = await t.call('POST', '/v1/webhooks/stripe', { key: null, body: JSON.stringify(event) });
      expect(wrongSecret.status).toBe(400);
      expect(wrongSecret.body.error).toMatchObject({ code: 'signature_invalid' });
      expect(tampered.status).toBe(400);
      expect(unsigned.status).toBe(400);
      expect({ events: await count(t, 'payment_events'), subscriptions: await count(t, 'subscriptions') }).toEqual(before);
    });

    it('a failed processing is kept, shown as failed, and retried until it succeeds', async () => {
      const { customer, stripeCustomer, price } = await customerWithCheckout(t);
      const sub = `sub_retry_${eventSeq}`;
      account.subscriptions.set(sub, {
        id: sub,
        customer: stripeCustomer,
        price,
        status: 'active',
        periodStart: account.now(),
        periodEnd: account.now() + 30 * DAY,
        created: account.now(),
      });
      account.failSubscriptionReads = 100; // more than Stripe's own retries
      const event = stripeEvent('customer.subscription.created', account.subscription(sub), account.now(), eventId());

      const first = await deliver(t, event);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ received: true, status: 'failed' });
      expect(await access(t, customer)).toBe(false);
      // Visible to the project (its customer is named in the event) while it waits for a retry.
      const failed = (await t.call('GET', '/v1/payment_events?status=failed')).body.data;
      expect(failed.map((row: { id: string }) => row.id)).toContain(event.id);
      const { rows } = await t.database.db.query<{ status: string; attempts: number; last_error: string; next_attempt_at: Date }>(
        'select * from payment_events where id = $1',
        [event.id],
      );
      expect(rows[0]).toMatchObject({ status: 'failed', attempts: 1 });
      expect(rows[0]!.last_error).toMatch(/bad day/);
      expect(rows[0]!.next_attempt_at.getTime()).toBeGreaterThan(t.clock.now().getTime());

      // Not due yet: the retry job leaves it alone.
      expect(await t.payments.events.retryDue()).toBe(0);
      account.failSubscriptionReads = 0;
      t.clock.advance(61_000);
      expect(await t.payments.events.retryDue()).toBe(1);
      expect(await access(t, customer)).toBe(true);
      const listed = (await t.call('GET', '/v1/payment_events')).body.data.find((row: { id: string }) => row.id === event.id);
      expect(listed).toMatchObject({ status: 'processed', attempts: 2, last_error: null, next_attempt_at: null });
    });

    it('the events of a checkout delivered three times each, shuffled, end as delivered once in order', async () => {
      // Two servers (two databases) on one Stripe account: one gets the events once in order,
      // the other gets every event three times in a shuffled order.
      const ordered = await startTestApp({ stripe: STRIPE });
      const shuffled = await startTestApp({ stripe: STRIPE });
      try {
        await catalog(ordered);
        await catalog(shuffled);
        const a = await customerWithCheckout(ordered, 'pro', 'lin@example.com');
        const b = await customerWithCheckout(shuffled, 'pro', 'lin@example.com');
        expect(b.stripeCustomer).toBe(a.stripeCustomer);
        expect(b.price).toBe(a.price);

        // What Stripe did: checkout made a trialing subscription, the trial ended and was paid,
        // then the customer scheduled a cancel. Each event carries the object as it was then.
        const sub = 'sub_checkout_story';
        const t0 = account.now();
        const state = { id: sub, customer: a.stripeCustomer, price: a.price, created: t0, periodStart: t0, periodEnd: t0 + 14 * DAY, trialEnd: t0 + 14 * DAY };
        account.subscriptions.set(sub, { ...state, status: 'trialing' });
        const events = [
          stripeEvent('customer.subscription.created', account.subscription(sub), t0, eventId()),
          stripeEvent(
            'checkout.session.completed',
            { ...account.sessions.get(a.session.url.split('/').pop())!, status: 'complete', subscription: sub },
            t0 + 1,
            eventId(),
          ),
          stripeEvent('customer.subscription.trial_will_end', account.subscription(sub), t0 + 11 * DAY, eventId()),
        ];
        account.update(sub, { status: 'active', periodStart: t0 + 14 * DAY, periodEnd: t0 + 44 * DAY });
        events.push(stripeEvent('invoice.paid', stripeInvoice('in_story_1', a.stripeCustomer, sub, true), t0 + 14 * DAY, eventId()));
        events.push(stripeEvent('customer.subscription.updated', account.subscription(sub), t0 + 14 * DAY, eventId()));
        account.update(sub, { cancelAtPeriodEnd: true });
        events.push(stripeEvent('customer.subscription.updated', account.subscription(sub), t0 + 20 * DAY, eventId()));

        for (const event of events) expect((await deliver(ordered, event)).status).toBe(200);
        const deliveries = events.flatMap((event) => [event, event, event]);
        for (let i = deliveries.length - 1; i > 0; i--) {
          const j = (i * 7919 + 13) % (i + 1); // a fixed shuffle, the same on every run
          [deliveries[i], deliveries[j]] = [deliveries[j]!, deliveries[i]!];
        }
        expect(deliveries.slice(0, 3).map((event) => event.type)).not.toEqual(events.slice(0, 3).map((event) => event.type));
        for (const event of deliveries) expect((await deliver(shuffled, event)).status).toBe(200);

        const stateOf = async (app: TestApp, customer: string) => {
          const [subscription, ...others] = await subscriptionsOf(app, customer);
          const { features } = (await app.call('GET', `/v1/customers/${customer}/entitlements`)).body;
          const { rows } = await app.database.db.query<{ status: string; n: number }>('select status, count(*)::int as n from payment_events group by status');
          const { id, customer: _c, created: _created, ...fields } = subscription;
          return { others: others.length, fields, export: features.export.allowed, seats: features.seats.value, events: rows };
        };
        const once = await stateOf(ordered, a.customer);
        expect(once).toMatchObject({
          others: 0,
          export: true,
          seats: 5,
          fields: { status: 'active', cancel_at_period_end: true, provider_subscription_id: sub, plan: 'pro' },
        });
        expect(await stateOf(shuffled, b.customer)).toEqual(once);
        expect(await count(shuffled, 'payment_events')).toBe(events.length);
      } finally {
        await ordered.close();
        await shuffled.close();
      }
    });

    it('a subscription moved through trial → active → past_due → canceled gives and removes access at each step', async () => {
      const { customer, stripeCustomer, price } = await customerWithCheckout(t);
      const sub = `sub_life_${eventSeq}`;
      const t0 = account.now();
      account.subscriptions.set(sub, {
        id: sub,
        customer: stripeCustomer,
        price,
        status: 'trialing',
        created: t0,
        periodStart: t0,
        periodEnd: t0 + 14 * DAY,
        trialEnd: t0 + 14 * DAY,
      });
      const step = async (type: string, changes: Parameters<StripeAccount['update']>[1]) => {
        const before = await version(t, customer);
        account.update(sub, changes);
        expect((await deliver(t, stripeEvent(type, account.subscription(sub), account.now(), eventId()))).body.status).toBe('processed');
        expect(await version(t, customer)).toBeGreaterThan(before);
        return (await subscriptionsOf(t, customer))[0];
      };

      expect(await access(t, customer)).toBe(false);
      expect((await step('customer.subscription.created', {})).status).toBe('trialing');
      expect(await access(t, customer)).toBe(true);
      expect((await step('customer.subscription.updated', { status: 'active', periodStart: t0 + 14 * DAY, periodEnd: t0 + 44 * DAY })).status).toBe('active');
      expect(await access(t, customer)).toBe(true);
      const pastDue = await step('customer.subscription.updated', { status: 'past_due' });
      expect(pastDue.status).toBe('past_due');
      expect(pastDue.past_due_since).toBe(Math.floor(t.clock.now().getTime() / 1000));
      expect(await access(t, customer)).toBe(true); // the grace period
      expect((await step('customer.subscription.deleted', { status: 'canceled', canceledAt: account.now() })).status).toBe('canceled');
      expect(await access(t, customer)).toBe(false);
    });

    it('past_due access ends when the grace period does; a trial that ends paused loses access', async () => {
      const { customer, stripeCustomer, price } = await customerWithCheckout(t);
      const sub = `sub_grace_${eventSeq}`;
      const t0 = account.now();
      account.subscriptions.set(sub, { id: sub, customer: stripeCustomer, price, status: 'past_due', created: t0, periodStart: t0, periodEnd: t0 + 30 * DAY });
      await deliver(t, stripeEvent('invoice.payment_failed', stripeInvoice(`in_${sub}`, stripeCustomer, sub, false), t0, eventId()));
      expect(await access(t, customer)).toBe(true);
      t.clock.advance(7 * DAY * 1000);
      expect(await access(t, customer)).toBe(false);

      const other = await customerWithCheckout(t);
      const paused = `sub_paused_${eventSeq}`;
      account.subscriptions.set(paused, {
        id: paused,
        customer: other.stripeCustomer,
        price: other.price,
        status: 'trialing',
        created: t0,
        periodStart: t0,
        periodEnd: t0 + 14 * DAY,
        trialEnd: t0 + 14 * DAY,
      });
      await deliver(t, stripeEvent('customer.subscription.created', account.subscription(paused), t0, eventId()));
      expect(await access(t, other.customer)).toBe(true);
      account.update(paused, { status: 'paused' });
      await deliver(t, stripeEvent('customer.subscription.paused', account.subscription(paused), t0, eventId()));
      expect(await access(t, other.customer)).toBe(false);
      expect((await subscriptionsOf(t, other.customer))[0].status).toBe('paused');
    });

    it('a one-time payment becomes a purchase; its refund ends it even when the refund arrives first', async () => {
      const { customer, stripeCustomer, price, session } = await customerWithCheckout(t, 'lifetime');
      const intent = `pi_${eventSeq}_refund`;
      account.payments.set(intent, { id: intent, customer: stripeCustomer, price, status: 'succeeded', refunded: false, created: account.now() });
      const completed = stripeEvent(
        'checkout.session.completed',
        { ...account.sessions.get(session.url.split('/').pop())!, status: 'complete', payment_intent: intent },
        account.now(),
        eventId(),
      );
      account.payments.get(intent)!.refunded = true;
      const refunded = stripeEvent('charge.refunded', account.paymentIntent(intent).latest_charge, account.now(), eventId());
      await deliver(t, refunded);
      await deliver(t, completed);
      const [purchase] = (await t.call('GET', `/v1/purchases?customer=${customer}`)).body.data;
      expect(purchase).toMatchObject({ provider: 'stripe', provider_payment_id: intent, plan: 'lifetime' });
      expect(purchase.refunded_at).not.toBeNull();
      expect(await access(t, customer)).toBe(false);
    });
  });

  describe('the subscription lifecycle through the API', () => {
    it('upgrades with proration, cancels at period end, resumes and cancels now, at Stripe first', async () => {
      const { customer, stripeCustomer, price } = await customerWithCheckout(t, 'basic');
      const sub = `sub_api_${eventSeq}`;
      const t0 = account.now();
      account.subscriptions.set(sub, { id: sub, customer: stripeCustomer, price, status: 'active', created: t0, periodStart: t0, periodEnd: t0 + 30 * DAY });
      await deliver(t, stripeEvent('customer.subscription.created', account.subscription(sub), t0, eventId()));
      const [ours] = await subscriptionsOf(t, customer);
      expect(ours).toMatchObject({ plan: 'basic', provider: 'stripe' });
      expect(await access(t, customer)).toBe(false);

      const upgraded = await t.call('POST', `/v1/subscriptions/${ours.id}`, { body: { plan: 'pro' } });
      expect(upgraded.body).toMatchObject({ plan: 'pro', status: 'active' });
      const update = account.requestsTo('POST', `/v1/subscriptions/${sub}`).at(-1)!;
      expect(update.params).toMatchObject({ proration_behavior: 'create_prorations', items: { '0': { id: `si_${sub.slice(4)}` } } });
      expect(await access(t, customer)).toBe(true);

      // Asked for now (by default a downgrade waits for the period's end: checkout-into-group-stripe.test.ts).
      const downgrade = await t.call('POST', `/v1/subscriptions/${ours.id}`, { body: { plan: 'basic', proration_behavior: 'none', effective: 'now' } });
      expect(downgrade.body.plan).toBe('basic');
      expect(account.requestsTo('POST', `/v1/subscriptions/${sub}`).at(-1)!.params).toMatchObject({ proration_behavior: 'none' });
      await t.call('POST', `/v1/subscriptions/${ours.id}`, { body: { plan: 'pro' } });

      const canceling = await t.call('POST', `/v1/subscriptions/${ours.id}/cancel`, { body: { at_period_end: true } });
      expect(canceling.body).toMatchObject({ status: 'active', cancel_at_period_end: true });
      expect(account.subscriptions.get(sub)!.cancelAtPeriodEnd).toBe(true);
      const resumed = await t.call('POST', `/v1/subscriptions/${ours.id}/resume`);
      expect(resumed.body).toMatchObject({ cancel_at_period_end: false });
      expect(account.requestsTo('POST', `/v1/subscriptions/${sub}`).at(-1)!.params).toMatchObject({ cancel_at_period_end: 'false' });

      const refused = await t.call('POST', `/v1/subscriptions/${ours.id}`, { body: { status: 'past_due' } });
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('managed_by_provider');

      const canceled = await t.call('POST', `/v1/subscriptions/${ours.id}/cancel`);
      expect(canceled.body.status).toBe('canceled');
      expect(account.requestsTo('DELETE', `/v1/subscriptions/${sub}`)).toHaveLength(1);
      expect(await access(t, customer)).toBe(false);
    });

    it('refunding a purchase paid through Stripe refunds it at Stripe', async () => {
      const { customer, stripeCustomer, price, session } = await customerWithCheckout(t, 'lifetime');
      const intent = `pi_${eventSeq}_api`;
      account.payments.set(intent, { id: intent, customer: stripeCustomer, price, status: 'succeeded', refunded: false, created: account.now() });
      await deliver(
        t,
        stripeEvent(
          'checkout.session.completed',
          { ...account.sessions.get(session.url.split('/').pop())!, status: 'complete', payment_intent: intent },
          account.now(),
          eventId(),
        ),
      );
      const [purchase] = (await t.call('GET', `/v1/purchases?customer=${customer}`)).body.data;
      expect(await access(t, customer)).toBe(true);
      const res = await t.call('POST', `/v1/purchases/${purchase.id}/refund`);
      expect(res.body.refunded_at).not.toBeNull();
      expect(account.requestsTo('POST', '/v1/refunds').at(-1)!.params).toMatchObject({ payment_intent: intent });
      expect(await access(t, customer)).toBe(false);
    });
  });

  describe('reconciliation', () => {
    it('corrects drift: a missed cancel, a missed subscription and one Stripe no longer has', async () => {
      const t0 = account.now();
      // 1. Ours says active; Stripe canceled it and the webhook never came.
      const missedCancel = await customerWithCheckout(t);
      const canceledAtStripe = `sub_drift_cancel_${eventSeq}`;
      account.subscriptions.set(canceledAtStripe, {
        id: canceledAtStripe,
        customer: missedCancel.stripeCustomer,
        price: missedCancel.price,
        status: 'active',
        created: t0,
        periodStart: t0,
        periodEnd: t0 + 30 * DAY,
      });
      await deliver(t, stripeEvent('customer.subscription.created', account.subscription(canceledAtStripe), t0, eventId()));
      account.update(canceledAtStripe, { status: 'canceled', canceledAt: t0 + 60 });
      // 2. Stripe has a subscription whose created event never came.
      const missedCreate = await customerWithCheckout(t);
      const onlyAtStripe = `sub_drift_new_${eventSeq}`;
      account.subscriptions.set(onlyAtStripe, {
        id: onlyAtStripe,
        customer: missedCreate.stripeCustomer,
        price: missedCreate.price,
        status: 'active',
        created: t0,
        periodStart: t0,
        periodEnd: t0 + 30 * DAY,
      });
      // 3. Ours names a subscription Stripe does not have.
      const vanished = await customerWithCheckout(t);
      const gone = `sub_drift_gone_${eventSeq}`;
      account.subscriptions.set(gone, {
        id: gone,
        customer: vanished.stripeCustomer,
        price: vanished.price,
        status: 'active',
        created: t0,
        periodStart: t0,
        periodEnd: t0 + 30 * DAY,
      });
      await deliver(t, stripeEvent('customer.subscription.created', account.subscription(gone), t0, eventId()));
      account.subscriptions.delete(gone);

      expect([await access(t, missedCancel.customer), await access(t, missedCreate.customer), await access(t, vanished.customer)]).toEqual([true, false, true]);
      const run = await t.call('POST', '/v1/reconciliations');
      expect(run.status).toBe(200);
      expect(run.body).toMatchObject({ object: 'reconciliation', trigger: 'api', error: null });
      const byProviderId = Object.fromEntries(run.body.changes.map((change: { provider_id: string }) => [change.provider_id, change]));
      expect(byProviderId[canceledAtStripe]).toMatchObject({ action: 'updated', fields: { status: ['active', 'canceled'] } });
      expect(byProviderId[onlyAtStripe]).toMatchObject({ action: 'created', customer: missedCreate.customer });
      expect(byProviderId[gone]).toMatchObject({ action: 'updated', fields: { status: ['active', 'canceled'] } });
      expect([await access(t, missedCancel.customer), await access(t, missedCreate.customer), await access(t, vanished.customer)]).toEqual([
        false,
        true,
        false,
      ]);

      // A second run finds nothing left to change; both are listed.
      expect((await t.call('POST', '/v1/reconciliations')).body.changes).toEqual([]);
      const runs = (await t.call('GET', '/v1/reconciliations')).body.data;
      expect(runs.slice(0, 2).map((r: { changes: unknown[] }) => r.changes.length)).toEqual([0, run.body.changes.length]);
    });

    it("shows another project none of this project's changes", async () => {
      const other = await t.call('GET', '/v1/reconciliations', { key: t.projectB.secretKey });
      expect(other.body.data.every((r: { changes: unknown[] }) => r.changes.length === 0)).toBe(true);
    });
  });

  it("the test clock is the sandbox's only", async () => {
    const res = await t.call('POST', '/v1/test_clock/advance', { body: { seconds: 60 } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('sandbox_only');
  });
});

describe('invoices of a Stripe-billed subscription', () => {
  let t: TestApp;
  let customer: string;
  let stripeCustomer: string;
  const sub = 'sub_metered_invoices';
  const billing = () => closeBillingPeriods(t.payments.billing);
  const invoicesOf = async () => (await t.call('GET', `/v1/invoices?customer=${customer}`)).body.data;
  const stripeCalls = () => account.requests.filter((request) => request.path.startsWith('/v1/invoice')).length;

  // One Stripe account for this story, across its tests.
  const sharedAccount = new StripeAccount(clock);
  beforeAll(async () => {
    t = await startTestApp({ stripe: STRIPE });
    clock.current = t;
    for (const [key, event_name, property] of [
      ['api_units', 'api.request', 'units'],
      ['tokens', 'llm.tokens', 'tokens'],
      ['storage_gb', 'storage.gb', 'gb'],
    ]) {
      expect((await t.call('POST', '/v1/meters', { body: { key, event_name, aggregation: 'sum', property } })).status).toBe(200);
    }
    const plan = await t.call('POST', '/v1/plans', {
      body: {
        key: 'metered',
        name: 'Metered',
        interval: 'month',
        base_price: 1_000,
        prices: [
          { key: 'calls', meter: 'api_units', model: 'per_unit', unit_amount: '2', free_units: '10' },
          { key: 'llm', meter: 'tokens', model: 'per_unit', unit_amount: '0.001' },
          { key: 'storage', meter: 'storage_gb', model: 'per_unit', unit_amount: '5' },
        ],
      },
    });
    expect(plan.status).toBe(200);
  });
  afterAll(() => t.close());
  beforeEach(() => {
    account = sharedAccount;
    stripeApi.resetHandlers(...account.handlers());
  });

  it("sends the ended period's usage to Stripe as invoice items on one finalized Stripe invoice, once", async () => {
    const checkout = await customerWithCheckout(t, 'metered', 'metered@example.com');
    ({ customer, stripeCustomer } = checkout);
    // Stripe's month from the test clock's start: 2026-03-01 12:00 to 2026-04-01 12:00 UTC.
    const t0 = account.now();
    const renewal = t0 + 31 * DAY;
    account.subscriptions.set(sub, {
      id: sub,
      customer: stripeCustomer,
      price: checkout.price,
      status: 'active',
      created: t0,
      periodStart: t0,
      periodEnd: renewal,
    });
    expect((await deliver(t, stripeEvent('customer.subscription.created', account.subscription(sub), t0, eventId()))).body.status).toBe('processed');

    t.clock.advance(DAY * 1000);
    const events = [
      { id: 'ev_calls_1', customer, event: 'api.request', properties: { units: 20 } },
      { id: 'ev_calls_2', customer, event: 'api.request', properties: { units: 5 } },
      { id: 'ev_tokens_1', customer, event: 'llm.tokens', properties: { tokens: 1_234_567 } },
    ];
    expect((await t.call('POST', '/v1/events', { body: { events } })).status).toBeLessThan(300);

    // Not ended yet: nothing built, nothing sent.
    expect(await billing()).toBe(0);
    expect(stripeCalls()).toBe(0);

    // Stripe renews the subscription at the period end; Nozle's job runs an hour later.
    t.clock.advance((31 * DAY - DAY + 3_600) * 1000);
    account.update(sub, { periodStart: renewal, periodEnd: renewal + 30 * DAY });
    await deliver(t, stripeEvent('customer.subscription.updated', account.subscription(sub), renewal, eventId()));
    expect(await billing()).toBe(1);

    const [invoice, ...others] = await invoicesOf();
    expect(others).toEqual([]);
    // 25 calls, 10 free: 15 × 2 = 30; 1,234,567 tokens × 0.001 = 1,234.567 → 1,235; no storage:
    // a line of 0, not sent. The $10 base fee is Stripe's own (charged with the renewal).
    expect(invoice.lines.map((line: { price: string; amount: number }) => [line.price, line.amount])).toEqual([
      ['calls', 30],
      ['llm', 1_235],
      ['storage', 0],
    ]);
    const [stripeInvoiceId] = [...account.invoices.keys()];
    expect(account.invoices.size).toBe(1);
    expect(invoice).toMatchObject({ status: 'open', total: 1_265, provider: 'stripe', provider_invoice_id: stripeInvoiceId, paid_at: null });
    expect(invoice.finalized_at).toBe(Math.floor(t.clock.now().getTime() / 1000));

    // The Stripe invoice first (taking none of the customer's other pending items), then the
    // items on it, then finalized for Stripe to collect.
    expect(account.requests.filter((request) => request.path.startsWith('/v1/invoice')).map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /v1/invoices',
      'POST /v1/invoiceitems',
      'POST /v1/invoiceitems',
      `POST /v1/invoices/${stripeInvoiceId}/finalize`,
    ]);
    const [created] = account.requestsTo('POST', '/v1/invoices');
    expect(created!.params).toEqual({
      customer: stripeCustomer,
      currency: 'usd',
      collection_method: 'charge_automatically',
      auto_advance: 'true',
      pending_invoice_items_behavior: 'exclude',
      metadata: { nozle_invoice: invoice.id },
    });
    expect(created!.idempotencyKey).toBe(`nozle-invoice-${invoice.id}`);
    const period = { start: String(t0), end: String(renewal) };
    const items = account.requestsTo('POST', '/v1/invoiceitems');
    expect(items.map((item) => item.params)).toEqual([
      {
        customer: stripeCustomer,
        invoice: stripeInvoiceId,
        amount: '30',
        currency: 'usd',
        description: invoice.lines[0].description,
        period,
        metadata: { nozle_invoice: invoice.id, nozle_line: '0' },
      },
      {
        customer: stripeCustomer,
        invoice: stripeInvoiceId,
        amount: '1235',
        currency: 'usd',
        description: invoice.lines[1].description,
        period,
        metadata: { nozle_invoice: invoice.id, nozle_line: '1' },
      },
    ]);
    expect(items.map((item) => item.idempotencyKey)).toEqual([`nozle-invoice-${invoice.id}-line-0`, `nozle-invoice-${invoice.id}-line-1`]);
    expect(account.invoices.get(stripeInvoiceId!)).toMatchObject({ status: 'open', total: 1_265, amount_due: 1_265 });
    expect(account.itemsOf(stripeInvoiceId!).map((item) => item.amount)).toEqual([30, 1_235]);

    // The job again: nothing left to send.
    const before = stripeCalls();
    expect(await billing()).toBe(0);
    expect(stripeCalls()).toBe(before);
  });

  it("a crash between Stripe's answer and the database sends nothing twice when the job runs again", async () => {
    const [invoice] = await invoicesOf();
    // As if the process died after Stripe answered and before the invoice was stored as sent.
    await t.database.db.query("update invoices set status = 'draft', finalized_at = null, provider = null, provider_invoice_id = null where id = $1", [
      invoice.id,
    ]);
    const requests = account.requests.length;
    expect(await billing()).toBe(0);

    const retried = account.requests.slice(requests);
    // The same calls with the same idempotency keys: Stripe answers them as before, makes nothing new.
    expect(retried.map((request) => request.idempotencyKey)).toEqual([
      `nozle-invoice-${invoice.id}`,
      `nozle-invoice-${invoice.id}-line-0`,
      `nozle-invoice-${invoice.id}-line-1`,
      `nozle-invoice-${invoice.id}-finalize`,
    ]);
    expect(account.invoices.size).toBe(1);
    expect(account.invoiceItems.size).toBe(2);
    expect((await invoicesOf())[0]).toMatchObject({ status: 'open', provider: 'stripe', provider_invoice_id: invoice.provider_invoice_id });
  });

  it('an invoice.paid webhook for it marks the Nozle invoice paid', async () => {
    const [invoice] = await invoicesOf();
    t.clock.advance(3_600_000);
    const paid = account.payInvoice(invoice.provider_invoice_id);
    const delivered = await deliver(t, stripeEvent('invoice.paid', paid, account.now(), eventId()));
    expect(delivered.body).toMatchObject({ received: true, status: 'processed' });
    // Read back from Stripe, not taken from the event.
    expect(account.requestsTo('GET', `/v1/invoices/${invoice.provider_invoice_id}`)).toHaveLength(1);
    const now = Math.floor(t.clock.now().getTime() / 1000);
    expect(await t.call('GET', `/v1/invoices/${invoice.id}`)).toMatchObject({
      status: 200,
      body: { status: 'paid', paid_at: now, finalized_at: invoice.finalized_at },
    });

    // Delivered again (a new event id): still paid, when it was paid the first time.
    t.clock.advance(60_000);
    expect((await deliver(t, stripeEvent('invoice.paid', paid, account.now(), eventId()))).body.status).toBe('processed');
    expect((await t.call('GET', `/v1/invoices/${invoice.id}`)).body.paid_at).toBe(now);
    expect(await billing()).toBe(0);
  });
});
