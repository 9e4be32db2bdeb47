import { describe, expect, it } from 'vitest';
import { customer, listOf, subscription } from '../../test/fixtures.js';
import { mockApi, nozle } from '../../test/mock-api.js';

const api = mockApi();

describe('nozle.subscriptions', () => {
  it('create posts the params to /v1/subscriptions and returns the subscription', async () => {
    const sent = api.reply('post', '/v1/subscriptions', subscription);
    expect(await nozle().subscriptions.create({ customer: 'user/42', plan: 'pro', trial_days: 14 })).toEqual(subscription);
    expect(sent).toMatchObject([{ method: 'POST', path: '/v1/subscriptions', body: { customer: 'user/42', plan: 'pro', trial_days: 14 } }]);
  });

  it('retrieve reads a subscription by id', async () => {
    const sent = api.reply('get', '/v1/subscriptions/:subscription', subscription);
    expect(await nozle().subscriptions.retrieve(subscription.id)).toEqual(subscription);
    expect(sent).toMatchObject([{ method: 'GET', path: `/v1/subscriptions/${subscription.id}` }]);
  });

  it('update posts the changes', async () => {
    const sent = api.reply('post', '/v1/subscriptions/:subscription', { ...subscription, status: 'past_due' });
    expect((await nozle().subscriptions.update(subscription.id, { status: 'past_due' })).status).toBe('past_due');
    expect(sent).toMatchObject([{ path: `/v1/subscriptions/${subscription.id}`, body: { status: 'past_due' } }]);
  });

  it('cancel posts at_period_end to the cancel endpoint', async () => {
    const sent = api.reply('post', '/v1/subscriptions/:subscription/cancel', {
      ...subscription,
      cancel_at_period_end: true,
    });
    const canceled = await nozle().subscriptions.cancel(subscription.id, { at_period_end: true });
    expect(canceled.cancel_at_period_end).toBe(true);
    expect(sent).toMatchObject([{ method: 'POST', path: `/v1/subscriptions/${subscription.id}/cancel`, body: { at_period_end: true } }]);
  });

  it('cancel without params cancels now, leaving the default to the server', async () => {
    const sent = api.reply('post', '/v1/subscriptions/:subscription/cancel', { ...subscription, status: 'canceled' });
    expect((await nozle().subscriptions.cancel(subscription.id)).status).toBe('canceled');
    expect(sent[0]?.body).toEqual({});
  });

  it('list filters by customer and status in the query', async () => {
    const page = listOf('/v1/subscriptions', [subscription]);
    const sent = api.reply('get', '/v1/subscriptions', page);
    expect(await nozle().subscriptions.list({ customer: customer.id, status: 'active' })).toEqual(page);
    expect(sent[0]?.query).toEqual({ customer: customer.id, status: 'active' });
  });
});
