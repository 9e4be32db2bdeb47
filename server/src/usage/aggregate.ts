// Pure: which meters an event counts for, and what it adds to each counter.
import type { Meter } from '../catalog/meters-store.js';
import { readMeterValue, UsageDecimal as Decimal } from './values.js';

export type Properties = Record<string, unknown>;

export function matchesFilters(meter: Pick<Meter, 'filters'>, properties: Properties): boolean {
  return Object.entries(meter.filters).every(([name, expected]) => {
    const actual = properties[name];
    return Array.isArray(expected) ? expected.includes(actual as never) : actual === expected;
  });
}

/** A contribution of one event to one counter; undefined when the event carries nothing for it. */
type Contribution =
  { kind: 'add'; amount: Decimal } | { kind: 'max'; amount: Decimal } | { kind: 'latest'; amount: Decimal; at: Date } | { kind: 'unique'; value: string };

/**
 * What the event adds (Decimal, not float: 0.1 + 0.2 must add up to 0.3 in a counter that may
 * be billed). An event without a usable property value adds nothing to `sum`, `max`, `latest`
 * or `unique_count` (it still counts for `count` meters): one odd event should not be refused
 * for the sake of one meter out of several. A value the meter refuses (values.ts) adds nothing
 * either; ingestion has rejected its event before counting.
 */
export function contribution(meter: Pick<Meter, 'aggregation' | 'property' | 'allow_negative'>, properties: Properties, at: Date): Contribution | undefined {
  if (meter.aggregation === 'count') return { kind: 'add', amount: new Decimal(1) };
  const reading = readMeterValue(meter, properties);
  if (reading.kind === 'text') return { kind: 'unique', value: reading.value };
  if (reading.kind !== 'number') return undefined;
  const amount = reading.amount;
  if (meter.aggregation === 'sum') return { kind: 'add', amount };
  if (meter.aggregation === 'max') return { kind: 'max', amount };
  return { kind: 'latest', amount, at };
}

export interface CounterDelta {
  customerId: string;
  meterId: string;
  start: Date;
  end: Date;
  /** add: the sum to add; max: the largest seen (null before any); latest: the value at `latestAt`. */
  value: Decimal | null;
  latestAt: Date | null;
  uniques: Set<string>;
}

/** Folds one contribution into the batch's delta for its counter. */
export function fold(delta: CounterDelta, part: Contribution): void {
  switch (part.kind) {
    case 'add':
      delta.value = (delta.value ?? new Decimal(0)).plus(part.amount);
      break;
    case 'max':
      delta.value = delta.value === null ? part.amount : Decimal.max(delta.value, part.amount);
      break;
    case 'latest':
      if (!delta.latestAt || part.at >= delta.latestAt) {
        delta.value = part.amount;
        delta.latestAt = part.at;
      }
      break;
    case 'unique':
      delta.uniques.add(part.value);
      break;
  }
}
