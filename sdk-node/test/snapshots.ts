// Snapshots for local mode's tests.
import type { Entitlement, Entitlements } from '../src/index.js';

/** A boolean feature the customer has. */
export const on = (feature: string): Entitlement => ({ feature, type: 'boolean', allowed: true, reason: null, source: null });

/** A metered feature with room for `limit - used` more units. */
export const metered = (feature: string, limit: number | null, used: number, overage = false): Entitlement => ({
  feature,
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

/** A snapshot of `customer` at `version`, with the given features. */
export function snapshotOf(customer: string, version: number, features: Entitlement[] = [], extra: Partial<Entitlements> = {}): Entitlements {
  return {
    object: 'entitlements',
    customer,
    external_id: null,
    version,
    computed: 1_700_000_000 + version,
    valid_until: null,
    features: Object.fromEntries(features.map((entitlement) => [entitlement.feature, entitlement])),
    ...extra,
  };
}
