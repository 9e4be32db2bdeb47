import { describe, expect, it } from 'vitest';
import type { Entitlement, Entitlements } from '../entitlements.js';
import { answerLocally, hasRoom, isFresh } from './answer.js';

const snapshot = (features: Record<string, Entitlement>, validUntil: number | null = null): Entitlements => ({
  object: 'entitlements',
  customer: 'cus_1',
  external_id: 'user_1',
  version: 4,
  computed: 1_700_000_000,
  valid_until: validUntil,
  features,
});

const metered = (limit: number | null, used: number, overage = false): Entitlement => ({
  feature: 'tokens',
  type: 'metered',
  allowed: true,
  reason: null,
  source: { type: 'subscription', id: 'sub_1', plan: 'pro' },
  limit,
  used,
  remaining: limit === null ? null : Math.max(limit - used, 0),
  reset: 'month',
  overage,
  period_start: 1_700_000_000,
  resets_at: 1_702_592_000,
});

// The cases of the server's answerCheck tests (server/src/entitlements/check.test.ts).
describe('answerLocally', () => {
  it('allows a boolean feature the customer has, answering for the customer id', () => {
    const answer = answerLocally(snapshot({ export: { feature: 'export', type: 'boolean', allowed: true, reason: null, source: null } }), 'export', 1);
    expect(answer).toEqual({ object: 'check', customer: 'cus_1', feature: 'export', version: 4, allowed: true, reason: null, type: 'boolean' });
  });

  it.each([
    ['no_access', { feature: 'export', type: 'boolean', allowed: false, reason: 'no_access', source: null }],
    ['revoked', { feature: 'export', type: 'boolean', allowed: false, reason: 'revoked', source: { type: 'grant', id: 'grt_1' } }],
  ] as const)('refuses with %s when the snapshot says so', (reason, feature) => {
    expect(answerLocally(snapshot({ export: { ...feature } }), 'export', 1)).toEqual({
      object: 'check',
      customer: 'cus_1',
      feature: 'export',
      version: 4,
      allowed: false,
      reason,
      type: 'boolean',
    });
  });

  it('has no answer for a feature the snapshot lacks, own keys only (the API knows not_found from no_access)', () => {
    expect(answerLocally(snapshot({}), 'brand_new', 1)).toBeUndefined();
    expect(answerLocally(snapshot({}), 'constructor', 1)).toBeUndefined();
    expect(answerLocally(snapshot({}), '__proto__', 1)).toBeUndefined();
  });

  it.each([
    { name: 'room left', limit: 10, used: 9, quantity: 1, overage: false, allowed: true },
    { name: 'exactly full after this use', limit: 10, used: 5, quantity: 5, overage: false, allowed: true },
    { name: 'one unit too many', limit: 10, used: 10, quantity: 1, overage: false, allowed: false },
    { name: 'a big quantity', limit: 10, used: 0, quantity: 11, overage: false, allowed: false },
    { name: 'over the limit but overage allowed', limit: 10, used: 10, quantity: 5, overage: true, allowed: true },
    { name: 'unlimited', limit: null, used: 1e9, quantity: 1e6, overage: false, allowed: true },
    { name: 'quantity 0 at the limit (a peek)', limit: 10, used: 10, quantity: 0, overage: false, allowed: true },
  ])('metered: $name', ({ limit, used, quantity, overage, allowed }) => {
    expect(hasRoom(limit, used, quantity, overage)).toBe(allowed);
    const answer = answerLocally(snapshot({ tokens: metered(limit, used, overage) }), 'tokens', quantity);
    expect(answer).toEqual({
      object: 'check',
      customer: 'cus_1',
      feature: 'tokens',
      version: 4,
      allowed,
      reason: allowed ? null : 'limit_reached',
      type: 'metered',
      limit,
      used,
      remaining: limit === null ? null : Math.max(limit - used, 0),
      resets_at: 1_702_592_000,
      overage,
    });
  });

  it('fills in a metered feature the customer lacks the way the server does', () => {
    const lacking: Entitlement = { feature: 'tokens', type: 'metered', allowed: false, reason: 'no_access', source: null };
    expect(answerLocally(snapshot({ tokens: lacking }), 'tokens', 1)).toMatchObject({
      allowed: false,
      reason: 'no_access',
      limit: null,
      used: 0,
      remaining: null,
      resets_at: null,
      overage: false,
    });
  });

  it("returns a config feature's value as a copy the caller may change", () => {
    const held = snapshot({ seats: { feature: 'seats', type: 'config', allowed: true, reason: null, source: null, value: { seats: 5 } } });
    const answer = answerLocally(held, 'seats', 1);
    expect(answer).toMatchObject({ allowed: true, type: 'config', value: { seats: 5 } });
    (answer!.value as { seats: number }).seats = 6;
    expect(held.features.seats!.value).toEqual({ seats: 5 });
  });
});

describe('isFresh', () => {
  it('keeps a snapshot without valid_until, and one until the second it names', () => {
    expect(isFresh(snapshot({}, null), Date.now())).toBe(true);
    expect(isFresh(snapshot({}, 1_700_000_100), 1_700_000_099_999)).toBe(true);
    expect(isFresh(snapshot({}, 1_700_000_100), 1_700_000_100_000)).toBe(false);
  });
});

describe('answerLocally with a credit requirement (as the server answers)', () => {
  const held = (credits: Record<string, number>): Entitlements => ({
    ...snapshot({ export: { feature: 'export', type: 'boolean', allowed: true, reason: null, source: null } }),
    credits,
  });

  it.each([
    { balance: 499, allowed: false },
    { balance: 500, allowed: true },
    { balance: 501, allowed: true },
  ])('balance $balance against 500', ({ balance, allowed }) => {
    expect(answerLocally(held({ usd: balance }), 'export', 1, { currency: 'usd', amount: 500 })).toEqual({
      object: 'check',
      customer: 'cus_1',
      feature: 'export',
      version: 4,
      allowed,
      reason: allowed ? null : 'insufficient_credits',
      type: 'boolean',
      credits: { currency: 'usd', amount: 500, balance },
    });
  });

  it('counts another currency as none, and answers a refused feature first', () => {
    expect(answerLocally(held({ eur: 9_000 }), 'export', 1, { currency: 'usd', amount: 1 })).toMatchObject({ allowed: false, reason: 'insufficient_credits' });
    const full = { ...snapshot({ tokens: metered(10, 10) }), credits: {} };
    expect(answerLocally(full, 'tokens', 1, { currency: 'usd', amount: 1 })).toMatchObject({ allowed: false, reason: 'limit_reached' });
  });
});
