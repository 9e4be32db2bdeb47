// The rule itself (allowed, limits, credits, values) is @nozle/openapi's checkAnswer, tested with
// a table in openapi/test/access.test.ts; here, what local mode adds.
import { describe, expect, it } from 'vitest';
import type { Entitlement, Entitlements } from '../entitlements.js';
import { answerLocally, isFresh } from './answer.js';

const snapshot = (features: Record<string, Entitlement>, validUntil: number | null = null): Entitlements => ({
  object: 'entitlements',
  customer: 'cus_1',
  external_id: 'user_1',
  version: 4,
  computed: 1_700_000_000,
  valid_until: validUntil,
  features,
});

describe('answerLocally', () => {
  it('allows a boolean feature the customer has, answering for the customer id', () => {
    const answer = answerLocally(snapshot({ export: { feature: 'export', type: 'boolean', allowed: true, reason: null, source: null } }), 'export', 1);
    expect(answer).toEqual({ object: 'check', customer: 'cus_1', feature: 'export', version: 4, allowed: true, reason: null, type: 'boolean' });
  });

  it('has no answer for a feature the snapshot lacks, own keys only (the API knows not_found from no_access)', () => {
    expect(answerLocally(snapshot({}), 'brand_new', 1)).toBeUndefined();
    expect(answerLocally(snapshot({}), 'constructor', 1)).toBeUndefined();
    expect(answerLocally(snapshot({}), '__proto__', 1)).toBeUndefined();
  });

  it("returns a config feature's value as a copy the caller may change", () => {
    const held = snapshot({ seats: { feature: 'seats', type: 'config', allowed: true, reason: null, source: null, value: { seats: 5 } } });
    const answer = answerLocally(held, 'seats', 1);
    expect(answer).toMatchObject({ allowed: true, type: 'config', value: { seats: 5 } });
    (answer!.value as { seats: number }).seats = 6;
    expect(held.features.seats!.value).toEqual({ seats: 5 });
  });

  it('answers a credit requirement as the server does', () => {
    const held: Entitlements = {
      ...snapshot({ export: { feature: 'export', type: 'boolean', allowed: true, reason: null, source: null } }),
      credits: { usd: 499 },
    };
    expect(answerLocally(held, 'export', 1, { currency: 'usd', amount: 500 })).toEqual({
      object: 'check',
      customer: 'cus_1',
      feature: 'export',
      version: 4,
      allowed: false,
      reason: 'insufficient_credits',
      type: 'boolean',
      credits: { currency: 'usd', amount: 500, balance: 499 },
    });
  });
});

describe('isFresh', () => {
  it('keeps a snapshot without valid_until, and one until the second it names', () => {
    expect(isFresh(snapshot({}, null), Date.now())).toBe(true);
    expect(isFresh(snapshot({}, 1_700_000_100), 1_700_000_099_999)).toBe(true);
    expect(isFresh(snapshot({}, 1_700_000_100), 1_700_000_100_000)).toBe(false);
  });
});
