// Cheap reads of where customers' snapshots stand in the database (version and expiry, never
// the snapshot itself): what a cache checks its copies against after it may have missed changes.
import type { Queryable } from '../db/database.js';

export interface SnapshotVersion {
  projectId: string;
  customerId: string;
  version: number;
  validUntilMs: number | null;
}

interface Row {
  project_id: string;
  customer_id: string;
  version: string | number;
  valid_until: Date | null;
}

const toVersion = (row: Row): SnapshotVersion => ({
  projectId: row.project_id,
  customerId: row.customer_id,
  version: Number(row.version),
  validUntilMs: row.valid_until?.getTime() ?? null,
});

/** The stored versions of these customers (one query; a customer without a snapshot is absent). */
export async function snapshotVersions(db: Queryable, customerIds: readonly string[]): Promise<SnapshotVersion[]> {
  if (customerIds.length === 0) return [];
  const { rows } = await db.query<Row>('select project_id, customer_id, version, valid_until from entitlement_snapshots where customer_id = any($1::text[])', [
    customerIds,
  ]);
  return rows.map(toVersion);
}

/** Every snapshot written at or after `since` (its writer's clock): the changes a gap may have hidden. */
export async function snapshotsWrittenSince(db: Queryable, since: Date): Promise<SnapshotVersion[]> {
  const { rows } = await db.query<Row>('select project_id, customer_id, version, valid_until from entitlement_snapshots where computed_at >= $1', [since]);
  return rows.map(toVersion);
}
