import { describe, expect, it } from 'vitest';
import { mockApi, nozle } from '../../test/mock-api.js';

const api = mockApi();

const session = {
  id: 'cs_1a2b3c',
  object: 'checkout.session',
  url: 'https://checkout.stripe.com/c/pay/cs_test_1',
  customer: 'cus_1a2b3c',
  plan: 'pro',
  plan_version: 1,
  mode: 'subscription',
  status: 'open',
  provider: 'stripe',
  success_url: 'https://app.example.com/ok',
  cancel_url: 'https://app.example.com/pricing',
  expires_at: 1_775_001_600,
  created: 1_774_915_200,
} as const;

describe('nozle.checkout, nozle.portal, nozle.payments', () => {
  it('checkout.create posts the plan and customer and returns the session with its url', async () => {
    const sent = api.reply('post', '/v1/checkout/sessions', session);
    expect((await nozle().checkout.create({ customer: 'user/42', plan: 'pro', success_url: 'https://app.example.com/ok' })).url).toBe(session.url);
    expect(sent).toMatchObject([
      { method: 'POST', path: '/v1/checkout/sessions', body: { customer: 'user/42', plan: 'pro', success_url: 'https://app.example.com/ok' } },
    ]);
  });

  it('portal.create posts the customer and return url', async () => {
    const portal = {
      id: 'bps_1',
      object: 'portal.session',
      url: 'https://billing.stripe.com/p/session/1',
      customer: 'cus_1a2b3c',
      provider: 'stripe',
      return_url: 'https://app.example.com',
      expires_at: 1,
      created: 1,
    };
    const sent = api.reply('post', '/v1/portal/sessions', portal);
    expect(await nozle().portal.create({ customer: 'cus_1a2b3c', return_url: 'https://app.example.com' })).toEqual(portal);
    expect(sent).toMatchObject([{ body: { customer: 'cus_1a2b3c', return_url: 'https://app.example.com' } }]);
  });

  it('payments.listEvents passes the status filter; reconcile and the test clock reach their endpoints', async () => {
    const listed = api.reply('get', '/v1/payment_events', { object: 'list', data: [], has_more: false, url: '/v1/payment_events' });
    await nozle().payments.listEvents({ status: 'failed' });
    expect(listed).toMatchObject([{ method: 'GET', path: '/v1/payment_events', query: { status: 'failed' } }]);

    const run = { id: 'rec_1', object: 'reconciliation', trigger: 'api', started_at: 1, finished_at: 2, checked: 3, changes: [], error: null };
    const reconciled = api.reply('post', '/v1/reconciliations', run);
    expect(await nozle().payments.reconcile()).toEqual(run);
    expect(reconciled).toHaveLength(1);

    const clock = { object: 'test_clock', now: 1_775_000_000, offset_seconds: 86_400 };
    const advanced = api.reply('post', '/v1/test_clock/advance', clock);
    expect(await nozle().payments.advanceTestClock({ seconds: 86_400 })).toEqual(clock);
    expect(advanced).toMatchObject([{ body: { seconds: 86_400 } }]);
  });

  it('subscriptions.resume posts to the resume endpoint', async () => {
    const sent = api.reply('post', '/v1/subscriptions/:subscription/resume', { id: 'sub_1' });
    await nozle().subscriptions.resume('sub_1');
    expect(sent).toMatchObject([{ method: 'POST', path: '/v1/subscriptions/sub_1/resume' }]);
  });
});
