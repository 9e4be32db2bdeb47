import type { EntitlementCache } from './cache.js';
import { routesWith } from '../http/route.js';
import { answerCheck } from './check.js';
import type { Snapshot } from './snapshot.js';
import type { FeatureType } from './types.js';

/** The services these routes need, handed in by the assembly. */
interface Services { entitlements: EntitlementCache }

const { defineRoute } = routesWith<Services>();

/**
 * Features created after the snapshot was computed are in no plan or grant of this customer
 * yet (adding one would have recomputed it), so they are shown as `no_access`.
 */
function withWholeCatalog(snapshot: Snapshot, catalog: ReadonlyMap<string, FeatureType>): Snapshot {
  const missing = [...catalog].filter(([key]) => !(key in snapshot.features));
  if (missing.length === 0) return snapshot;
  const added = missing.map(([feature, type]) => [feature, { feature, type, allowed: false, reason: 'no_access' as const, source: null }]);
  return { ...snapshot, features: { ...snapshot.features, ...Object.fromEntries(added) } };
}

// Both answer from the cache: memory first, Redis next, the database last.
export const entitlementRoutes = [
  defineRoute('getEntitlements', async ({ params }, { caller, services }) => {
    const customerId = await services.entitlements.customerId(caller.projectId, params.customer);
    const { snapshot } = await services.entitlements.snapshot(caller.projectId, customerId);
    return { status: 200, body: withWholeCatalog(snapshot, await services.entitlements.catalog(caller.projectId)) };
  }),

  defineRoute('check', async ({ body }, { caller, services }) => {
    const customerId = await services.entitlements.customerId(caller.projectId, body.customer);
    const { snapshot } = await services.entitlements.snapshot(caller.projectId, customerId);
    const exists = body.feature in snapshot.features || (await services.entitlements.catalog(caller.projectId)).has(body.feature);
    return { status: 200, body: answerCheck(snapshot, body.feature, body.quantity ?? 1, exists, body.credits) };
  }),
];
