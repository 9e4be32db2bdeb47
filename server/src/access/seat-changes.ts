// When a change of a subscription's quantity (seats) takes effect, by default: as Stripe and a
// plan change do it, more seats at once (the rest of the period charged for the added seats),
// fewer at the end of the period the customer paid for (a scheduled change). Pure.
import type { Effective } from './group-changes.js';

export function quantityChangeTiming(from: number, to: number, effective: Effective | undefined): Effective {
  if (effective) return effective;
  return to < from ? 'period_end' : 'now';
}
