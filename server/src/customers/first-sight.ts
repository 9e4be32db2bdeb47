// Customers created on first sight: a check or an event names an external_id that does not exist
// yet and brings the customer's details (`customer_data`). Created through newCustomer, so
// each group's default plan applies as for POST /v1/customers; once, however many requests race.
import type { components } from '@nozle/openapi';
import type { Database } from '../db/database.js';
import { retryTransaction, TransactionConflict } from '../db/transaction.js';
import type { Work } from '../db/work.js';
import { ApiError } from '../http/errors.js';
import { newCustomer, type NewCustomerPlans } from './service.js';
import { resolveCustomerRefs } from './store.js';

export type CustomerData = components['schemas']['CustomerData'];

/**
 * Whether a reference may become a new customer's external_id: a `cus_…` id is one Nozle made,
 * so one that does not exist is a mistake, never a customer to create.
 */
export const creatableRef = (ref: string): boolean => !ref.startsWith('cus_');

/**
 * Creates the customer `externalId` in `work`. When another request created it meanwhile (the
 * unique external_id refuses the insert, and the transaction is spoilt), the transaction must run
 * again: it then finds the customer. Callers' transactions are run by retryTransaction.
 *
 * @returns the new customer's id
 */
export async function createOnFirstSight(work: Work, plans: NewCustomerPlans, projectId: string, externalId: string, data: CustomerData): Promise<string> {
  try {
    const customer = await newCustomer(work, plans, projectId, { ...data, external_id: externalId });
    return customer.id;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'resource_already_exists') {
      throw new TransactionConflict(`Customer '${externalId}' was created by another request meanwhile.`);
    }
    throw error;
  }
}

/**
 * The id of customer `externalId`, created with `data` in a transaction of its own when it does
 * not exist yet (for a request that runs outside one: the read-only check). Its snapshot is
 * published before this resolves, so the caller reads the new customer's entitlements.
 */
export async function findOrCreateAlone(
  db: Database,
  plans: NewCustomerPlans,
  projectId: string,
  externalId: string,
  data: CustomerData,
  now: () => Date,
): Promise<string> {
  const committed: Array<() => Promise<void>> = [];
  const id = await retryTransaction(() => {
    committed.length = 0;
    return db.transaction(async (tx) => {
      const existing = (await resolveCustomerRefs(tx, projectId, [externalId])).get(externalId);
      if (existing) return existing;
      return createOnFirstSight({ db: tx, now: now(), afterCommit: (fn) => void committed.push(fn) }, plans, projectId, externalId, data);
    });
  });
  for (const fn of committed) await fn();
  return id;
}
