// Which counters an event adds to: its calendar month (UTC), and the current usage period of
// every metered feature tied to the meter, each found from the feature's usage clock (its anchor,
// the period a replaced subscription carried over) and reset.
import { calendarMonth, carriedUsagePeriod } from '../time/periods.js';
import type { EngineResult } from '../entitlements/types.js';

/** A period that never ends is stored with this end, so it can be part of a key. */
export const NEVER_ENDS = new Date('9999-12-31T00:00:00Z');

export interface CounterPeriod {
  start: Date;
  end: Date;
}

/** The feature's usage period containing `at`, or undefined when the customer has no access to it. */
export function featurePeriod(result: EngineResult, feature: string, at: Date): CounterPeriod | undefined {
  const entitlement = result.features[feature];
  if (!entitlement?.access || entitlement.type !== 'metered' || !entitlement.periodAnchor || !entitlement.reset) return undefined;
  const period = carriedUsagePeriod(entitlement.periodAnchor, entitlement.reset, at, entitlement.periodCarry ?? null);
  return { start: period.periodStart, end: period.resetsAt ?? NEVER_ENDS };
}

/** Every period the event counts in for one meter, without repeats. */
export function periodsFor(result: EngineResult | undefined, featuresOfMeter: string[], at: Date): CounterPeriod[] {
  const periods = [calendarMonth(at)];
  for (const feature of featuresOfMeter) {
    const period = result && featurePeriod(result, feature, at);
    if (period && !periods.some((p) => p.start.getTime() === period.start.getTime() && p.end.getTime() === period.end.getTime())) {
      periods.push(period);
    }
  }
  return periods;
}

/** One counter's key: its customer, meter and period. */
export const counterKey = (customerId: string, meterId: string, period: CounterPeriod): string =>
  [customerId, meterId, period.start.toISOString(), period.end.toISOString()].join('|');
