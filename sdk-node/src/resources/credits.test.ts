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
});
