// The webhooks of checkouts, failed payments, trial notices and credit grants, in sandbox mode,
// delivered to real receivers on random ports and verified with the `standardwebhooks` package:
// each recorded with the change that caused it, once per occurrence. The sandbox's hosted page
// pays checkouts; its test clock brings renewals, retries and trial notices due.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runDeliveryPass } from '../src/webhooks/delivery.js';
import { CARDS, submitPage } from './support/sandbox-pages.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { clearEndpoints, deliveryDeps, listen as listenFor, type DeliveredEvent, type Listener } from './support/webhook-listener.js';

const DAY = 86_400;
const SUCCESS_URL = 'https://app.example.com/billing?paid=1';
const CANCEL_URL = 'https://app.example.com/pricing';

let t: TestApp;
const listeners: Listener[] = [];
const post = (path: string, body?: unknown) => t.call('POST', path, body === undefined ? {} : { body });
const nowSeconds = () => Math.floor(t.clocks.clockFor(t.projectA.projectId).now().getTime() / 1000);

async function listen(types: string[]): Promise<Listener> {
  const listener = await listenFor(t, types);
  listeners.push(listener);
  return listener;
}

let n = 0;
async function customer(): Promise<string> {
  n += 1;
  const res = await post('/v1/customers', { external_id: `billing_events_${n}`, email: `billing_events_${n}@example.com` });
  expect(res.status).toBe(200);
  return res.body.id;
}

async function checkout(customerId: string, plan: string) {
  const res = await post('/v1/checkout/sessions', { customer: customerId, plan, success_url: SUCCESS_URL, cancel_url: CANCEL_URL });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function pay(url: string, card: string = CARDS.pays): Promise<number> {
  return (await submitPage(url, { card, action: 'pay' })).status;
}

async function advance(body: { seconds: number } | { to: number }): Promise<void> {
  expect((await post('/v1/test_clock/advance', body)).status).toBe(200);
}

const about = (events: DeliveredEvent[], customerId: string) => events.filter((event) => event.data['customer'] === customerId);

beforeAll(async () => {
  t = await startTestApp();
  const setup: Array<[string, unknown]> = [
    ['/v1/features', { key: 'export', type: 'boolean' }],
    ['/v1/plans', { key: 'basic', name: 'Basic', interval: 'month', base_price: 900 }],
    ['/v1/plans', { key: 'pro', name: 'Pro', interval: 'month', base_price: 2_900, entitlements: [{ feature: 'export' }] }],
    ['/v1/plans', { key: 'trial', name: 'Trial', interval: 'month', base_price: 1_900, trial_days: 14, entitlements: [{ feature: 'export' }] }],
    ['/v1/plans', { key: 'sticker', name: 'Sticker', add_on: true, interval: 'one_time', base_price: 300 }],
    ['/v1/plans', { key: 'pack', name: 'Credit Pack', add_on: true, interval: 'one_time', base_price: 4_500, credits: { amount: 5_000, currency: 'usd' } }],
  ];
  for (const [path, body] of setup) expect((await post(path, body)).status, JSON.stringify(body)).toBe(200);
});
afterAll(async () => {
  for (const listener of listeners) await listener.stop();
  await t?.close();
});
// Each test's endpoints receive only what it raises.
beforeEach(() => clearEndpoints(t));

describe('checkout.completed', () => {
  it('is sent once when the hosted page is paid, with the session as the API answered it; a declined card and a second press of Pay send none', async () => {
    const hooks = await listen(['checkout.completed']);
    const c = await customer();
    const session = await checkout(c, 'pro');

    expect(await pay(session.url, CARDS.declined)).toBe(402);
    expect(await hooks.delivered()).toEqual([]);

    expect(await pay(session.url)).toBe(303);
    expect(await pay(session.url)).toBe(303);
    const [completed, ...more] = await hooks.delivered();
    expect(more).toEqual([]);
    expect(completed).toMatchObject({ type: 'checkout.completed', data: { ...session, status: 'complete' } });
    expect(Object.keys(completed!.data).sort()).toEqual(Object.keys(session).sort());
  });

  it('is sent for a one-time purchase (payment mode) too', async () => {
    const hooks = await listen(['checkout.completed']);
    const c = await customer();
    const session = await checkout(c, 'sticker');
    expect(await pay(session.url)).toBe(303);
    expect((await hooks.delivered()).map((event) => event.data)).toEqual([{ ...session, mode: 'payment', status: 'complete' }]);
  });

  it("is sent for a checkout answered complete at once, as a change of the group's plan the sandbox bills", async () => {
    const c = await customer();
    expect(await pay((await checkout(c, 'basic')).url)).toBe(303);
    // That first checkout's event is dispatched now, before the endpoint exists.
    await runDeliveryPass(deliveryDeps(t));
    const hooks = await listen(['checkout.completed']);
    const change = await checkout(c, 'pro');
    expect(change).toMatchObject({ status: 'complete', url: SUCCESS_URL, plan: 'pro' });
    expect((await hooks.delivered()).map((event) => event.data)).toEqual([change]);
  });
});

describe('invoice.payment_failed', () => {
  it('a declined POST pay answers 402 and still sends the failure, each attempt counted; the payment that follows sends none', async () => {
    const c = await customer();
    // A card saved at the sandbox that pays now and declines later; a subscription Nozle bills itself.
    expect(await pay((await checkout(c, 'sticker')).url, CARDS.paysThenDeclines)).toBe(303);
    const sub = (await post('/v1/subscriptions', { customer: c, plan: 'basic' })).body;
    expect(sub.provider).toBeNull();
    await advance({ to: sub.current_period_end + DAY });
    const [invoice] = (await t.call('GET', `/v1/invoices?customer=${c}`)).body.data;
    expect(invoice).toMatchObject({ status: 'open', total: 900, provider: null });

    const hooks = await listen(['invoice.payment_failed']);
    const declined = await post(`/v1/invoices/${invoice.id}/pay`, {});
    expect(declined.status).toBe(402);
    expect(declined.body.error.code).toBe('card_declined');
    expect((await post(`/v1/invoices/${invoice.id}/pay`, {})).status).toBe(402);

    const failures = about(await hooks.delivered(), c);
    expect(failures.map((event) => event.data['attempt_count'])).toEqual([1, 2]);
    expect(failures[0]!.data).toEqual({
      object: 'invoice_payment_failure',
      customer: c,
      invoice: (await t.call('GET', `/v1/invoices/${invoice.id}`)).body,
      subscription: (await t.call('GET', `/v1/subscriptions/${sub.id}`)).body,
      provider: 'sandbox',
      provider_invoice: `in_sbx_${invoice.id.replace(/^in_/, '')}`,
      amount_due: 900,
      currency: 'usd',
      attempt_count: 1,
      next_payment_attempt: null,
      failure_code: 'card_declined',
      failure_message: 'Your card was declined.',
    });

    // The card is replaced: paid, and no failure is sent for it.
    const billing = (await post('/v1/portal/sessions', { customer: c, return_url: 'https://app.example.com/account' })).body;
    expect((await submitPage(billing.url, { action: 'card_succeeds', subscription: '' })).status).toBe(303);
    expect((await post(`/v1/invoices/${invoice.id}/pay`, {})).body.status).toBe('paid');
    expect(about(await hooks.delivered(), c)).toHaveLength(2);
  });

  it('a renewal the sandbox charged on its own sends one failure per refused attempt, with the retry to come', async () => {
    const c = await customer();
    const session = await checkout(c, 'pro');
    expect(await pay(session.url, CARDS.paysThenDeclines)).toBe(303);
    const [sub] = (await t.call('GET', `/v1/subscriptions?customer=${c}`)).body.data;
    const hooks = await listen(['invoice.payment_failed']);

    await advance({ to: sub.current_period_end + 60 });
    const [first, ...none] = about(await hooks.delivered(), c);
    expect(none).toEqual([]);
    const pastDue = (await t.call('GET', `/v1/subscriptions/${sub.id}`)).body;
    expect(pastDue.status).toBe('past_due');
    expect(first!.data).toMatchObject({
      object: 'invoice_payment_failure',
      customer: c,
      invoice: null,
      subscription: pastDue,
      provider: 'sandbox',
      amount_due: 2_900,
      currency: 'usd',
      attempt_count: 1,
      next_payment_attempt: sub.current_period_end + 3 * DAY,
      failure_code: 'card_declined',
    });
    expect(first!.data['provider_invoice']).toMatch(/^in_sbx_/);

    // The retry three days on is refused too: a second failure, a new provider invoice.
    await advance({ to: sub.current_period_end + 3 * DAY + 60 });
    const failures = about(await hooks.delivered(), c);
    expect(failures.map((event) => [event.data['attempt_count'], event.data['next_payment_attempt']])).toEqual([
      [1, sub.current_period_end + 3 * DAY],
      [2, sub.current_period_end + 6 * DAY],
    ]);
    expect(new Set(failures.map((event) => event.data['provider_invoice'])).size).toBe(2);
  });
});

describe('subscription.trial_will_end', () => {
  it("is sent three days before a 14-day trial's end, on the test clock, once; then the trial converts", async () => {
    const hooks = await listen(['subscription.trial_will_end']);
    const c = await customer();
    const trialing = (await post('/v1/subscriptions', { customer: c, plan: 'trial' })).body;
    expect(trialing).toMatchObject({ status: 'trialing', provider: null });
    // The notice is the customer's next instant: the scheduler acts there.
    expect((await t.call('GET', `/v1/customers/${c}/entitlements`)).body.valid_until).toBe(trialing.trial_end - 3 * DAY);

    await advance({ to: trialing.trial_end - 3 * DAY - 60 });
    expect(about(await hooks.delivered(), c)).toEqual([]);
    await advance({ to: trialing.trial_end - 3 * DAY + 60 });
    const [notice, ...none] = about(await hooks.delivered(), c);
    expect(none).toEqual([]);
    expect(notice).toMatchObject({ type: 'subscription.trial_will_end', created: trialing.trial_end - 3 * DAY + 60 });
    expect(notice!.data).toEqual((await t.call('GET', `/v1/subscriptions/${trialing.id}`)).body);
    expect(notice!.data).toMatchObject({ status: 'trialing', trial_end: trialing.trial_end });
    expect((await t.call('GET', `/v1/customers/${c}/entitlements`)).body.valid_until).toBe(trialing.trial_end);

    await advance({ to: trialing.trial_end - DAY });
    await advance({ to: trialing.trial_end + 60 });
    expect((await t.call('GET', `/v1/subscriptions/${trialing.id}`)).body.status).toBe('active');
    expect(about(await hooks.delivered(), c)).toHaveLength(1);
  });

  it('is sent at once for a trial shorter than three days', async () => {
    const hooks = await listen(['subscription.trial_will_end']);
    const c = await customer();
    const trialing = (await post('/v1/subscriptions', { customer: c, plan: 'trial', trial_days: 2 })).body;
    const [notice, ...none] = about(await hooks.delivered(), c);
    expect(none).toEqual([]);
    expect(notice).toMatchObject({ created: nowSeconds(), data: { id: trialing.id, status: 'trialing', trial_end: nowSeconds() + 2 * DAY } });
    await advance({ to: trialing.trial_end + 60 });
    expect(about(await hooks.delivered(), c)).toHaveLength(1);
  });

  it('is sent on the way, before the trial converts, when the test clock jumps past both; a sandbox trial too', async () => {
    const hooks = await listen(['subscription.trial_will_end', 'subscription.updated']);
    const c = await customer();
    expect(await pay((await checkout(c, 'trial')).url)).toBe(303);
    const [trialing] = (await t.call('GET', `/v1/subscriptions?customer=${c}`)).body.data;
    expect(trialing).toMatchObject({ status: 'trialing', provider: 'sandbox' });

    await advance({ to: trialing.trial_end + 60 });
    const events = about(await hooks.delivered(), c).filter((event) => event.data['id'] === trialing.id);
    const notice = events.filter((event) => event.type === 'subscription.trial_will_end');
    expect(notice).toHaveLength(1);
    expect(notice[0]!.data).toMatchObject({ status: 'trialing', trial_end: trialing.trial_end });
    expect(events.some((event) => event.type === 'subscription.updated' && event.data['status'] === 'active')).toBe(true);
  });
});

describe('credits.granted', () => {
  it('is sent for a grant by hand and for the grant of a purchase, each the grant as the API shows it', async () => {
    const hooks = await listen(['credits.granted']);
    const c = await customer();
    const byHand = await post(`/v1/customers/${c}/credits`, { amount: 1_000, currency: 'usd', description: 'Welcome credit' });
    expect(byHand.status).toBe(200);
    expect(await pay((await checkout(c, 'pack')).url)).toBe(303);
    const bought = await post('/v1/purchases', { customer: c, plan: 'pack' });
    expect(bought.status).toBe(200);

    const grants = about(await hooks.delivered(), c).map((event) => event.data);
    const { grants: listed } = (await t.call('GET', `/v1/customers/${c}/credits`)).body;
    expect(grants).toHaveLength(3);
    const byId = (rows: Array<Record<string, any>>) => [...rows].sort((a, b) => String(a['id']).localeCompare(String(b['id'])));
    expect(byId(grants)).toEqual(byId(listed));
    expect(grants.find((grant) => grant['purchase'] === null)).toEqual(byHand.body);
    expect(grants.filter((grant) => grant['purchase'] !== null).map((grant) => [grant['amount'], grant['remaining']])).toEqual([
      [5_000, 5_000],
      [5_000, 5_000],
    ]);
  });

  it('is not sent for a grant refused', async () => {
    const hooks = await listen(['credits.granted']);
    expect((await post('/v1/customers/nobody_here/credits', { amount: 1_000, currency: 'usd' })).status).toBe(404);
    expect(await hooks.delivered()).toEqual([]);
  });
});
