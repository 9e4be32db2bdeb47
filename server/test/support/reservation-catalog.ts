// The catalog the reservation tests share: `tokens`, metered by a sum meter, 1000 a month on `pro`.
import { expect } from 'vitest';
import type { TestApp } from './test-app.js';

export const TOKEN_LIMIT = 1000;

export async function createTokenCatalog(t: TestApp): Promise<void> {
  const post = (path: string, body: unknown) => t.call('POST', path, { body });
  expect((await post('/v1/meters', { key: 'tokens', event_name: 'completion', aggregation: 'sum', property: 'tokens' })).status).toBe(200);
  expect((await post('/v1/features', { key: 'tokens', type: 'metered', meter: 'tokens' })).status).toBe(200);
  const plan = { key: 'pro', interval: 'month', entitlements: [{ feature: 'tokens', limit: TOKEN_LIMIT, reset: 'month' }] };
  expect((await post('/v1/plans', plan)).status).toBe(200);
}

let seq = 0;
/** A new customer on `pro`: its external id. */
export async function proCustomer(t: TestApp): Promise<string> {
  const ref = `rsv_user_${++seq}`;
  expect((await t.call('POST', '/v1/customers', { body: { external_id: ref } })).status).toBe(200);
  expect((await t.call('POST', '/v1/subscriptions', { body: { customer: ref, plan: 'pro' } })).status).toBe(200);
  return ref;
}
