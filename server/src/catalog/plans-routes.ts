import type { EntitlementChanges } from '../entitlement-changes.js';
import { cleanMetadata, mergeMetadata } from '../customers/metadata.js';
import { invalidParam } from '../http/errors.js';
import { paginate } from '../http/pagination.js';
import { routesWith, workOf } from '../http/route.js';
import { featureDefinitions } from './features-store.js';
import { normalizePlanTerms } from './plan-terms.js';
import { addVersion, findPlan, insertPlan, listPlanRows, planSeq, planVersionPrices, replaceCurrentVersion, setPlanMetadata, versionInUse, type PlanCredits, type PlanTerms } from './plans-store.js';
import { customersToMigrate, moveSubscriptionsToVersion } from '../access/subscriptions-store.js';
import { lockCustomer } from '../customers/store.js';
import { normalizePrices } from '../billing/prices.js';

/** The services these routes need, handed in by the assembly. */
interface Services { entitlements: EntitlementChanges }

const { defineRoute } = routesWith<Services>();

/** The credit pack as stored: `expires_in_days` null when it never expires. */
const toPlanCredits = (credits: { amount: number; currency: string; expires_in_days?: number } | null | undefined): PlanCredits | null =>
  credits ? { amount: credits.amount, currency: credits.currency, expires_in_days: credits.expires_in_days ?? null } : null;

function checkOneTime(terms: PlanTerms): void {
  // Credit is granted by a purchase; a subscription's periods would need a rule of their own.
  if (terms.credits && terms.interval !== 'one_time') {
    throw invalidParam('credits', `Only a one_time plan grants credit on purchase; this plan is billed every ${terms.interval}.`);
  }
  if (terms.interval !== 'one_time') return;
  if (terms.trial_days > 0) throw invalidParam('trial_days', 'A one_time plan has no trial.');
  // Usage is rated per billing period, and a one_time plan has none.
  if (terms.prices?.length) throw invalidParam('prices', 'A one_time plan has no billing periods to rate usage in.');
}

export const planRoutes = [
  defineRoute('createPlan', async ({ body }, { db, caller, clock }) => {
    const terms: PlanTerms = {
      name: body.name ?? body.key,
      interval: body.interval,
      currency: body.currency ?? 'usd',
      base_price: body.base_price ?? 0,
      prices: await normalizePrices(db, caller.projectId, body.prices ?? []),
      trial_days: body.trial_days ?? 0,
      entitlements: normalizePlanTerms(body.entitlements ?? [], await featureDefinitions(db, caller.projectId)),
      credits: toPlanCredits(body.credits),
    };
    checkOneTime(terms);
    return { status: 200, body: await insertPlan(db, caller.projectId, body.key, terms, cleanMetadata(body.metadata), clock.now()) };
  }),

  defineRoute('retrievePlan', async ({ params, query }, { db, caller }) => ({
    status: 200,
    body: await findPlan(db, caller.projectId, params.plan, query.version),
  })),

  // Terms change in place while nobody holds the current version; otherwise they become a new
  // version and existing holders keep theirs until migrated.
  defineRoute('updatePlan', async ({ params, body }, { db, caller, clock }) => {
    const current = await findPlan(db, caller.projectId, params.plan, undefined, true);
    const termsChanged = ['name', 'currency', 'base_price', 'prices', 'trial_days', 'entitlements', 'credits'].some((field) => field in body);
    if (termsChanged) {
      const terms: PlanTerms = {
        name: body.name ?? current.name,
        interval: current.interval,
        currency: body.currency ?? current.currency,
        base_price: body.base_price ?? current.base_price,
        prices: body.prices ? await normalizePrices(db, caller.projectId, body.prices) : await planVersionPrices(db, current.id, current.version),
        trial_days: body.trial_days ?? current.trial_days,
        entitlements: body.entitlements
          ? normalizePlanTerms(body.entitlements, await featureDefinitions(db, caller.projectId))
          : current.entitlements,
        credits: body.credits === undefined ? current.credits : toPlanCredits(body.credits),
      };
      checkOneTime(terms);
      if (await versionInUse(db, current.id, current.version)) await addVersion(db, current.id, current.version + 1, terms, clock.now());
      else await replaceCurrentVersion(db, current.id, current.version, terms);
    }
    if (body.metadata !== undefined) await setPlanMetadata(db, current.id, mergeMetadata(current.metadata, body.metadata));
    return { status: 200, body: await findPlan(db, caller.projectId, current.id) };
  }),

  defineRoute('migratePlan', async ({ params, body }, ctx) => {
    const { db, caller, clock } = ctx;
    const current = await findPlan(db, caller.projectId, params.plan, undefined, true);
    const target = body.to_version ?? current.version;
    if (target > current.version) throw invalidParam('to_version', `Plan '${current.key}' has no version ${target}.`, 'resource_missing');
    if (body.from_version !== undefined && body.from_version > current.version) {
      throw invalidParam('from_version', `Plan '${current.key}' has no version ${body.from_version}.`, 'resource_missing');
    }
    // Customers first, in id order, then their subscriptions: the lock order every change uses,
    // so a migration and a customer's own change cannot deadlock.
    const customerIds = await customersToMigrate(db, current.id, target, body.from_version);
    for (const customerId of customerIds) await lockCustomer(db, customerId);
    const moved = await moveSubscriptionsToVersion(db, current.id, target, body.from_version, clock.now());
    for (const customerId of customerIds) await ctx.services.entitlements.sourcesChanged(workOf(ctx), ctx.caller.projectId, customerId);
    return { status: 200, body: { object: 'plan_migration', plan: current.key, to_version: target, migrated: moved } };
  }),

  defineRoute('listPlans', async ({ query }, { db, caller }) => ({
    status: 200,
    body: await paginate(
      '/v1/plans',
      query,
      'plan',
      (id) => planSeq(db, caller.projectId, id),
      (limit, afterSeq) => listPlanRows(db, caller.projectId, limit, afterSeq),
    ),
  })),
];
