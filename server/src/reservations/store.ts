// SQL for reservations: the holds of a customer's metered features, and how each one settled.
import type { Queryable } from '../db/database.js';
import type { HeldReservations } from '../entitlements/snapshots.js';
import { notFound } from '../http/errors.js';
import { newId } from '../ids.js';

export interface ReservationRow {
  id: string;
  customer_id: string;
  feature_key: string;
  quantity: number;
  status: 'held' | 'committed' | 'released';
  committed_quantity: number | null;
  expires_at: Date;
  created_at: Date;
}

interface RawRow extends Omit<ReservationRow, 'quantity' | 'committed_quantity'> {
  // bigint columns may arrive as text.
  quantity: number | string;
  committed_quantity: number | string | null;
}

const COLUMNS = 'id, customer_id, feature_key, quantity, status, committed_quantity, expires_at, created_at';

const toRow = (raw: RawRow): ReservationRow => ({
  ...raw,
  quantity: Number(raw.quantity),
  committed_quantity: raw.committed_quantity === null ? null : Number(raw.committed_quantity),
});

interface NewReservation {
  customerId: string;
  feature: string;
  quantity: number;
  expiresAt: Date;
}

export async function insertReservation(db: Queryable, projectId: string, fields: NewReservation, now: Date): Promise<ReservationRow> {
  const { rows } = await db.query<RawRow>(
    `insert into reservations (id, project_id, customer_id, feature_key, quantity, status, expires_at, created_at)
     values ($1, $2, $3, $4, $5, 'held', $6, $7) returning ${COLUMNS}`,
    [newId('rsv'), projectId, fields.customerId, fields.feature, fields.quantity, fields.expiresAt, now],
  );
  return toRow(rows[0]!);
}

export async function findReservation(db: Queryable, projectId: string, id: string): Promise<ReservationRow> {
  const { rows } = await db.query<RawRow>(`select ${COLUMNS} from reservations where project_id = $1 and id = $2`, [projectId, id]);
  if (!rows[0]) throw notFound('reservation', id, 'reservation');
  return toRow(rows[0]);
}

/** Settles a held reservation: committed with what was recorded, or released (committedQuantity null). */
export async function settleReservation(db: Queryable, id: string, committedQuantity: number | null, now: Date): Promise<ReservationRow> {
  const { rows } = await db.query<RawRow>(
    `update reservations set status = $2, committed_quantity = $3, settled_at = $4 where id = $1 and status = 'held' returning ${COLUMNS}`,
    [id, committedQuantity === null ? 'released' : 'committed', committedQuantity, now],
  );
  // Callers hold the customer's lock and saw it held.
  if (!rows[0]) throw new Error(`reservation ${id} was not held`);
  return toRow(rows[0]);
}

/** What the customer's reservations hold at `now`: those held whose expiry is still ahead (SnapshotInputs.reserved). */
export async function heldReservations(db: Queryable, customerId: string, now: Date): Promise<HeldReservations> {
  const { rows } = await db.query<{ feature_key: string; held: number | string; next_expiry: Date }>(
    `select feature_key, sum(quantity) as held, min(expires_at) as next_expiry from reservations
     where customer_id = $1 and status = 'held' and expires_at > $2 group by feature_key`,
    [customerId, now],
  );
  let nextExpiry: Date | null = null;
  for (const row of rows) if (!nextExpiry || row.next_expiry < nextExpiry) nextExpiry = row.next_expiry;
  return { byFeature: new Map(rows.map((row) => [row.feature_key, Number(row.held)])), nextExpiry };
}
