// Pure: which meters an event counts for, and what it adds to each counter.
import Decimal from 'decimal.js';
import type { Meter } from './meters-store.js';

export type Properties = Record<string, unknown>;

export function matchesFilters(meter: Pick<Meter, 'filters'>, properties: Properties): boolean {
  return Object.entries(meter.filters).every(([name, expected]) => {
    const actual = properties[name];
    return Array.isArray(expected) ? expected.includes(actual as never) : actual === expected;
  });
}

/** A contribution of one event to one counter; undefined when the event carries nothing for it. */
export type Contribution =
  | { kind: 'add'; amount: Decimal }
  | { kind: 'max'; amount: Decimal }
  | { kind: 'latest'; amount: Decimal; at: Date }
  | { kind: 'unique'; value: string };

// Decimal, not float: 0.1 + 0.2 must add up to 0.3 in a counter that may be billed.
const numeric = (value: unknown): Decimal | undefined => {
  if (typeof value === 'number') return Number.isFinite(value) ? new Decimal(value) : undefined;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return new Decimal(value.trim());
  return undefined;
};

/**
 * What the event adds. An event without a usable property value adds nothing to `sum`, `max`,
 * `latest` or `unique_count` (it still counts for `count` meters): one odd event should not be
 * refused for the sake of one meter out of several.
 */
export function contribution(meter: Pick<Meter, 'aggregation' | 'property'>, properties: Properties, at: Date): Contribution | undefined {
  if (meter.aggregation === 'count') return { kind: 'add', amount: new Decimal(1) };
  const raw = meter.property === null ? undefined : properties[meter.property];
  if (meter.aggregation === 'unique_count') {
    return ['string', 'number', 'boolean'].includes(typeof raw) ? { kind: 'unique', value: String(raw) } : undefined;
  }
  const amount = numeric(raw);
  if (amount === undefined) return undefined;
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
