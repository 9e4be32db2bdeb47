// Checking out into a group with Stripe configured (the real `stripe` package, answered by msw
// from a test account shaped by Stripe's fixtures, webhooks signed with Stripe's own helper):
// a paid checkout replaces the free plan; another checkout in the group changes the Stripe
// subscription: an upgrade is a subscription item swap, prorated; a downgrade a subscription
// schedule for the period's end, shown as the row's scheduled change, released when taken back.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Work } from '../src/db/work.js';
import { subscriptionProviderOf } from '../src/payments/access-ports.js';
import { StripeAccount } from './support/stripe-account.js';
import { signedDelivery, stripeEvent } from './support/stripe-objects.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const WEBHOOK_SECRET = 'whsec_groups';
const DAY = 86_400;

let t: TestApp;
const account = new StripeAccount({ now: () => t.clock.now() });
const stripeApi = setupServer(...account.handlers());
let seq = 0;
const planIds = new Map<string, string>();

beforeAll(async () => {
  stripeApi.listen({ onUnhandledRequest: (request, print) => (new URL(request.url).hostname !== '127.0.0.1' ? print.error() : undefined) });
  t = await startTestApp({ stripe: { secretKey: 'sk_test_groups', webhookSecret: WEBHOOK_SECRET } });
  for (const body of [
    { key: 'free', name: 'Free', interval: 'month', base_price: 0, default: true },
    { key: 'basic', name: 'Basic', interval: 'month', base_price: 1000 },
    { key: 'pro', name: 'Pro', interval: 'month', base_price: 2000 },
  ]) {
    const res = await t.call('POST', '/v1/plans', { body });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    planIds.set(body.key, res.body.id);
  }
});
afterAll(async () => {
  await t.close();
  stripeApi.close();
});

async function deliver(type: string, object: unknown): Promise<void> {
  const { body, signature } = signedDelivery(stripeEvent(type, object, account.now(), `evt_groups_${++seq}`), WEBHOOK_SECRET);
  const res = await t.call('POST', '/v1/webhooks/stripe', { key: null, body, headers: { 'stripe-signature': signature } });
  expect(res.status).toBe(200);
  const why = async () => JSON.stringify((await t.call('GET', '/v1/payment_events?status=ignored&limit=1')).body.data[0]);
  expect(res.body.status, res.body.status === 'processed' ? '' : await why()).toBe('processed');
}

const live = async (customer: string): Promise<Array<Record<string, any>>> =>
  (await t.call('GET', `/v1/subscriptions?customer=${customer}`)).body.data.filter((sub: { status: string }) => sub.status !== 'canceled');

async function checkout(customer: string, plan: string) {
  const res = await t.call('POST', '/v1/checkout/sessions', { body: { customer, plan, success_url: 'https://app.example.com/ok' } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const priceOf = (plan: string) => [...account.prices.values()].find((price) => price.metadata['nozle_plan'] === planIds.get(plan))?.id;

/** A customer on the free plan who paid a Stripe checkout for `plan`: Stripe made the subscription, and said so. */
async function paidCheckout(email: string, plan: string): Promise<{ customer: string; sub: string }> {
  const customer = (await t.call('POST', '/v1/customers', { body: { email } })).body.id;
  if ((await live(customer)).length === 0) await t.call('POST', '/v1/subscriptions', { body: { customer, plan: 'free' } });
  const session = await checkout(customer, plan);
  expect(session).toMatchObject({ status: 'open', provider: 'stripe' });
  const sub = `sub_groups_${++seq}`;
  const now = account.now();
  account.subscriptions.set(sub, {
    id: sub,
    customer: `cus_${email.replace(/\W/g, '')}`,
    price: priceOf(plan)!,
    status: 'active',
    periodStart: now,
    periodEnd: now + 31 * DAY,
    created: now,
  });
  await deliver('customer.subscription.created', account.subscription(sub));
  return { customer, sub };
}

describe('checkout into a group, with Stripe', () => {
  it('a paid checkout replaces the free plan: one live subscription, the Stripe one', async () => {
    const { customer, sub } = await paidCheckout('replace@example.com', 'basic');
    const after = await live(customer);
    expect(after.map((row) => [row.plan, row.provider, row.provider_subscription_id])).toEqual([['basic', 'stripe', sub]]);
  });

  it('an upgrade is a subscription item swap with proration, on the same subscription; a second Stripe subscription in the group is not mirrored', async () => {
    const { customer, sub } = await paidCheckout('upgrade@example.com', 'basic');
    const before = account.requestsTo('POST', `/v1/subscriptions/${sub}`).length;
    const session = await checkout(customer, 'pro');
    expect(session).toMatchObject({ status: 'complete', url: 'https://app.example.com/ok', plan: 'pro' });
    const swaps = account.requestsTo('POST', `/v1/subscriptions/${sub}`).slice(before);
    expect(swaps).toHaveLength(1);
    expect(swaps[0]!.params).toMatchObject({ items: { '0': { id: `si_${sub.slice(4)}`, price: priceOf('pro') } }, proration_behavior: 'always_invoice' });
    expect(
      account.requestsTo('POST', '/v1/checkout/sessions').filter((r) => (r.params['metadata'] as Record<string, string>)['nozle_customer'] === customer),
    ).toHaveLength(1);
    expect((await live(customer)).map((row) => [row.plan, row.provider_subscription_id])).toEqual([['pro', sub]]);
    // A second Stripe subscription reported in the group is not mirrored: the first one stays.
    const second = `${sub}_again`;
    account.subscriptions.set(second, { ...account.subscriptions.get(sub)!, id: second, price: priceOf('basic')! });
    const { body, signature } = signedDelivery(
      stripeEvent('customer.subscription.created', account.subscription(second), account.now(), `evt_groups_${++seq}`),
      WEBHOOK_SECRET,
    );
    const res = await t.call('POST', '/v1/webhooks/stripe', { key: null, body, headers: { 'stripe-signature': signature } });
    expect(res.body.status).toBe('ignored');
    expect((await live(customer)).map((row) => row.provider_subscription_id)).toEqual([sub]);
  });

  it('a downgrade is a schedule of two phases for the period end, shown on the row, that takes effect at the boundary', async () => {
    const { customer, sub } = await paidCheckout('downgrade@example.com', 'pro');
    const periodEnd = account.subscriptions.get(sub)!.periodEnd;
    expect((await checkout(customer, 'basic')).status).toBe('complete');

    const [created] = account.requestsTo('POST', '/v1/subscription_schedules');
    expect(created!.params).toMatchObject({ from_subscription: sub });
    const schedule = account.subscriptions.get(sub)!.schedule!;
    expect(account.requestsTo('POST', `/v1/subscription_schedules/${schedule}`).at(-1)!.params).toMatchObject({
      end_behavior: 'release',
      phases: { '0': { items: { '0': { price: priceOf('pro') } }, end_date: String(periodEnd) }, '1': { items: { '0': { price: priceOf('basic') } } } },
    });
    // Nothing swapped now: the plan stays until the period ends.
    expect(account.subscriptions.get(sub)!.price).toBe(priceOf('pro'));
    const [row] = await live(customer);
    expect(row).toMatchObject({ plan: 'pro', scheduled_change: { plan: 'basic', at: periodEnd } });

    // Stripe enters the next phase at the boundary, and says so.
    t.setTime(new Date((periodEnd + 60) * 1000));
    await deliver('customer.subscription.updated', account.enterNextPhase(sub));
    const [after] = await live(customer);
    expect(after).toMatchObject({ id: row!.id, plan: 'basic', scheduled_change: null, current_period_start: periodEnd });
  });

  it('a scheduled downgrade taken back releases the schedule and clears the row', async () => {
    const { customer, sub } = await paidCheckout('release@example.com', 'pro');
    await checkout(customer, 'basic');
    const schedule = account.subscriptions.get(sub)!.schedule!;
    const [row] = await live(customer);
    expect(row!.scheduled_change).toMatchObject({ plan: 'basic' });

    const later: Array<() => Promise<void>> = [];
    const changed = await t.database.db.transaction((tx) => {
      const work: Work = { db: tx, now: t.clock.now(), afterCommit: (fn) => later.push(fn) };
      return subscriptionProviderOf(t.payments).change(
        work,
        { projectId: t.projectA.projectId, providerSubscriptionId: sub },
        { cancelScheduledChange: true },
        t.clock.now(),
      );
    });
    for (const step of later) await step();
    expect(changed).toBe(true);
    expect(account.requestsTo('POST', `/v1/subscription_schedules/${schedule}/release`)).toHaveLength(1);
    expect(account.subscriptions.get(sub)!.schedule).toBeNull();
    const [after] = await live(customer);
    expect(after).toMatchObject({ plan: 'pro', scheduled_change: null });
  });
});
