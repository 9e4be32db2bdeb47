// SQL for plans and their versions. A plan row is the identity (key, current version); each
// version row holds the terms.
import { unixSeconds } from '../clock.js';
import { isUniqueViolation, type Queryable } from '../db/database.js';
import type { Metadata } from '../customers/metadata.js';
import type { FeatureTerms } from './types.js';
import { alreadyExists, notFound } from '../http/errors.js';
import { newId } from '../ids.js';
import { toApiPrice, type ApiPrice, type StoredPrice } from './prices.js';

export type PlanInterval = 'month' | 'year' | 'one_time';

/** The credit each purchase of a one_time plan grants, or each period of a recurring plan (whole minor units). */
export interface PlanCredits {
  amount: number;
  currency: string;
  expires_in_days: number | null;
  /** Recurring plans only: what is left at a period's end rolls into the next, up to `cap`; null = none. */
  rollover?: { cap: number } | null;
}

export interface PlanTerms {
  name: string;
  interval: PlanInterval;
  currency: string;
  base_price: number;
  /** The base price is per seat (× the subscription's quantity); false when absent. */
  per_seat?: boolean;
  /** Usage prices; none when absent. */
  prices?: StoredPrice[];
  trial_days: number;
  entitlements: FeatureTerms[];
  /** Granted by each purchase (one_time) or each period (recurring); none when absent. */
  credits?: PlanCredits | null;
}

/**
 * Where a plan sits among the others: its group (a customer holds at most one live subscription
 * per group) or an add-on (stacks with the group's plan), and whether it is its group's default
 * (what a customer holds when it holds nothing else there). Plan-level, not versioned.
 */
export interface PlanPlacement {
  group: string;
  add_on: boolean;
  default: boolean;
}

/** A plan's group when none is named. */
export const DEFAULT_GROUP = 'default';

const DEFAULT_PLACEMENT: PlanPlacement = { group: DEFAULT_GROUP, add_on: false, default: false };

export interface Plan extends Omit<PlanTerms, 'prices' | 'credits' | 'per_seat'>, PlanPlacement {
  per_seat: boolean;
  prices: ApiPrice[];
  credits: PlanCredits | null;
  id: string;
  object: 'plan';
  key: string;
  version: number;
  metadata: Metadata;
  created: number;
}

interface PlanRow {
  id: string;
  key: string;
  current_version: number;
  plan_group: string;
  add_on: boolean;
  is_default: boolean;
  metadata: Metadata;
  created_at: Date;
  version: number;
  name: string;
  interval: PlanInterval;
  currency: string;
  base_price: number;
  per_seat: boolean;
  prices: StoredPrice[];
  trial_days: number;
  entitlements: FeatureTerms[];
  credits: PlanCredits | null;
}

const toPlan = (row: PlanRow): Plan => ({
  id: row.id,
  object: 'plan',
  key: row.key,
  name: row.name,
  version: row.version,
  group: row.plan_group,
  add_on: row.add_on,
  default: row.is_default,
  interval: row.interval,
  currency: row.currency,
  base_price: row.base_price,
  per_seat: row.per_seat,
  prices: row.prices.map(toApiPrice),
  trial_days: row.trial_days,
  // jsonb keeps keys in its own order; put `feature` first, as it was written.
  entitlements: row.entitlements.map(({ feature, ...terms }) => ({ feature, ...terms })),
  credits: row.credits && {
    amount: row.credits.amount,
    currency: row.credits.currency,
    expires_in_days: row.credits.expires_in_days,
    // Shown on recurring plans only: a one_time plan's credits have no periods to roll between.
    ...(row.interval === 'one_time' ? {} : { rollover: row.credits.rollover ?? null }),
  },
  metadata: row.metadata,
  created: unixSeconds(row.created_at),
});

const SELECT = `select p.id, p.key, p.current_version, p.plan_group, p.add_on, p.is_default, p.metadata, p.created_at, v.version, v.name, v.interval,
  v.currency, v.base_price, v.per_seat, v.prices, v.trial_days, v.entitlements, v.credits
  from plans p join plan_versions v on v.plan_id = p.id`;

/** A version's columns in the order both statements below name them ($1 to $11). */
const versionColumns = (planId: string, version: number, terms: PlanTerms): unknown[] => [
  planId,
  version,
  terms.name,
  terms.interval,
  terms.currency,
  terms.base_price,
  terms.trial_days,
  JSON.stringify(terms.entitlements),
  JSON.stringify(terms.prices ?? []),
  terms.credits ? JSON.stringify(terms.credits) : null,
  terms.per_seat ?? false,
];

async function insertVersion(db: Queryable, planId: string, version: number, terms: PlanTerms, now: Date): Promise<void> {
  await db.query(
    `insert into plan_versions (plan_id, version, name, interval, currency, base_price, trial_days, entitlements, prices, credits, per_seat, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [...versionColumns(planId, version, terms), now],
  );
}

export async function insertPlan(
  db: Queryable,
  projectId: string,
  key: string,
  terms: PlanTerms,
  metadata: Metadata,
  now: Date,
  placement: PlanPlacement = DEFAULT_PLACEMENT,
): Promise<Plan> {
  const id = newId('plan');
  try {
    await db.query(
      `insert into plans (id, project_id, key, current_version, plan_group, add_on, is_default, metadata, created_at)
       values ($1, $2, $3, 1, $4, $5, $6, $7, $8)`,
      [id, projectId, key, placement.group, placement.add_on, placement.default, JSON.stringify(metadata), now],
    );
  } catch (error) {
    if (isUniqueViolation(error, ONE_DEFAULT_PER_GROUP)) throw defaultTaken(placement.group);
    if (isUniqueViolation(error)) throw alreadyExists('key', `A plan with key '${key}' already exists.`);
    throw error;
  }
  await insertVersion(db, id, 1, terms, now);
  return findPlan(db, projectId, id);
}

// One default plan per group: the partial unique index of migration 0015 holds it under any concurrency.
const ONE_DEFAULT_PER_GROUP = 'plans_one_default_per_group';

const defaultTaken = (group: string) => alreadyExists('default', `Group '${group}' already has a default plan: unset that one's \`default\` first.`);

/** The usage prices of one plan version, as stored. */
export async function planVersionPrices(db: Queryable, planId: string, version: number): Promise<StoredPrice[]> {
  const { rows } = await db.query<{ prices: StoredPrice[] }>('select prices from plan_versions where plan_id = $1 and version = $2', [planId, version]);
  return rows[0]?.prices ?? [];
}

/** By id or key, at `version` or the current one; `forUpdate` locks the plan row. */
export async function findPlan(db: Queryable, projectId: string, ref: string, version?: number, forUpdate = false): Promise<Plan> {
  const { rows } = await db.query<PlanRow>(
    `${SELECT} where p.project_id = $1 and (p.id = $2 or p.key = $2) and v.version = coalesce($3::int, p.current_version)
     order by (p.id = $2) desc limit 1${forUpdate ? ' for update of p' : ''}`,
    [projectId, ref, version ?? null],
  );
  if (!rows[0]) throw notFound(version === undefined ? 'plan' : `plan version ${version} of`, ref, 'plan');
  return toPlan(rows[0]);
}

/** Whether anyone still holds this version: a live subscription or an unrefunded purchase. */
export async function versionInUse(db: Queryable, planId: string, version: number): Promise<boolean> {
  const { rows } = await db.query(
    `select 1 from subscriptions where plan_id = $1 and plan_version = $2 and status <> 'canceled'
     union all
     select 1 from purchases where plan_id = $1 and plan_version = $2 and refunded_at is null
     limit 1`,
    [planId, version],
  );
  return rows.length > 0;
}

export async function replaceCurrentVersion(db: Queryable, planId: string, version: number, terms: PlanTerms): Promise<void> {
  await db.query(
    `update plan_versions set name = $3, interval = $4, currency = $5, base_price = $6, trial_days = $7, entitlements = $8, prices = $9,
       credits = $10, per_seat = $11
     where plan_id = $1 and version = $2`,
    versionColumns(planId, version, terms),
  );
}

/** The name and credit pack of one plan version (what a purchase of it grants). */
export async function planVersionCredits(db: Queryable, planId: string, version: number): Promise<{ name: string; credits: PlanCredits | null } | undefined> {
  const { rows } = await db.query<{ name: string; credits: PlanCredits | null }>(
    'select name, credits from plan_versions where plan_id = $1 and version = $2',
    [planId, version],
  );
  return rows[0];
}

export async function addVersion(db: Queryable, planId: string, version: number, terms: PlanTerms, now: Date): Promise<void> {
  await insertVersion(db, planId, version, terms, now);
  await db.query('update plans set current_version = $2 where id = $1', [planId, version]);
}

/** The default plan of each group, at its current version. */
export async function defaultPlans(db: Queryable, projectId: string): Promise<Plan[]> {
  const { rows } = await db.query<PlanRow>(
    `${SELECT} where p.project_id = $1 and p.is_default and not p.add_on and v.version = p.current_version order by p.plan_group`,
    [projectId],
  );
  return rows.map(toPlan);
}

/** Makes the plan its group's default, or stops it being; a second default in one group is a 409 naming `default`. */
export async function setPlanDefault(db: Queryable, plan: Pick<Plan, 'id' | 'group'>, isDefault: boolean): Promise<void> {
  try {
    await db.query('update plans set is_default = $2 where id = $1', [plan.id, isDefault]);
  } catch (error) {
    if (isUniqueViolation(error, ONE_DEFAULT_PER_GROUP)) throw defaultTaken(plan.group);
    throw error;
  }
}

export async function setPlanMetadata(db: Queryable, planId: string, metadata: Metadata): Promise<void> {
  await db.query('update plans set metadata = $2 where id = $1', [planId, JSON.stringify(metadata)]);
}

export async function listPlanRows(db: Queryable, projectId: string, limit: number, afterSeq?: number): Promise<Plan[]> {
  const { rows } = await db.query<PlanRow>(
    `${SELECT} where p.project_id = $1 and v.version = p.current_version and ($2::bigint is null or p.seq < $2)
     order by p.seq desc limit $3`,
    [projectId, afterSeq ?? null, limit],
  );
  return rows.map(toPlan);
}

export async function planSeq(db: Queryable, projectId: string, id: string): Promise<number | undefined> {
  const { rows } = await db.query<{ seq: number }>('select seq from plans where project_id = $1 and id = $2', [projectId, id]);
  return rows[0]?.seq;
}

/** The key of a plan, by id. */
export async function planKey(db: Queryable, planId: string): Promise<string> {
  const { rows } = await db.query<{ key: string }>('select key from plans where id = $1', [planId]);
  return rows[0]!.key;
}
