// SQL for customers. Every statement is scoped by project: another project's customer does not exist.
import type { components } from '@nozle/openapi';
import { unixSeconds } from '../clock.js';
import { isUniqueViolation, type Queryable } from '../db/database.js';
import { alreadyExists, notFound } from '../http/errors.js';
import { newId } from '../ids.js';
import type { Metadata } from './metadata.js';

/** Stripe's customer address and tax ids (customers/tax-details.ts reads them from a request). */
export type CustomerAddress = components['schemas']['Address'];
export type CustomerTaxId = components['schemas']['CustomerTaxId'];
type TaxExempt = components['schemas']['TaxExempt'];

export interface Customer {
  id: string;
  object: 'customer';
  external_id: string | null;
  email: string | null;
  name: string | null;
  address: CustomerAddress | null;
  tax_ids: CustomerTaxId[];
  tax_exempt: TaxExempt;
  metadata: Metadata;
  created: number;
}

interface CustomerRow {
  id: string;
  seq: number;
  external_id: string | null;
  email: string | null;
  name: string | null;
  address: CustomerAddress | null;
  tax_ids: CustomerTaxId[];
  tax_exempt: TaxExempt;
  metadata: Metadata;
  created_at: Date;
}

const COLUMNS = 'id, seq, external_id, email, name, address, tax_ids, tax_exempt, metadata, created_at';

const toCustomer = (row: CustomerRow): Customer => ({
  id: row.id,
  object: 'customer',
  external_id: row.external_id,
  email: row.email,
  name: row.name,
  address: row.address,
  tax_ids: row.tax_ids,
  tax_exempt: row.tax_exempt,
  metadata: row.metadata,
  created: unixSeconds(row.created_at),
});

export interface CustomerFields {
  external_id: string | null;
  email: string | null;
  name: string | null;
  /** Left out: none (a new customer), or kept (an update). */
  address?: CustomerAddress | null;
  tax_ids?: CustomerTaxId[];
  tax_exempt?: TaxExempt;
  metadata: Metadata;
}

const externalIdTaken = (externalId: string | null) => alreadyExists('external_id', `A customer with external_id '${externalId}' already exists.`);

export async function insertCustomer(db: Queryable, projectId: string, fields: CustomerFields, now: Date): Promise<Customer> {
  try {
    const { rows } = await db.query<CustomerRow>(
      `insert into customers (id, project_id, external_id, email, name, metadata, created_at, updated_at, address, tax_ids, tax_exempt)
       values ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9, $10) returning ${COLUMNS}`,
      [
        newId('cus'),
        projectId,
        fields.external_id,
        fields.email,
        fields.name,
        JSON.stringify(fields.metadata),
        now,
        fields.address ? JSON.stringify(fields.address) : null,
        JSON.stringify(fields.tax_ids ?? []),
        fields.tax_exempt ?? 'none',
      ],
    );
    return toCustomer(rows[0]!);
  } catch (error) {
    if (isUniqueViolation(error)) throw externalIdTaken(fields.external_id);
    throw error;
  }
}

/**
 * Finds a live customer by its id or, failing that, its external_id. `forUpdate` locks the row
 * for the rest of the transaction, so concurrent updates apply one after the other.
 */
export async function findCustomer(db: Queryable, projectId: string, ref: string, forUpdate = false): Promise<Customer & { seq: number }> {
  const { rows } = await db.query<CustomerRow>(
    `select ${COLUMNS} from customers
     where project_id = $1 and deleted_at is null and (id = $2 or external_id = $2)
     order by (id = $2) desc limit 1${forUpdate ? ' for update' : ''}`,
    [projectId, ref],
  );
  if (!rows[0]) throw notFound('customer', ref, 'customer');
  return { ...toCustomer(rows[0]), seq: rows[0].seq };
}

/** A customer by its id, deleted or not (an invoice keeps naming who it billed). */
export async function customerOfRecord(db: Queryable, projectId: string, id: string): Promise<Customer | undefined> {
  const { rows } = await db.query<CustomerRow>(`select ${COLUMNS} from customers where project_id = $1 and id = $2`, [projectId, id]);
  return rows[0] && toCustomer(rows[0]);
}

/** Locks a customer's row for the rest of the transaction (by id). */
export async function lockCustomer(db: Queryable, customerId: string): Promise<void> {
  await db.query('select id from customers where id = $1 for update', [customerId]);
}

export async function updateCustomerRow(db: Queryable, projectId: string, id: string, fields: CustomerFields, now: Date): Promise<Customer> {
  try {
    const { rows } = await db.query<CustomerRow>(
      `update customers set external_id = $3, email = $4, name = $5, metadata = $6, updated_at = $7,
         address = case when $8::boolean then $9::jsonb else address end, tax_ids = coalesce($10::jsonb, tax_ids), tax_exempt = coalesce($11, tax_exempt)
       where project_id = $1 and id = $2 and deleted_at is null returning ${COLUMNS}`,
      [
        projectId,
        id,
        fields.external_id,
        fields.email,
        fields.name,
        JSON.stringify(fields.metadata),
        now,
        fields.address !== undefined,
        fields.address ? JSON.stringify(fields.address) : null,
        fields.tax_ids === undefined ? null : JSON.stringify(fields.tax_ids),
        fields.tax_exempt ?? null,
      ],
    );
    if (!rows[0]) throw notFound('customer', id, 'customer');
    return toCustomer(rows[0]);
  } catch (error) {
    if (isUniqueViolation(error)) throw externalIdTaken(fields.external_id);
    throw error;
  }
}

export async function markCustomerDeleted(db: Queryable, projectId: string, id: string, now: Date): Promise<void> {
  await db.query('update customers set deleted_at = $3, updated_at = $3 where project_id = $1 and id = $2 and deleted_at is null', [projectId, id, now]);
}

export interface CustomerFilter {
  email?: string;
  external_id?: string;
}

/** A page, newest first, of up to `limit` customers created before the one with `afterSeq`. */
export async function listCustomerRows(db: Queryable, projectId: string, filter: CustomerFilter, limit: number, afterSeq?: number): Promise<Customer[]> {
  const { rows } = await db.query<CustomerRow>(
    `select ${COLUMNS} from customers
     where project_id = $1 and deleted_at is null
       and ($2::text is null or email = $2)
       and ($3::text is null or external_id = $3)
       and ($4::bigint is null or seq < $4)
     order by seq desc limit $5`,
    [projectId, filter.email ?? null, filter.external_id ?? null, afterSeq ?? null, limit],
  );
  return rows.map(toCustomer);
}

export async function customerSeq(db: Queryable, projectId: string, id: string): Promise<number | undefined> {
  const { rows } = await db.query<{ seq: number }>('select seq from customers where project_id = $1 and id = $2 and deleted_at is null', [projectId, id]);
  return rows[0]?.seq;
}

/** Live customers by id or external_id, in one query: ref → customer id (an id wins over an external_id that looks like one). */
export async function resolveCustomerRefs(db: Queryable, projectId: string, refs: string[]): Promise<Map<string, string>> {
  if (refs.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; external_id: string | null }>(
    `select id, external_id from customers where project_id = $1 and deleted_at is null and (id = any($2) or external_id = any($2))`,
    [projectId, refs],
  );
  const byRef = new Map<string, string>();
  for (const row of rows) if (row.external_id) byRef.set(row.external_id, row.id);
  for (const row of rows) byRef.set(row.id, row.id);
  return byRef;
}

/**
 * Sets the address and tax ids the provider's checkout collected (what the customer typed there
 * is newer than what Nozle held), leaving everything else as it is. Called by the Stripe checkout (payments).
 * @public
 */
export async function setCustomerTaxDetails(
  db: Queryable,
  customerId: string,
  details: { address: CustomerAddress | null; tax_ids: CustomerTaxId[] },
  now: Date,
): Promise<void> {
  await db.query('update customers set address = coalesce($2::jsonb, address), tax_ids = $3::jsonb, updated_at = $4 where id = $1 and deleted_at is null', [
    customerId,
    details.address ? JSON.stringify(details.address) : null,
    JSON.stringify(details.tax_ids),
    now,
  ]);
}
