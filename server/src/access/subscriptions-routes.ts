import { addDays, addMonths, addYears } from 'date-fns';
import { wholeSecond } from '../clock.js';
import { utc } from '@date-fns/utc';
import { findPlan, type Plan } from '../catalog/plans-store.js';
import { cleanMetadata, mergeMetadata } from '../customers/metadata.js';
import { findCustomer, lockCustomer } from '../customers/store.js';
import type { Queryable } from '../db/database.js';
import { entitlementsChanged } from '../entitlements/changes.js';
import { invalidParam } from '../http/errors.js';
import { paginate } from '../http/pagination.js';
import { defineRoute } from '../http/route.js';
import {
  findSubscription,
  insertSubscription,
  listSubscriptionRows,
  subscriptionSeq,
  toSubscription,
  updateSubscriptionRow,
  type SubscriptionRow,
} from './subscriptions-store.js';

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
    await entitlementsChanged(ctx, customer.id);
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
    if (row.status === 'trialing' && status === 'active') {
      // The trial ends here: the first paid period starts now.
      await db.query('update subscriptions set current_period_start = $2, current_period_end = $3, trial_end = least(trial_end, $2) where id = $1', [
        row.id,
        now,
        periodEnd(now, recurring(plan, 'plan').interval),
      ]);
      updated = await findSubscription(db, caller.projectId, row.id);
    }
    await entitlementsChanged(ctx, row.customer_id);
    return { status: 200, body: toSubscription(updated, now) };
  }),

  defineRoute('cancelSubscription', async ({ params, body }, ctx) => {
    const { db, caller, clock } = ctx;
    // Whole seconds: period anchors must be exactly what the API shows (and usage keys on them).
    const now = wholeSecond(clock.now());
    const row = await lockSubscription(db, caller.projectId, params.subscription);
    if (row.status === 'canceled') throw canceledError(row);
    const atPeriodEnd = body?.at_period_end ?? false;
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
    await entitlementsChanged(ctx, row.customer_id);
    return { status: 200, body: toSubscription(updated, now) };
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
