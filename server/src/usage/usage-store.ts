// Reads the usage counters.
import { unixSeconds } from '../clock.js';
import type { Queryable } from '../db/database.js';
import { NEVER_ENDS } from './periods.js';

export interface Usage {
  object: 'usage';
  meter: string;
  customer: string;
  period_start: number;
  period_end: number | null;
  value: number;
  updated: number;
}

/** The customer's counters, newest period first; only the periods containing `at` when given. */
export async function customerUsage(db: Queryable, customerId: string, meterId: string | undefined, at: Date | undefined): Promise<Usage[]> {
  const { rows } = await db.query<{ meter_key: string; period_start: Date; period_end: Date; value: string; updated_at: Date }>(
    `select m.key as meter_key, c.period_start, c.period_end, c.value, c.updated_at
     from usage_counters c join meters m on m.id = c.meter_id
     where c.customer_id = $1 and ($2::text is null or c.meter_id = $2)
       and ($3::timestamptz is null or (c.period_start <= $3 and $3 < c.period_end))
     order by c.period_start desc, m.key, c.period_end
     limit 1000`,
    [customerId, meterId ?? null, at ?? null],
  );
  return rows.map((row) => ({
    object: 'usage',
    meter: row.meter_key,
    customer: customerId,
    period_start: unixSeconds(row.period_start),
    period_end: row.period_end.getTime() === NEVER_ENDS.getTime() ? null : unixSeconds(row.period_end),
    value: Number(row.value),
    updated: unixSeconds(row.updated_at),
  }));
}
