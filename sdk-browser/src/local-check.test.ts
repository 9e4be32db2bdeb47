import { describe, expect, it } from 'vitest';
import { localCheck } from './local-check.js';
import type { Entitlement, Entitlements } from './types.js';

const entry = (feature: string, fields: Partial<Entitlement>): Entitlement => ({
  feature,
  type: 'boolean',
  allowed: true,
  reason: null,
  source: null,
  ...fields,
});

const snapshot: Entitlements = {
  object: 'entitlements',
  customer: 'cus_1',
  external_id: null,
  version: 3,
  computed: 1_700_000_000,
  valid_until: null,
  features: {
    export: entry('export', {}),
    sso: entry('sso', { allowed: false, reason: 'no_access' }),
    beta: entry('beta', { allowed: false, reason: 'revoked' }),
    legacy: entry('legacy', { allowed: false, reason: null }),
    seats: entry('seats', { type: 'metered', limit: 5, used: 4, remaining: 1, resets_at: 1_700_086_400 }),
    full: entry('full', { type: 'metered', limit: 5, used: 5, remaining: 0, resets_at: null }),
    api_calls: entry('api_calls', { type: 'metered', limit: 100, used: 100, remaining: 0, overage: true }),
    unlimited: entry('unlimited', { type: 'metered', limit: null, used: 10_000 }),
    bare_meter: entry('bare_meter', { type: 'metered' }),
    theme: entry('theme', { type: 'config', value: { color: 'blue' } }),
    locked_theme: entry('locked_theme', { type: 'config', allowed: false, reason: 'no_access' }),
  },
};

describe('localCheck()', () => {
  it.each([
    ['a granted boolean', 'export', 1, { allowed: true, reason: null }],
    ['a feature without access', 'sso', 1, { allowed: false, reason: 'no_access' }],
    ['a revoked feature', 'beta', 1, { allowed: false, reason: 'revoked' }],
    ['a refusal without a reason', 'legacy', 1, { allowed: false, reason: 'no_access' }],
    ['a feature the snapshot does not name', 'nope', 1, { allowed: false, reason: 'not_found' }],
    ['an inherited property name', 'constructor', 1, { allowed: false, reason: 'not_found' }],
    ['metered with room for 1', 'seats', 1, { allowed: true, reason: null, limit: 5, used: 4, remaining: 1, resets_at: 1_700_086_400 }],
    ['metered without room for 2', 'seats', 2, { allowed: false, reason: 'limit_reached', limit: 5, used: 4, remaining: 1, resets_at: 1_700_086_400 }],
    ['metered at its limit', 'full', 1, { allowed: false, reason: 'limit_reached', limit: 5, used: 5, remaining: 0, resets_at: null }],
    ['metered at its limit, quantity 0', 'full', 0, { allowed: true, reason: null, limit: 5, used: 5, remaining: 0, resets_at: null }],
    ['metered past its limit with overage', 'api_calls', 50, { allowed: true, reason: null, limit: 100, used: 100, remaining: 0, resets_at: null }],
    ['metered without a limit', 'unlimited', 1_000_000, { allowed: true, reason: null, limit: null, used: 10_000, remaining: null, resets_at: null }],
    ['metered with no numbers (unlimited)', 'bare_meter', 1, { allowed: true, reason: null, limit: null, used: 0, remaining: null, resets_at: null }],
    ['a config feature', 'theme', 1, { allowed: true, reason: null, value: { color: 'blue' } }],
    ['a config feature without access', 'locked_theme', 1, { allowed: false, reason: 'no_access', value: null }],
  ] as const)('answers %s', (_label, feature, quantity, expected) => {
    expect(localCheck(snapshot, feature, quantity)).toEqual(expected);
  });

  it('uses quantity 1 by default', () => {
    expect(localCheck(snapshot, 'full').reason).toBe('limit_reached');
    expect(localCheck(snapshot, 'seats').allowed).toBe(true);
  });

  it('answers loading while no snapshot is held, whatever the feature', () => {
    expect(localCheck(null, 'export')).toEqual({ allowed: false, reason: 'loading' });
    expect(localCheck(null, 'nope')).toEqual({ allowed: false, reason: 'loading' });
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses quantity %s', (quantity) => {
    expect(() => localCheck(snapshot, 'seats', quantity)).toThrow(TypeError);
  });
});
