import type { EntitlementChanges } from '../entitlement-changes.js';
import { routesWith, workOf } from '../http/route.js';
import { deleteAutoTopUp, listAutoTopUps, setAutoTopUp } from './auto-top-up-service.js';
import { customerCredits, grantCredits } from './credits-service.js';

/** The services these routes need, handed in by the assembly. */
interface Services {
  entitlements: EntitlementChanges;
}

const { defineRoute } = routesWith<Services>();

export const creditRoutes = [
  defineRoute('createCreditGrant', async ({ params, body }, ctx) => ({
    status: 200,
    body: await grantCredits(workOf(ctx), ctx.services.entitlements, ctx.caller.projectId, params.customer, body),
  })),

  defineRoute('listCredits', async ({ params }, { db, caller, clock }) => ({
    status: 200,
    body: await customerCredits(db, caller.projectId, params.customer, clock.now()),
  })),

  defineRoute('setAutoTopUp', async ({ params, body }, ctx) => ({
    status: 200,
    body: await setAutoTopUp(workOf(ctx), ctx.services.entitlements, ctx.caller.projectId, params.customer, body),
  })),

  defineRoute('listAutoTopUps', async ({ params }, { db, caller }) => ({
    status: 200,
    body: await listAutoTopUps(db, caller.projectId, params.customer),
  })),

  defineRoute('deleteAutoTopUp', async ({ params, query }, ctx) => ({
    status: 200,
    body: await deleteAutoTopUp(workOf(ctx), ctx.caller.projectId, params.customer, query.currency),
  })),
];
