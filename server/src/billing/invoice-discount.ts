// The discount an invoice of a subscription gets (its own, else its customer's), in the terms discounts.ts applies.
import { amountOffIn } from '../coupons/redeem-rules.js';
import { discountOf } from '../coupons/service.js';
import type { Queryable } from '../db/database.js';
import type { InvoiceDiscount } from './discounts.js';
import { discountUsedBefore } from './invoices-store.js';

/** `periodStart`: the invoice's period; a subscription's own discount ended by then gives way to its customer's. */
export async function invoiceDiscount(
  db: Queryable,
  sub: { project_id: string; customer_id: string; id: string; currency: string; provider: string | null },
  periodStart?: Date,
): Promise<InvoiceDiscount | null> {
  const found = await discountOf(db, sub.project_id, sub.customer_id, sub.id, periodStart);
  // A customer's discount is for the subscriptions Nozle bills; a provider discounts its own at checkout.
  if (!found || (found.row.subscription_id === null && sub.provider !== null)) return null;
  const { row, coupon } = found;
  const fixed = coupon.percent_off === null;
  const amountOff = fixed
    ? amountOffIn(
        { amountOff: coupon.amount_off === null ? null : Number(coupon.amount_off), currency: coupon.currency, currencyOptions: coupon.currency_options },
        sub.currency,
      )
    : null;
  // A fixed amount in another currency than the invoice's takes nothing off it.
  if (fixed && amountOff === null) return null;
  return {
    id: row.id,
    percentOff: coupon.percent_off,
    amountOff,
    duration: coupon.duration,
    start: row.start_at,
    end: row.end_at,
    usedBefore: coupon.duration === 'once' && (await discountUsedBefore(db, sub.customer_id, row.id)),
    plans: coupon.applies_to_plans,
  };
}
