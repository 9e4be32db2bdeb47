// SQL for the entitlement_snapshots table: one row per customer, its latest version.
import type { Queryable } from '../db/database.js';
import type { Snapshot, StoredSnapshot } from './snapshot.js';

/** The customer's current snapshot version (0 without one) and external_id, which the next version carries; its features and balances, which the next one is compared with. */
export async function snapshotHeader(
  db: Queryable,
  customerId: string,
): Promise<{ version: number; externalId: string | null; features: Snapshot['features'] | null; credits: Record<string, number> | null }> {
  const { rows } = await db.query<{
    version: number | null;
    external_id: string | null;
    features: Snapshot['features'] | null;
    credits: Record<string, number> | null;
  }>(
    `select s.version, c.external_id, s.snapshot -> 'features' as features, s.snapshot -> 'credits' as credits
     from customers c left join entitlement_snapshots s on s.customer_id = c.id where c.id = $1`,
    [customerId],
  );
  const row = rows[0];
  // A snapshot stored before balances were kept has none: nothing to compare with then.
  return {
    version: row?.version ?? 0,
    externalId: row?.external_id ?? null,
    features: row?.features ?? null,
    credits: row?.version ? (row.credits ?? null) : null,
  };
}

export async function upsertSnapshot(
  db: Queryable,
  customerId: string,
  projectId: string,
  snapshot: Snapshot,
  validUntil: Date | null,
  now: Date,
): Promise<void> {
  await db.query(
    `insert into entitlement_snapshots (customer_id, project_id, version, snapshot, valid_until, computed_at)
     values ($1, $2, $3, $4, $5, $6)
     on conflict (customer_id) do update
       set version = excluded.version, snapshot = excluded.snapshot, valid_until = excluded.valid_until, computed_at = excluded.computed_at`,
    [customerId, projectId, snapshot.version, JSON.stringify(snapshot), validUntil, now],
  );
}

/** Marks every snapshot of the project stale (a meter tie changed what `used` means). */
export async function expireSnapshots(db: Queryable, projectId: string): Promise<void> {
  await db.query("update entitlement_snapshots set valid_until = 'epoch' where project_id = $1", [projectId]);
}

/** A deleted customer's snapshot goes with it: streamed copies drop it, and no reconnect brings it back. */
export async function deleteSnapshot(db: Queryable, customerId: string): Promise<void> {
  await db.query('delete from entitlement_snapshots where customer_id = $1', [customerId]);
}

/** The customers of the project that have a snapshot, in id order (the order customers are locked in). */
export async function customersWithSnapshots(db: Queryable, projectId: string): Promise<string[]> {
  const { rows } = await db.query<{ customer_id: string }>('select customer_id from entitlement_snapshots where project_id = $1 order by customer_id', [
    projectId,
  ]);
  return rows.map((row) => row.customer_id);
}

export async function readStoredSnapshot(db: Queryable, projectId: string, customerId: string): Promise<StoredSnapshot | undefined> {
  const { rows } = await db.query<{ snapshot: Snapshot; valid_until: Date | null; computed_at: Date }>(
    'select snapshot, valid_until, computed_at from entitlement_snapshots where project_id = $1 and customer_id = $2',
    [projectId, customerId],
  );
  const row = rows[0];
  return row && { projectId, snapshot: row.snapshot, validUntilMs: row.valid_until?.getTime() ?? null, computedAtMs: row.computed_at.getTime() };
}
