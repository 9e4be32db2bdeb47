// Nozle's coupons and promotion codes at a provider that keeps its own (Stripe): made there on
// first use and their ids remembered on Nozle's rows, and the provider's discounts read back as
// Nozle's. The sandbox keeps none: its discounts are Nozle's own ids.
import {
  couponForStripeId,
  findCouponRow,
  findPromotionCodeRow,
  promotionCodeForStripeId,
  setStripeCouponId,
  setStripePromotionCodeId,
  type CouponRow,
  type PromotionCodeRow,
} from '../coupons/store.js';
import type { Queryable } from '../db/database.js';
import type { PaymentProvider, ProviderDiscount, ProviderDiscounts, ProviderName } from './provider.js';
import { findProviderCustomer } from './store.js';

/** Redemptions left of a limit (Stripe counts only its own; Nozle's count so far is taken off). */
const left = (max: number | null, redeemed: number) => (max === null ? null : Math.max(1, max - Number(redeemed)));

/** The Stripe products a plan-restricted coupon applies to: those of the plans' prices made in Stripe so far. */
async function productsOf(db: Queryable, discounts: ProviderDiscounts, coupon: CouponRow): Promise<string[] | null> {
  if (coupon.applies_to_plans === null) return null;
  const { rows } = await db.query<{ provider_price_id: string }>(
    "select provider_price_id from payment_prices where provider = 'stripe' and plan_id = any($1::text[]) order by created_at",
    [coupon.applies_to_plans],
  );
  const products = await Promise.all(rows.map((row) => discounts.productOf(row.provider_price_id)));
  return [...new Set(products)];
}

async function providerCouponId(db: Queryable, discounts: ProviderDiscounts, projectId: string, coupon: CouponRow): Promise<string> {
  if (coupon.stripe_coupon_id) return coupon.stripe_coupon_id;
  const id = await discounts.createCoupon({
    key: `nozle-coupon-${projectId}-${coupon.id}`,
    name: coupon.name,
    percentOff: coupon.percent_off === null ? null : Number(coupon.percent_off),
    amountOff: coupon.amount_off === null ? null : Number(coupon.amount_off),
    currency: coupon.currency,
    currencyOptions: coupon.currency_options,
    duration: coupon.duration,
    durationInMonths: coupon.duration_in_months,
    maxRedemptions: left(coupon.max_redemptions, coupon.times_redeemed),
    redeemBy: coupon.redeem_by,
    products: await productsOf(db, discounts, coupon),
    metadata: { nozle_project: projectId, nozle_coupon: coupon.id },
  });
  await setStripeCouponId(db, projectId, coupon.id, id);
  return id;
}

export async function providerPromotionCodeId(
  db: Queryable,
  discounts: ProviderDiscounts,
  projectId: string,
  coupon: CouponRow,
  code: PromotionCodeRow,
): Promise<string> {
  if (code.stripe_promotion_code_id) return code.stripe_promotion_code_id;
  const customer = code.customer_id === null ? null : ((await findProviderCustomer(db, code.customer_id, 'stripe')) ?? null);
  const id = await discounts.createPromotionCode({
    key: `nozle-promotion-code-${code.id}`,
    coupon: await providerCouponId(db, discounts, projectId, coupon),
    code: code.code,
    maxRedemptions: left(code.max_redemptions, code.times_redeemed),
    expiresAt: code.expires_at,
    customer,
    firstTimeTransaction: code.first_time_transaction,
    minimumAmount: code.minimum_amount === null ? null : Number(code.minimum_amount),
    minimumAmountCurrency: code.minimum_amount_currency,
    metadata: { nozle_project: projectId, nozle_promotion_code: code.id },
  });
  await setStripePromotionCodeId(db, code.id, id);
  return id;
}

/** The discount to send the provider for Nozle's coupon (through `code` when given). */
export async function providerDiscountFor(
  db: Queryable,
  provider: PaymentProvider,
  projectId: string,
  coupon: CouponRow,
  code: PromotionCodeRow | null,
): Promise<ProviderDiscount> {
  const discounts = provider.discounts;
  if (!discounts) return code ? { promotionCode: code.id } : { coupon: coupon.id };
  return code
    ? { promotionCode: await providerPromotionCodeId(db, discounts, projectId, coupon, code) }
    : { coupon: await providerCouponId(db, discounts, projectId, coupon) };
}

/** Nozle's coupon (and promotion code) a provider's discount names; undefined when it is none of the project's. */
export async function nozleDiscountOf(
  db: Queryable,
  provider: ProviderName,
  projectId: string,
  discount: { coupon: string | null; promotionCode: string | null },
): Promise<{ coupon: CouponRow; code: PromotionCodeRow | null } | undefined> {
  const code = discount.promotionCode === null ? undefined : await promotionCodeNamed(db, provider, projectId, discount.promotionCode);
  const couponRef = code?.coupon_id ?? discount.coupon;
  if (couponRef === null) return undefined;
  const coupon =
    provider === 'stripe' && !code
      ? await couponForStripeId(db, projectId, couponRef)
      : await findCouponRow(db, projectId, couponRef, { deleted: true }).catch(() => undefined);
  return coupon && { coupon, code: code ?? null };
}

async function promotionCodeNamed(db: Queryable, provider: ProviderName, projectId: string, id: string): Promise<PromotionCodeRow | undefined> {
  if (provider === 'stripe') return promotionCodeForStripeId(db, projectId, id);
  return findPromotionCodeRow(db, projectId, id, 'promotion_code').catch(() => undefined);
}
