// What the plan routes call. Terms change in place while nobody holds the current version;
// otherwise they become a new version and existing holders keep theirs until migrated.
import type { components } from '@nozle/openapi';
import { cleanMetadata, mergeMetadata } from '../customers/metadata.js';
import { lockCustomer } from '../customers/store.js';
import type { Queryable } from '../db/database.js';
import type { Work } from '../db/work.js';
import type { EntitlementChanges } from '../entitlement-changes.js';
import { paginate, type ListEnvelope, type PageRequest } from '../http/pagination.js';
import { featureDefinitions } from './features-store.js';
import { changesTerms, checkOneTime, checkPlacement, migrationTarget, toPlanCredits } from './plan-rules.js';
import { normalizePlanTerms } from './plan-terms.js';
import {
  addVersion,
  findPlan,
  insertPlan,
  listPlanRows,
  planSeq,
  planVersionPrices,
  DEFAULT_GROUP,
  replaceCurrentVersion,
  setPlanDefault,
  setPlanMetadata,
  versionInUse,
  type Plan,
  type PlanTerms,
} from './plans-store.js';
import type { CatalogPorts } from './ports.js';
import { normalizePrices } from './prices.js';

type PlanCreateParams = components['schemas']['PlanCreateParams'];
type PlanUpdateParams = components['schemas']['PlanUpdateParams'];
type PlanMigrateParams = components['schemas']['PlanMigrateParams'];
type PlanMigration = components['schemas']['PlanMigration'];

export interface PlanDeps {
  entitlements: EntitlementChanges;
  catalog: Pick<CatalogPorts, 'checkPrice' | 'planHolders'>;
}

export async function createPlan(work: Work, deps: Pick<PlanDeps, 'catalog'>, projectId: string, params: PlanCreateParams): Promise<Plan> {
  const { db } = work;
  const terms: PlanTerms = {
    name: params.name ?? params.key,
    interval: params.interval,
    currency: params.currency ?? 'usd',
    base_price: params.base_price ?? 0,
    per_seat: params.per_seat ?? false,
    prices: await normalizePrices(db, projectId, params.prices ?? [], deps.catalog.checkPrice),
    trial_days: params.trial_days ?? 0,
    entitlements: normalizePlanTerms(params.entitlements ?? [], await featureDefinitions(db, projectId)),
    credits: toPlanCredits(params.credits),
  };
  checkOneTime(terms);
  const placement = { group: params.group ?? DEFAULT_GROUP, add_on: params.add_on ?? false, default: params.default ?? false };
  checkPlacement({ ...placement, groupNamed: params.group !== undefined }, terms);
  return insertPlan(db, projectId, params.key, terms, cleanMetadata(params.metadata), work.now, placement);
}

/** The plan's terms with the update applied (prices and entitlements checked again only when given). */
async function updatedTerms(db: Queryable, deps: Pick<PlanDeps, 'catalog'>, projectId: string, current: Plan, update: PlanUpdateParams): Promise<PlanTerms> {
  return {
    name: update.name ?? current.name,
    interval: current.interval,
    currency: update.currency ?? current.currency,
    base_price: update.base_price ?? current.base_price,
    per_seat: update.per_seat ?? current.per_seat,
    prices: update.prices
      ? await normalizePrices(db, projectId, update.prices, deps.catalog.checkPrice)
      : await planVersionPrices(db, current.id, current.version),
    trial_days: update.trial_days ?? current.trial_days,
    entitlements: update.entitlements ? normalizePlanTerms(update.entitlements, await featureDefinitions(db, projectId)) : current.entitlements,
    credits: update.credits === undefined ? current.credits : toPlanCredits(update.credits),
  };
}

export async function updatePlan(work: Work, deps: Pick<PlanDeps, 'catalog'>, projectId: string, ref: string, update: PlanUpdateParams): Promise<Plan> {
  const { db } = work;
  const current = await findPlan(db, projectId, ref, undefined, true);
  // A plan's group is fixed once it exists (the spec has no `group` to update): moving it would
  // put its live subscriptions in another group, beside whatever their customers hold there.
  const isDefault = update.default ?? current.default;
  const terms = changesTerms(update) ? await updatedTerms(db, deps, projectId, current, update) : undefined;
  if (terms) checkOneTime(terms);
  const prices = terms?.prices ?? (await planVersionPrices(db, current.id, current.version));
  checkPlacement({ group: current.group, add_on: current.add_on, default: isDefault, groupNamed: false }, { ...current, ...terms, prices });
  if (terms) {
    if (await versionInUse(db, current.id, current.version)) await addVersion(db, current.id, current.version + 1, terms, work.now);
    else await replaceCurrentVersion(db, current.id, current.version, terms);
  }
  if (isDefault !== current.default) await setPlanDefault(db, current, isDefault);
  if (update.metadata !== undefined) await setPlanMetadata(db, current.id, mergeMetadata(current.metadata, update.metadata));
  return findPlan(db, projectId, current.id);
}

/** Moves the plan's live subscriptions to a version, and recomputes their customers' entitlements. */
export async function migratePlan(work: Work, deps: PlanDeps, projectId: string, ref: string, params: PlanMigrateParams): Promise<PlanMigration> {
  const { db } = work;
  const { planHolders } = deps.catalog;
  const current = await findPlan(db, projectId, ref, undefined, true);
  const target = migrationTarget(current, params.to_version, params.from_version);
  // Customers first, in id order, then their subscriptions: the lock order every change uses,
  // so a migration and a customer's own change cannot deadlock.
  const customerIds = await planHolders.customersToMigrate(db, current.id, target, params.from_version);
  for (const customerId of customerIds) await lockCustomer(db, customerId);
  const moved = await planHolders.moveSubscriptionsToVersion(db, current.id, target, params.from_version, work.now);
  for (const customerId of customerIds) await deps.entitlements.sourcesChanged(work, projectId, customerId);
  return { object: 'plan_migration', plan: current.key, to_version: target, migrated: moved };
}

export function listPlans(db: Queryable, projectId: string, page: PageRequest): Promise<ListEnvelope<Plan>> {
  return paginate(
    '/v1/plans',
    page,
    'plan',
    (id) => planSeq(db, projectId, id),
    (limit, afterSeq) => listPlanRows(db, projectId, limit, afterSeq),
  );
}
