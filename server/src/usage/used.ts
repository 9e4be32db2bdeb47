// How much of each metered feature the customer has used in its current period: read from the
// counters kept as events arrive, never from the events. What entitlement snapshots read (SnapshotInputs.used).
import type { Queryable } from '../db/database.js';
import { meteredFeatureMeters } from '../catalog/features-store.js';
import { findMeter } from '../catalog/meters-store.js';
import type { EngineResult } from '../entitlements/types.js';
import { countMissingCounter } from './counter-backfill.js';
import { countersOf } from './counters-store.js';
import { counterKey, NEVER_ENDS, type CounterPeriod } from './periods.js';

/** The customer must be locked: a current period with no counter yet (it started before the counters kept) is counted from the events. */
export async function usedInCurrentPeriods(
  db: Queryable,
  projectId: string,
  customerId: string,
  result: EngineResult,
  now: Date,
): Promise<Map<string, number>> {
  const meters = await meteredFeatureMeters(db, projectId);
  const wanted = [...meters].flatMap(([feature, meterId]): Array<{ feature: string; meterId: string; key: string; period: CounterPeriod }> => {
    const entitlement = result.features[feature];
    if (!entitlement?.access || !entitlement.periodStart) return [];
    const period = { start: entitlement.periodStart, end: entitlement.resetsAt ?? NEVER_ENDS };
    return [{ feature, meterId, key: counterKey(customerId, meterId, period), period }];
  });
  if (wanted.length === 0) return new Map();
  const meterIds = [...new Set(wanted.map((w) => w.meterId))];
  const held = async () =>
    new Map(
      (await countersOf(db, customerId, meterIds)).map((r) => [counterKey(customerId, r.meter_id, { start: r.period_start, end: r.period_end }), r.value]),
    );
  let values = await held();
  const missing = wanted.filter((w) => !values.has(w.key));
  for (const w of missing) await countMissingCounter(db, projectId, customerId, await findMeter(db, projectId, w.meterId), w.period, now);
  if (missing.length > 0) values = await held();
  return new Map(wanted.map((w) => [w.feature, Number(values.get(w.key) ?? 0)]));
}
