// What the invoice routes call beside the upcoming invoice (invoices.ts): the list of a project's invoices.
import type { components } from '@nozle/openapi';
import { findCustomer } from '../customers/store.js';
import type { Queryable } from '../db/database.js';
import { paginate, type ListEnvelope, type PageRequest } from '../http/pagination.js';
import { invoiceSeq, listInvoiceRows } from './invoices-store.js';

type Invoice = components['schemas']['Invoice'];

interface InvoiceListQuery extends PageRequest {
  /** A customer's id or external_id. */
  customer?: string;
  status?: Invoice['status'];
}

export async function listInvoices(db: Queryable, projectId: string, query: InvoiceListQuery): Promise<ListEnvelope<Invoice>> {
  const customerId = query.customer ? (await findCustomer(db, projectId, query.customer)).id : undefined;
  const filter = { ...(customerId ? { customerId } : {}), ...(query.status ? { status: query.status } : {}) };
  return paginate(
    '/v1/invoices',
    query,
    'invoice',
    (id) => invoiceSeq(db, projectId, id),
    (limit, afterSeq) => listInvoiceRows(db, projectId, filter, limit, afterSeq),
  );
}
