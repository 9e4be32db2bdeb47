// What a discount takes off a sandbox charge, as Stripe's would off its invoice: the coupon of
// the checkout that starts the subscription on its first charge, then the discount recorded on
// Nozle's subscription while it lasts (a `once` coupon only ever took off the first). Reads
// coupons and discounts; writes nothing.
import { Exact, roundRatio } from '../../billing/money.js';
import { amountOffIn } from '../../coupons/redeem-rules.js';
import type { Queryable } from '../../db/database.js';

interface CouponOff {
  percent_off: string | null;
  amount_off: string | number | null;
  currency: string | null;
  currency_options: Record<string, { amount_off: number }>;
}

const COUPON_OFF = 'c.percent_off::text as percent_off, c.amount_off, c.currency, c.currency_options';

/** `amount` (minor units of `currency`) less the coupon's discount: a percentage rounded to the unit, or a fixed amount, never below 0. */
export function afterDiscount(amount: number, currency: string, coupon: CouponOff | undefined): number {
  if (!coupon) return amount;
  // Exactly, then rounded half away from zero (amounts are positive): 1000 × 16.15% is 161.5 → 162,
  // where floating point makes it 161.4999… → 161.
  if (coupon.percent_off !== null) return amount - roundRatio(new Exact(amount).times(coupon.percent_off), new Exact(100)).toNumber();
  const off = amountOffIn(
    { amountOff: coupon.amount_off === null ? null : Number(coupon.amount_off), currency: coupon.currency, currencyOptions: coupon.currency_options },
    currency,
  );
  return Math.max(0, amount - (off ?? 0));
}

/** The coupon the checkout's session applies (given, or typed on its page), if any. */
export async function checkoutCoupon(db: Queryable, providerSessionId: string): Promise<CouponOff | undefined> {
  const { rows } = await db.query<CouponOff>(
    `select ${COUPON_OFF} from checkout_sessions cs
       left join promotion_codes p on p.id = cs.promotion_code_id
       join coupons c on c.project_id = cs.project_id and c.id = coalesce(cs.coupon_id, p.coupon_id)
     where cs.provider = 'sandbox' and cs.provider_session_id = $1`,
    [providerSessionId],
  );
  return rows[0];
}

/** The coupon of the discount live on Nozle's copy of the sandbox subscription at `at`, for a renewal (not a `once` one). */
export async function renewalCoupon(db: Queryable, subscription: string, at: Date): Promise<CouponOff | undefined> {
  const { rows } = await db.query<CouponOff>(
    `select ${COUPON_OFF} from subscriptions s
       join discounts d on d.subscription_id = s.id and d.removed_at is null and (d.end_at is null or d.end_at > $2)
       join coupons c on c.project_id = d.project_id and c.id = d.coupon_id
     where s.provider = 'sandbox' and s.provider_subscription_id = $1 and c.duration <> 'once'`,
    [subscription, at],
  );
  return rows[0];
}
