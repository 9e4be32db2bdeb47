// subscription.trial_will_end is time-driven: the scheduler of every instance sends it at its
// instant (three days before the trial's end), with no request in between, and two instances on
// one database send each notice once. Real time here (the scheduler sleeps on it), Stripe's
// trials (their ends are to the second, a few seconds off), Nozle's notices delivered to a real
// receiver and verified with `standardwebhooks`.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runDueCustomers } from '../src/access/due-work.js';
import { systemClock } from '../src/clock.js';
import { StripeAccount } from './support/stripe-account.js';
import { signedDelivery, stripeEvent } from './support/stripe-objects.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { listen, type Listener } from './support/webhook-listener.js';

const STRIPE = { secretKey: 'sk_test_nozle_notice', webhookSecret: 'whsec_nozle_notice' };
const DAY = 86_400;
const TRIALS = 6;

const account = new StripeAccount(systemClock);
const stripeApi = setupServer(...account.handlers());
let a: TestApp;
let b: TestApp;
let listener: Listener;
beforeAll(async () => {
  stripeApi.listen({ onUnhandledRequest: (request, print) => (new URL(request.url).hostname !== '127.0.0.1' ? print.error() : undefined) });
  a = await startTestApp({ stripe: STRIPE, scheduler: true, baseClock: systemClock });
  b = await startTestApp({
    stripe: STRIPE,
    scheduler: true,
    baseClock: systemClock,
    shared: { database: a.database, projectA: a.projectA, projectB: a.projectB },
  });
  expect((await a.call('POST', '/v1/plans', { body: { key: 'pro', name: 'Pro', interval: 'month', base_price: 2_000 } })).status).toBe(200);
  listener = await listen(a, ['subscription.trial_will_end']);
});
afterAll(async () => {
  await listener?.stop();
  await b?.close();
  await a?.close();
  stripeApi.close();
});

const notices = async () =>
  (await a.database.db.query<{ n: number }>("select count(*)::int as n from webhook_events where type = 'subscription.trial_will_end'")).rows[0]!.n;
const until = async (what: string, done: () => Promise<boolean>) => {
  for (let waited = 0; !(await done()); waited += 100) {
    if (waited > 15_000) throw new Error(`${what}: not within 15 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

it('sends each trial notice at its instant, once, with two instances sharing the due work', async () => {
  // The notices fall due a few seconds from now, all at one instant.
  const noticeAt = Math.ceil(Date.now() / 1000) + 4;
  const subscriptions: string[] = [];
  for (let i = 0; i < TRIALS; i++) {
    const app = i % 2 === 0 ? a : b;
    const email = `notice${i}@example.com`;
    const customer = (await app.call('POST', '/v1/customers', { body: { email } })).body.id as string;
    const session = await app.call('POST', '/v1/checkout/sessions', { body: { customer, plan: 'pro', success_url: 'https://app.example.com/ok' } });
    expect(session.status).toBe(200);
    const price = (account.requestsTo('POST', '/v1/checkout/sessions').at(-1)!.params['line_items'] as Record<string, Record<string, string>>)['0']!['price']!;
    const id = `sub_notice_${i}`;
    const now = account.now();
    const trialEnd = noticeAt + 3 * DAY;
    account.subscriptions.set(id, {
      id,
      customer: `cus_${email.replace(/\W/g, '')}`,
      price,
      status: 'trialing',
      created: now,
      periodStart: now,
      periodEnd: trialEnd,
      trialEnd,
    });
    const { body, signature } = signedDelivery(
      stripeEvent('customer.subscription.created', account.subscription(id), now, `evt_notice_${i}`),
      STRIPE.webhookSecret,
    );
    const delivered = await app.call('POST', '/v1/webhooks/stripe', { key: null, body, headers: { 'stripe-signature': signature } });
    expect(delivered.body.status).toBe('processed');
    subscriptions.push(id);
  }

  await until('every notice sent', async () => (await notices()) >= TRIALS);
  // The due work once more on both: nothing is sent twice.
  await runDueCustomers(a.payments.deps, a.projectA.projectId);
  await runDueCustomers(b.payments.deps, b.projectA.projectId);
  expect(await notices()).toBe(TRIALS);

  const events = await listener.delivered();
  expect(events.map((event) => event.data['provider_subscription_id']).sort()).toEqual([...subscriptions].sort());
  // Sent by the scheduler at the instant, not before it.
  for (const event of events) {
    expect(event.created).toBeGreaterThanOrEqual(noticeAt);
    expect(event.data).toMatchObject({ status: 'trialing', trial_end: noticeAt + 3 * DAY });
  }
});
