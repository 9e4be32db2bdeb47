// Snapshots for the browser client's tests.
import type { Entitlement, Entitlements } from '../src/index.js';

/** A snapshot of `version` for customer `cus_1`, with the given features. */
export function snapshotOf(version: number, features: Record<string, Partial<Entitlement>> = {}): Entitlements {
  return {
    object: 'entitlements',
    customer: 'cus_1',
    external_id: null,
    version,
    computed: 1_700_000_000 + version,
    valid_until: null,
    features: Object.fromEntries(
      Object.entries(features).map(([feature, entry]) => [feature, { feature, type: 'boolean', allowed: true, reason: null, source: null, ...entry }]),
    ),
  };
}
