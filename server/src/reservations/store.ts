// SQL for reservations: the holds of a customer's metered features and credit, and how each one settled.
import type { Drawdown } from '../billing/credits.js';
import type { Queryable } from '../db/database.js';
import type { HeldReservations } from '../entitlements/snapshots.js';
import { notFound } from '../http/errors.js';
import { newId } from '../ids.js';

export interface ReservationRow {
  id: string;
  customer_id: string;
  /** One of the two: a feature's units, or whole minor units of credit in `currency`. */
  feature_key: string | null;
  currency: string | null;
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

const COLUMNS = 'id, customer_id, feature_key, currency, quantity, status, committed_quantity, expires_at, created_at';

const toRow = (raw: RawRow): ReservationRow => ({
  ...raw,
  quantity: Number(raw.quantity),
  committed_quantity: raw.committed_quantity === null ? null : Number(raw.committed_quantity),
});

interface NewReservation {
  customerId: string;
  /** What is held: a feature's units, or credit in a currency. */
  hold: { feature: string } | { currency: string };
  quantity: number;
  expiresAt: Date;
}

export async function insertReservation(db: Queryable, projectId: string, fields: NewReservation, now: Date): Promise<ReservationRow> {
  const { rows } = await db.query<RawRow>(
    `insert into reservations (id, project_id, customer_id, feature_key, currency, quantity, status, expires_at, created_at)
     values ($1, $2, $3, $4, $5, $6, 'held', $7, $8) returning ${COLUMNS}`,
    [
      newId('rsv'),
      projectId,
      fields.customerId,
      'feature' in fields.hold ? fields.hold.feature : null,
      'currency' in fields.hold ? fields.hold.currency : null,
      fields.quantity,
      fields.expiresAt,
      now,
    ],
  );
  return toRow(rows[0]!);
}

export async function findReservation(db: Queryable, projectId: string, id: string): Promise<ReservationRow> {
  const { rows } = await db.query<RawRow>(`select ${COLUMNS} from reservations where project_id = $1 and id = $2`, [projectId, id]);
  if (!rows[0]) throw notFound('reservation', id, 'reservation');
  return toRow(rows[0]);
}

/** Which reservations a list reads: a customer's, in one state (`expired` and `held` split a held row by time). */
export interface ReservationFilter {
  customerId?: string;
  status?: 'held' | 'committed' | 'released' | 'expired';
}

/** A page of the project's reservations, newest first, after the row at `afterSeq`. */
export async function listReservationRows(
  db: Queryable,
  projectId: string,
  filter: ReservationFilter,
  now: Date,
  limit: number,
  afterSeq?: number,
): Promise<ReservationRow[]> {
  const values: unknown[] = [projectId, filter.customerId ?? null, afterSeq ?? null, limit];
  const where = ['project_id = $1', '($2::text is null or customer_id = $2)', '($3::bigint is null or seq < $3)'];
  // A held row past its expiry reads `expired`: the two split by time, the others by status.
  if (filter.status === 'held' || filter.status === 'expired') {
    values.push(now);
    where.push(`status = 'held'`, filter.status === 'held' ? `expires_at > $5` : `expires_at <= $5`);
  } else if (filter.status) {
    values.push(filter.status);
    where.push('status = $5');
  }
  const { rows } = await db.query<RawRow>(`select ${COLUMNS} from reservations where ${where.join(' and ')} order by seq desc limit $4`, values);
  return rows.map(toRow);
}

export async function reservationSeq(db: Queryable, projectId: string, id: string): Promise<number | undefined> {
  const { rows } = await db.query<{ seq: number | string }>('select seq from reservations where project_id = $1 and id = $2', [projectId, id]);
  return rows[0] === undefined ? undefined : Number(rows[0].seq);
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

/** What the customer's holds of one kind sum to at `now`, per feature or currency, and when the first expires. */
async function held(
  db: Queryable,
  column: 'feature_key' | 'currency',
  customerId: string,
  now: Date,
): Promise<{ by: Map<string, number>; nextExpiry: Date | null }> {
  const { rows } = await db.query<{ key: string; held: number | string; next_expiry: Date }>(
    `select ${column} as key, sum(quantity) as held, min(expires_at) as next_expiry from reservations
     where customer_id = $1 and status = 'held' and expires_at > $2 and ${column} is not null group by ${column}`,
    [customerId, now],
  );
  let nextExpiry: Date | null = null;
  for (const row of rows) if (!nextExpiry || row.next_expiry < nextExpiry) nextExpiry = row.next_expiry;
  return { by: new Map(rows.map((row) => [row.key, Number(row.held)])), nextExpiry };
}

/** What the customer's reservations of features hold at `now`: those held whose expiry is still ahead (SnapshotInputs.reserved). */
export async function heldReservations(db: Queryable, customerId: string, now: Date): Promise<HeldReservations> {
  const { by, nextExpiry } = await held(db, 'feature_key', customerId, now);
  return { byFeature: by, nextExpiry };
}

/** What the customer's reservations of credit hold at `now`, per currency (whole minor units). */
export async function heldCredits(db: Queryable, customerId: string, now: Date): Promise<{ byCurrency: Map<string, number>; nextExpiry: Date | null }> {
  const { by, nextExpiry } = await held(db, 'currency', customerId, now);
  return { byCurrency: by, nextExpiry };
}

/**
 * Draws a credit reservation's commit from the grants: each draw recorded once (the primary key
 * (reservation, grant)) and taken off the grant's `remaining`, whose check refuses an overdraft.
 */
export async function drawReservedCredit(db: Queryable, reservationId: string, drawdowns: readonly Drawdown[]): Promise<void> {
  for (const { grantId, amount } of drawdowns) {
    await db.query('insert into reservation_drawdowns (reservation_id, grant_id, amount) values ($1, $2, $3)', [reservationId, grantId, amount]);
    await db.query('update credit_grants set remaining = remaining - $2 where id = $1', [grantId, amount]);
  }
}
