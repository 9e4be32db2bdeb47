// The subscription operations: each parses its input, calls the subscriptions service, replies.
import type { Queryable } from '../db/database.js';
import type { EntitlementChanges } from '../entitlement-changes.js';
import { routesWith, workOf } from '../http/route.js';
import type { SubscriptionProvider } from './ports.js';
import { withDiscount, withDiscounts } from './subscription-discount.js';
import {
  cancelScheduledChange,
  cancelSubscription,
  createSubscription,
  listSubscriptions,
  resumeSubscription,
  retrieveSubscription,
  updateSubscription,
} from './subscriptions-service.js';
import type { Subscription } from './subscriptions-store.js';

/** The services these routes need, handed in by the assembly. */
interface Services {
  entitlements: EntitlementChanges;
  subscriptionProvider: SubscriptionProvider;
}

const { defineRoute } = routesWith<Services>();

/** The subscription a change answers with, with the discount it has now. */
const shown = (ctx: { db: Queryable; caller: { projectId: string }; clock: { now(): Date } }, subscription: Subscription) =>
  withDiscount(ctx.db, ctx.caller.projectId, subscription, ctx.clock.now());

export const subscriptionRoutes = [
  defineRoute('createSubscription', async ({ body }, ctx) => ({
    status: 200,
    body: await shown(
      ctx,
      await createSubscription(ctx.services, workOf(ctx), ctx.caller.projectId, {
        customer: body.customer,
        plan: body.plan,
        trialDays: body.trial_days,
        metadata: body.metadata,
        effective: body.effective,
        proration: body.proration_behavior,
        quantity: body.quantity,
        discount: { coupon: body.coupon, promotion_code: body.promotion_code },
        defaultTaxRates: body.default_tax_rates,
      }),
    ),
  })),

  defineRoute('retrieveSubscription', async ({ params }, { db, caller, clock }) => ({
    status: 200,
    body: await withDiscount(db, caller.projectId, await retrieveSubscription(db, caller.projectId, params.subscription, clock.now()), clock.now()),
  })),

  defineRoute('updateSubscription', async ({ params, body }, ctx) => ({
    status: 200,
    body: await shown(
      ctx,
      await updateSubscription(ctx.services, workOf(ctx), ctx.caller.projectId, params.subscription, {
        plan: body.plan,
        status: body.status,
        cancelAtPeriodEnd: body.cancel_at_period_end,
        proration: body.proration_behavior,
        effective: body.effective,
        metadata: body.metadata,
        defaultTaxRates: body.default_tax_rates,
        quantity: body.quantity,
        discount: { coupon: body.coupon, promotion_code: body.promotion_code },
      }),
    ),
  })),

  defineRoute('cancelScheduledChange', async ({ params }, ctx) => ({
    status: 200,
    body: await shown(ctx, await cancelScheduledChange(ctx.services, workOf(ctx), ctx.caller.projectId, params.subscription)),
  })),

  defineRoute('cancelSubscription', async ({ params, body }, ctx) => ({
    status: 200,
    body: await shown(
      ctx,
      await cancelSubscription(ctx.services, workOf(ctx), ctx.caller.projectId, params.subscription, {
        atPeriodEnd: body?.at_period_end ?? false,
        prorate: body?.prorate ?? false,
      }),
    ),
  })),

  defineRoute('resumeSubscription', async ({ params }, ctx) => ({
    status: 200,
    body: await shown(ctx, await resumeSubscription(ctx.services, workOf(ctx), ctx.caller.projectId, params.subscription)),
  })),

  defineRoute('listSubscriptions', async ({ query }, { db, caller, clock }) => ({
    status: 200,
    body: await withDiscounts(db, caller.projectId, await listSubscriptions(db, caller.projectId, query, clock.now()), clock.now()),
  })),
];
