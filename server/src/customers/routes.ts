import type { EntitlementChanges } from '../entitlement-changes.js';
import { routesWith, workOf } from '../http/route.js';
import { createCustomer, deleteCustomer, listCustomers, retrieveCustomer, updateCustomer, type CustomerDiscounts, type NewCustomerPlans } from './service.js';

/** The services these routes need, handed in by the assembly. */
interface Services {
  entitlements: EntitlementChanges;
  newCustomerPlans: NewCustomerPlans;
  customerDiscounts: CustomerDiscounts;
}

const { defineRoute } = routesWith<Services>();

export const customerRoutes = [
  defineRoute('createCustomer', async ({ body }, ctx) => ({
    status: 200,
    body: await createCustomer(workOf(ctx), { plans: ctx.services.newCustomerPlans, discounts: ctx.services.customerDiscounts }, ctx.caller.projectId, body),
  })),

  defineRoute('retrieveCustomer', async ({ params }, { db, caller, clock, services }) => ({
    status: 200,
    body: await retrieveCustomer(db, services.customerDiscounts, caller.projectId, params.customer, clock.now()),
  })),

  defineRoute('updateCustomer', async ({ params, body }, ctx) => ({
    status: 200,
    body: await updateCustomer(
      workOf(ctx),
      { entitlements: ctx.services.entitlements, discounts: ctx.services.customerDiscounts },
      ctx.caller.projectId,
      params.customer,
      body,
    ),
  })),

  defineRoute('deleteCustomer', async ({ params }, ctx) => ({
    status: 200,
    body: await deleteCustomer(workOf(ctx), ctx.services.entitlements, ctx.caller.projectId, params.customer),
  })),

  defineRoute('listCustomers', async ({ query }, { db, caller, clock, services }) => ({
    status: 200,
    body: await listCustomers(db, services.customerDiscounts, caller.projectId, query, clock.now()),
  })),
];
