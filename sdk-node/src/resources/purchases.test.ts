import { describe, expect, it } from 'vitest';
import { customer, listOf, purchase } from '../../test/fixtures.js';
import { mockApi, nozle } from '../../test/mock-api.js';

const api = mockApi();

describe('nozle.purchases', () => {
  it('create posts the params to /v1/purchases and returns the purchase', async () => {
    const sent = api.reply('post', '/v1/purchases', purchase);
    expect(await nozle().purchases.create({ customer: customer.id, plan: 'lifetime' })).toEqual(purchase);
    expect(sent).toMatchObject([{ method: 'POST', path: '/v1/purchases', body: { customer: customer.id, plan: 'lifetime' } }]);
  });

  it('retrieve reads a purchase by id', async () => {
    const sent = api.reply('get', '/v1/purchases/:purchase', purchase);
    expect(await nozle().purchases.retrieve(purchase.id)).toEqual(purchase);
    expect(sent).toMatchObject([{ method: 'GET', path: `/v1/purchases/${purchase.id}` }]);
  });

  it('refund posts without a body, with the caller’s idempotency key', async () => {
    const refunded = { ...purchase, refunded_at: 1_700_100_000 };
    const sent = api.reply('post', '/v1/purchases/:purchase/refund', refunded);
    expect(await nozle().purchases.refund(purchase.id, { idempotencyKey: 'refund-1' })).toEqual(refunded);
    expect(sent).toMatchObject([{ method: 'POST', path: `/v1/purchases/${purchase.id}/refund`, body: undefined }]);
    expect(sent[0]?.headers.get('idempotency-key')).toBe('refund-1');
  });

  it('list filters by customer in the query', async () => {
    const page = listOf('/v1/purchases', [purchase]);
    const sent = api.reply('get', '/v1/purchases', page);
    expect(await nozle().purchases.list({ customer: 'user/42', limit: 100 })).toEqual(page);
    expect(sent[0]?.query).toEqual({ customer: 'user/42', limit: '100' });
  });
});
