// The sandbox payment flow end to end over HTTP: checkout pages paid with test cards, the
// portal, the test clock bringing renewals, trial ends and retries due, the API's lifecycle
// calls, refunds and reconciliation — each seen through the subscriptions, the purchases,
// the payment events and the customer's entitlements (whose version moves on every change).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxProvider } from '../src/payments/sandbox/sandbox.js';
import { hashKey } from '../src/http/api-keys.js';
import { signCustomerToken } from '../src/http/customer-token.js';
import { CARDS, openPage, submitPage } from './support/sandbox-pages.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const DAY = 86_400;
const SUCCESS_URL = 'https://app.example.com/billing?paid=1';
const CANCEL_URL = 'https://app.example.com/pricing';

let t: TestApp;
let n = 0;

beforeAll(async () => {
  t = await startTestApp();
  const setup = [
    ['/v1/features', { key: 'export', type: 'boolean' }],
    ['/v1/features', { key: 'tokens', type: 'metered' }],
    ['/v1/plans', { key: 'basic', interval: 'month', currency: 'usd', base_price: 900, entitlements: [{ feature: 'tokens', limit: 100 }] }],
    [
      '/v1/plans',
      { key: 'pro', interval: 'month', currency: 'usd', base_price: 2900, entitlements: [{ feature: 'export' }, { feature: 'tokens', limit: 1000 }] },
    ],
    ['/v1/plans', { key: 'trial', interval: 'month', currency: 'usd', base_price: 1900, trial_days: 14, entitlements: [{ feature: 'export' }] }],
    ['/v1/plans', { key: 'lifetime', interval: 'one_time', currency: 'usd', base_price: 9900, entitlements: [{ feature: 'export' }] }],
  ] as const;
  for (const [path, body] of setup) expect((await t.call('POST', path, { body })).status).toBe(200);
});
afterAll(() => t.close());

// Whatever a test did, every provider event was processed before its request answered:
// none failed, none waits, and none was about something Nozle did not know.
afterEach(async () => {
  for (const status of ['failed', 'pending', 'ignored']) {
    const events = await t.call('GET', `/v1/payment_events?status=${status}`);
    expect(events.status).toBe(200);
    expect(events.body.data).toEqual([]);
  }
});

interface TestCustomer {
  id: string;
  externalId: string;
}

/** A fresh customer for each test, so no test sees another's subscriptions. */
async function customer(): Promise<TestCustomer> {
  n += 1;
  const externalId = `sbx_user_${n}`;
  const res = await t.call('POST', '/v1/customers', { body: { external_id: externalId, email: `${externalId}@example.com` } });
  expect(res.status).toBe(200);
  return { id: res.body.id, externalId };
}

// Project A's time: its test clock, ahead of the server's once moved.
const nowA = () => t.clocks.clockFor(t.projectA.projectId).now();
const nowSeconds = () => Math.floor(nowA().getTime() / 1000);

async function entitlements(c: TestCustomer) {
  const res = await t.call('GET', `/v1/customers/${c.id}/entitlements`);
  expect(res.status).toBe(200);
  return res.body;
}

async function allowed(c: TestCustomer, feature: string): Promise<boolean> {
  return (await entitlements(c)).features[feature].allowed;
}

async function version(c: TestCustomer): Promise<number> {
  return (await entitlements(c)).version;
}

/** Asserts the snapshot moved past `previous`, and answers the new version. */
async function newerVersion(c: TestCustomer, previous: number): Promise<number> {
  const current = await version(c);
  expect(current).toBeGreaterThan(previous);
  return current;
}

async function subscriptions(c: TestCustomer) {
  const res = await t.call('GET', `/v1/subscriptions?customer=${c.id}`);
  expect(res.status).toBe(200);
  return res.body.data;
}

async function onlySubscription(c: TestCustomer) {
  const subs = await subscriptions(c);
  expect(subs).toHaveLength(1);
  return subs[0];
}

async function checkout(c: TestCustomer, plan: string) {
  const res = await t.call('POST', '/v1/checkout/sessions', { body: { customer: c.id, plan, success_url: SUCCESS_URL, cancel_url: CANCEL_URL } });
  expect(res.status).toBe(200);
  return res.body;
}

/** Checks out `plan` and pays on the sandbox's page; answers the subscription it made. */
async function subscribe(c: TestCustomer, plan: string, card: string = CARDS.pays) {
  const session = await checkout(c, plan);
  const paid = await submitPage(session.url, { card, action: 'pay' });
  expect(paid.status).toBe(303);
  expect(paid.location).toBe(SUCCESS_URL);
  return onlySubscription(c);
}

async function portal(c: TestCustomer): Promise<string> {
  const res = await t.call('POST', '/v1/portal/sessions', { body: { customer: c.id, return_url: 'https://app.example.com/account' } });
  expect(res.status).toBe(200);
  return res.body.url;
}

async function portalAction(url: string, fields: Record<string, string>): Promise<void> {
  const done = await submitPage(url, fields);
  expect(done.status).toBe(303);
  expect(done.location).toBe(url);
}

async function advance(body: { seconds: number } | { to: number }) {
  const res = await t.call('POST', '/v1/test_clock/advance', { body });
  expect(res.status).toBe(200);
  return res.body;
}

/** The newest payment events of the project, newest first. */
async function recentEvents(limit = 20): Promise<Array<{ type: string; status: string; provider: string }>> {
  const res = await t.call('GET', `/v1/payment_events?limit=${limit}`);
  expect(res.status).toBe(200);
  return res.body.data;
}

/** The types of the events stored about one provider subscription, oldest first (each asserted processed). */
async function eventsAbout(providerSubscriptionId: string): Promise<string[]> {
  const { rows } = await t.database.db.query<{ type: string; status: string }>(
    `select type, status from payment_events
     where coalesce(payload->'data'->'object'->'parent'->'subscription_details'->>'subscription',
                    case when payload->'data'->'object'->>'object' = 'subscription' then payload->'data'->'object'->>'id' end,
                    payload->'data'->'object'->>'subscription') = $1
     order by seq`,
    [providerSubscriptionId],
  );
  expect(rows.filter((row) => row.status !== 'processed')).toEqual([]);
  return rows.map((row) => row.type);
}

/** Recomputes and publishes the customer's snapshot from the database as it is (after a test edited it directly). */
async function recompute(c: TestCustomer): Promise<void> {
  const stored = await t.database.db.transaction((tx) => t.payments.deps.snapshots.recompute(tx, t.projectA.projectId, c.id, nowA()));
  await t.payments.deps.entitlements.published(stored);
}

/** What the sandbox itself holds for a subscription (the provider's side, not Nozle's copy). */
const atProvider = (providerSubscriptionId: string) => t.payments.withProvider((provider) => provider.retrieveSubscription(providerSubscriptionId));

describe('checkout sessions', () => {
  it('are made with a secret key for any customer of the project, and lead to the sandbox page', async () => {
    const c = await customer();
    const res = await t.call('POST', '/v1/checkout/sessions', {
      body: { customer: c.externalId, plan: 'pro', success_url: SUCCESS_URL, cancel_url: CANCEL_URL },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      object: 'checkout.session',
      customer: c.id,
      plan: 'pro',
      plan_version: 1,
      mode: 'subscription',
      status: 'open',
      provider: 'sandbox',
      success_url: SUCCESS_URL,
      cancel_url: CANCEL_URL,
      created: nowSeconds(),
      expires_at: nowSeconds() + DAY,
    });
    expect(res.body.id).toMatch(/^cs_/);
    expect(res.body.url).toMatch(new RegExp(`^${t.url}/sandbox/checkout/cs_sbx_\\w+$`));

    const page = await openPage(res.body.url);
    expect(page.status).toBe(200);
    expect(page.html).toContain('name="card"');
    expect(page.html).toMatch(/name="action" value="pay"/);
    expect(page.html).toMatch(/name="action" value="cancel"/);

    const missing = await t.call('POST', '/v1/checkout/sessions', { body: { plan: 'pro' } });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'parameter_missing', param: 'customer' });
  });

  it('are made with a publishable key and a customer token for that customer only', async () => {
    const c = await customer();
    const other = await customer();
    const token = signCustomerToken(hashKey(t.projectA.secretKey), { projectId: t.projectA.projectId, customer: c.externalId, expiresAt: nowSeconds() + 3600 });
    const asBrowser = (body: Record<string, unknown>, headers: Record<string, string> = { 'Nozle-Customer-Token': token }) =>
      t.call('POST', '/v1/checkout/sessions', { key: t.projectA.publishableKey, headers, body });

    const own = await asBrowser({ plan: 'pro' });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ object: 'checkout.session', customer: c.id, plan: 'pro', provider: 'sandbox', status: 'open' });
    // Without return URLs the server's own pages are used, with the session's id filled in.
    expect(own.body.success_url).toBe(`${t.url}/sandbox/done?session=${own.body.id}`);
    expect((await asBrowser({ plan: 'pro', customer: c.externalId })).status).toBe(200);

    const mismatch = await asBrowser({ plan: 'pro', customer: other.id });
    expect(mismatch.status).toBe(403);
    expect(mismatch.body.error).toMatchObject({ code: 'customer_mismatch' });

    const tokenless = await asBrowser({ plan: 'pro', customer: c.id }, {});
    expect(tokenless.status).toBe(401);
    expect(tokenless.body.error).toMatchObject({ code: 'customer_token_missing' });

    // Project B sees none of project A's customers, with its secret key or with A's token.
    const fromB = await t.call('POST', '/v1/checkout/sessions', { key: t.projectB.secretKey, body: { customer: c.id, plan: 'pro' } });
    expect(fromB.status).toBe(404);
    expect(fromB.body.error).toMatchObject({ code: 'resource_missing', param: 'customer' });
    const tokenAtB = await t.call('POST', '/v1/checkout/sessions', {
      key: t.projectB.publishableKey,
      headers: { 'Nozle-Customer-Token': token },
      body: { plan: 'pro' },
    });
    expect(tokenAtB.status).toBe(401);
    const expired = signCustomerToken(hashKey(t.projectA.secretKey), { projectId: t.projectA.projectId, customer: c.externalId, expiresAt: nowSeconds() - 1 });
    const late = await asBrowser({ plan: 'pro' }, { 'Nozle-Customer-Token': expired });
    expect(late.status).toBe(401);
    expect(late.body.error).toMatchObject({ code: 'token_expired' });

    // The portal follows the same rule.
    const portalOwn = await t.call('POST', '/v1/portal/sessions', { key: t.projectA.publishableKey, headers: { 'Nozle-Customer-Token': token }, body: {} });
    expect(portalOwn.status).toBe(200);
    expect(portalOwn.body).toMatchObject({ object: 'portal.session', customer: c.id, provider: 'sandbox' });
    expect(portalOwn.body.url).toMatch(new RegExp(`^${t.url}/sandbox/portal/bps_sbx_\\w+$`));
    const portalOther = await t.call('POST', '/v1/portal/sessions', {
      key: t.projectA.publishableKey,
      headers: { 'Nozle-Customer-Token': token },
      body: { customer: other.id },
    });
    expect(portalOther.status).toBe(403);

    // Nothing was paid: no subscription, and the same sandbox customer serves every session.
    expect(await subscriptions(c)).toEqual([]);
    const { rows } = await t.database.db.query<{ count: number }>('select count(*)::int as count from payment_customers where customer_id = $1', [c.id]);
    expect(Number(rows[0]!.count)).toBe(1);
  });

  it('give access once paid with 4242, and a second post to the same page makes no second subscription', async () => {
    const c = await customer();
    const session = await checkout(c, 'pro');
    const before = await entitlements(c);
    expect(before.features.export).toMatchObject({ allowed: false, reason: 'no_access' });
    expect(await subscriptions(c)).toEqual([]);

    const paid = await submitPage(session.url, { card: CARDS.pays, action: 'pay' });
    expect(paid.status).toBe(303);
    expect(paid.location).toBe(SUCCESS_URL);

    // The events were processed before the page answered: access is there at once.
    const after = await entitlements(c);
    expect(after.features.export).toMatchObject({ allowed: true, source: { type: 'subscription', plan: 'pro' } });
    expect(after.features.tokens).toMatchObject({ allowed: true, limit: 1000 });
    expect(after.version).toBeGreaterThan(before.version);
    const sub = await onlySubscription(c);
    expect(sub).toMatchObject({ customer: c.id, plan: 'pro', status: 'active', provider: 'sandbox', trial_end: null, cancel_at_period_end: false });
    expect(sub.provider_subscription_id).toMatch(/^sub_sbx_/);
    expect(sub.current_period_start).toBe(nowSeconds());
    expect(sub.current_period_end - sub.current_period_start).toBeGreaterThanOrEqual(28 * DAY);

    const events = await recentEvents(3);
    expect(events.map((event) => [event.type, event.status, event.provider])).toEqual([
      ['checkout.session.completed', 'processed', 'sandbox'],
      ['invoice.paid', 'processed', 'sandbox'],
      ['customer.subscription.created', 'processed', 'sandbox'],
    ]);

    // A second press lands where the first did, and buys nothing more.
    const again = await submitPage(session.url, { card: CARDS.pays, action: 'pay' });
    expect(again.status).toBe(303);
    expect(again.location).toBe(session.success_url);
    expect(await subscriptions(c)).toHaveLength(1);
    const reopened = await openPage(session.url);
    expect(reopened.status).toBe(200);
    expect(reopened.html).toContain('Already paid');
    expect(await version(c)).toBe(after.version);
  });

  it('refuse a declined card with a 402 page, change nothing, and stay open for another card', async () => {
    const c = await customer();
    const session = await checkout(c, 'pro');
    const before = await version(c);

    const declined = await submitPage(session.url, { card: CARDS.declined, action: 'pay' });
    expect(declined.status).toBe(402);
    expect(declined.location).toBeNull();
    expect(declined.html).toContain('Your card was declined.');
    expect(await subscriptions(c)).toEqual([]);
    expect(await allowed(c, 'export')).toBe(false);
    expect(await version(c)).toBe(before);

    const unknownCard = await submitPage(session.url, { card: '1234 5678 9012 3456', action: 'pay' });
    expect(unknownCard.status).toBe(402);
    expect(await subscriptions(c)).toEqual([]);

    const paid = await submitPage(session.url, { card: CARDS.pays, action: 'pay' });
    expect(paid.status).toBe(303);
    expect(await onlySubscription(c)).toMatchObject({ status: 'active', provider: 'sandbox' });
    expect(await allowed(c, 'export')).toBe(true);
  });

  it('refuse a declined card for a trial too: no trial starts on a card that cannot pay', async () => {
    const c = await customer();
    const session = await checkout(c, 'trial');
    const declined = await submitPage(session.url, { card: CARDS.declined, action: 'pay' });
    expect(declined.status).toBe(402);
    expect(declined.html).toContain('Your card was declined.');
    expect(await subscriptions(c)).toEqual([]);
    expect(await allowed(c, 'export')).toBe(false);
  });

  it('pay once when the pay button is pressed twice at the same time', async () => {
    const c = await customer();
    const session = await checkout(c, 'pro');
    const [first, second] = await Promise.all([
      submitPage(session.url, { card: CARDS.pays, action: 'pay' }),
      submitPage(session.url, { card: CARDS.pays, action: 'pay' }),
    ]);
    expect([first.status, second.status]).toContain(303);
    expect(await onlySubscription(c)).toMatchObject({ status: 'active' });
    const { rows } = await t.database.db.query<{ count: number }>(
      'select count(*)::int as count from sandbox_subscriptions s join payment_customers m on m.provider_customer_id = s.customer where m.customer_id = $1',
      [c.id],
    );
    expect(Number(rows[0]!.count)).toBe(1);
  });

  it('expire after a day: the page is gone and paying it makes nothing', async () => {
    const c = await customer();
    const session = await checkout(c, 'pro');
    await advance({ to: session.expires_at });
    expect((await openPage(session.url)).status).toBe(410);
    const late = await submitPage(session.url, { card: CARDS.pays, action: 'pay' });
    expect(late.status).toBe(404);
    expect(await subscriptions(c)).toEqual([]);
    expect((await openPage(`${t.url}/sandbox/checkout/cs_sbx_nosuchsession00`)).status).toBe(404);
  });

  it('canceled on the page go to the cancel URL and make nothing', async () => {
    const c = await customer();
    const session = await checkout(c, 'pro');
    const canceled = await submitPage(session.url, { card: CARDS.pays, action: 'cancel' });
    expect(canceled.status).toBe(303);
    expect(canceled.location).toBe(CANCEL_URL);
    expect(await subscriptions(c)).toEqual([]);
    expect(await allowed(c, 'export')).toBe(false);
  });
});

describe('trials and renewals on the test clock', () => {
  it('a trial with a working card gives access, then ends in a paid period that keeps it', async () => {
    const c = await customer();
    const trialing = await subscribe(c, 'trial');
    expect(trialing).toMatchObject({
      status: 'trialing',
      provider: 'sandbox',
      trial_end: nowSeconds() + 14 * DAY,
      current_period_end: nowSeconds() + 14 * DAY,
    });
    expect(await allowed(c, 'export')).toBe(true);
    const v1 = await version(c);

    await advance({ to: trialing.trial_end - 60 });
    expect(await onlySubscription(c)).toMatchObject({ status: 'trialing' });
    expect(await allowed(c, 'export')).toBe(true);

    await advance({ to: trialing.trial_end + 60 });
    const active = await onlySubscription(c);
    expect(active).toMatchObject({ status: 'active', trial_end: trialing.trial_end, past_due_since: null, current_period_start: trialing.trial_end });
    expect(active.current_period_end - active.current_period_start).toBeGreaterThanOrEqual(28 * DAY);
    expect(active.current_period_end - active.current_period_start).toBeLessThanOrEqual(31 * DAY);
    expect(await allowed(c, 'export')).toBe(true);
    await newerVersion(c, v1);

    expect(await eventsAbout(trialing.provider_subscription_id)).toEqual([
      'customer.subscription.created',
      'checkout.session.completed',
      'invoice.paid',
      'customer.subscription.updated',
    ]);
  });

  it('a trial whose card declines later falls past_due with access during the grace, then is canceled after the retries', async () => {
    const c = await customer();
    const trialing = await subscribe(c, 'trial', CARDS.paysThenDeclines);
    expect(trialing.status).toBe('trialing');
    expect(await allowed(c, 'export')).toBe(true);
    const v1 = await version(c);

    // The first charge fails at the trial's end.
    await advance({ to: trialing.trial_end + 60 });
    const pastDue = await onlySubscription(c);
    expect(pastDue).toMatchObject({ status: 'past_due', canceled_at: null });
    expect(pastDue.past_due_since).toBeGreaterThanOrEqual(trialing.trial_end);
    expect(pastDue.past_due_since).toBeLessThanOrEqual(nowSeconds());
    expect(await allowed(c, 'export')).toBe(true);
    const v2 = await newerVersion(c, v1);
    expect((await eventsAbout(trialing.provider_subscription_id)).slice(2)).toEqual(['invoice.payment_failed', 'customer.subscription.updated']);

    // Within the grace, before the second attempt (three days on): still past_due, still access.
    await advance({ to: trialing.trial_end + 2 * DAY });
    expect(await onlySubscription(c)).toMatchObject({ status: 'past_due', past_due_since: pastDue.past_due_since });
    expect(await allowed(c, 'export')).toBe(true);

    // The second attempt (day 3) fails; the third (day 6) fails and cancels it.
    await advance({ to: trialing.trial_end + 3 * DAY + 60 });
    expect(await onlySubscription(c)).toMatchObject({ status: 'past_due', past_due_since: pastDue.past_due_since });
    expect(await allowed(c, 'export')).toBe(true);
    await advance({ to: trialing.trial_end + 6 * DAY + 60 });
    const canceled = await onlySubscription(c);
    expect(canceled.status).toBe('canceled');
    expect(canceled.canceled_at).not.toBeNull();
    expect(await entitlements(c)).toMatchObject({ features: { export: { allowed: false, reason: 'no_access' } } });
    await newerVersion(c, v2);
    expect((await atProvider(canceled.provider_subscription_id))?.status).toBe('canceled');

    // Three attempts, three days apart, then the end; nothing further falls due for it.
    const attempts = ['invoice.payment_failed', 'customer.subscription.updated', 'invoice.payment_failed', 'customer.subscription.updated'];
    const all = ['customer.subscription.created', 'checkout.session.completed', ...attempts, 'invoice.payment_failed', 'customer.subscription.deleted'];
    expect(await eventsAbout(trialing.provider_subscription_id)).toEqual(all);
    await advance({ seconds: 40 * DAY });
    expect(await onlySubscription(c)).toMatchObject({ status: 'canceled', canceled_at: canceled.canceled_at });
    expect(await eventsAbout(trialing.provider_subscription_id)).toEqual(all);
  });

  it('a past_due subscription is paid at once when the portal is given a working card', async () => {
    const c = await customer();
    const trialing = await subscribe(c, 'trial', CARDS.paysThenDeclines);
    await advance({ to: trialing.trial_end + 60 });
    expect(await onlySubscription(c)).toMatchObject({ status: 'past_due' });
    const v1 = await version(c);

    await portalAction(await portal(c), { action: 'card_succeeds', subscription: '' });
    expect(await onlySubscription(c)).toMatchObject({ status: 'active', past_due_since: null });
    expect(await allowed(c, 'export')).toBe(true);
    await newerVersion(c, v1);

    // And it stays so past the retries it would have had.
    await advance({ seconds: 7 * DAY });
    expect(await onlySubscription(c)).toMatchObject({ status: 'active' });
  });

  it('an active subscription renews at its period end with a new period', async () => {
    const c = await customer();
    const sub = await subscribe(c, 'pro');
    const v1 = await version(c);
    await advance({ to: sub.current_period_end + 60 });
    const renewed = await onlySubscription(c);
    expect(renewed).toMatchObject({ status: 'active', current_period_start: sub.current_period_end });
    expect(renewed.current_period_end).toBeGreaterThan(sub.current_period_end + 27 * DAY);
    expect(await entitlements(c)).toMatchObject({ features: { export: { allowed: true }, tokens: { allowed: true, resets_at: renewed.current_period_end } } });
    expect(await version(c)).toBeGreaterThan(v1);
  });
});

describe('the portal', () => {
  it('cancels at period end: access until the period ends, canceled and no access after', async () => {
    const c = await customer();
    const sub = await subscribe(c, 'pro');
    const url = await portal(c);
    const page = await openPage(url);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Cancel at period end');
    const v1 = await version(c);

    await portalAction(url, { action: 'cancel_at_period_end', subscription: sub.provider_subscription_id });
    expect(await onlySubscription(c)).toMatchObject({ status: 'active', cancel_at_period_end: true, canceled_at: null });
    expect(await allowed(c, 'export')).toBe(true);
    const v2 = await newerVersion(c, v1);
    expect((await openPage(url)).html).toContain('Resume');

    await advance({ to: sub.current_period_end - 60 });
    expect(await onlySubscription(c)).toMatchObject({ status: 'active', cancel_at_period_end: true });
    expect(await allowed(c, 'export')).toBe(true);

    await advance({ to: sub.current_period_end + 60 });
    const ended = await onlySubscription(c);
    expect(ended).toMatchObject({ status: 'canceled', canceled_at: sub.current_period_end });
    expect(await allowed(c, 'export')).toBe(false);
    await newerVersion(c, v2);
  });

  it('resumes a subscription canceling at period end, and it renews', async () => {
    const c = await customer();
    const sub = await subscribe(c, 'pro');
    const url = await portal(c);
    await portalAction(url, { action: 'cancel_at_period_end', subscription: sub.provider_subscription_id });
    const v1 = await version(c);
    await portalAction(url, { action: 'resume', subscription: sub.provider_subscription_id });
    expect(await onlySubscription(c)).toMatchObject({ status: 'active', cancel_at_period_end: false });
    await newerVersion(c, v1);

    await advance({ to: sub.current_period_end + 60 });
    expect(await onlySubscription(c)).toMatchObject({ status: 'active', cancel_at_period_end: false, current_period_start: sub.current_period_end });
    expect(await allowed(c, 'export')).toBe(true);
  });

  it("switches the plan, and the entitlements become the new plan's", async () => {
    const c = await customer();
    const sub = await subscribe(c, 'basic');
    expect(await entitlements(c)).toMatchObject({ features: { export: { allowed: false }, tokens: { allowed: true, limit: 100 } } });
    const url = await portal(c);
    expect((await openPage(url)).html).toContain('Switch to');
    const v1 = await version(c);

    // A plan that does not exist, or a one-time one, is no switch.
    for (const plan of ['no_such_plan', 'lifetime']) {
      const wrong = await submitPage(url, { action: 'switch', subscription: sub.provider_subscription_id, plan });
      expect(wrong.status).toBeLessThan(500);
    }
    expect(await onlySubscription(c)).toMatchObject({ plan: 'basic' });
    expect(await version(c)).toBe(v1);

    await portalAction(url, { action: 'switch', subscription: sub.provider_subscription_id, plan: 'pro' });
    expect(await onlySubscription(c)).toMatchObject({ id: sub.id, plan: 'pro', status: 'active' });
    expect(await entitlements(c)).toMatchObject({ features: { export: { allowed: true }, tokens: { allowed: true, limit: 1000 } } });
    await newerVersion(c, v1);
  });

  it("cancels now, and touches no other customer's subscription", async () => {
    const c = await customer();
    const other = await customer();
    const mine = await subscribe(c, 'pro');
    const theirs = await subscribe(other, 'pro');
    const url = await portal(c);

    await portalAction(url, { action: 'cancel_now', subscription: theirs.provider_subscription_id });
    expect(await onlySubscription(other)).toMatchObject({ status: 'active', cancel_at_period_end: false });
    expect(await allowed(other, 'export')).toBe(true);

    await portalAction(url, { action: 'cancel_now', subscription: mine.provider_subscription_id });
    expect(await onlySubscription(c)).toMatchObject({ status: 'canceled', canceled_at: nowSeconds() });
    expect(await allowed(c, 'export')).toBe(false);
  });

  it('does nothing more to a subscription that is already canceled', async () => {
    const c = await customer();
    const sub = await subscribe(c, 'basic');
    const url = await portal(c);
    await portalAction(url, { action: 'cancel_now', subscription: sub.provider_subscription_id });
    const canceled = await onlySubscription(c);
    expect(canceled.status).toBe('canceled');
    const v1 = await version(c);

    await advance({ seconds: 3600 });
    await portalAction(url, { action: 'cancel_now', subscription: sub.provider_subscription_id });
    await portalAction(url, { action: 'switch', subscription: sub.provider_subscription_id, plan: 'pro' });
    await portalAction(url, { action: 'cancel_at_period_end', subscription: sub.provider_subscription_id });
    await portalAction(url, { action: 'resume', subscription: sub.provider_subscription_id });
    expect(await onlySubscription(c)).toEqual(canceled);
    expect(await allowed(c, 'export')).toBe(false);
    expect(await version(c)).toBe(v1);
  });
});

describe('the API on a sandbox subscription', () => {
  it('upgrades and downgrades the plan at the provider, with the entitlements following', async () => {
    const c = await customer();
    const sub = await subscribe(c, 'basic');
    const v1 = await version(c);

    const up = await t.call('POST', `/v1/subscriptions/${sub.id}`, { body: { plan: 'pro' } });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ id: sub.id, plan: 'pro', status: 'active', provider: 'sandbox' });
    expect(await entitlements(c)).toMatchObject({ features: { export: { allowed: true }, tokens: { limit: 1000 } } });
    const v2 = await newerVersion(c, v1);
    const proPrice = (await atProvider(sub.provider_subscription_id))!.price;
    expect(proPrice).not.toBe('');

    // A downgrade waits for the period's end unless asked for now (plan-groups.test.ts has the wait).
    const down = await t.call('POST', `/v1/subscriptions/${sub.id}`, { body: { plan: 'basic', proration_behavior: 'none', effective: 'now' } });
    expect(down.status).toBe(200);
    expect(down.body).toMatchObject({ plan: 'basic' });
    expect(await entitlements(c)).toMatchObject({ features: { export: { allowed: false }, tokens: { limit: 100 } } });
    await newerVersion(c, v2);
    expect((await atProvider(sub.provider_subscription_id))!.price).not.toBe(proPrice);
    expect((await recentEvents(1))[0]).toMatchObject({ type: 'customer.subscription.updated', status: 'processed' });
  });

  it('cancels at period end and resumes at the provider, and refuses a status of its own', async () => {
    const c = await customer();
    const sub = await subscribe(c, 'pro');
    const v1 = await version(c);

    const canceling = await t.call('POST', `/v1/subscriptions/${sub.id}/cancel`, { body: { at_period_end: true } });
    expect(canceling.status).toBe(200);
    expect(canceling.body).toMatchObject({ status: 'active', cancel_at_period_end: true, canceled_at: null });
    expect((await atProvider(sub.provider_subscription_id))!.cancelAtPeriodEnd).toBe(true);
    expect(await allowed(c, 'export')).toBe(true);
    const v2 = await newerVersion(c, v1);

    const resumed = await t.call('POST', `/v1/subscriptions/${sub.id}/resume`);
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({ status: 'active', cancel_at_period_end: false });
    expect((await atProvider(sub.provider_subscription_id))!.cancelAtPeriodEnd).toBe(false);
    await newerVersion(c, v2);

    // The same through the update call.
    const viaUpdate = await t.call('POST', `/v1/subscriptions/${sub.id}`, { body: { cancel_at_period_end: true } });
    expect(viaUpdate.body).toMatchObject({ status: 'active', cancel_at_period_end: true });
    expect((await atProvider(sub.provider_subscription_id))!.cancelAtPeriodEnd).toBe(true);
    const undone = await t.call('POST', `/v1/subscriptions/${sub.id}`, { body: { cancel_at_period_end: false } });
    expect(undone.body).toMatchObject({ status: 'active', cancel_at_period_end: false });
    expect((await atProvider(sub.provider_subscription_id))!.cancelAtPeriodEnd).toBe(false);

    const refused = await t.call('POST', `/v1/subscriptions/${sub.id}`, { body: { status: 'past_due' } });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'managed_by_provider', param: 'status' });
    expect(await onlySubscription(c)).toMatchObject({ status: 'active' });
    expect((await atProvider(sub.provider_subscription_id))!.status).toBe('active');

    // Canceled now, at the provider too; access ends at once.
    const canceled = await t.call('POST', `/v1/subscriptions/${sub.id}/cancel`, { body: {} });
    expect(canceled.status).toBe(200);
    expect(canceled.body).toMatchObject({ status: 'canceled', canceled_at: nowSeconds() });
    expect((await atProvider(sub.provider_subscription_id))!.status).toBe('canceled');
    expect(await allowed(c, 'export')).toBe(false);
  });
});

describe('one-time purchases', () => {
  it('are bought through a payment-mode checkout and taken away by a refund at the provider', async () => {
    const c = await customer();
    const session = await checkout(c, 'lifetime');
    expect(session).toMatchObject({ mode: 'payment', plan: 'lifetime' });
    const v0 = await version(c);
    const paid = await submitPage(session.url, { card: CARDS.pays, action: 'pay' });
    expect(paid.status).toBe(303);

    expect(await subscriptions(c)).toEqual([]);
    const purchases = (await t.call('GET', `/v1/purchases?customer=${c.id}`)).body.data;
    expect(purchases).toHaveLength(1);
    expect(purchases[0]).toMatchObject({ plan: 'lifetime', provider: 'sandbox', refunded_at: null, expires_at: null });
    expect(purchases[0].provider_payment_id).toMatch(/^pi_sbx_/);
    expect(await entitlements(c)).toMatchObject({ features: { export: { allowed: true, source: { type: 'purchase', plan: 'lifetime' } } } });
    const v1 = await newerVersion(c, v0);

    const refund = await t.call('POST', `/v1/purchases/${purchases[0].id}/refund`);
    expect(refund.status).toBe(200);
    expect(refund.body).toMatchObject({ id: purchases[0].id, refunded_at: nowSeconds() });
    expect(await allowed(c, 'export')).toBe(false);
    await newerVersion(c, v1);
    expect((await t.payments.withProvider((provider) => provider.retrievePayment(purchases[0].provider_payment_id)))?.refunded).toBe(true);
    expect((await recentEvents(1))[0]).toMatchObject({ type: 'charge.refunded', status: 'processed', provider: 'sandbox' });
  });

  it('a declined card buys nothing', async () => {
    const c = await customer();
    const session = await checkout(c, 'lifetime');
    const declined = await submitPage(session.url, { card: CARDS.declined, action: 'pay' });
    expect(declined.status).toBe(402);
    expect((await t.call('GET', `/v1/purchases?customer=${c.id}`)).body.data).toEqual([]);
    expect(await allowed(c, 'export')).toBe(false);
  });
});

describe('reconciliation', () => {
  it('puts back a subscription whose copy drifted from the sandbox, with access, and lists the run', async () => {
    const c = await customer();
    const sub = await subscribe(c, 'pro');
    await t.database.db.query("update subscriptions set status = 'canceled' where id = $1", [sub.id]);
    // The drifted copy takes access away once the snapshot is recomputed.
    await recompute(c);
    expect(await allowed(c, 'export')).toBe(false);
    const v1 = await version(c);

    const run = await t.call('POST', '/v1/reconciliations');
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ object: 'reconciliation', trigger: 'api', error: null });
    expect(run.body.checked).toBeGreaterThan(0);
    const changes = run.body.changes.filter((change: { id: string }) => change.id === sub.id);
    expect(changes).toEqual([
      {
        object: 'subscription',
        id: sub.id,
        provider_id: sub.provider_subscription_id,
        customer: c.id,
        action: 'updated',
        fields: { status: ['canceled', 'active'] },
      },
    ]);
    // Nothing else had drifted.
    expect(run.body.changes).toHaveLength(1);

    expect(await onlySubscription(c)).toMatchObject({ status: 'active' });
    expect(await allowed(c, 'export')).toBe(true);
    await newerVersion(c, v1);

    const listed = await t.call('GET', '/v1/reconciliations');
    expect(listed.status).toBe(200);
    expect(listed.body.data[0]).toMatchObject({ id: run.body.id, trigger: 'api', changes: run.body.changes });

    // A second run finds nothing left to change.
    const again = await t.call('POST', '/v1/reconciliations');
    expect(again.body.changes).toEqual([]);
  });

  it("run by another project neither changes nor counts this project's subscriptions and payments", async () => {
    const c = await customer();
    const sub = await subscribe(c, 'pro');
    await t.database.db.query("update subscriptions set status = 'canceled' where id = $1", [sub.id]);

    const fromB = await t.call('POST', '/v1/reconciliations', { key: t.projectB.secretKey });
    expect(fromB.status).toBe(200);
    expect(fromB.body).toMatchObject({ checked: 0, changes: [], error: null });
    expect(await onlySubscription(c)).toMatchObject({ status: 'canceled' });
    expect((await t.call('GET', '/v1/reconciliations', { key: t.projectB.secretKey })).body.data[0]).toMatchObject({
      id: fromB.body.id,
      checked: 0,
      changes: [],
    });
    // Nor do B's payment events show any of A's.
    expect((await recentEvents(1)).length).toBe(1);
    expect((await t.call('GET', '/v1/payment_events', { key: t.projectB.secretKey })).body.data).toEqual([]);

    // Project A's own run is the one that corrects it, and says so.
    const fromA = await t.call('POST', '/v1/reconciliations');
    expect(fromA.body.changes).toEqual([expect.objectContaining({ id: sub.id, fields: { status: ['canceled', 'active'] } })]);
    expect(await onlySubscription(c)).toMatchObject({ status: 'active' });
  });

  it('ends a refunded purchase whose copy missed the refund', async () => {
    const c = await customer();
    const session = await checkout(c, 'lifetime');
    expect((await submitPage(session.url, { card: CARDS.pays, action: 'pay' })).status).toBe(303);
    const purchase = (await t.call('GET', `/v1/purchases?customer=${c.id}`)).body.data[0];
    // Refunded at the provider, but the event never arrived.
    await t.database.db.query('update sandbox_payments set refunded = true where id = $1', [purchase.provider_payment_id]);
    expect(await allowed(c, 'export')).toBe(true);

    const run = await t.call('POST', '/v1/reconciliations');
    expect(run.status).toBe(200);
    expect(run.body.changes).toEqual([
      {
        object: 'purchase',
        id: purchase.id,
        provider_id: purchase.provider_payment_id,
        customer: c.id,
        action: 'updated',
        fields: { refunded_at: [null, nowSeconds()] },
      },
    ]);
    expect(await allowed(c, 'export')).toBe(false);
  });
});

describe('the test clock', () => {
  it('tells the time, moves forward, and never back', async () => {
    const clock = await t.call('GET', '/v1/test_clock');
    expect(clock.status).toBe(200);
    expect(clock.body).toMatchObject({ object: 'test_clock', now: nowSeconds() });

    const c = await customer();
    const sub = await subscribe(c, 'pro');
    const v1 = await version(c);
    const start = nowSeconds();

    const back = await advance({ to: start - 30 * DAY });
    expect(back.now).toBe(start);
    expect(nowSeconds()).toBe(start);
    expect(await onlySubscription(c)).toEqual(sub);
    expect(await version(c)).toBe(v1);

    const forward = await advance({ seconds: 3600 });
    expect(forward.now).toBe(start + 3600);
    expect(nowSeconds()).toBe(start + 3600);
    expect((await t.call('GET', '/v1/test_clock')).body.now).toBe(start + 3600);

    const same = await advance({ to: start + 3600 });
    expect(same.now).toBe(start + 3600);

    for (const body of [{}, { seconds: 60, to: start + 7200 }, { seconds: 0 }]) {
      const refused = await t.call('POST', '/v1/test_clock/advance', { body });
      expect(refused.status).toBe(400);
    }
    expect(nowSeconds()).toBe(start + 3600);
  });

  it('renews a subscription once when two moves reach its period end at the same time', async () => {
    const c = await customer();
    const sub = await subscribe(c, 'pro');
    const invoices = async () => (await eventsAbout(sub.provider_subscription_id)).filter((type) => type.startsWith('invoice.')).length;
    expect(await invoices()).toBe(1);

    const moves = await Promise.all([advance({ to: sub.current_period_end + 60 }), advance({ to: sub.current_period_end + 60 })]);
    expect(moves.map((move) => move.now)).toEqual([sub.current_period_end + 60, sub.current_period_end + 60]);
    expect(await invoices()).toBe(2);
    const renewed = await onlySubscription(c);
    expect(renewed).toMatchObject({ status: 'active', current_period_start: sub.current_period_end });

    // The same race made certain: a run that read the renewal as due before the other did it.
    await t.payments.withProvider((provider) => (provider as SandboxProvider).runDue(sub.provider_subscription_id, new Date(sub.current_period_end * 1000)));
    expect(await invoices()).toBe(2);
    expect(await onlySubscription(c)).toEqual(renewed);
  });

  it("is the sandbox's: Stripe webhooks are not taken in sandbox mode", async () => {
    const res = await t.call('POST', '/v1/webhooks/stripe', {
      key: null,
      headers: { 'Stripe-Signature': 't=1,v1=00' },
      body: { id: 'evt_sandbox_test', object: 'event', type: 'invoice.paid', created: nowSeconds(), data: { object: {} } },
    });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'stripe_not_configured' });
  });
});

describe('proration in the sandbox, as Stripe does it', () => {
  /** The amounts of the invoices the sandbox raised about one subscription, oldest first. */
  async function invoiceAmounts(providerSubscriptionId: string): Promise<Array<[string, number]>> {
    const { rows } = await t.database.db.query<{ type: string; amount: number }>(
      `select type, (payload->'data'->'object'->>'amount_due')::int as amount from payment_events
       where payload->'data'->'object'->>'object' = 'invoice'
         and payload->'data'->'object'->'parent'->'subscription_details'->>'subscription' = $1
       order by seq`,
      [providerSubscriptionId],
    );
    return rows.map((row) => [row.type, Number(row.amount)]);
  }

  it('an upgrade halfway through charges the difference for the rest of the period with the next renewal', async () => {
    const c = await customer();
    const sub = await subscribe(c, 'basic');
    // The period is 31 days (March); upgrade when 15.5 days are left (exactly half).
    const half = (sub.current_period_end - sub.current_period_start) / 2;
    await advance({ seconds: half });
    const upgraded = await t.call('POST', `/v1/subscriptions/${sub.id}`, { body: { plan: 'pro' } });
    expect(upgraded.body.plan).toBe('pro');
    await advance({ to: sub.current_period_end });
    // Half of 900 credited, half of 2900 charged: -450 + 1450 = +1000, added to the renewal's 2900.
    expect(await invoiceAmounts(sub.provider_subscription_id)).toEqual([
      ['invoice.paid', 900],
      ['invoice.paid', 3900],
    ]);
  });

  it('always_invoice charges the difference at once; a downgrade credits the next renewal; none changes nothing', async () => {
    const c = await customer();
    const sub = await subscribe(c, 'basic');
    const period = sub.current_period_end - sub.current_period_start;
    await advance({ seconds: period / 2 });
    await t.call('POST', `/v1/subscriptions/${sub.id}`, { body: { plan: 'pro', proration_behavior: 'always_invoice' } });
    // At once: -450 + 1450 = 1000.
    expect(await invoiceAmounts(sub.provider_subscription_id)).toEqual([
      ['invoice.paid', 900],
      ['invoice.paid', 1000],
    ]);
    // A quarter of the period later (a quarter left), back down: -725 + 225 = -500, a credit.
    await advance({ seconds: period / 4 });
    await t.call('POST', `/v1/subscriptions/${sub.id}`, { body: { plan: 'basic', effective: 'now' } });
    await t.call('POST', `/v1/subscriptions/${sub.id}`, { body: { plan: 'basic', proration_behavior: 'none', effective: 'now' } });
    await advance({ to: sub.current_period_end });
    // The renewal at basic: 900 - 500 = 400.
    expect((await invoiceAmounts(sub.provider_subscription_id)).at(-1)).toEqual(['invoice.paid', 400]);
  });
});
