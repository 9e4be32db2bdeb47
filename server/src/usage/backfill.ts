// When a metered feature is tied to a meter (or to another one), its `used` must cover the
// events already in each customer's current period: count them once from the events.
import type { Meter } from '../catalog/meters-store.js';
import { lockCustomer } from '../customers/store.js';
import type { Work } from '../db/work.js';
import { customersWithSnapshots } from '../entitlements/snapshot-rows.js';
import type { Snapshots } from '../entitlements/snapshots.js';
import { backfillUniqueValues, counterExists, insertCounter } from './counters-store.js';
import { featurePeriod } from './periods.js';
import { queryUsage } from './query.js';

/** Fills the counter of each customer's current period of `feature` that is not there yet; answers how many it filled. */
export async function backfillFeatureCounters(work: Work, snapshots: Snapshots, projectId: string, feature: string, meter: Meter): Promise<number> {
  const { db, now } = work;
  let filled = 0;
  for (const customerId of await customersWithSnapshots(db, projectId)) {
    await lockCustomer(db, customerId);
    const period = featurePeriod(await snapshots.compute(db, projectId, customerId, now), feature, now);
    if (!period) continue;
    if (await counterExists(db, customerId, meter.id, period)) continue; // already counted as events arrived
    const [total] = await queryUsage(db, projectId, meter, { start: period.start, end: period.end, customerId, groupBy: null });
    if (meter.aggregation === 'unique_count' && meter.property)
      await backfillUniqueValues(db, projectId, customerId, { ...meter, property: meter.property }, period);
    await insertCounter(db, projectId, customerId, meter.id, period, String(total?.value ?? 0), now);
    filled += 1;
  }
  return filled;
}
