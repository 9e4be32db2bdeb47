// What the entitlement routes call. Both answer from the cache: memory first, Redis next, the database last.
import type { components } from '@nozle/openapi';
import type { EntitlementCache } from './cache.js';
import { answerCheck, type CheckAnswer } from './check.js';
import { withWholeCatalog, type Snapshot } from './snapshot.js';

type CheckParams = components['schemas']['CheckParams'];

type Cache = Pick<EntitlementCache, 'customerId' | 'snapshot' | 'catalog'>;

/** The customer's snapshot, showing every feature of the catalog. */
export async function readEntitlements(cache: Cache, projectId: string, customerRef: string): Promise<Snapshot> {
  const customerId = await cache.customerId(projectId, customerRef);
  const { snapshot } = await cache.snapshot(projectId, customerId);
  return withWholeCatalog(snapshot, await cache.catalog(projectId));
}

export async function checkEntitlement(cache: Cache, projectId: string, params: CheckParams): Promise<CheckAnswer> {
  const customerId = await cache.customerId(projectId, params.customer);
  const { snapshot } = await cache.snapshot(projectId, customerId);
  const exists = params.feature in snapshot.features || (await cache.catalog(projectId)).has(params.feature);
  return answerCheck(snapshot, params.feature, params.quantity ?? 1, exists, params.credits);
}
