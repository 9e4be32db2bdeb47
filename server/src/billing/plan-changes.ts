// Which plan version's terms apply to which part of a billing period, from the plan changes
// recorded for a subscription Nozle bills itself (subscription_changes). Pure.
//
// A change of seats (quantity) alone is a change like any other: from the plan at the old
// quantity to the same plan at the new one, so a per-seat plan prorates the seats added or taken.
//
// Rules (as Stripe does it):
// - A change takes effect at its instant: a change at `t` is in effect at `t` (periods are
//   half-open, so a change at a period's end belongs to the next period).
// - The period's base fee is the base price of the plan in effect at the period's START (billed
//   as if in advance); each change strictly inside the period adds proration lines (a credit
//   for the unused time of the old base price, a charge for the rest of the new one) that settle
//   the difference. A change exactly at the start needs no proration: that plan is the start's.
// - Usage is rated with the prices of the plan version in effect at the period's END (its last
//   instant), which is also the plan version the invoice names.
import type { StoredPrice } from '../catalog/prices.js';
import { Exact, formatDecimal } from './money.js';
import type { ProratedItem } from './proration.js';

export interface PlanTerms {
  plan_id: string;
  plan_version: number;
  plan_name: string;
  base_price: number | string;
  prices: StoredPrice[];
  /** The base price is per seat; false when absent. */
  per_seat?: boolean;
  /** The subscription's seats under these terms; 1 when absent. */
  quantity?: number;
}

/** How many times the base price is billed: the seats of a per-seat plan, else once. */
export const baseQuantity = (terms: PlanTerms): number => (terms.per_seat ? (terms.quantity ?? 1) : 1);

/**
 * The full period's base fee under `terms` as proration counts it: base price × seats, exactly,
 * named as Stripe names a line of several seats ("5 × Team").
 */
export function baseItem(terms: PlanTerms): ProratedItem {
  const quantity = baseQuantity(terms);
  return {
    name: terms.per_seat ? `${quantity} × ${terms.plan_name}` : terms.plan_name,
    amount: formatDecimal(new Exact(String(terms.base_price)).times(quantity)),
  };
}

export interface RecordedChange {
  changed_at: Date;
  from: PlanTerms;
  to: PlanTerms;
}

export interface PeriodTerms {
  /** In effect at the period's start: its base fee. */
  atStart: PlanTerms;
  /** In effect at the period's last instant: its usage prices. */
  atEnd: PlanTerms;
  /** The changes strictly inside the period, oldest first: each gives proration lines. */
  changes: RecordedChange[];
}

/**
 * The plan in effect at `at` (a change at `at` included when `inclusive`, i.e. just after `at`
 * rather than just before it), given `changes` sorted oldest first and the plan in effect now.
 */
function planAt(current: PlanTerms, changes: readonly RecordedChange[], at: Date, inclusive: boolean): PlanTerms {
  const t = at.getTime();
  const after = (change: RecordedChange) => (inclusive ? change.changed_at.getTime() > t : change.changed_at.getTime() >= t);
  const next = changes.find(after);
  return next ? next.from : current;
}

/** `changes` sorted oldest first (ties in the order they were made); `current` is the plan now. */
export function periodTerms(current: PlanTerms, changes: readonly RecordedChange[], start: Date, end: Date): PeriodTerms {
  return {
    atStart: planAt(current, changes, start, true),
    atEnd: planAt(current, changes, end, false),
    changes: changes.filter((change) => change.changed_at.getTime() > start.getTime() && change.changed_at.getTime() < end.getTime()),
  };
}
