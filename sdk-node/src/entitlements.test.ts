import { describe, expect, expectTypeOf, it } from 'vitest';
import { customer } from '../test/fixtures.js';
import { mockApi, nozle } from '../test/mock-api.js';
import type { Check, Entitlements } from './index.js';

const api = mockApi();

const answer: Check = {
  object: 'check',
  customer: customer.id,
  feature: 'exports',
  allowed: false,
  reason: 'limit_reached',
  version: 7,
  type: 'metered',
  limit: 100,
  used: 99,
  remaining: 1,
  resets_at: 1_702_592_000,
  overage: false,
};

describe('nozle.can()', () => {
  it('posts customer, feature and quantity to /v1/check and returns the answer', async () => {
    const sent = api.reply('post', '/v1/check', answer);
    const check = await nozle().can('user/42', 'exports', { quantity: 3 });
    expectTypeOf(check).toEqualTypeOf<Check>();
    expect(check).toEqual(answer);
    expect(sent).toMatchObject([{ method: 'POST', path: '/v1/check', body: { customer: 'user/42', feature: 'exports', quantity: 3 } }]);
  });

  it('leaves quantity out when none is given, so the server counts 1', async () => {
    const sent = api.reply('post', '/v1/check', { ...answer, allowed: true, reason: null });
    expect((await nozle().can(customer.id, 'exports')).allowed).toBe(true);
    expect(sent[0]?.body).toEqual({ customer: customer.id, feature: 'exports' });
  });
});

describe('nozle.entitlements()', () => {
  it('reads the snapshot from the customer’s entitlements, URL-encoding the external_id', async () => {
    const snapshot: Entitlements = {
      object: 'entitlements',
      customer: customer.id,
      external_id: customer.external_id,
      version: 7,
      computed: 1_700_000_000,
      valid_until: null,
      features: {
        exports: {
          feature: 'exports',
          type: 'metered',
          allowed: true,
          reason: null,
          source: { type: 'subscription', id: 'sub_1a2b3c', plan: 'pro' },
          limit: 100,
          used: 12,
          remaining: 88,
        },
      },
    };
    const sent = api.reply('get', '/v1/customers/:customer/entitlements', snapshot);
    expect(await nozle().entitlements('user/42')).toEqual(snapshot);
    expect(sent).toMatchObject([{ method: 'GET', path: '/v1/customers/user%2F42/entitlements' }]);
  });
});
