import type { EntitlementChanges } from '../entitlement-changes.js';
import { routesWith, workOf } from '../http/route.js';
import { createCustomer, deleteCustomer, listCustomers, retrieveCustomer, updateCustomer, type NewCustomerPlans } from './service.js';

/** The services these routes need, handed in by the assembly. */
interface Services {
  entitlements: EntitlementChanges;
  newCustomerPlans: NewCustomerPlans;
}

const { defineRoute } = routesWith<Services>();

export const customerRoutes = [
  defineRoute('createCustomer', async ({ body }, ctx) => ({
    status: 200,
    body: await createCustomer(workOf(ctx), ctx.services.newCustomerPlans, ctx.caller.projectId, body),
  })),

  defineRoute('retrieveCustomer', async ({ params }, { db, caller }) => ({ status: 200, body: await retrieveCustomer(db, caller.projectId, params.customer) })),

  defineRoute('updateCustomer', async ({ params, body }, ctx) => ({
    status: 200,
    body: await updateCustomer(workOf(ctx), ctx.services.entitlements, ctx.caller.projectId, params.customer, body),
  })),

  defineRoute('deleteCustomer', async ({ params }, ctx) => ({
    status: 200,
    body: await deleteCustomer(workOf(ctx), ctx.services.entitlements, ctx.caller.projectId, params.customer),
  })),

  defineRoute('listCustomers', async ({ query }, { db, caller }) => ({ status: 200, body: await listCustomers(db, caller.projectId, query) })),
];
