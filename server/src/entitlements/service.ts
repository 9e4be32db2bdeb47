// What the entitlement routes call. Both answer from the cache: memory first, Redis next, the database last.
import type { components } from '@nozle/openapi';
import type { EntitlementCache } from './cache.js';
import { creatableRef } from '../customers/first-sight.js';
import { ApiError } from '../http/errors.js';
import { answerCheck, customerNotFound, type CheckAnswer } from './check.js';
import { withWholeCatalog, type Snapshot } from './snapshot.js';

type CheckParams = components['schemas']['CheckParams'];

type Cache = Pick<EntitlementCache, 'customerId' | 'snapshot' | 'catalog'>;

/** The customer's snapshot, showing every feature of the catalog. */
export async function readEntitlements(cache: Cache, projectId: string, customerRef: string): Promise<Snapshot> {
  const customerId = await cache.customerId(projectId, customerRef);
  const { snapshot } = await cache.snapshot(projectId, customerId);
  return withWholeCatalog(snapshot, await cache.catalog(projectId));
}

/** Creates a customer seen for the first time (customers/first-sight.ts), handed in by the route. */
export type FirstSight = (externalId: string, data: NonNullable<CheckParams['customer_data']>) => Promise<string>;

/**
 * The answer for `params.customer`. An unknown customer is an answer too, `customer_not_found`,
 * unless `customer_data` came along (and the reference can be an external_id): then it is created
 * first, by `firstSight`, and the answer is about it.
 */
export async function checkEntitlement(cache: Cache, projectId: string, params: CheckParams, firstSight: FirstSight): Promise<CheckAnswer> {
  let customerId = await knownCustomerId(cache, projectId, params.customer);
  if (customerId === undefined && params.customer_data !== undefined && creatableRef(params.customer)) {
    customerId = await firstSight(params.customer, params.customer_data);
  }
  if (customerId === undefined) return customerNotFound(params.customer, params.feature);
  const { snapshot } = await cache.snapshot(projectId, customerId);
  const exists = params.feature in snapshot.features || (await cache.catalog(projectId)).has(params.feature);
  return answerCheck(snapshot, params.feature, params.quantity ?? 1, exists, params.credits);
}

/** The customer's id, or undefined when there is none (the cache says so with a 404). */
async function knownCustomerId(cache: Cache, projectId: string, ref: string): Promise<string | undefined> {
  try {
    return await cache.customerId(projectId, ref);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return undefined;
    throw error;
  }
}
