import type { EntitlementCache } from './cache.js';
import { findOrCreateAlone } from '../customers/first-sight.js';
import type { NewCustomerPlans } from '../customers/service.js';
import type { Database } from '../db/database.js';
import { routesWith } from '../http/route.js';
import { checkEntitlement, readEntitlements } from './service.js';

/** The services these routes need, handed in by the assembly. */
interface Services {
  entitlements: EntitlementCache;
  /** The check is read-only (no request transaction): a customer made on first sight gets its own. */
  db: Database;
  newCustomerPlans: NewCustomerPlans;
}

const { defineRoute } = routesWith<Services>();

export const entitlementRoutes = [
  defineRoute('getEntitlements', async ({ params }, { caller, services }) => ({
    status: 200,
    body: await readEntitlements(services.entitlements, caller.projectId, params.customer),
  })),

  defineRoute('check', async ({ body }, { caller, services, clock }) => ({
    status: 200,
    body: await checkEntitlement(services.entitlements, caller.projectId, body, (externalId, data) =>
      findOrCreateAlone(services.db, services.newCustomerPlans, caller.projectId, externalId, data, () => clock.now()),
    ),
  })),
];
