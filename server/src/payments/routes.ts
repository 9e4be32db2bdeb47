// The payments operations: each parses, calls one service, replies.
import { routesWith, workOf, type HandlerContext } from '../http/route.js';
import type { Caller } from '../http/auth.js';
import type { ProjectClocks } from '../project-clocks.js';
import type { CustomerCaller } from './caller-customer.js';
import { createCheckout, createPortal, type SessionRequest } from './checkout-service.js';
import { listPaymentEvents, listReconciliations } from './history-service.js';
import type { Payments } from './payments.js';
import { reconcileProject } from './reconcile.js';
import { advanceTestClock, testClock } from './test-clock-service.js';

/** The services these routes need, handed in by the assembly. */
interface Services {
  payments: Payments;
  clock: ProjectClocks;
}

const { definePublicRoute, defineRoute } = routesWith<Services>();

/** A hosted session's request: the request's work, who asks (with the customer token the binding checked), this server's address. */
const sessionRequest = (ctx: HandlerContext<Services> & { caller: Caller }): SessionRequest => {
  const who: CustomerCaller = { caller: ctx.caller, customerToken: ctx.customerToken };
  return { work: workOf(ctx), who, origin: ctx.origin };
};

export const paymentRoutes = [
  defineRoute('createCheckoutSession', async ({ body }, ctx) => ({
    status: 200,
    body: await createCheckout(ctx.services.payments, sessionRequest(ctx), body),
  })),

  defineRoute('createPortalSession', async ({ body }, ctx) => ({ status: 200, body: await createPortal(ctx.services.payments, sessionRequest(ctx), body) })),

  definePublicRoute('receiveStripeWebhook', async (_input, ctx) => {
    const received = await ctx.services.payments.events.receiveStripeWebhook(ctx.rawBody ?? Buffer.alloc(0), ctx.header('stripe-signature') ?? '', ctx.log);
    const { event, status, duplicate } = received;
    return { status: 200, body: { received: true, event, status, ...(duplicate ? { duplicate } : {}) } };
  }),

  defineRoute('listPaymentEvents', async ({ query }, { db, caller }) => ({ status: 200, body: await listPaymentEvents(db, caller.projectId, query) })),

  defineRoute('runReconciliation', async (_input, { caller, services }) => ({
    status: 200,
    body: await reconcileProject(services.payments, caller.projectId),
  })),

  defineRoute('listReconciliations', async ({ query }, { db, caller }) => ({ status: 200, body: await listReconciliations(db, caller.projectId, query) })),

  defineRoute('retrieveTestClock', async (_input, { services, caller }) => ({
    status: 200,
    body: testClock(services.payments, services.clock, caller.projectId),
  })),

  defineRoute('advanceTestClock', async ({ body }, { services, caller }) => ({
    status: 200,
    body: await advanceTestClock(services.payments, services.clock, caller.projectId, body),
  })),
];
