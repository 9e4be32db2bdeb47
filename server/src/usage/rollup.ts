// The daily usage rollup margins read: per customer, meter and UTC day, the total and the part
// from each string value of each top-level property. Pure; ingest.ts writes what it returns.
//
// Only additive meters (`sum`, `count`) roll up: a day's max or distinct count does not add up
// to a month's. Properties are bounded so one event cannot write unbounded rows: at most
// MAX_PROPERTIES string values per event, each at most MAX_VALUE_LENGTH characters (longer
// ones, and numbers or booleans, are left out of the breakdown but never out of the total).
import type Decimal from 'decimal.js';
import type { Properties } from './aggregate.js';

export const MAX_PROPERTIES = 10;
const MAX_VALUE_LENGTH = 100;

export interface RollupDelta {
  customer_id: string;
  meter_id: string;
  day: string;
  property: string;
  value: string;
  quantity: Decimal;
}

/** The rollup keys one event's contribution goes to: the total, then one per property value. */
export function rollupKeys(properties: Properties): Array<{ property: string; value: string }> {
  const keys = [{ property: '', value: '' }];
  for (const [property, value] of Object.entries(properties)) {
    if (keys.length > MAX_PROPERTIES) break;
    if (typeof value === 'string' && value.length > 0 && value.length <= MAX_VALUE_LENGTH && property.length <= MAX_VALUE_LENGTH)
      keys.push({ property, value });
  }
  return keys;
}

/** The UTC day of an instant, as `YYYY-MM-DD`. */
const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

/** Adds one contribution to the deltas of a batch. */
export function addToRollup(deltas: Map<string, RollupDelta>, customerId: string, meterId: string, at: Date, properties: Properties, amount: Decimal): void {
  const day = utcDay(at);
  for (const { property, value } of rollupKeys(properties)) {
    const key = JSON.stringify([customerId, meterId, day, property, value]);
    const held = deltas.get(key);
    if (held) held.quantity = held.quantity.plus(amount);
    else deltas.set(key, { customer_id: customerId, meter_id: meterId, day, property, value, quantity: amount });
  }
}
