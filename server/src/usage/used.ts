// How much of each metered feature the customer has used in its current period: read from the
// counters kept as events arrive, never from the events. What entitlement snapshots read (SnapshotInputs.used).
import type { Queryable } from '../db/database.js';
import { meteredFeatureMeters } from '../catalog/features-store.js';
import type { EngineResult } from '../entitlements/types.js';
import { countersOf } from './counters-store.js';
import { NEVER_ENDS } from './periods.js';

export async function usedInCurrentPeriods(db: Queryable, projectId: string, customerId: string, result: EngineResult): Promise<Map<string, number>> {
  const meters = await meteredFeatureMeters(db, projectId);
  const wanted = [...meters].filter(([feature]) => result.features[feature]?.access && result.features[feature]?.periodStart);
  if (wanted.length === 0) return new Map();
  const rows = await countersOf(db, customerId, [...new Set(wanted.map(([, meterId]) => meterId))]);
  const used = new Map<string, number>();
  for (const [feature, meterId] of wanted) {
    const entitlement = result.features[feature]!;
    const start = entitlement.periodStart!.getTime();
    const end = (entitlement.resetsAt ?? NEVER_ENDS).getTime();
    const row = rows.find((r) => r.meter_id === meterId && r.period_start.getTime() === start && r.period_end.getTime() === end);
    used.set(feature, row ? Number(row.value) : 0);
  }
  return used;
}
