// What the coupon and promotion code routes call, and how a coupon is applied (to a subscription,
// a customer, a checkout): checked (redeem-rules.ts), counted and recorded in the caller's transaction.
import type { components } from '@nozle/openapi';
import { findPlan } from '../catalog/plans-store.js';
import { cleanMetadata, mergeMetadata } from '../customers/metadata.js';
import { findCustomer } from '../customers/store.js';
import type { Queryable } from '../db/database.js';
import type { Work } from '../db/work.js';
import { invalidParam } from '../http/errors.js';
import { paginate, type ListEnvelope, type PageRequest } from '../http/pagination.js';
import { discountEnd, redeemRefusal, type CodeTerms, type CouponTerms, type RedeemTarget } from './redeem-rules.js';
import {
  countProviderRedemption,
  countRedemption,
  couponSeq,
  findCouponRow,
  findPromotionCodeRow,
  hasTransacted,
  insertCoupon,
  insertDiscount,
  insertPromotionCode,
  listCouponRows,
  listPromotionCodeRows,
  liveCustomerDiscounts,
  liveDiscount,
  markCouponDeleted,
  promotionCodeSeq,
  redeemedBefore,
  removeDiscount,
  toCoupon,
  toDiscount,
  toPromotionCode,
  updatePromotionCodeRow,
  type Coupon,
  type CouponRow,
  type Discount,
  type DiscountRow,
  type PromotionCode,
  type PromotionCodeFilter,
  type PromotionCodeRow,
} from './store.js';

type Schemas = components['schemas'];

const fromUnix = (seconds: number | undefined) => (seconds === undefined ? null : new Date(seconds * 1000));

/** The coupon's fields that the create params must agree on (the spec cannot say "exactly one of"). */
function checkCouponParams(params: Schemas['CouponCreateParams']): void {
  if ((params.percent_off === undefined) === (params.amount_off === undefined)) {
    throw invalidParam('percent_off', 'Give exactly one of percent_off and amount_off.');
  }
  // Read as the decimal JSON sent (String(0.29) is "0.29"): 0.29 × 100 in floating point is 28.999….
  if (params.percent_off !== undefined && !/^\d+(\.\d{1,2})?$/.test(String(params.percent_off))) {
    throw invalidParam('percent_off', 'percent_off takes at most two decimals.');
  }
  if (params.amount_off !== undefined && params.currency === undefined) throw invalidParam('currency', 'amount_off needs its currency.');
  if (params.amount_off === undefined && (params.currency !== undefined || params.currency_options !== undefined)) {
    throw invalidParam(params.currency !== undefined ? 'currency' : 'currency_options', 'currency and currency_options go with amount_off.');
  }
  if ((params.duration === 'repeating') !== (params.duration_in_months !== undefined)) {
    throw invalidParam('duration_in_months', 'duration_in_months is required with duration repeating, and only with it.');
  }
}

export async function createCoupon(work: Work, projectId: string, params: Schemas['CouponCreateParams']): Promise<Coupon> {
  checkCouponParams(params);
  const plans = params.applies_to ? await Promise.all(params.applies_to.plans.map(async (ref) => (await findPlan(work.db, projectId, ref)).id)) : null;
  const currencyOptions = Object.fromEntries(Object.entries(params.currency_options ?? {}).map(([code, option]) => [code.toLowerCase(), option]));
  const row = await insertCoupon(
    work.db,
    projectId,
    {
      id: params.id,
      name: params.name ?? null,
      percentOff: params.percent_off ?? null,
      amountOff: params.amount_off ?? null,
      currency: params.currency?.toLowerCase() ?? null,
      currencyOptions,
      duration: params.duration,
      durationInMonths: params.duration_in_months ?? null,
      maxRedemptions: params.max_redemptions ?? null,
      redeemBy: fromUnix(params.redeem_by),
      plans: plans === null ? null : [...new Set(plans)],
      metadata: cleanMetadata(params.metadata),
    },
    work.now,
  );
  return toCoupon(row, work.now);
}

export async function retrieveCoupon(db: Queryable, projectId: string, id: string, now: Date): Promise<Coupon> {
  return toCoupon(await findCouponRow(db, projectId, id), now);
}

export async function deleteCoupon(work: Work, projectId: string, id: string): Promise<Schemas['DeletedCoupon']> {
  await markCouponDeleted(work.db, projectId, id, work.now);
  return { id, object: 'coupon', deleted: true };
}

export function listCoupons(db: Queryable, projectId: string, page: PageRequest, now: Date): Promise<ListEnvelope<Coupon>> {
  return paginate(
    '/v1/coupons',
    page,
    'coupon',
    (id) => couponSeq(db, projectId, id),
    async (limit, afterSeq) => (await listCouponRows(db, projectId, limit, afterSeq)).map((row) => toCoupon(row, now)),
  );
}

async function promotionCodeView(db: Queryable, projectId: string, row: PromotionCodeRow, now: Date): Promise<PromotionCode> {
  return toPromotionCode(row, toCoupon(await findCouponRow(db, projectId, row.coupon_id, { deleted: true }), now));
}

export async function createPromotionCode(work: Work, projectId: string, params: Schemas['PromotionCodeCreateParams']): Promise<PromotionCode> {
  const coupon = await findCouponRow(work.db, projectId, params.coupon);
  const restrictions = params.restrictions ?? {};
  if ((restrictions.minimum_amount === undefined) !== (restrictions.minimum_amount_currency === undefined)) {
    throw invalidParam('restrictions', 'minimum_amount and minimum_amount_currency go together.');
  }
  const customerId = params.customer === undefined ? null : (await findCustomer(work.db, projectId, params.customer)).id;
  const row = await insertPromotionCode(
    work.db,
    projectId,
    {
      couponId: coupon.id,
      code: params.code,
      active: params.active ?? true,
      maxRedemptions: params.max_redemptions ?? null,
      expiresAt: fromUnix(params.expires_at),
      customerId,
      firstTimeTransaction: restrictions.first_time_transaction ?? false,
      minimumAmount: restrictions.minimum_amount ?? null,
      minimumAmountCurrency: restrictions.minimum_amount_currency?.toLowerCase() ?? null,
      metadata: cleanMetadata(params.metadata),
    },
    work.now,
  );
  return toPromotionCode(row, toCoupon(coupon, work.now));
}

export async function retrievePromotionCode(db: Queryable, projectId: string, id: string, now: Date): Promise<PromotionCode> {
  return promotionCodeView(db, projectId, await findPromotionCodeRow(db, projectId, id, 'promotion_code'), now);
}

export async function updatePromotionCode(work: Work, projectId: string, id: string, params: Schemas['PromotionCodeUpdateParams']): Promise<PromotionCode> {
  const row = await findPromotionCodeRow(work.db, projectId, id, 'promotion_code', true);
  await updatePromotionCodeRow(work.db, row.id, params.active ?? row.active, mergeMetadata(row.metadata, params.metadata), row.code);
  return retrievePromotionCode(work.db, projectId, row.id, work.now);
}

export function listPromotionCodes(
  db: Queryable,
  projectId: string,
  query: PageRequest & PromotionCodeFilter,
  now: Date,
): Promise<ListEnvelope<PromotionCode>> {
  const filter = { code: query.code, coupon: query.coupon, active: query.active };
  return paginate(
    '/v1/promotion_codes',
    query,
    'promotion code',
    (id) => promotionCodeSeq(db, projectId, id),
    async (limit, afterSeq) => {
      const rows = await listPromotionCodeRows(db, projectId, filter, limit, afterSeq);
      return Promise.all(rows.map((row) => promotionCodeView(db, projectId, row, now)));
    },
  );
}

/** A coupon or a promotion code to apply, as the API's params name them; an empty string removes the discount. */
export interface DiscountRefs {
  coupon?: string | undefined;
  promotion_code?: string | undefined;
}

/** What a discount is applied to: a subscription (with its plan), or the customer (subscription and plan null). */
export interface DiscountTarget {
  customerId: string;
  subscriptionId: string | null;
  plan: RedeemTarget['plan'];
}

const couponTerms = (row: CouponRow): CouponTerms => ({
  deleted: row.deleted_at !== null,
  redeemBy: row.redeem_by,
  maxRedemptions: row.max_redemptions,
  timesRedeemed: Number(row.times_redeemed),
  amountOff: row.amount_off === null ? null : Number(row.amount_off),
  currency: row.currency,
  currencyOptions: row.currency_options,
  plans: row.applies_to_plans,
  duration: row.duration,
  durationInMonths: row.duration_in_months,
});

const codeTerms = (row: PromotionCodeRow): CodeTerms => ({
  active: row.active,
  expiresAt: row.expires_at,
  maxRedemptions: row.max_redemptions,
  timesRedeemed: Number(row.times_redeemed),
  customerId: row.customer_id,
  firstTimeTransaction: row.first_time_transaction,
  minimumAmount: row.minimum_amount === null ? null : Number(row.minimum_amount),
  minimumAmountCurrency: row.minimum_amount_currency,
});

/** The coupon (locked) and the promotion code (locked) that `refs` name, checked for `target`; 400 naming the param when refused. */
export async function redeemable(
  db: Queryable,
  projectId: string,
  refs: { coupon?: string; promotion_code?: string },
  target: Omit<DiscountTarget, 'subscriptionId'>,
  now: Date,
): Promise<{ coupon: CouponRow; code: PromotionCodeRow | null }> {
  const code = refs.promotion_code === undefined ? null : await findPromotionCodeRow(db, projectId, refs.promotion_code, 'promotion_code', true);
  const param = code ? 'promotion_code' : 'coupon';
  const coupon = await findCouponRow(db, projectId, code?.coupon_id ?? refs.coupon!, { deleted: true, forUpdate: true, param });
  // The code's row is locked: a customer's parallel redemptions of a first-time code see each other's.
  const transacted = code?.first_time_transaction
    ? (await hasTransacted(db, target.customerId)) || (await redeemedBefore(db, code.id, target.customerId))
    : false;
  const refused = redeemRefusal(couponTerms(coupon), code && codeTerms(code), { ...target, transacted }, now);
  if (refused) throw invalidParam(refused.param, refused.message, refused.code);
  return { coupon, code };
}

/**
 * Applies what `refs` name to `target` in the caller's transaction: checked, counted (one
 * redemption of the coupon and of the code, refused at their limit), replacing the live
 * discount there. An empty string removes the discount. Nothing asked (both absent): undefined.
 */
export async function applyDiscountRefs(work: Work, projectId: string, target: DiscountTarget, refs: DiscountRefs): Promise<DiscountRow | null | undefined> {
  if (refs.coupon !== undefined && refs.promotion_code !== undefined) throw invalidParam('promotion_code', 'Give coupon or promotion_code, not both.');
  const asked = refs.coupon ?? refs.promotion_code;
  if (asked === undefined) return undefined;
  if (asked === '') {
    await removeDiscount(work.db, target.customerId, target.subscriptionId, work.now);
    return null;
  }
  const { coupon, code } = await redeemable(work.db, projectId, refs, target, work.now);
  const counted = await countRedemption(work.db, projectId, coupon.id, code?.id ?? null);
  if (counted !== 'ok')
    throw invalidParam(
      counted,
      `This ${counted === 'coupon' ? 'coupon' : 'promotion code'} has been redeemed as many times as it may be.`,
      'max_redemptions_reached',
    );
  return replaceDiscount(work, projectId, target, coupon, code);
}

/**
 * Records on a subscription the discount a provider applied (a checkout's, already redeemed
 * there): counted once here (never refused: the provider has applied it), replacing the live one.
 */
export async function recordProviderDiscount(
  work: Work,
  projectId: string,
  target: { customerId: string; subscriptionId: string },
  coupon: CouponRow,
  code: PromotionCodeRow | null,
): Promise<DiscountRow> {
  await countProviderRedemption(work.db, projectId, coupon.id, code?.id ?? null);
  return replaceDiscount(work, projectId, target, coupon, code);
}

/** The target's discount from now on: the live one ends, the coupon's starts (running as its duration says). */
async function replaceDiscount(
  work: Work,
  projectId: string,
  target: { customerId: string; subscriptionId: string | null },
  coupon: CouponRow,
  code: PromotionCodeRow | null,
): Promise<DiscountRow> {
  await removeDiscount(work.db, target.customerId, target.subscriptionId, work.now);
  return insertDiscount(work.db, projectId, {
    customer_id: target.customerId,
    subscription_id: target.subscriptionId,
    coupon_id: coupon.id,
    promotion_code_id: code?.id ?? null,
    start_at: work.now,
    end_at: discountEnd(couponTerms(coupon), work.now),
  });
}

/** The live discount of a subscription (its own, else its customer's; with `at`, not one ended by then), with its coupon. */
export async function discountOf(
  db: Queryable,
  projectId: string,
  customerId: string,
  subscriptionId: string | null,
  at?: Date,
): Promise<{ row: DiscountRow; coupon: CouponRow } | undefined> {
  const row = await liveDiscount(db, customerId, subscriptionId, at);
  if (!row) return undefined;
  return { row, coupon: await findCouponRow(db, projectId, row.coupon_id, { deleted: true }) };
}

/** The customers' own discounts (as the API shows them), by customer id; one without has no entry. */
export async function customerDiscounts(db: Queryable, projectId: string, customerIds: readonly string[], now: Date): Promise<Map<string, Discount>> {
  const rows = await liveCustomerDiscounts(db, customerIds, now);
  const coupons = new Map<string, Coupon>();
  for (const couponId of new Set(rows.map((row) => row.coupon_id))) {
    coupons.set(couponId, toCoupon(await findCouponRow(db, projectId, couponId, { deleted: true }), now));
  }
  return new Map(rows.map((row) => [row.customer_id, toDiscount(row, coupons.get(row.coupon_id)!)]));
}

/** The discount a subscription shows now (its own, else its customer's), as the API shows it. */
export async function subscriptionDiscount(
  db: Queryable,
  projectId: string,
  customerId: string,
  subscriptionId: string,
  now: Date,
): Promise<Discount | undefined> {
  const found = await discountOf(db, projectId, customerId, subscriptionId, now);
  return found && toDiscount(found.row, toCoupon(found.coupon, now));
}
