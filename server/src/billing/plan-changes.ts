// Which plan version's terms apply to which part of a billing period, from the plan changes
// recorded for a subscription Nozle bills itself (subscription_changes). Pure.
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

export interface PlanTerms {
  plan_id: string;
  plan_version: number;
  plan_name: string;
  base_price: number | string;
  prices: StoredPrice[];
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
