// SQL for the scheduler's due work: customers whose snapshot's valid_until has passed (each
// judged by its project's clock). valid_until is the durable instant of a customer's next change
// by time alone: the engine's (a trial or grace end, a window, a usage reset, a cancel at period
// end) with the instants of the slices above folded in (Snapshots.store).
import type { Queryable } from '../db/database.js';
import { projectNowSql } from '../project-clocks.js';

export interface DueCustomer {
  projectId: string;
  customerId: string;
}

/**
 * Claims one due customer in the transaction `tx`: its row is locked (`for update skip locked`),
 * so concurrent workers on any instance each take another customer, and a customer locked by a
 * change in progress is left for that change (it recomputes the snapshot) or the next pass.
 */
export async function claimDueCustomer(tx: Queryable, baseNow: Date, projectId?: string): Promise<DueCustomer | undefined> {
  const { rows } = await tx.query<{ project_id: string; customer_id: string }>(
    `select s.project_id, s.customer_id from entitlement_snapshots s join customers c on c.id = s.customer_id
     where s.valid_until <= ${projectNowSql('$1', 's.project_id')} and ($2::text is null or s.project_id = $2)
     order by s.valid_until
     limit 1
     for update of c skip locked`,
    [baseNow, projectId ?? null],
  );
  const row = rows[0];
  return row && { projectId: row.project_id, customerId: row.customer_id };
}

/** Under the customer's lock: is its snapshot still due at `now`? (Another worker may have just done it.) */
export async function stillDue(tx: Queryable, customerId: string, now: Date): Promise<boolean> {
  const { rows } = await tx.query<{ due: boolean }>('select valid_until <= $2 as due from entitlement_snapshots where customer_id = $1', [customerId, now]);
  return rows[0]?.due === true;
}

/** The earliest valid_until in the server's time (each project's offset taken off; past when some are due); null when none. */
export async function nextSnapshotDue(db: Queryable): Promise<Date | null> {
  const { rows } = await db.query<{ at: Date | null }>(
    `select min(s.valid_until - coalesce((select pc.offset_ms from project_clocks pc where pc.project_id = s.project_id), 0) * interval '1 millisecond') as at
     from entitlement_snapshots s where s.valid_until is not null`,
    [],
  );
  return rows[0]?.at ?? null;
}
