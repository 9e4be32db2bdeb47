import type { Payments } from '../payments/payments.js';
import type { EntitlementChanges } from '../entitlement-changes.js';
import { addDays, addMonths, addYears } from 'date-fns';
import { wholeSecond } from '../clock.js';
import { utc } from '@date-fns/utc';
import { recordPlanChange } from '../billing/plan-changes-store.js';
import { findPlan, type Plan } from '../catalog/plans-store.js';
import { cleanMetadata, mergeMetadata } from '../customers/metadata.js';
import { findCustomer, lockCustomer } from '../customers/store.js';
import type { Queryable } from '../db/database.js';
import { invalidParam } from '../http/errors.js';
import { paginate } from '../http/pagination.js';
import type { Caller } from '../http/auth.js';
import { routesWith, type HandlerContext, type Input, workOf } from '../http/route.js';
import type { ProviderSubscription } from '../payments/provider.js';
import { syncSubscription } from '../payments/sync.js';
import {
  assertNotSubscribed,
  findSubscription,
  insertSubscription,
  listSubscriptionRows,
  subscriptionSeq,
  toSubscription,
  updateSubscriptionRow,
  type Subscription,
  type SubscriptionRow,
} from './subscriptions-store.js';

/** The services these routes need, handed in by the assembly. */
interface Services { entitlements: EntitlementChanges; payments: Payments }

const { defineRoute } = routesWith<Services>();

const recurring = (plan: Plan, param: string): Plan & { interval: 'month' | 'year' } => {
  if (plan.interval === 'one_time') {
    throw invalidParam(param, `Plan '${plan.key}' is one_time: record it with POST /v1/purchases instead.`);
  }
  return plan as Plan & { interval: 'month' | 'year' };
};

const periodEnd = (start: Date, interval: 'month' | 'year') => new Date((interval === 'month' ? addMonths : addYears)(start, 1, { in: utc }).getTime());

/** Locks the subscription's customer, then the subscription: the order every change uses. */
async function lockSubscription(db: Queryable, projectId: string, id: string): Promise<SubscriptionRow> {
  const { customer_id } = await findSubscription(db, projectId, id);
  await lockCustomer(db, customer_id);
  return findSubscription(db, projectId, id, true);
}

function canceledError(row: SubscriptionRow) {
  return invalidParam('subscription', `Subscription ${row.id} is canceled; create a new one instead.`, 'subscription_canceled');
}

export const subscriptionRoutes = [
  defineRoute('createSubscription', async ({ body }, ctx) => {
    const { db, caller, clock } = ctx;
    // Whole seconds: period anchors must be exactly what the API shows (and usage keys on them).
    const now = wholeSecond(clock.now());
    // The customer's row first, always: changes to one customer take turns without deadlocks.
    const customer = await findCustomer(db, caller.projectId, body.customer, true);
    const plan = recurring(await findPlan(db, caller.projectId, body.plan), 'plan');
    const trialDays = body.trial_days ?? plan.trial_days;
    // A trial is its own first period, as in Stripe; billing periods start when it ends.
    const trialEnd = trialDays > 0 ? new Date(addDays(now, trialDays, { in: utc }).getTime()) : null;
    const row = await insertSubscription(
      db,
      caller.projectId,
      {
        customerId: customer.id,
        planId: plan.id,
        planVersion: plan.version,
        status: trialEnd ? 'trialing' : 'active',
        currentPeriodStart: now,
        currentPeriodEnd: trialEnd ?? periodEnd(now, plan.interval),
        trialEnd,
        metadata: cleanMetadata(body.metadata),
      },
      now,
    );
    await ctx.services.entitlements.sourcesChanged(workOf(ctx), ctx.caller.projectId, customer.id);
    return { status: 200, body: toSubscription(row, now) };
  }),

  defineRoute('retrieveSubscription', async ({ params }, { db, caller, clock }) => ({
    status: 200,
    body: toSubscription(await findSubscription(db, caller.projectId, params.subscription), clock.now()),
  })),

  defineRoute('updateSubscription', async ({ params, body }, ctx) => {
    const { db, caller, clock } = ctx;
    // Whole seconds: period anchors must be exactly what the API shows (and usage keys on them).
    const now = wholeSecond(clock.now());
    const row = await lockSubscription(db, caller.projectId, params.subscription);
    if (row.status === 'canceled') throw canceledError(row);
    if (row.provider_subscription_id) return { status: 200, body: await updateAtProvider(ctx, row, body, now) };
    const plan = body.plan
      ? recurring(await findPlan(db, caller.projectId, body.plan), 'plan')
      : await findPlan(db, caller.projectId, row.plan_id, row.plan_version);
    const status = body.status ?? row.status;
    let updated = await updateSubscriptionRow(
      db,
      caller.projectId,
      row.id,
      {
        planId: plan.id,
        planVersion: plan.version,
        status,
        cancelAtPeriodEnd: body.cancel_at_period_end ?? row.cancel_at_period_end,
        canceledAt: null,
        // The grace period runs from the first moment it fell past due, not from each update.
        pastDueSince: status === 'past_due' ? (row.past_due_since ?? now) : null,
        metadata: mergeMetadata(row.metadata, body.metadata),
      },
      now,
    );
    if (plan.id !== row.plan_id || plan.version !== row.plan_version) {
      // Billed here: the period's invoice prorates the change (billing/plan-changes.ts).
      await recordPlanChange(db, row.id, { planId: row.plan_id, planVersion: row.plan_version }, { planId: plan.id, planVersion: plan.version }, now);
    }
    if (row.status === 'trialing' && status === 'active') {
      // The trial ends here: the first paid period starts now.
      await db.query('update subscriptions set current_period_start = $2, current_period_end = $3, trial_end = least(trial_end, $2) where id = $1', [
        row.id,
        now,
        periodEnd(now, recurring(plan, 'plan').interval),
      ]);
      updated = await findSubscription(db, caller.projectId, row.id);
    }
    await ctx.services.entitlements.sourcesChanged(workOf(ctx), ctx.caller.projectId, row.customer_id);
    return { status: 200, body: toSubscription(updated, now) };
  }),

  defineRoute('cancelSubscription', async ({ params, body }, ctx) => {
    const { db, caller, clock } = ctx;
    // Whole seconds: period anchors must be exactly what the API shows (and usage keys on them).
    const now = wholeSecond(clock.now());
    const row = await lockSubscription(db, caller.projectId, params.subscription);
    if (row.status === 'canceled') throw canceledError(row);
    const atPeriodEnd = body?.at_period_end ?? false;
    if (row.provider_subscription_id) {
      const provider = ctx.services.payments.providerIn(db, ctx.afterCommit);
      return { status: 200, body: await applyFromProvider(ctx, row, await provider.cancel(row.provider_subscription_id, atPeriodEnd), now) };
    }
    const updated = await updateSubscriptionRow(
      db,
      caller.projectId,
      row.id,
      {
        planId: row.plan_id,
        planVersion: row.plan_version,
        status: atPeriodEnd ? row.status : 'canceled',
        cancelAtPeriodEnd: atPeriodEnd,
        canceledAt: atPeriodEnd ? null : now,
        pastDueSince: row.past_due_since,
        metadata: row.metadata,
      },
      now,
    );
    await ctx.services.entitlements.sourcesChanged(workOf(ctx), ctx.caller.projectId, row.customer_id);
    return { status: 200, body: toSubscription(updated, now) };
  }),

  defineRoute('resumeSubscription', async ({ params }, ctx) => {
    const { db, caller } = ctx;
    const now = wholeSecond(ctx.clock.now());
    const row = await lockSubscription(db, caller.projectId, params.subscription);
    if (row.status === 'canceled') throw canceledError(row);
    if (!row.cancel_at_period_end && row.status !== 'paused') {
      throw invalidParam('subscription', `Subscription ${row.id} is not canceling or paused: there is nothing to resume.`, 'subscription_not_resumable');
    }
    if (row.provider_subscription_id) {
      const provider = ctx.services.payments.providerIn(db, ctx.afterCommit);
      return { status: 200, body: await applyFromProvider(ctx, row, await provider.resume(row.provider_subscription_id), now) };
    }
    const resumed = row.status === 'paused'
      ? { status: 'active' as const, periodStart: now, periodEnd: periodEnd(now, row.interval as 'month' | 'year') }
      : { status: row.status, periodStart: row.current_period_start, periodEnd: row.current_period_end };
    await db.query(
      'update subscriptions set status = $2, cancel_at_period_end = false, current_period_start = $3, current_period_end = $4, updated_at = $5 where id = $1',
      [row.id, resumed.status, resumed.periodStart, resumed.periodEnd, now],
    );
    await ctx.services.entitlements.sourcesChanged(workOf(ctx), ctx.caller.projectId, row.customer_id);
    return { status: 200, body: toSubscription(await findSubscription(db, caller.projectId, row.id), now) };
  }),

  defineRoute('listSubscriptions', async ({ query }, { db, caller, clock }) => {
    const customerId = query.customer ? (await findCustomer(db, caller.projectId, query.customer)).id : undefined;
    return {
      status: 200,
      body: await paginate(
        '/v1/subscriptions',
        query,
        'subscription',
        (id) => subscriptionSeq(db, caller.projectId, id),
        (limit, afterSeq) =>
          listSubscriptionRows(
            db,
            caller.projectId,
            { ...(customerId ? { customerId } : {}), ...(query.status ? { status: query.status } : {}) },
            limit,
            afterSeq,
            clock.now(),
          ),
      ),
    };
  }),
];

type UpdateBody = Input<'updateSubscription'>['body'];

/**
 * A subscription billed by Stripe or the sandbox changes there first; Nozle's copy is then
 * made equal to what the provider answered (and its webhook later confirms the same state).
 */
async function updateAtProvider(ctx: HandlerContext<Services> & { caller: Caller }, row: SubscriptionRow, body: UpdateBody, now: Date): Promise<Subscription> {
  const { db, caller } = ctx;
  if (body.status !== undefined) {
    throw invalidParam('status', `Subscription ${row.id} is billed by ${row.provider}: its status follows the payments there.`, 'managed_by_provider');
  }
  const provider = ctx.services.payments.providerIn(db, ctx.afterCommit);
  const providerId = row.provider_subscription_id!;
  let latest: ProviderSubscription | undefined;
  if (body.plan) {
    const plan = recurring(await findPlan(db, caller.projectId, body.plan), 'plan');
    // Refused before the provider is asked: its change could not be mirrored.
    await assertNotSubscribed(db, caller.projectId, row.customer_id, plan.id, row.id);
    const price = await ctx.services.payments.providerPrice(db, caller.projectId, plan, ctx.afterCommit);
    latest = await provider.changePrice(providerId, price, body.proration_behavior ?? 'create_prorations');
  }
  if (body.cancel_at_period_end === true && !row.cancel_at_period_end) latest = await provider.cancel(providerId, true);
  if (body.cancel_at_period_end === false && row.cancel_at_period_end) latest = await provider.resume(providerId);
  if (body.metadata) {
    await db.query('update subscriptions set metadata = $2, updated_at = $3 where id = $1', [row.id, JSON.stringify(mergeMetadata(row.metadata, body.metadata)), now]);
  }
  if (latest) return applyFromProvider(ctx, row, latest, now);
  return toSubscription(await findSubscription(db, caller.projectId, row.id), now);
}

async function applyFromProvider(ctx: HandlerContext<Services> & { caller: Caller }, row: SubscriptionRow, latest: ProviderSubscription, now: Date): Promise<Subscription> {
  const outcome = await syncSubscription(ctx.db, ctx.services.payments.providerName, latest, now);
  if (outcome.kind === 'changed') await ctx.services.entitlements.sourcesChanged(workOf(ctx), ctx.caller.projectId, row.customer_id);
  return toSubscription(await findSubscription(ctx.db, ctx.caller.projectId, row.id), now);
}
