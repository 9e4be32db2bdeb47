// What the customer routes call: the changes that tell the entitlements (through their port)
// what they must drop or recompute.
import type { components } from '@nozle/openapi';
import type { Queryable } from '../db/database.js';
import type { Work } from '../db/work.js';
import type { EntitlementChanges } from '../entitlement-changes.js';
import { paginate, type ListEnvelope, type PageRequest } from '../http/pagination.js';
import { cleanMetadata, mergeMetadata } from './metadata.js';
import { toAddress, toTaxIds } from './tax-details.js';
import {
  customerSeq,
  findCustomer,
  insertCustomer,
  listCustomerRows,
  markCustomerDeleted,
  updateCustomerRow,
  type Customer,
  type CustomerFields,
  type CustomerFilter,
} from './store.js';

type CustomerCreateParams = components['schemas']['CustomerCreateParams'];
type CustomerUpdateParams = components['schemas']['CustomerUpdateParams'];

/** What a new customer is given by the slices above (the access slice's default plans), handed in at assembly. */
export interface NewCustomerPlans {
  customerCreated(work: Work, projectId: string, customerId: string): Promise<void>;
}

export async function createCustomer(work: Work, plans: NewCustomerPlans, projectId: string, params: CustomerCreateParams): Promise<Customer> {
  const fields: CustomerFields = {
    external_id: params.external_id ?? null,
    email: params.email ?? null,
    name: params.name ?? null,
    address: toAddress(params.address ?? null),
    tax_ids: toTaxIds(params.tax_ids ?? []),
    tax_exempt: params.tax_exempt ?? 'none',
    metadata: cleanMetadata(params.metadata),
  };
  const customer = await insertCustomer(work.db, projectId, fields, work.now);
  // Created without a subscription: it gets each group's default plan.
  await plans.customerCreated(work, projectId, customer.id);
  return customer;
}

/** The customer as it is, without its position in the list. */
export async function retrieveCustomer(db: Queryable, projectId: string, ref: string): Promise<Customer> {
  const { seq: _seq, ...customer } = await findCustomer(db, projectId, ref);
  return customer;
}

/**
 * An update sets what it names; `null` clears email, name and address, absent keeps them; an
 * address or a list of tax ids given replaces the one held; metadata merges (metadata.ts).
 */
const updatedFields = (current: Customer, update: CustomerUpdateParams): CustomerFields => ({
  external_id: update.external_id ?? current.external_id,
  email: update.email === undefined ? current.email : update.email,
  name: update.name === undefined ? current.name : update.name,
  ...(update.address === undefined ? {} : { address: toAddress(update.address) }),
  ...(update.tax_ids === undefined ? {} : { tax_ids: toTaxIds(update.tax_ids) }),
  ...(update.tax_exempt === undefined ? {} : { tax_exempt: update.tax_exempt }),
  metadata: mergeMetadata(current.metadata, update.metadata),
});

export async function updateCustomer(
  work: Work,
  entitlements: EntitlementChanges,
  projectId: string,
  ref: string,
  update: CustomerUpdateParams,
): Promise<Customer> {
  const current = await findCustomer(work.db, projectId, ref, true);
  const customer = await updateCustomerRow(work.db, projectId, current.id, updatedFields(current, update), work.now);
  // Lookups by the old external_id must stop finding it on every instance, and snapshots
  // (which carry the external_id for copies kept by it) move to a new version.
  if (customer.external_id !== current.external_id) {
    await entitlements.sourcesChanged(work, projectId, customer.id);
    work.afterCommit(() => entitlements.customerChanged(projectId, customer.id));
  }
  return customer;
}

export async function deleteCustomer(
  work: Work,
  entitlements: EntitlementChanges,
  projectId: string,
  ref: string,
): Promise<{ id: string; object: 'customer'; deleted: true }> {
  const customer = await findCustomer(work.db, projectId, ref, true);
  await markCustomerDeleted(work.db, projectId, customer.id, work.now);
  await entitlements.customerDeleted(work, projectId, customer.id);
  return { id: customer.id, object: 'customer', deleted: true };
}

export function listCustomers(db: Queryable, projectId: string, page: PageRequest & CustomerFilter): Promise<ListEnvelope<Customer>> {
  const filter = {
    ...(page.email !== undefined ? { email: page.email } : {}),
    ...(page.external_id !== undefined ? { external_id: page.external_id } : {}),
  };
  return paginate(
    '/v1/customers',
    page,
    'customer',
    (id) => customerSeq(db, projectId, id),
    (limit, afterSeq) => listCustomerRows(db, projectId, filter, limit, afterSeq),
  );
}
