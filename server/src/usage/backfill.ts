// When a metered feature is tied to a meter (or to another one), its `used` must cover the
// events already in each customer's current period: count them once from the events.
import type { Meter } from '../catalog/meters-store.js';
import { lockCustomer } from '../customers/store.js';
import type { Work } from '../db/work.js';
import { customersWithSnapshots } from '../entitlements/snapshot-rows.js';
import type { Snapshots } from '../entitlements/snapshots.js';
import { countMissingCounter } from './counter-backfill.js';
import { featurePeriod } from './periods.js';

/** Fills the counter of each customer's current period of `feature` that is not there yet; answers how many it filled. */
export async function backfillFeatureCounters(work: Work, snapshots: Snapshots, projectId: string, feature: string, meter: Meter): Promise<number> {
  const { db, now } = work;
  let filled = 0;
  for (const customerId of await customersWithSnapshots(db, projectId)) {
    await lockCustomer(db, customerId);
    const period = featurePeriod(await snapshots.compute(db, projectId, customerId, now), feature, now);
    if (period && (await countMissingCounter(db, projectId, customerId, meter, period, now))) filled += 1;
  }
  return filled;
}
