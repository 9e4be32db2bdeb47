// SQL for coupons, promotion codes and discounts (the coupon applied to a subscription or a customer).
import type { components } from '@nozle/openapi';
import { unixSeconds } from '../clock.js';
import type { Metadata } from '../customers/metadata.js';
import { isUniqueViolation, type Queryable } from '../db/database.js';
import { alreadyExists, notFound } from '../http/errors.js';
import { newId } from '../ids.js';

type Schemas = components['schemas'];
export type Coupon = Schemas['Coupon'];
export type PromotionCode = Schemas['PromotionCode'];
export type Discount = Schemas['Discount'];

export interface CouponRow {
  seq: number;
  id: string;
  name: string | null;
  percent_off: string | null;
  amount_off: string | number | null;
  currency: string | null;
  currency_options: Record<string, { amount_off: number }>;
  duration: Coupon['duration'];
  duration_in_months: number | null;
  max_redemptions: number | null;
  redeem_by: Date | null;
  times_redeemed: number;
  /** Plan ids; null for every plan. */
  applies_to_plans: string[] | null;
  /** Their keys, in the same order (what the API shows). */
  applies_to_keys: string[] | null;
  metadata: Metadata;
  created_at: Date;
  deleted_at: Date | null;
  /** The Stripe coupon made for it, once one was. */
  stripe_coupon_id: string | null;
}

const COUPON = `select c.seq, c.id, c.name, c.percent_off::text as percent_off, c.amount_off, c.currency, c.currency_options, c.duration,
    c.duration_in_months, c.max_redemptions, c.redeem_by, c.times_redeemed, c.applies_to_plans, c.metadata, c.created_at, c.deleted_at,
    c.stripe_coupon_id,
    (select jsonb_agg(p.key order by x.n) from jsonb_array_elements_text(c.applies_to_plans) with ordinality x(plan_id, n)
       join plans p on p.id = x.plan_id) as applies_to_keys
  from coupons c`;

/** "20.00" as the API shows it: 20 (a number, as Stripe's percent_off). */
const percent = (value: string | null) => (value === null ? null : Number(value));

export const toCoupon = (row: CouponRow, now: Date): Coupon => ({
  id: row.id,
  object: 'coupon',
  name: row.name,
  percent_off: percent(row.percent_off),
  amount_off: row.amount_off === null ? null : Number(row.amount_off),
  currency: row.currency,
  currency_options: row.currency_options,
  duration: row.duration,
  duration_in_months: row.duration_in_months,
  max_redemptions: row.max_redemptions,
  redeem_by: row.redeem_by ? unixSeconds(row.redeem_by) : null,
  times_redeemed: Number(row.times_redeemed),
  valid:
    row.deleted_at === null && (row.redeem_by === null || row.redeem_by > now) && (row.max_redemptions === null || row.times_redeemed < row.max_redemptions),
  applies_to: { plans: row.applies_to_plans === null ? null : (row.applies_to_keys ?? []) },
  metadata: row.metadata,
  created: unixSeconds(row.created_at),
});

export interface NewCoupon {
  id: string | undefined;
  name: string | null;
  percentOff: number | null;
  amountOff: number | null;
  currency: string | null;
  currencyOptions: Record<string, { amount_off: number }>;
  duration: Coupon['duration'];
  durationInMonths: number | null;
  maxRedemptions: number | null;
  redeemBy: Date | null;
  plans: string[] | null;
  metadata: Metadata;
}

export async function insertCoupon(db: Queryable, projectId: string, coupon: NewCoupon, now: Date): Promise<CouponRow> {
  const id = coupon.id ?? newId('co');
  try {
    await db.query(
      `insert into coupons (project_id, id, name, percent_off, amount_off, currency, currency_options, duration, duration_in_months, max_redemptions,
         redeem_by, applies_to_plans, metadata, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        projectId,
        id,
        coupon.name,
        coupon.percentOff,
        coupon.amountOff,
        coupon.currency,
        JSON.stringify(coupon.currencyOptions),
        coupon.duration,
        coupon.durationInMonths,
        coupon.maxRedemptions,
        coupon.redeemBy,
        coupon.plans === null ? null : JSON.stringify(coupon.plans),
        JSON.stringify(coupon.metadata),
        now,
      ],
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyExists('id', `A coupon with id '${id}' already exists.`);
    throw error;
  }
  return findCouponRow(db, projectId, id, { deleted: true });
}

/** The project's coupon `id` (a deleted one only with `deleted`), its row locked with `forUpdate`; 404 naming `param` otherwise. */
export async function findCouponRow(
  db: Queryable,
  projectId: string,
  id: string,
  options: { deleted?: boolean; forUpdate?: boolean; param?: string } = {},
): Promise<CouponRow> {
  const { rows } = await db.query<CouponRow>(`${COUPON} where c.project_id = $1 and c.id = $2${options.forUpdate ? ' for update of c' : ''}`, [projectId, id]);
  const row = rows[0];
  if (!row || (row.deleted_at !== null && !options.deleted)) throw notFound('coupon', id, options.param ?? 'coupon');
  return row;
}

export async function markCouponDeleted(db: Queryable, projectId: string, id: string, now: Date): Promise<void> {
  const { rowCount } = await db.query('update coupons set deleted_at = $3 where project_id = $1 and id = $2 and deleted_at is null', [projectId, id, now]);
  if (!rowCount) throw notFound('coupon', id, 'coupon');
}

export async function listCouponRows(db: Queryable, projectId: string, limit: number, afterSeq?: number): Promise<CouponRow[]> {
  const { rows } = await db.query<CouponRow>(
    `${COUPON} where c.project_id = $1 and c.deleted_at is null and ($2::bigint is null or c.seq < $2) order by c.seq desc limit $3`,
    [projectId, afterSeq ?? null, limit],
  );
  return rows;
}

export async function couponSeq(db: Queryable, projectId: string, id: string): Promise<number | undefined> {
  const { rows } = await db.query<{ seq: number }>('select seq from coupons where project_id = $1 and id = $2 and deleted_at is null', [projectId, id]);
  return rows[0]?.seq;
}

/**
 * Counts one redemption of the coupon (and of the promotion code), refused by the guard in the
 * same statement when it is at its limit: two applies at once cannot both take the last one.
 * False when a limit was reached (nothing counted).
 */
export async function countRedemption(
  db: Queryable,
  projectId: string,
  couponId: string,
  promotionCodeId: string | null,
): Promise<'ok' | 'coupon' | 'promotion_code'> {
  if (promotionCodeId !== null) {
    const code = await db.query(
      'update promotion_codes set times_redeemed = times_redeemed + 1 where id = $1 and (max_redemptions is null or times_redeemed < max_redemptions)',
      [promotionCodeId],
    );
    if (!code.rowCount) return 'promotion_code';
  }
  const coupon = await db.query(
    `update coupons set times_redeemed = times_redeemed + 1
     where project_id = $1 and id = $2 and (max_redemptions is null or times_redeemed < max_redemptions)`,
    [projectId, couponId],
  );
  return coupon.rowCount ? 'ok' : 'coupon';
}

export interface PromotionCodeRow {
  seq: number;
  id: string;
  coupon_id: string;
  code: string;
  active: boolean;
  max_redemptions: number | null;
  times_redeemed: number;
  expires_at: Date | null;
  customer_id: string | null;
  first_time_transaction: boolean;
  minimum_amount: string | number | null;
  minimum_amount_currency: string | null;
  metadata: Metadata;
  created_at: Date;
  /** The Stripe promotion code made for it, once one was. */
  stripe_promotion_code_id: string | null;
}

const PROMO_COLUMNS = `seq, id, coupon_id, code, active, max_redemptions, times_redeemed, expires_at, customer_id, first_time_transaction,
  minimum_amount, minimum_amount_currency, metadata, created_at, stripe_promotion_code_id`;
const PROMO = `select ${PROMO_COLUMNS} from promotion_codes`;

export const toPromotionCode = (row: PromotionCodeRow, coupon: Coupon): PromotionCode => ({
  id: row.id,
  object: 'promotion_code',
  code: row.code,
  coupon,
  active: row.active,
  max_redemptions: row.max_redemptions,
  times_redeemed: Number(row.times_redeemed),
  expires_at: row.expires_at ? unixSeconds(row.expires_at) : null,
  customer: row.customer_id,
  restrictions: {
    first_time_transaction: row.first_time_transaction,
    minimum_amount: row.minimum_amount === null ? null : Number(row.minimum_amount),
    minimum_amount_currency: row.minimum_amount_currency,
  },
  metadata: row.metadata,
  created: unixSeconds(row.created_at),
});

export interface NewPromotionCode {
  couponId: string;
  code: string;
  active: boolean;
  maxRedemptions: number | null;
  expiresAt: Date | null;
  customerId: string | null;
  firstTimeTransaction: boolean;
  minimumAmount: number | null;
  minimumAmountCurrency: string | null;
  metadata: Metadata;
}

const codeTaken = (code: string) => alreadyExists('code', `An active promotion code '${code}' already exists.`);

export async function insertPromotionCode(db: Queryable, projectId: string, promo: NewPromotionCode, now: Date): Promise<PromotionCodeRow> {
  try {
    const { rows } = await db.query<PromotionCodeRow>(
      `insert into promotion_codes (id, project_id, coupon_id, code, active, max_redemptions, expires_at, customer_id, first_time_transaction,
         minimum_amount, minimum_amount_currency, metadata, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       returning ${PROMO_COLUMNS}`,
      [
        newId('promo'),
        projectId,
        promo.couponId,
        promo.code,
        promo.active,
        promo.maxRedemptions,
        promo.expiresAt,
        promo.customerId,
        promo.firstTimeTransaction,
        promo.minimumAmount,
        promo.minimumAmountCurrency,
        JSON.stringify(promo.metadata),
        now,
      ],
    );
    return rows[0]!;
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(promo.code);
    throw error;
  }
}

/** A promotion code by its id, or (for what a customer typed) its active `code` in any case; 404 naming `param`. */
export async function findPromotionCodeRow(db: Queryable, projectId: string, ref: string, param: string, forUpdate = false): Promise<PromotionCodeRow> {
  const lock = forUpdate ? ' for update' : '';
  const byId = await db.query<PromotionCodeRow>(`${PROMO} where project_id = $1 and id = $2${lock}`, [projectId, ref]);
  if (byId.rows[0]) return byId.rows[0];
  const byCode = await db.query<PromotionCodeRow>(`${PROMO} where project_id = $1 and active and lower(code) = lower($2)${lock}`, [projectId, ref]);
  if (!byCode.rows[0]) throw notFound('promotion code', ref, param);
  return byCode.rows[0];
}

export async function updatePromotionCodeRow(db: Queryable, id: string, active: boolean, metadata: Metadata, code: string): Promise<void> {
  try {
    await db.query('update promotion_codes set active = $2, metadata = $3 where id = $1', [id, active, JSON.stringify(metadata)]);
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(code);
    throw error;
  }
}

export interface PromotionCodeFilter {
  code?: string;
  coupon?: string;
  active?: boolean;
}

export async function listPromotionCodeRows(
  db: Queryable,
  projectId: string,
  filter: PromotionCodeFilter,
  limit: number,
  afterSeq?: number,
): Promise<PromotionCodeRow[]> {
  const { rows } = await db.query<PromotionCodeRow>(
    `${PROMO} where project_id = $1 and ($2::text is null or lower(code) = lower($2)) and ($3::text is null or coupon_id = $3)
       and ($4::boolean is null or active = $4) and ($5::bigint is null or seq < $5)
     order by seq desc limit $6`,
    [projectId, filter.code ?? null, filter.coupon ?? null, filter.active ?? null, afterSeq ?? null, limit],
  );
  return rows;
}

export async function promotionCodeSeq(db: Queryable, projectId: string, id: string): Promise<number | undefined> {
  const { rows } = await db.query<{ seq: number }>('select seq from promotion_codes where project_id = $1 and id = $2', [projectId, id]);
  return rows[0]?.seq;
}

/**
 * Whether the customer has been invoiced or bought anything (a promotion code's
 * `first_time_transaction`). Reads billing's and access's tables, writes nothing.
 */
export async function hasTransacted(db: Queryable, customerId: string): Promise<boolean> {
  const { rows } = await db.query(
    `select 1 where exists (select 1 from invoices where customer_id = $1 and total > 0)
       or exists (select 1 from purchases where customer_id = $1)`,
    [customerId],
  );
  return rows.length > 0;
}

/** Whether the customer has redeemed the promotion code before (a first-time code is redeemed once per customer). */
export async function redeemedBefore(db: Queryable, promotionCodeId: string, customerId: string): Promise<boolean> {
  const { rows } = await db.query('select 1 from discounts where promotion_code_id = $1 and customer_id = $2 limit 1', [promotionCodeId, customerId]);
  return rows.length > 0;
}

export interface DiscountRow {
  id: string;
  customer_id: string;
  subscription_id: string | null;
  coupon_id: string;
  promotion_code_id: string | null;
  start_at: Date;
  end_at: Date | null;
}

const DISCOUNT = 'select id, customer_id, subscription_id, coupon_id, promotion_code_id, start_at, end_at from discounts';

/** Ends the live discount of the subscription (or of the customer, for `subscriptionId` null). */
export async function removeDiscount(db: Queryable, customerId: string, subscriptionId: string | null, now: Date): Promise<void> {
  await db.query(
    `update discounts set removed_at = $3 where customer_id = $1 and removed_at is null
       and (($2::text is null and subscription_id is null) or subscription_id = $2)`,
    [customerId, subscriptionId, now],
  );
}

export async function insertDiscount(db: Queryable, projectId: string, discount: Omit<DiscountRow, 'id'>): Promise<DiscountRow> {
  const { rows } = await db.query<DiscountRow>(
    `insert into discounts (id, project_id, customer_id, subscription_id, coupon_id, promotion_code_id, start_at, end_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id, customer_id, subscription_id, coupon_id, promotion_code_id, start_at, end_at`,
    [
      newId('di'),
      projectId,
      discount.customer_id,
      discount.subscription_id,
      discount.coupon_id,
      discount.promotion_code_id,
      discount.start_at,
      discount.end_at,
    ],
  );
  return rows[0]!;
}

/**
 * The live discount of the subscription, else its customer's (Stripe: a subscription's own
 * discount wins). With `at`, one that has ended by then is passed over: once a subscription's
 * repeating discount is over, its customer's applies.
 */
export async function liveDiscount(db: Queryable, customerId: string, subscriptionId: string | null, at?: Date): Promise<DiscountRow | undefined> {
  const { rows } = await db.query<DiscountRow>(
    `${DISCOUNT} where customer_id = $1 and removed_at is null and (subscription_id is null or subscription_id = $2)
       and ($3::timestamptz is null or end_at is null or end_at > $3)
     order by (subscription_id is null) limit 1`,
    [customerId, subscriptionId, at ?? null],
  );
  return rows[0];
}

/** The live discounts of these customers (their own, not their subscriptions'), but those ended by `now`. */
export async function liveCustomerDiscounts(db: Queryable, customerIds: readonly string[], now: Date): Promise<DiscountRow[]> {
  if (customerIds.length === 0) return [];
  const { rows } = await db.query<DiscountRow>(
    `${DISCOUNT} where customer_id = any($1::text[]) and removed_at is null and subscription_id is null and (end_at is null or end_at > $2)`,
    [customerIds, now],
  );
  return rows;
}

/** Remembers the Stripe coupon made for the coupon. */
export async function setStripeCouponId(db: Queryable, projectId: string, id: string, stripeId: string): Promise<void> {
  await db.query('update coupons set stripe_coupon_id = $3 where project_id = $1 and id = $2', [projectId, id, stripeId]);
}

/** Remembers the Stripe promotion code made for the promotion code. */
export async function setStripePromotionCodeId(db: Queryable, id: string, stripeId: string): Promise<void> {
  await db.query('update promotion_codes set stripe_promotion_code_id = $2 where id = $1', [id, stripeId]);
}

/** The project's coupon a Stripe coupon was made for (deleted ones too: Stripe may have applied it before). */
export async function couponForStripeId(db: Queryable, projectId: string, stripeId: string): Promise<CouponRow | undefined> {
  const { rows } = await db.query<CouponRow>(`${COUPON} where c.project_id = $1 and c.stripe_coupon_id = $2`, [projectId, stripeId]);
  return rows[0];
}

export async function promotionCodeForStripeId(db: Queryable, projectId: string, stripeId: string): Promise<PromotionCodeRow | undefined> {
  const { rows } = await db.query<PromotionCodeRow>(`${PROMO} where project_id = $1 and stripe_promotion_code_id = $2`, [projectId, stripeId]);
  return rows[0];
}

/** The project's active promotion codes not past their expiry, oldest first (those a buyer may type at checkout). */
export async function typeablePromotionCodes(db: Queryable, projectId: string, now: Date, limit: number): Promise<PromotionCodeRow[]> {
  const { rows } = await db.query<PromotionCodeRow>(
    `${PROMO} where project_id = $1 and active and (expires_at is null or expires_at > $2)
       and (max_redemptions is null or times_redeemed < max_redemptions) order by seq limit $3`,
    [projectId, now, limit],
  );
  return rows;
}

export const toDiscount = (row: DiscountRow, coupon: Coupon): Discount => ({
  id: row.id,
  object: 'discount',
  coupon,
  promotion_code: row.promotion_code_id,
  customer: row.customer_id,
  subscription: row.subscription_id,
  start: unixSeconds(row.start_at),
  end: row.end_at ? unixSeconds(row.end_at) : null,
});

/** Counts one redemption the provider already made, without a guard it could fail: at a limit it is not counted past it. */
export async function countProviderRedemption(db: Queryable, projectId: string, couponId: string, promotionCodeId: string | null): Promise<void> {
  if (promotionCodeId !== null) {
    await db.query(
      'update promotion_codes set times_redeemed = times_redeemed + 1 where id = $1 and (max_redemptions is null or times_redeemed < max_redemptions)',
      [promotionCodeId],
    );
  }
  await db.query(
    `update coupons set times_redeemed = times_redeemed + 1
     where project_id = $1 and id = $2 and (max_redemptions is null or times_redeemed < max_redemptions)`,
    [projectId, couponId],
  );
}
