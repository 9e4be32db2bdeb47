// Checking out to a plan of a group where the customer already holds one, in the sandbox: the
// demo's free → pro upgrade ends with one live subscription and the month's messages still
// counted; checking out again changes the provider's subscription (an upgrade now, a downgrade
// at the period's end), never a second one; its end gives the group's default plan back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FEATURES, DEMO_METER, DEMO_PLANS } from '../src/demo/catalog.js';
import { CARDS, submitPage } from './support/sandbox-pages.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const DAY = 86_400;
const SUCCESS_URL = 'https://app.example.com/billing?paid=1';

let t: TestApp;
let n = 0;

beforeAll(async () => {
  t = await startTestApp();
  // The demo's catalog, through the API; `free` is the default plan of the (default) group.
  const meter = await t.call('POST', '/v1/meters', { body: { key: DEMO_METER.key, event_name: DEMO_METER.event_name, aggregation: DEMO_METER.aggregation } });
  expect(meter.status).toBe(200);
  for (const feature of DEMO_FEATURES) expect((await t.call('POST', '/v1/features', { body: feature })).status).toBe(200);
  for (const plan of DEMO_PLANS) {
    const body = { ...plan, interval: 'month', currency: 'usd', ...(plan.key === 'free' ? { default: true } : {}) };
    const res = await t.call('POST', '/v1/plans', { body });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  expect((await t.call('POST', '/v1/plans', { body: { key: 'team', name: 'Team', interval: 'month', currency: 'usd', base_price: 5000 } })).status).toBe(200);
});
afterAll(() => t.close());

const nowSeconds = () => Math.floor(t.clocks.clockFor(t.projectA.projectId).now().getTime() / 1000);

async function customerOnFree(): Promise<string> {
  n += 1;
  const customer = (await t.call('POST', '/v1/customers', { body: { external_id: `group_user_${n}`, email: `group${n}@example.com` } })).body.id;
  const subs = await live(customer);
  // Given the default plan when created; subscribed to it through the API otherwise.
  if (subs.length === 0) expect((await t.call('POST', '/v1/subscriptions', { body: { customer, plan: 'free' } })).status).toBe(200);
  return customer;
}

async function live(customer: string): Promise<Array<Record<string, any>>> {
  const res = await t.call('GET', `/v1/subscriptions?customer=${customer}`);
  expect(res.status).toBe(200);
  return res.body.data.filter((sub: { status: string }) => ['trialing', 'active', 'past_due'].includes(sub.status));
}

const messages = async (customer: string) => (await t.call('GET', `/v1/customers/${customer}/entitlements`)).body.features.messages;

async function sendMessages(customer: string, count: number): Promise<void> {
  const events = Array.from({ length: count }, (_, i) => ({ id: `${customer}-msg-${i}`, customer, event: DEMO_METER.event_name, timestamp: nowSeconds() }));
  const res = await t.call('POST', '/v1/events', { body: { events } });
  expect(res.body.results.map((result: { status: string }) => result.status)).toEqual(events.map(() => 'accepted'));
}

async function checkout(customer: string, plan: string) {
  const res = await t.call('POST', '/v1/checkout/sessions', { body: { customer, plan, success_url: SUCCESS_URL } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function checkoutAndPay(customer: string, plan: string) {
  const session = await checkout(customer, plan);
  expect(session.status).toBe('open');
  const paid = await submitPage(session.url, { card: CARDS.pays, action: 'pay' });
  expect(paid.status).toBe(303);
}

describe("the demo's free → pro through checkout", () => {
  it('ends with one live subscription, pro, billed by the sandbox, and the free one canceled when the payment succeeded', async () => {
    const customer = await customerOnFree();
    const [free] = await live(customer);
    expect(free).toMatchObject({ plan: 'free', provider: null });

    const session = await checkout(customer, 'pro');
    // Nothing changes before the payment: the free plan holds the group until then.
    expect((await live(customer)).map((sub) => sub.plan)).toEqual(['free']);
    expect((await submitPage(session.url, { card: CARDS.pays, action: 'pay' })).status).toBe(303);

    const after = await live(customer);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ plan: 'pro', provider: 'sandbox', status: 'active' });
    const old = (await t.call('GET', `/v1/subscriptions/${free!.id}`)).body;
    expect(old).toMatchObject({ status: 'canceled', canceled_at: nowSeconds() });
  });

  it("carries the free plan's usage period over to the paid subscription", async () => {
    const customer = await customerOnFree();
    const [free] = await live(customer);
    expect((await t.call('POST', '/v1/test_clock/advance', { body: { seconds: 10 * DAY } })).status).toBe(200);
    await checkoutAndPay(customer, 'pro');
    const [pro] = await live(customer);
    expect(pro!.current_period_start).toBe(nowSeconds());
    const { rows } = await t.database.db.query<{ usage_carry: { at: string; starts: Record<string, string> } }>(
      'select usage_carry from subscriptions where id = $1',
      [pro!.id],
    );
    // The month the free plan was in when it was replaced started at its own period start.
    expect(rows[0]!.usage_carry.at).toBe(new Date(nowSeconds() * 1000).toISOString());
    expect(rows[0]!.usage_carry.starts['month']).toBe(new Date(free!.current_period_start * 1000).toISOString());
  });

  it('keeps the messages sent this month: the limit goes from 3 to 5, used stays 3', async () => {
    const customer = await customerOnFree();
    // Ten days into the free plan's month: the paid subscription's own cycle starts later, so
    // only the carry keeps the messages sent before it in its first period.
    expect((await t.call('POST', '/v1/test_clock/advance', { body: { seconds: 10 * DAY } })).status).toBe(200);
    await sendMessages(customer, 3);
    expect(await messages(customer)).toMatchObject({ limit: 3, used: 3, remaining: 0 });

    await checkoutAndPay(customer, 'pro');
    expect(await live(customer)).toHaveLength(1);
    expect(await messages(customer)).toMatchObject({ allowed: true, limit: 5, used: 3, remaining: 2 });
  });
});

describe('checking out again in a group the sandbox bills', () => {
  it('an upgrade changes the subscription now, prorated and charged, with no second subscription and no page to pay', async () => {
    const customer = await customerOnFree();
    await checkoutAndPay(customer, 'pro');
    const [pro] = await live(customer);
    const charges = await t.database.db.query('select 1 from sandbox_invoices where subscription = $1', [pro!.provider_subscription_id]);

    const session = await checkout(customer, 'team');
    expect(session).toMatchObject({ status: 'complete', url: SUCCESS_URL, plan: 'team' });
    const after = await live(customer);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: pro!.id, plan: 'team', scheduled_change: null });
    // The rest of the period at the new price, charged at once (always_invoice).
    const invoices = await t.database.db.query<{ amount_paid: string }>(
      'select amount_paid::text from sandbox_invoices where subscription = $1 order by created_at',
      [pro!.provider_subscription_id],
    );
    expect(invoices.rows.length).toBe(charges.rows.length + 1);
    expect(Number(invoices.rows.at(-1)!.amount_paid)).toBeGreaterThan(0);
  });

  it('a downgrade is scheduled for the period end, shown on the subscription, and happens there', async () => {
    const customer = await customerOnFree();
    await checkoutAndPay(customer, 'team');
    const [team] = await live(customer);

    const session = await checkout(customer, 'pro');
    expect(session.status).toBe('complete');
    const scheduled = await live(customer);
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]).toMatchObject({ id: team!.id, plan: 'team', scheduled_change: { plan: 'pro', at: team!.current_period_end } });

    expect((await t.call('POST', '/v1/test_clock/advance', { body: { to: team!.current_period_end + 60 } })).status).toBe(200);
    const renewed = await live(customer);
    expect(renewed).toHaveLength(1);
    expect(renewed[0]).toMatchObject({ id: team!.id, plan: 'pro', scheduled_change: null, current_period_start: team!.current_period_end });
  });

  it('gives the default plan back when the paid subscription ends', async () => {
    const customer = await customerOnFree();
    await checkoutAndPay(customer, 'pro');
    const [pro] = await live(customer);
    expect((await t.call('POST', `/v1/subscriptions/${pro!.id}/cancel`, { body: {} })).status).toBe(200);
    const after = await live(customer);
    expect(after.map((sub) => [sub.plan, sub.provider])).toEqual([['free', null]]);
    expect(after[0]!.current_period_start).toBeGreaterThanOrEqual(nowSeconds() - DAY);
  });
});
