// Seats through Stripe: the real `stripe` package, answered by msw (support/stripe-account.ts).
// A checkout of a per-seat plan sends the quantity and the buyer's adjustable range as Stripe's
// line_items[0]; the subscription's quantity is what Stripe's subscription says, from the
// webhooks (signed with Stripe's own helper), and the per-seat limits follow it.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StripeAccount } from './support/stripe-account.js';
import { signedDelivery, stripeEvent } from './support/stripe-objects.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const WEBHOOK_SECRET = 'whsec_nozle_seats';
const DAY = 86_400;
const clock = { current: undefined as TestApp | undefined, now: () => clock.current?.clock.now() ?? new Date() };
const account = new StripeAccount(clock);
const stripeApi = setupServer();
let t: TestApp;
let seq = 0;

const deliver = (event: ReturnType<typeof stripeEvent>) => {
  const { body, signature } = signedDelivery(event, WEBHOOK_SECRET);
  return t.call('POST', '/v1/webhooks/stripe', { key: null, body, headers: { 'stripe-signature': signature } });
};

beforeAll(async () => {
  stripeApi.listen({
    onUnhandledRequest: (request, print) => {
      if (new URL(request.url).hostname !== '127.0.0.1') print.error();
    },
  });
  stripeApi.resetHandlers(...account.handlers());
  t = await startTestApp({ stripe: { secretKey: 'sk_test_nozle', webhookSecret: WEBHOOK_SECRET } });
  clock.current = t;
  await t.call('POST', '/v1/meters', { body: { key: 'messages', event_name: 'message.sent', aggregation: 'count' } });
  await t.call('POST', '/v1/features', { body: { key: 'messages', type: 'metered', meter: 'messages' } });
  const team = {
    key: 'team',
    name: 'Team',
    interval: 'month',
    base_price: 1_000,
    per_seat: true,
    entitlements: [{ feature: 'messages', limit: 1_000, per_seat: true }],
  };
  expect((await t.call('POST', '/v1/plans', { body: team })).status).toBe(200);
  expect((await t.call('POST', '/v1/plans', { body: { key: 'solo', name: 'Solo', interval: 'month', base_price: 500 } })).status).toBe(200);
});
afterAll(async () => {
  await t.close();
  stripeApi.close();
});

describe('a per-seat checkout in Stripe', () => {
  let customer: string;
  let price: string;

  it('sends line_items[0][quantity] and [adjustable_quantity] to Stripe', async () => {
    customer = (await t.call('POST', '/v1/customers', { body: { email: 'seats@example.com' } })).body.id;
    const session = await t.call('POST', '/v1/checkout/sessions', {
      body: { customer, plan: 'team', quantity: 3, adjustable_quantity: { enabled: true, minimum: 2, maximum: 50 }, success_url: 'https://app.example.com/ok' },
    });
    expect(session.status).toBe(200);
    const sent = account.requestsTo('POST', '/v1/checkout/sessions').at(-1)!.params;
    const lineItems = sent['line_items'] as Record<string, Record<string, unknown>>;
    expect(lineItems).toEqual({
      '0': { price: expect.stringMatching(/^price_/), quantity: '3', adjustable_quantity: { enabled: 'true', minimum: '2', maximum: '50' } },
    });
    price = lineItems['0']!['price'] as string;
  });

  it('takes the quantity the buyer settled on from Stripe’s subscription, and follows a change made there', async () => {
    // The buyer raised it to 4 on Stripe's page.
    const sub = 'sub_seats_1';
    const t0 = account.now();
    account.subscriptions.set(sub, {
      id: sub,
      customer: 'cus_seatsexamplecom',
      price,
      status: 'active',
      created: t0,
      periodStart: t0,
      periodEnd: t0 + 30 * DAY,
      quantity: 4,
    });
    expect((await deliver(stripeEvent('customer.subscription.created', account.subscription(sub), t0, `evt_seats_${++seq}`))).status).toBe(200);
    const [created] = (await t.call('GET', `/v1/subscriptions?customer=${customer}`)).body.data;
    expect(created).toMatchObject({ provider: 'stripe', provider_subscription_id: sub, quantity: 4 });
    expect((await t.call('GET', `/v1/customers/${customer}/entitlements`)).body.features.messages).toMatchObject({ limit: 4_000 });

    // Six seats in Stripe's portal: customer.subscription.updated carries them.
    const updated = account.update(sub, { quantity: 6 });
    expect((await deliver(stripeEvent('customer.subscription.updated', updated, t0 + DAY, `evt_seats_${++seq}`))).status).toBe(200);
    expect((await t.call('GET', `/v1/subscriptions/${created.id}`)).body).toMatchObject({ quantity: 6 });
    expect((await t.call('GET', `/v1/customers/${customer}/entitlements`)).body.features.messages).toMatchObject({ limit: 6_000 });

    // Nozle does not change a provider's seats behind its back: a 400 naming quantity.
    const refused = await t.call('POST', `/v1/subscriptions/${created.id}`, { body: { quantity: 7 } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.param).toBe('quantity');
  });
});

describe('checkout quantities refused', () => {
  // [what, body, param]
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['seats of a plan not per seat', { plan: 'solo', quantity: 2 }, 'quantity'],
    ['an adjustable quantity on a plan not per seat', { plan: 'solo', adjustable_quantity: { enabled: true } }, 'adjustable_quantity'],
    ['a quantity outside the adjustable range', { plan: 'team', quantity: 60, adjustable_quantity: { enabled: true, maximum: 50 } }, 'quantity'],
    ['a minimum above the maximum', { plan: 'team', adjustable_quantity: { enabled: true, minimum: 10, maximum: 5 } }, 'adjustable_quantity[minimum]'],
    ['no seats', { plan: 'team', quantity: 0 }, 'quantity'],
    ['a maximum past the bound', { plan: 'team', adjustable_quantity: { enabled: true, maximum: 1_000_000 } }, 'adjustable_quantity[maximum]'],
  ];
  it.each(cases)('%s: a 400 naming the param', async (_, body, param) => {
    const customer = (await t.call('POST', '/v1/customers', { body: {} })).body.id;
    const before = account.requestsTo('POST', '/v1/checkout/sessions').length;
    const res = await t.call('POST', '/v1/checkout/sessions', { body: { customer, ...body } });
    expect(res.status).toBe(400);
    expect(res.body.error.param).toBe(param);
    expect(account.requestsTo('POST', '/v1/checkout/sessions')).toHaveLength(before);
  });
});
