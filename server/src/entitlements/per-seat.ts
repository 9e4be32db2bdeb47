// A plan's per-seat metered limits as one subscription gives them: limit × the subscription's
// quantity (5 seats × 1000 messages = 5000; `limit: 1` per seat makes the limit the seat count,
// which is how a `seats` feature is enforced). Unlimited stays unlimited. Pure.
import type { FeatureTerms } from './types.js';

export function termsForSeats(terms: readonly FeatureTerms[], quantity: number): FeatureTerms[] {
  return terms.map((term) => {
    if (!term.per_seat) return term;
    const { per_seat: _perSeat, ...rest } = term;
    return { ...rest, limit: term.limit === undefined || term.limit === null ? term.limit : term.limit * quantity };
  });
}
