// A counter that is not there yet is counted from the stored events rather than started at zero:
// a usage period can start before the counters being kept (a subscription carrying over the
// period of the one it replaced, a meter newly tied to a feature, a period whose start moved
// earlier), and `used` must still cover every event of it, once.
//
// Exactly once: the caller holds the customer's lock, which every batch takes before it writes
// counters. A batch that committed before has written its counter (so nothing is counted here);
// one still waiting for the lock is invisible here and adds its own delta once this commits.
import type { Meter } from '../catalog/meters-store.js';
import type { Queryable } from '../db/database.js';
import type { EngineResult } from '../entitlements/types.js';
import type { ValidEvent } from './batch-rules.js';
import { backfillUniqueValues, counterExists, insertCounter } from './counters-store.js';
import { counterKey, featurePeriod, type CounterPeriod } from './periods.js';
import { queryUsageExact } from './query.js';

/** Counts the customer's counter of `meter` for `period` from the events unless it exists; answers whether it did. The customer must be locked. */
export async function countMissingCounter(
  db: Queryable,
  projectId: string,
  customerId: string,
  meter: Meter,
  period: CounterPeriod,
  now: Date,
): Promise<boolean> {
  if (await counterExists(db, customerId, meter.id, period)) return false;
  const [total] = await queryUsageExact(db, projectId, meter, { start: period.start, end: period.end, customerId, groupBy: null });
  if (meter.aggregation === 'unique_count' && meter.property)
    await backfillUniqueValues(db, projectId, customerId, { ...meter, property: meter.property }, period);
  await insertCounter(db, projectId, customerId, meter.id, period, total?.value ?? '0', now);
  return true;
}

/**
 * Before a batch adds to the counters of its events' feature periods: each one not there yet is
 * counted from the events, this batch's included (they are stored already). Answers those keys,
 * whose deltas the batch must then leave out. The customers must be locked.
 */
export async function countMissingFeaturePeriods(
  db: Queryable,
  projectId: string,
  matched: ReadonlyArray<{ event: ValidEvent; meter: Meter }>,
  results: ReadonlyMap<string, EngineResult>,
  featuresOf: (meter: Meter) => string[],
  now: Date,
): Promise<Set<string>> {
  const periods = new Map<string, { customerId: string; meter: Meter; period: CounterPeriod }>();
  for (const { event, meter } of matched) {
    const result = results.get(event.customerId);
    for (const feature of result ? featuresOf(meter) : []) {
      const period = featurePeriod(result!, feature, event.at);
      if (period) periods.set(counterKey(event.customerId, meter.id, period), { customerId: event.customerId, meter, period });
    }
  }
  const counted = new Set<string>();
  for (const [key, { customerId, meter, period }] of [...periods].sort(([a], [b]) => a.localeCompare(b))) {
    if (await countMissingCounter(db, projectId, customerId, meter, period, now)) counted.add(key);
  }
  return counted;
}
