import type { EntitlementCache } from './cache.js';
import { routesWith } from '../http/route.js';
import { checkEntitlement, readEntitlements } from './service.js';

/** The services these routes need, handed in by the assembly. */
interface Services {
  entitlements: EntitlementCache;
}

const { defineRoute } = routesWith<Services>();

export const entitlementRoutes = [
  defineRoute('getEntitlements', async ({ params }, { caller, services }) => ({
    status: 200,
    body: await readEntitlements(services.entitlements, caller.projectId, params.customer),
  })),

  defineRoute('check', async ({ body }, { caller, services }) => ({
    status: 200,
    body: await checkEntitlement(services.entitlements, caller.projectId, body),
  })),
];
