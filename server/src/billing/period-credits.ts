// A recurring plan's credits at a period's change: what rolls over from the period that ended. Pure.
//
// Each period of a subscription grants the plan's `amount`, expiring at the period's end. At the
// end, what is left of that period's credits (its own grant and what rolled into it, after its
// invoice drew on them) moves into the next period up to the plan's cap: a grant of
// min(left, cap), expiring at the next period's end. Without rollover nothing moves: the old grant
// simply expires with what it has left. A cap of 0 rolls nothing.
export interface Rollover {
  cap: number;
}

/** What rolls into the next period, in whole minor units. */
export function rolledOver(left: number, rollover: Rollover | null): number {
  if (!rollover || left <= 0) return 0;
  return Math.min(left, rollover.cap);
}
