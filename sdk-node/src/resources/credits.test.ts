import { describe, expect, it } from 'vitest';
import { customer } from '../../test/fixtures.js';
import { mockApi, nozle } from '../../test/mock-api.js';

const api = mockApi();

const grant = {
  id: 'crg_1a2b3c',
  object: 'credit_grant',
  customer: customer.id,
  currency: 'usd',
  amount: 5_000,
  remaining: 5_000,
  expires_at: null,
  description: 'Prepaid pack',
  purchase: null,
  revoked_at: null,
  revoked_amount: null,
  created: 1_700_000_000,
} as const;

describe('nozle.credits', () => {
  it('grant posts to the customer’s credits with the idempotency key, URL-encoding the external_id', async () => {
    const sent = api.reply('post', '/v1/customers/:customer/credits', grant);
    const params = { amount: 5_000, currency: 'usd', description: 'Prepaid pack' };
    expect(await nozle().credits.grant('user/42', params, { idempotencyKey: 'pack-1' })).toEqual(grant);
    expect(sent).toMatchObject([{ method: 'POST', path: '/v1/customers/user%2F42/credits', body: params }]);
    expect(sent[0]?.headers.get('idempotency-key')).toBe('pack-1');
  });

  it('retrieve reads the balances and grants', async () => {
    const balance = { object: 'credit_balance', customer: customer.id, balances: { usd: 5_000 }, grants: [grant] } as const;
    const sent = api.reply('get', '/v1/customers/:customer/credits', balance);
    expect(await nozle().credits.retrieve(customer.id)).toEqual(balance);
    expect(sent).toMatchObject([{ method: 'GET', path: `/v1/customers/${customer.id}/credits` }]);
  });

  it('grant refuses an empty customer before sending anything', async () => {
    await expect(nozle().credits.grant('', { amount: 1, currency: 'usd' })).rejects.toThrow(new TypeError('Nozle: `customer` must be a non-empty string.'));
  });

  const autoTopUp = {
    object: 'auto_top_up',
    customer: customer.id,
    currency: 'usd',
    enabled: true,
    threshold: 1_000,
    amount: 5_000,
    armed: true,
    last_top_up: null,
    created: 1_700_000_000,
    updated: 1_700_000_000,
  } as const;

  it('setAutoTopUp posts the terms with the idempotency key', async () => {
    const sent = api.reply('post', '/v1/customers/:customer/credits/auto_top_up', autoTopUp);
    const params = { currency: 'usd', threshold: 1_000, amount: 5_000 };
    expect(await nozle().credits.setAutoTopUp('user/42', params, { idempotencyKey: 'atu-1' })).toEqual(autoTopUp);
    expect(sent).toMatchObject([{ method: 'POST', path: '/v1/customers/user%2F42/credits/auto_top_up', body: params }]);
    expect(sent[0]?.headers.get('idempotency-key')).toBe('atu-1');
  });

  it('listAutoTopUps reads the settings, deleteAutoTopUp names the currency in the query', async () => {
    const list = { object: 'list', data: [autoTopUp], has_more: false, url: `/v1/customers/${customer.id}/credits/auto_top_up` } as const;
    const read = api.reply('get', '/v1/customers/:customer/credits/auto_top_up', list);
    expect(await nozle().credits.listAutoTopUps(customer.id)).toEqual(list);
    expect(read).toMatchObject([{ method: 'GET', path: `/v1/customers/${customer.id}/credits/auto_top_up` }]);
    const deleted = { object: 'auto_top_up', customer: customer.id, currency: 'usd', deleted: true } as const;
    const removed = api.reply('delete', '/v1/customers/:customer/credits/auto_top_up', deleted);
    expect(await nozle().credits.deleteAutoTopUp(customer.id, 'usd')).toEqual(deleted);
    expect(removed).toMatchObject([{ method: 'DELETE', path: `/v1/customers/${customer.id}/credits/auto_top_up`, query: { currency: 'usd' } }]);
  });
});
