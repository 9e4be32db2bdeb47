// A customer's entitlements as one versioned snapshot: built from the engine's result, stored
// with a version that grows in the same transaction as the change that caused it.
import type { components } from '@nozle/openapi';
import { unixSeconds } from '../clock.js';
import type { Queryable } from '../db/database.js';
import { lockCustomer } from '../customers/store.js';
import { creditBalances } from '../billing/credits-store.js';
import { usedInCurrentPeriods } from '../usage/used.js';
import { computeEntitlements } from './engine.js';
import { loadEngineInput } from './sources.js';
import type { EngineResult, FeatureEntitlement } from './types.js';

export type Snapshot = components['schemas']['Entitlements'];
export type SnapshotFeature = components['schemas']['Entitlement'];

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

export function toSnapshotFeature(entitlement: FeatureEntitlement, used: number): SnapshotFeature {
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
    out.remaining = limit === null ? null : Math.max(limit - used, 0);
    if (entitlement.reset !== undefined) out.reset = entitlement.reset;
    if (entitlement.overage !== undefined) out.overage = entitlement.overage;
    if (entitlement.periodStart) out.period_start = unixSeconds(entitlement.periodStart);
    if (entitlement.resetsAt !== undefined) out.resets_at = entitlement.resetsAt ? unixSeconds(entitlement.resetsAt) : null;
  }
  if (entitlement.type === 'config') out.value = entitlement.value ?? null;
  return out;
}

export function buildSnapshot(
  customer: { id: string; externalId: string | null },
  version: number,
  now: Date,
  result: EngineResult,
  used: UsedByFeature = new Map(),
  credits: Record<string, number> = {},
): Snapshot {
  return {
    object: 'entitlements',
    customer: customer.id,
    external_id: customer.externalId,
    version,
    computed: unixSeconds(now),
    // Whole seconds like every time in the API (caches use the exact instant, validUntilMs).
    valid_until: result.validUntil ? unixSeconds(result.validUntil) : null,
    features: Object.fromEntries(
      Object.entries(result.features).map(([key, value]) => [key, toSnapshotFeature(value, used.get(key) ?? 0)]),
    ),
    credits,
  };
}

/** Runs the engine over the customer's sources as they are in this transaction. */
export async function computeForCustomer(tx: Queryable, projectId: string, customerId: string, now: Date, pastDueGraceMs: number): Promise<EngineResult> {
  return computeEntitlements(await loadEngineInput(tx, projectId, customerId, now, pastDueGraceMs));
}

/**
 * Recomputes and stores the customer's snapshot at the next version. Call it inside the
 * transaction of the change; it locks the customer's row so concurrent changes take turns.
 */
export async function recomputeSnapshot(
  tx: Queryable,
  projectId: string,
  customerId: string,
  now: Date,
  pastDueGraceMs: number,
): Promise<StoredSnapshot> {
  await lockCustomer(tx, customerId);
  return storeSnapshot(tx, projectId, customerId, now, await computeForCustomer(tx, projectId, customerId, now, pastDueGraceMs));
}

/** Stores `result` (with the usage counted so far) as the customer's next version. The customer must be locked. */
export async function storeSnapshot(tx: Queryable, projectId: string, customerId: string, now: Date, result: EngineResult): Promise<StoredSnapshot> {
  const used = await usedInCurrentPeriods(tx, projectId, customerId, result);
  // A balance changes when a grant expires, so the snapshot is valid until the next expiry at most.
  const { balances, nextExpiry } = await creditBalances(tx, customerId, now);
  if (nextExpiry && (!result.validUntil || nextExpiry < result.validUntil)) result = { ...result, validUntil: nextExpiry };
  const { rows } = await tx.query<{ version: number | null; external_id: string | null }>(
    `select s.version, c.external_id from customers c left join entitlement_snapshots s on s.customer_id = c.id where c.id = $1`,
    [customerId],
  );
  const version = (rows[0]?.version ?? 0) + 1;
  const snapshot = buildSnapshot({ id: customerId, externalId: rows[0]?.external_id ?? null }, version, now, result, used, balances);
  await tx.query(
    `insert into entitlement_snapshots (customer_id, project_id, version, snapshot, valid_until, computed_at)
     values ($1, $2, $3, $4, $5, $6)
     on conflict (customer_id) do update
       set version = excluded.version, snapshot = excluded.snapshot, valid_until = excluded.valid_until, computed_at = excluded.computed_at`,
    [customerId, projectId, version, JSON.stringify(snapshot), result.validUntil, now],
  );
  return { projectId, snapshot, validUntilMs: result.validUntil?.getTime() ?? null, computedAtMs: now.getTime() };
}

/** Marks every snapshot of the project stale (a meter tie changed what `used` means). */
export async function expireSnapshots(db: Queryable, projectId: string): Promise<void> {
  await db.query("update entitlement_snapshots set valid_until = 'epoch' where project_id = $1", [projectId]);
}

export async function readStoredSnapshot(db: Queryable, projectId: string, customerId: string): Promise<StoredSnapshot | undefined> {
  const { rows } = await db.query<{ snapshot: Snapshot; valid_until: Date | null; computed_at: Date }>(
    'select snapshot, valid_until, computed_at from entitlement_snapshots where project_id = $1 and customer_id = $2',
    [projectId, customerId],
  );
  const row = rows[0];
  return row && { projectId, snapshot: row.snapshot, validUntilMs: row.valid_until?.getTime() ?? null, computedAtMs: row.computed_at.getTime() };
}
