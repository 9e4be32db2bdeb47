// A checkout's discount: a coupon or promotion code given (checked now with the redeem rules,
// counted when the checkout completes), or the buyer may type a code on the page. In Stripe
// mode Nozle's coupons and codes are made in Stripe first (provider-discounts.ts).
import type { components } from '@nozle/openapi';
import type { Plan } from '../catalog/plans-store.js';
import { redeemable } from '../coupons/service.js';
import { findCouponRow, typeablePromotionCodes, type CouponRow, type PromotionCodeRow } from '../coupons/store.js';
import type { Queryable } from '../db/database.js';
import { invalidParam } from '../http/errors.js';
import { providerDiscountFor, providerPromotionCodeId } from './provider-discounts.js';
import type { PaymentProvider, ProviderDiscount } from './provider.js';

type Params = Pick<components['schemas']['CheckoutSessionCreateParams'], 'coupon' | 'promotion_code' | 'allow_promotion_codes'>;

export interface CheckoutDiscount {
  /** The coupon (through `code` when given) applied to the subscription; null when none is. */
  applied: { coupon: CouponRow; code: PromotionCodeRow | null } | null;
  allowPromotionCodes: boolean;
}

/** Whether the params ask for a discount at all (a change of a provider's subscription takes none). */
export const asksDiscount = (params: Params): boolean =>
  params.coupon !== undefined || params.promotion_code !== undefined || params.allow_promotion_codes === true;

/** The discount the params ask for, checked against the plan and customer; a 400 naming the param when refused. */
export async function checkoutDiscount(
  db: Queryable,
  projectId: string,
  target: { customerId: string; plan: Plan; quantity: number },
  params: Params,
  now: Date,
): Promise<CheckoutDiscount> {
  const allowPromotionCodes = params.allow_promotion_codes === true;
  if (params.coupon !== undefined && params.promotion_code !== undefined) throw invalidParam('promotion_code', 'Give coupon or promotion_code, not both.');
  const given = params.coupon !== undefined ? 'coupon' : params.promotion_code !== undefined ? 'promotion_code' : null;
  if (given && allowPromotionCodes) {
    throw invalidParam('allow_promotion_codes', `allow_promotion_codes lets the buyer type a code: not with ${given} (Stripe forbids both).`);
  }
  const { plan } = target;
  if ((given || allowPromotionCodes) && plan.interval === 'one_time') {
    throw invalidParam(given ?? 'allow_promotion_codes', `Plan '${plan.key}' is one_time: a discount at checkout applies to a subscription.`);
  }
  if (!given) return { applied: null, allowPromotionCodes };
  const amount = Number(plan.base_price) * (plan.per_seat ? target.quantity : 1);
  const refs = given === 'coupon' ? { coupon: params.coupon! } : { promotion_code: params.promotion_code! };
  const applied = await redeemable(
    db,
    projectId,
    refs,
    { customerId: target.customerId, plan: { id: plan.id, key: plan.key, currency: plan.currency, amount } },
    now,
  );
  return { applied, allowPromotionCodes };
}

/** The coupon's own limits allow a redemption now (the plan and customer are Stripe's to check on its page). */
const couponRedeemable = (coupon: CouponRow, now: Date): boolean =>
  coupon.deleted_at === null &&
  (coupon.redeem_by === null || coupon.redeem_by > now) &&
  (coupon.max_redemptions === null || Number(coupon.times_redeemed) < coupon.max_redemptions);

// A Stripe page checks a typed code against Stripe's own promotion codes: Nozle's are made there first.
const TYPEABLE_LIMIT = 100;

/** What the provider's checkout is sent: the discount applied, or the project's codes made typeable there. */
export async function providerCheckoutDiscount(
  db: Queryable,
  provider: PaymentProvider,
  projectId: string,
  customerId: string,
  discount: CheckoutDiscount,
  now: Date,
): Promise<{ discount?: ProviderDiscount; allowPromotionCodes?: boolean }> {
  if (discount.applied) return { discount: await providerDiscountFor(db, provider, projectId, discount.applied.coupon, discount.applied.code) };
  if (!discount.allowPromotionCodes) return {};
  const discounts = provider.discounts;
  if (discounts) {
    for (const code of await typeablePromotionCodes(db, projectId, now, TYPEABLE_LIMIT)) {
      // A code for another customer cannot be typed by this one.
      if (code.customer_id !== null && code.customer_id !== customerId) continue;
      const coupon = await findCouponRow(db, projectId, code.coupon_id, { deleted: true });
      if (!couponRedeemable(coupon, now)) continue;
      await providerPromotionCodeId(db, discounts, projectId, coupon, code);
    }
  }
  return { allowPromotionCodes: true };
}
