// What the invoice's PDF and hosted page are made from: the invoice, its project's seller
// details and its customer, read together and turned into one document (invoice-document.ts).
import { taxRatesByIds } from '../catalog/tax-rates-store.js';
import { customerOfRecord } from '../customers/store.js';
import type { Queryable } from '../db/database.js';
import { getProject } from '../projects/store.js';
import { invoiceDocument, type InvoiceDocument } from './invoice-document.js';
import { findInvoice, invoiceByHostedToken } from './invoices-store.js';
import { renderInvoicePdf } from './invoice-pdf.js';

/** The document of the project's invoice `id`; 404 when the project has no such invoice. */
async function documentOfInvoice(db: Queryable, projectId: string, id: string): Promise<InvoiceDocument> {
  const invoice = await findInvoice(db, projectId, id);
  const project = await getProject(db, projectId);
  const customer = (await customerOfRecord(db, projectId, invoice.customer)) ?? { id: invoice.customer, name: null, email: null, external_id: null };
  // Every rate the invoice's taxes name, archived ones too: the document keeps saying what was charged.
  const taxRates = await taxRatesByIds(db, projectId, [...new Set(invoice.total_tax_amounts.map((tax) => tax.tax_rate))]);
  return invoiceDocument({ invoice, project, customer, taxRates });
}

/** The PDF of the project's invoice `id`. */
export async function invoicePdf(db: Queryable, projectId: string, id: string): Promise<Buffer> {
  return renderInvoicePdf(await documentOfInvoice(db, projectId, id));
}

/** The document of the invoice whose hosted page has `token`; undefined when none has. */
export async function documentOfHostedInvoice(db: Queryable, token: string): Promise<InvoiceDocument | undefined> {
  const found = await invoiceByHostedToken(db, token);
  return found && documentOfInvoice(db, found.projectId, found.id);
}
