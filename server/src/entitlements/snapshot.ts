// A customer's entitlements as one versioned snapshot, built from the engine's result (pure:
// snapshots.ts computes and stores them, snapshot-rows.ts holds the SQL).
import type { components } from '@nozle/openapi';
import { unixSeconds } from '../clock.js';
import type { EngineResult, FeatureEntitlement, FeatureType } from './types.js';

export type Snapshot = components['schemas']['Entitlements'];
export type SnapshotFeature = components['schemas']['Entitlement'];
/** An alert the customer has reached, as its snapshot lists it. */
export type ReachedAlert = components['schemas']['ReachedAlert'];

/** A snapshot with the exact instant it must be recomputed (the API shows whole seconds). */
export interface StoredSnapshot {
  projectId: string;
  snapshot: Snapshot;
  validUntilMs: number | null;
  /** When it was computed, exactly (a project-wide change makes older ones stale). */
  computedAtMs: number;
}

/** `used`, per metered feature key, in its current period (features without a meter use nothing). */
export type UsedByFeature = ReadonlyMap<string, number>;
/** Units held by reservations, per metered feature key (absent: none held). */
export type ReservedByFeature = ReadonlyMap<string, number>;

function toSnapshotFeature(entitlement: FeatureEntitlement, used: number, reserved: number): SnapshotFeature {
  const source = entitlement.source;
  const out: SnapshotFeature = {
    feature: entitlement.feature,
    type: entitlement.type,
    allowed: entitlement.access,
    reason: entitlement.reason,
    source: source === null ? null : source.kind === 'grant' ? { type: 'grant', id: source.id } : { type: source.kind, id: source.id, plan: source.plan },
  };
  if (entitlement.type === 'metered' && entitlement.access) {
    const limit = entitlement.limit ?? null;
    out.limit = limit;
    out.used = used;
    // Shown only while something is held, so a project without reservations sees no change.
    if (reserved > 0) out.reserved = reserved;
    out.remaining = limit === null ? null : Math.max(limit - used - reserved, 0);
    if (entitlement.reset !== undefined) out.reset = entitlement.reset;
    if (entitlement.overage !== undefined) out.overage = entitlement.overage;
    if (entitlement.periodStart) out.period_start = unixSeconds(entitlement.periodStart);
    if (entitlement.resetsAt !== undefined) out.resets_at = entitlement.resetsAt ? unixSeconds(entitlement.resetsAt) : null;
  }
  if (entitlement.type === 'config') out.value = entitlement.value ?? null;
  return out;
}

/** What the snapshot becomes at its valid_until (`result` is the engine's answer at that instant). */
export type SnapshotUpcoming = NonNullable<Snapshot['upcoming']>;

export function buildUpcoming(
  result: EngineResult,
  used: UsedByFeature,
  credits: Record<string, number>,
  reserved: ReservedByFeature = new Map(),
): SnapshotUpcoming {
  return { valid_until: result.validUntil ? unixSeconds(result.validUntil) : null, features: snapshotFeatures(result, used, reserved), credits };
}

function snapshotFeatures(result: EngineResult, used: UsedByFeature, reserved: ReservedByFeature): Snapshot['features'] {
  return Object.fromEntries(Object.entries(result.features).map(([key, value]) => [key, toSnapshotFeature(value, used.get(key) ?? 0, reserved.get(key) ?? 0)]));
}

export function buildSnapshot(
  customer: { id: string; externalId: string | null },
  version: number,
  now: Date,
  result: EngineResult,
  used: UsedByFeature = new Map(),
  credits: Record<string, number> = {},
  upcoming?: SnapshotUpcoming,
  reserved: ReservedByFeature = new Map(),
): Snapshot {
  const snapshot: Snapshot = {
    object: 'entitlements',
    customer: customer.id,
    external_id: customer.externalId,
    version,
    computed: unixSeconds(now),
    // Whole seconds like every time in the API (caches use the exact instant, validUntilMs).
    valid_until: result.validUntil ? unixSeconds(result.validUntil) : null,
    features: snapshotFeatures(result, used, reserved),
    credits,
  };
  // Only with a valid_until: there is no instant to switch at otherwise.
  if (upcoming && snapshot.valid_until !== null) snapshot.upcoming = upcoming;
  return snapshot;
}

/**
 * Features created after the snapshot was computed are in no plan or grant of this customer
 * yet (adding one would have recomputed it), so they are shown as `no_access`.
 */
export function withWholeCatalog(snapshot: Snapshot, catalog: ReadonlyMap<string, FeatureType>): Snapshot {
  const features = wholeCatalog(snapshot.features, catalog);
  const upcoming = snapshot.upcoming && { ...snapshot.upcoming, features: wholeCatalog(snapshot.upcoming.features, catalog) };
  if (features === snapshot.features && upcoming?.features === snapshot.upcoming?.features) return snapshot;
  return upcoming ? { ...snapshot, features, upcoming } : { ...snapshot, features };
}

function wholeCatalog(features: Snapshot['features'], catalog: ReadonlyMap<string, FeatureType>): Snapshot['features'] {
  const missing = [...catalog].filter(([key]) => !(key in features));
  if (missing.length === 0) return features;
  const added = missing.map(([feature, type]): [string, SnapshotFeature] => [feature, { feature, type, allowed: false, reason: 'no_access', source: null }]);
  return { ...features, ...Object.fromEntries(added) };
}
