// The purchase operations: each parses its input, calls the purchases service, replies.
import type { EntitlementChanges } from '../entitlement-changes.js';
import { routesWith, workOf } from '../http/route.js';
import type { PaymentRefunds, PurchaseCredits } from './ports.js';
import { createPurchase, listPurchases, refundPurchase, retrievePurchase } from './purchases-service.js';

/** The services these routes need, handed in by the assembly. */
interface Services {
  entitlements: EntitlementChanges;
  purchaseCredits: PurchaseCredits;
  paymentRefunds: PaymentRefunds;
}

const { defineRoute } = routesWith<Services>();

export const purchaseRoutes = [
  defineRoute('createPurchase', async ({ body }, ctx) => ({
    status: 200,
    body: await createPurchase(ctx.services, workOf(ctx), ctx.caller.projectId, {
      customer: body.customer,
      plan: body.plan,
      expiresAt: body.expires_at,
      metadata: body.metadata,
    }),
  })),

  defineRoute('retrievePurchase', async ({ params }, { db, caller }) => ({
    status: 200,
    body: await retrievePurchase(db, caller.projectId, params.purchase),
  })),

  defineRoute('refundPurchase', async ({ params }, ctx) => ({
    status: 200,
    body: await refundPurchase(ctx.services, workOf(ctx), ctx.caller.projectId, params.purchase),
  })),

  defineRoute('listPurchases', async ({ query }, { db, caller }) => ({
    status: 200,
    body: await listPurchases(db, caller.projectId, query),
  })),
];
