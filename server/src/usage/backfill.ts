// When a metered feature is tied to a meter (or to another one), its `used` must cover the
// events already in each customer's current period: count them once from the events.
import type { Queryable } from '../db/database.js';
import { lockCustomer } from '../customers/store.js';
import { computeForCustomer } from '../entitlements/snapshot.js';
import type { Meter } from './meters-store.js';
import { featurePeriod } from './periods.js';
import { queryUsage } from './query.js';
import { MAX_UNIQUE_VALUE_LENGTH } from './values.js';

export async function backfillFeatureCounters(tx: Queryable, projectId: string, feature: string, meter: Meter, now: Date, pastDueGraceMs: number): Promise<number> {
  const { rows } = await tx.query<{ customer_id: string }>(
    'select customer_id from entitlement_snapshots where project_id = $1 order by customer_id',
    [projectId],
  );
  let filled = 0;
  for (const { customer_id: customerId } of rows) {
    await lockCustomer(tx, customerId);
    const period = featurePeriod(await computeForCustomer(tx, projectId, customerId, now, pastDueGraceMs), feature, now);
    if (!period) continue;
    const exists = await tx.query('select 1 from usage_counters where customer_id = $1 and meter_id = $2 and period_start = $3 and period_end = $4', [
      customerId,
      meter.id,
      period.start,
      period.end,
    ]);
    if (exists.rows.length > 0) continue; // already counted as events arrived
    const [total] = await queryUsage(tx, projectId, meter, { start: period.start, end: period.end, customerId, groupBy: null });
    if (meter.aggregation === 'unique_count' && meter.property) {
      await tx.query(
        `insert into usage_unique_values (customer_id, meter_id, period_start, period_end, value)
         select distinct $1::text, $2::text, $3::timestamptz, $4::timestamptz, properties ->> $7
         from events where project_id = $5 and customer_id = $1 and event_name = $6 and timestamp >= $3 and timestamp < $4
           and length(properties ->> $7) <= ${MAX_UNIQUE_VALUE_LENGTH}
         on conflict do nothing`,
        [customerId, meter.id, period.start, period.end, projectId, meter.event_name, meter.property],
      );
    }
    await tx.query(
      `insert into usage_counters (project_id, customer_id, meter_id, period_start, period_end, value, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing`,
      [projectId, customerId, meter.id, period.start, period.end, String(total?.value ?? 0), now],
    );
    filled += 1;
  }
  return filled;
}
