// SQL for the usage counters (per customer, meter and period), the distinct values unique_count
// meters have seen in a period, and the daily rollup margins read.
import type { Meter } from '../catalog/meters-store.js';
import type { Queryable } from '../db/database.js';
import type { CounterDelta } from './aggregate.js';
import type { CounterPeriod } from './periods.js';
import type { RollupDelta } from './rollup.js';
import { MAX_UNIQUE_VALUE_LENGTH, UsageDecimal as Decimal } from './values.js';

export async function writeCounters(db: Queryable, projectId: string, deltas: CounterDelta[], now: Date): Promise<void> {
  if (deltas.length === 0) return;
  const keyOf = (d: { customer_id: string; meter_id: string; period_start: string; period_end: string }) =>
    [d.customer_id, d.meter_id, d.period_start, d.period_end].join('|');
  const rows = deltas
    .map((d) => ({ customer_id: d.customerId, meter_id: d.meterId, period_start: d.start.toISOString(), period_end: d.end.toISOString(), d }))
    .sort((a, b) => keyOf(a).localeCompare(keyOf(b)));

  // Distinct values first: only the ones this period had not seen add to a unique count.
  const uniques = rows.flatMap((r) => [...r.d.uniques].map((value) => ({ ...r, d: undefined, value })));
  if (uniques.length > 0) {
    const { rows: added } = await db.query<{ customer_id: string; meter_id: string; period_start: Date; period_end: Date }>(
      `insert into usage_unique_values (customer_id, meter_id, period_start, period_end, value)
       select customer_id, meter_id, period_start, period_end, value
       from jsonb_to_recordset($1::jsonb) as x(customer_id text, meter_id text, period_start timestamptz, period_end timestamptz, value text)
       on conflict do nothing
       returning customer_id, meter_id, period_start, period_end`,
      [JSON.stringify(uniques)],
    );
    for (const row of added) {
      const match = rows.find(
        (r) =>
          r.customer_id === row.customer_id &&
          r.meter_id === row.meter_id &&
          r.d.start.getTime() === row.period_start.getTime() &&
          r.d.end.getTime() === row.period_end.getTime(),
      );
      if (match) match.d.value = (match.d.value ?? new Decimal(0)).plus(1);
    }
  }

  await db.query(
    `insert into usage_counters as c (project_id, customer_id, meter_id, period_start, period_end, value, latest_at, updated_at)
     select $1, customer_id, meter_id, period_start, period_end, value, latest_at, $3
     from jsonb_to_recordset($2::jsonb) as x(customer_id text, meter_id text, period_start timestamptz, period_end timestamptz, value numeric, latest_at timestamptz)
     on conflict (customer_id, meter_id, period_start, period_end) do update set
       value = case (select aggregation from meters m where m.id = c.meter_id)
         when 'max' then greatest(c.value, excluded.value)
         when 'latest' then case when excluded.latest_at >= coalesce(c.latest_at, excluded.latest_at) then excluded.value else c.value end
         else c.value + excluded.value
       end,
       latest_at = greatest(c.latest_at, excluded.latest_at),
       updated_at = excluded.updated_at`,
    [
      projectId,
      JSON.stringify(rows.map(({ d, ...key }) => ({ ...key, value: (d.value ?? new Decimal(0)).toString(), latest_at: d.latestAt?.toISOString() ?? null }))),
      now,
    ],
  );
}

/** One upsert per batch, in key order (the order concurrent batches lock rows in). */
export async function writeRollup(db: Queryable, projectId: string, deltas: RollupDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  const keyOf = (d: RollupDelta) => JSON.stringify([d.customer_id, d.meter_id, d.day, d.property, d.value]);
  const rows = [...deltas].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0)).map((d) => ({ ...d, quantity: d.quantity.toFixed() }));
  await db.query(
    `insert into usage_daily as u (project_id, customer_id, meter_id, day, property, value, quantity)
     select $1, customer_id, meter_id, day, property, value, quantity
     from jsonb_to_recordset($2::jsonb) as x(customer_id text, meter_id text, day date, property text, value text, quantity numeric)
     on conflict (customer_id, meter_id, day, property, value) do update set quantity = u.quantity + excluded.quantity`,
    [projectId, JSON.stringify(rows)],
  );
}

/** Whether the customer's counter of `meter` for `period` exists (it was counted as events arrived). */
export async function counterExists(db: Queryable, customerId: string, meterId: string, period: CounterPeriod): Promise<boolean> {
  const { rows } = await db.query('select 1 from usage_counters where customer_id = $1 and meter_id = $2 and period_start = $3 and period_end = $4', [
    customerId,
    meterId,
    period.start,
    period.end,
  ]);
  return rows.length > 0;
}

/** Counts, from the events, the distinct values a unique_count meter has seen in the customer's period. */
export async function backfillUniqueValues(
  db: Queryable,
  projectId: string,
  customerId: string,
  meter: Meter & { property: string },
  period: CounterPeriod,
): Promise<void> {
  await db.query(
    `insert into usage_unique_values (customer_id, meter_id, period_start, period_end, value)
     select distinct $1::text, $2::text, $3::timestamptz, $4::timestamptz, properties ->> $7
     from events where project_id = $5 and customer_id = $1 and event_name = $6 and timestamp >= $3 and timestamp < $4
       and length(properties ->> $7) <= ${MAX_UNIQUE_VALUE_LENGTH}
     on conflict do nothing`,
    [customerId, meter.id, period.start, period.end, projectId, meter.event_name, meter.property],
  );
}

/** Stores a counter unless one is there already. */
export async function insertCounter(
  db: Queryable,
  projectId: string,
  customerId: string,
  meterId: string,
  period: CounterPeriod,
  value: string,
  now: Date,
): Promise<void> {
  await db.query(
    `insert into usage_counters (project_id, customer_id, meter_id, period_start, period_end, value, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing`,
    [projectId, customerId, meterId, period.start, period.end, value, now],
  );
}

/** The customer's counters of these meters, every period. */
export async function countersOf(
  db: Queryable,
  customerId: string,
  meterIds: string[],
): Promise<Array<{ meter_id: string; period_start: Date; period_end: Date; value: string }>> {
  const { rows } = await db.query<{ meter_id: string; period_start: Date; period_end: Date; value: string }>(
    'select meter_id, period_start, period_end, value from usage_counters where customer_id = $1 and meter_id = any($2)',
    [customerId, meterIds],
  );
  return rows;
}
