import type { Payments } from '../payments/payments.js';
import type { EntitlementChanges } from '../entitlement-changes.js';
import { grantPurchaseCredits, revokePurchaseCredits } from '../billing/credits-store.js';
import { findPlan } from '../catalog/plans-store.js';
import { wholeSecond } from '../clock.js';
import { cleanMetadata } from '../customers/metadata.js';
import { findCustomer, lockCustomer } from '../customers/store.js';
import { invalidParam } from '../http/errors.js';
import { paginate } from '../http/pagination.js';
import { routesWith, workOf } from '../http/route.js';
import { findPurchase, insertPurchase, listPurchaseRows, markPurchaseRefunded, purchaseSeq } from './purchases-store.js';

/** The services these routes need, handed in by the assembly. */
interface Services { entitlements: EntitlementChanges; payments: Payments }

const { defineRoute } = routesWith<Services>();

export const purchaseRoutes = [
  defineRoute('createPurchase', async ({ body }, ctx) => {
    const { db, caller, clock } = ctx;
    const now = wholeSecond(clock.now()); // the purchase anchors usage periods
    // The customer's row first, always: changes to one customer take turns without deadlocks.
    const customer = await findCustomer(db, caller.projectId, body.customer, true);
    const plan = await findPlan(db, caller.projectId, body.plan);
    if (plan.interval !== 'one_time') {
      throw invalidParam('plan', `Plan '${plan.key}' is billed every ${plan.interval}: subscribe with POST /v1/subscriptions instead.`);
    }
    const expiresAt = body.expires_at === undefined ? null : new Date(body.expires_at * 1000);
    if (expiresAt && expiresAt <= now) throw invalidParam('expires_at', 'expires_at must be in the future.');
    const purchase = await insertPurchase(
      db,
      caller.projectId,
      { customerId: customer.id, planId: plan.id, planVersion: plan.version, expiresAt, metadata: cleanMetadata(body.metadata) },
      now,
    );
    // A plan with credits grants them with the purchase, in its transaction.
    await grantPurchaseCredits(db, caller.projectId, { id: purchase.id, customerId: customer.id, purchasedAt: now }, plan, now);
    await ctx.services.entitlements.sourcesChanged(workOf(ctx), ctx.caller.projectId, customer.id);
    return { status: 200, body: purchase };
  }),

  defineRoute('retrievePurchase', async ({ params }, { db, caller }) => ({
    status: 200,
    body: await findPurchase(db, caller.projectId, params.purchase),
  })),

  defineRoute('refundPurchase', async ({ params }, ctx) => {
    const found = await findPurchase(ctx.db, ctx.caller.projectId, params.purchase);
    await lockCustomer(ctx.db, found.customer);
    // A payment taken by the provider is refunded there too; its charge.refunded event then
    // finds the purchase already refunded.
    if (found.provider_payment_id && found.refunded_at === null) {
      await ctx.services.payments.providerIn(ctx.db, ctx.afterCommit).refund(found.provider_payment_id);
    }
    const purchase = await markPurchaseRefunded(ctx.db, ctx.caller.projectId, params.purchase, ctx.clock.now());
    await revokePurchaseCredits(ctx.db, purchase.id, ctx.clock.now());
    await ctx.services.entitlements.sourcesChanged(workOf(ctx), ctx.caller.projectId, purchase.customer);
    return { status: 200, body: purchase };
  }),

  defineRoute('listPurchases', async ({ query }, { db, caller }) => {
    const customerId = query.customer ? (await findCustomer(db, caller.projectId, query.customer)).id : undefined;
    return {
      status: 200,
      body: await paginate(
        '/v1/purchases',
        query,
        'purchase',
        (id) => purchaseSeq(db, caller.projectId, id),
        (limit, afterSeq) => listPurchaseRows(db, caller.projectId, customerId, limit, afterSeq),
      ),
    };
  }),
];
