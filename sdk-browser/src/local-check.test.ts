// The rule itself (refusals, limits, overage) is @nozle/openapi's checkAnswer, tested with a table
// in openapi/test/access.test.ts; here, the browser's shape of it, `loading` and `not_found`.
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
    seats: entry('seats', { type: 'metered', limit: 5, used: 4, remaining: 1, resets_at: 1_700_086_400 }),
    full: entry('full', { type: 'metered', limit: 5, used: 5, remaining: 0, resets_at: null }),
    bare_meter: entry('bare_meter', { type: 'metered' }),
    theme: entry('theme', { type: 'config', value: { color: 'blue' } }),
    locked_theme: entry('locked_theme', { type: 'config', allowed: false, reason: 'no_access' }),
  },
};

describe('localCheck()', () => {
  it.each([
    ['a granted boolean', 'export', 1, { allowed: true, reason: null }],
    ['a feature the snapshot does not name', 'nope', 1, { allowed: false, reason: 'not_found' }],
    ['an inherited property name', 'constructor', 1, { allowed: false, reason: 'not_found' }],
    ['metered with room for 1', 'seats', 1, { allowed: true, reason: null, limit: 5, used: 4, remaining: 1, resets_at: 1_700_086_400 }],
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
