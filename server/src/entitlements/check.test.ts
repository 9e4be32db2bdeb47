import { describe, expect, it } from 'vitest';
import { answerCheck, hasRoom } from './check.js';
import type { Snapshot, SnapshotFeature } from './snapshot.js';

const snapshot = (features: Record<string, SnapshotFeature>): Snapshot => ({
  object: 'entitlements',
  customer: 'cus_1',
  external_id: null,
  version: 4,
  computed: 1_700_000_000,
  valid_until: null,
  features,
});

const metered = (limit: number | null, used: number, overage = false): SnapshotFeature => ({
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

describe('answerCheck', () => {
  it('allows a boolean feature the customer has', () => {
    const answer = answerCheck(snapshot({ export: { feature: 'export', type: 'boolean', allowed: true, reason: null, source: null } }), 'export', 1, true);
    expect(answer).toEqual({ object: 'check', customer: 'cus_1', feature: 'export', version: 4, allowed: true, reason: null, type: 'boolean' });
  });

  it.each([
    ['no_access', { feature: 'export', type: 'boolean', allowed: false, reason: 'no_access', source: null }],
    ['revoked', { feature: 'export', type: 'boolean', allowed: false, reason: 'revoked', source: { type: 'grant', id: 'grt_1' } }],
  ] as const)('refuses with %s when the snapshot says so', (reason, feature) => {
    expect(answerCheck(snapshot({ export: { ...feature } }), 'export', 1, true)).toMatchObject({ allowed: false, reason });
  });

  it('says not_found for a key the catalog does not have, and no_access for one created after the snapshot', () => {
    expect(answerCheck(snapshot({}), 'nope', 1, false)).toMatchObject({ allowed: false, reason: 'not_found' });
    expect(answerCheck(snapshot({}), 'brand_new', 1, true)).toMatchObject({ allowed: false, reason: 'no_access' });
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
    const answer = answerCheck(snapshot({ tokens: metered(limit, used, overage) }), 'tokens', quantity, true);
    expect(answer.allowed).toBe(allowed);
    expect(answer.reason).toBe(allowed ? null : 'limit_reached');
    expect(answer).toMatchObject({ limit, used, resets_at: 1_702_592_000, overage });
  });

  it('returns a config feature\'s value', () => {
    const answer = answerCheck(
      snapshot({ seats: { feature: 'seats', type: 'config', allowed: true, reason: null, source: null, value: { seats: 5 } } }),
      'seats',
      1,
      true,
    );
    expect(answer).toMatchObject({ allowed: true, value: { seats: 5 } });
  });
});

describe('answerCheck with a credit requirement', () => {
  const withCredits = (credits: Record<string, number>): Snapshot => ({
    ...snapshot({ export: { feature: 'export', type: 'boolean', allowed: true, reason: null, source: null } }),
    credits,
  });

  it.each([
    { name: 'below the balance', balances: { usd: 499 }, amount: 500, allowed: false },
    { name: 'exactly the balance', balances: { usd: 500 }, amount: 500, allowed: true },
    { name: 'above the balance', balances: { usd: 501 }, amount: 500, allowed: true },
    { name: 'no balance in that currency', balances: { eur: 10_000 }, amount: 1, allowed: false },
    { name: 'no credit at all, requiring 0', balances: {}, amount: 0, allowed: true },
  ] as Array<{ name: string; balances: Record<string, number>; amount: number; allowed: boolean }>)('$name', ({ balances, amount, allowed }) => {
    const answer = answerCheck(withCredits(balances), 'export', 1, true, { currency: 'usd', amount });
    expect(answer).toMatchObject({ allowed, reason: allowed ? null : 'insufficient_credits' });
    expect(answer.credits).toEqual({ currency: 'usd', amount, balance: balances.usd ?? 0 });
  });

  it('answers the feature\'s own refusal first', () => {
    const refused = { ...withCredits({}), features: { export: { feature: 'export', type: 'boolean' as const, allowed: false, reason: 'no_access' as const, source: null } } };
    expect(answerCheck(refused, 'export', 1, true, { currency: 'usd', amount: 1 })).toMatchObject({ allowed: false, reason: 'no_access' });
    const full = { ...snapshot({ tokens: metered(10, 10) }), credits: { usd: 0 } };
    expect(answerCheck(full, 'tokens', 1, true, { currency: 'usd', amount: 1 })).toMatchObject({ allowed: false, reason: 'limit_reached' });
  });

  it('reads a snapshot without credits (an older one) as a zero balance', () => {
    expect(answerCheck(snapshot({ export: { feature: 'export', type: 'boolean', allowed: true, reason: null, source: null } }), 'export', 1, true, { currency: 'usd', amount: 1 }))
      .toMatchObject({ allowed: false, reason: 'insufficient_credits', credits: { balance: 0 } });
  });
});
