// What the customer routes call: the changes that tell the entitlements (through their port)
// what they must drop or recompute, and the customer's own discount (through the coupons' port).
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
type Discount = components['schemas']['Discount'];

/** A customer as the API shows it: with its own discount when it has one. */
export type CustomerView = Customer & { discount?: Discount };

/** A coupon or a promotion code to give the customer, as the params name them; "" removes the discount. */
interface DiscountAsked {
  coupon?: string | undefined;
  promotion_code?: string | undefined;
}

/** The customer's own discount, kept by the coupons slice (above this one), handed in at assembly. */
export interface CustomerDiscounts {
  /** Applies what `asked` names to the customer (checked, counted) in the caller's transaction; nothing when it names nothing. */
  apply(work: Work, projectId: string, customerId: string, asked: DiscountAsked): Promise<void>;
  /** The customers' live discounts, by customer id (one without has no entry). */
  of(db: Queryable, projectId: string, customerIds: readonly string[], now: Date): Promise<Map<string, Discount>>;
}

async function withDiscounts<C extends Customer>(
  db: Queryable,
  discounts: CustomerDiscounts,
  projectId: string,
  customers: C[],
  now: Date,
): Promise<(C & { discount?: Discount })[]> {
  const found = await discounts.of(
    db,
    projectId,
    customers.map((customer) => customer.id),
    now,
  );
  return customers.map((customer) => {
    const discount = found.get(customer.id);
    return discount ? { ...customer, discount } : customer;
  });
}

const withDiscount = async (work: Work, discounts: CustomerDiscounts, projectId: string, customer: Customer): Promise<CustomerView> =>
  (await withDiscounts(work.db, discounts, projectId, [customer], work.now))[0]!;

/** What a new customer is given by the slices above (the access slice's default plans), handed in at assembly. */
export interface NewCustomerPlans {
  customerCreated(work: Work, projectId: string, customerId: string): Promise<void>;
}

/** A new customer, given each group's default plan: what the API and a first sight both make. */
export async function newCustomer(
  work: Work,
  plans: NewCustomerPlans,
  projectId: string,
  params: Omit<CustomerCreateParams, 'coupon' | 'promotion_code'>,
): Promise<Customer> {
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

export async function createCustomer(
  work: Work,
  ports: { plans: NewCustomerPlans; discounts: CustomerDiscounts },
  projectId: string,
  params: CustomerCreateParams,
): Promise<CustomerView> {
  const { coupon, promotion_code, ...rest } = params;
  const customer = await newCustomer(work, ports.plans, projectId, rest);
  await ports.discounts.apply(work, projectId, customer.id, { coupon, promotion_code });
  return withDiscount(work, ports.discounts, projectId, customer);
}

/** The customer as it is, without its position in the list. */
export async function retrieveCustomer(db: Queryable, discounts: CustomerDiscounts, projectId: string, ref: string, now: Date): Promise<CustomerView> {
  const { seq: _seq, ...customer } = await findCustomer(db, projectId, ref);
  return (await withDiscounts(db, discounts, projectId, [customer], now))[0]!;
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
  ports: { entitlements: EntitlementChanges; discounts: CustomerDiscounts },
  projectId: string,
  ref: string,
  update: CustomerUpdateParams,
): Promise<CustomerView> {
  const { entitlements, discounts } = ports;
  const current = await findCustomer(work.db, projectId, ref, true);
  const customer = await updateCustomerRow(work.db, projectId, current.id, updatedFields(current, update), work.now);
  await discounts.apply(work, projectId, customer.id, { coupon: update.coupon, promotion_code: update.promotion_code });
  // Lookups by the old external_id must stop finding it on every instance, and snapshots
  // (which carry the external_id for copies kept by it) move to a new version.
  if (customer.external_id !== current.external_id) {
    await entitlements.sourcesChanged(work, projectId, customer.id);
    work.afterCommit(() => entitlements.customerChanged(projectId, customer.id));
  }
  return withDiscount(work, discounts, projectId, customer);
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

export function listCustomers(
  db: Queryable,
  discounts: CustomerDiscounts,
  projectId: string,
  page: PageRequest & CustomerFilter,
  now: Date,
): Promise<ListEnvelope<CustomerView>> {
  const filter = {
    ...(page.email !== undefined ? { email: page.email } : {}),
    ...(page.external_id !== undefined ? { external_id: page.external_id } : {}),
  };
  return paginate(
    '/v1/customers',
    page,
    'customer',
    (id) => customerSeq(db, projectId, id),
    async (limit, afterSeq) => withDiscounts(db, discounts, projectId, await listCustomerRows(db, projectId, filter, limit, afterSeq), now),
  );
}
