// Whether a coupon (through a promotion code or not) may be applied now, and why not. Pure.
//
// Checked in this order, the first failure answered, naming the parameter the caller gave
// (`coupon` or `promotion_code`): the code's own state (inactive, expired, for another customer,
// at its max_redemptions), the coupon's (deleted, past redeem_by, at its max_redemptions), then
// what it is applied to: a plan it does not apply to, an amount_off without the plan's
// currency, a first-time-only code for a customer who has been invoiced or bought, a plan below
// the code's minimum amount. The redemption counts are raised afterwards by a guarded update
// (store.ts), which decides a race for the last redemption.
import { periodBoundary } from '../time/periods.js';

export interface CouponTerms {
  deleted: boolean;
  redeemBy: Date | null;
  maxRedemptions: number | null;
  timesRedeemed: number;
  amountOff: number | null;
  currency: string | null;
  currencyOptions: Record<string, { amount_off: number }>;
  /** Plan ids; null for all. */
  plans: readonly string[] | null;
  duration: 'once' | 'repeating' | 'forever';
  durationInMonths: number | null;
}

export interface CodeTerms {
  active: boolean;
  expiresAt: Date | null;
  maxRedemptions: number | null;
  timesRedeemed: number;
  customerId: string | null;
  firstTimeTransaction: boolean;
  minimumAmount: number | null;
  minimumAmountCurrency: string | null;
}

export interface RedeemTarget {
  customerId: string;
  /** The plan it is applied with; null for a customer's own discount (checked per invoice instead). */
  plan: { id: string; key: string; currency: string; amount: number } | null;
  /** The customer has been invoiced or bought before. */
  transacted: boolean;
}

export interface Refusal {
  param: 'coupon' | 'promotion_code';
  code: string;
  message: string;
}

/** The coupon's amount_off in `currency` (its own or one of `currency_options`); null when it has none there. */
export function amountOffIn(coupon: Pick<CouponTerms, 'amountOff' | 'currency' | 'currencyOptions'>, currency: string): number | null {
  const code = currency.toLowerCase();
  if (coupon.amountOff !== null && coupon.currency?.toLowerCase() === code) return coupon.amountOff;
  return coupon.currencyOptions[code]?.amount_off ?? null;
}

/** When a discount of the coupon applied at `start` ends: `repeating` N months later; never for `once` and `forever` (once ends by use). */
export function discountEnd(coupon: Pick<CouponTerms, 'duration' | 'durationInMonths'>, start: Date): Date | null {
  return coupon.duration === 'repeating' && coupon.durationInMonths !== null ? periodBoundary(start, 'month', coupon.durationInMonths) : null;
}

function codeRefusal(code: CodeTerms, target: RedeemTarget, now: Date): Refusal | null {
  const refuse = (reason: string, message: string): Refusal => ({ param: 'promotion_code', code: reason, message });
  if (!code.active) return refuse('promotion_code_inactive', 'This promotion code is no longer active.');
  if (code.expiresAt !== null && code.expiresAt <= now) return refuse('promotion_code_expired', 'This promotion code has expired.');
  if (code.customerId !== null && code.customerId !== target.customerId)
    return refuse('promotion_code_customer', 'This promotion code is for another customer.');
  if (code.maxRedemptions !== null && code.timesRedeemed >= code.maxRedemptions) {
    return refuse('max_redemptions_reached', 'This promotion code has been redeemed as many times as it may be.');
  }
  return null;
}

function targetRefusal(coupon: CouponTerms, code: CodeTerms | null, target: RedeemTarget, param: Refusal['param']): Refusal | null {
  const refuse = (reason: string, message: string): Refusal => ({ param, code: reason, message });
  const plan = target.plan;
  if (plan && coupon.plans !== null && !coupon.plans.includes(plan.id))
    return refuse('coupon_not_applicable', `This coupon does not apply to plan '${plan.key}'.`);
  const fixed = coupon.amountOff !== null || Object.keys(coupon.currencyOptions).length > 0;
  if (plan && fixed && amountOffIn(coupon, plan.currency) === null) {
    return refuse(
      'currency_mismatch',
      `This coupon takes a fixed amount off in ${coupon.currency ?? 'other currencies'}, not in ${plan.currency} (plan '${plan.key}').`,
    );
  }
  if (code?.firstTimeTransaction && target.transacted) return refuse('not_first_time_transaction', 'This promotion code is for first-time customers only.');
  if (code?.minimumAmount != null && plan) {
    if (code.minimumAmountCurrency?.toLowerCase() !== plan.currency.toLowerCase() || plan.amount < code.minimumAmount) {
      return refuse(
        'below_minimum_amount',
        `This promotion code needs at least ${code.minimumAmount} (minor units of ${code.minimumAmountCurrency}); plan '${plan.key}' is ${plan.amount} ${plan.currency}.`,
      );
    }
  }
  return null;
}

/** Why the coupon (through `code` when given) may not be applied to `target` now; null when it may. */
export function redeemRefusal(coupon: CouponTerms, code: CodeTerms | null, target: RedeemTarget, now: Date): Refusal | null {
  const param = code ? 'promotion_code' : 'coupon';
  if (code) {
    const refused = codeRefusal(code, target, now);
    if (refused) return refused;
  }
  const refuse = (reason: string, message: string): Refusal => ({ param, code: reason, message });
  if (coupon.deleted) return refuse('coupon_deleted', 'This coupon has been deleted.');
  if (coupon.redeemBy !== null && coupon.redeemBy <= now) return refuse('coupon_expired', 'This coupon can no longer be redeemed (past its redeem_by).');
  if (coupon.maxRedemptions !== null && coupon.timesRedeemed >= coupon.maxRedemptions) {
    return refuse('max_redemptions_reached', 'This coupon has been redeemed as many times as it may be.');
  }
  return targetRefusal(coupon, code, target, param);
}
