// Paying (recorded), voiding and marking uncollectible an invoice, in the request's transaction.
import type { components } from '@nozle/openapi';
import { ApiError } from '../http/errors.js';
import type { Work } from '../db/work.js';
import { invoiceAction, type InvoiceAction } from './invoice-actions.js';
import { findInvoice, lockInvoiceStatus, setInvoiceStatus, type Invoice } from './invoices-store.js';

type InvoicePayParams = components['schemas']['InvoicePayParams'];

export async function actOnInvoice(work: Work, projectId: string, id: string, action: InvoiceAction): Promise<Invoice> {
  const verdict = invoiceAction(action, await lockInvoiceStatus(work.db, projectId, id));
  if (!verdict.ok) throw new ApiError(400, 'invalid_request_error', verdict.code, verdict.message, 'invoice');
  await setInvoiceStatus(work.db, id, verdict.to, work.now);
  return findInvoice(work.db, projectId, id);
}

/** Only a payment made outside Nozle can be recorded: there is no saved payment method to charge for an invoice Nozle bills itself. */
export async function payInvoice(work: Work, projectId: string, id: string, params: InvoicePayParams): Promise<Invoice> {
  if (params.paid_out_of_band !== true) {
    throw new ApiError(
      400,
      'invalid_request_error',
      'parameter_invalid',
      'Only a payment made outside Nozle can be recorded: pass paid_out_of_band: true (charging a saved payment method is not offered for invoices Nozle bills itself).',
      'paid_out_of_band',
    );
  }
  return actOnInvoice(work, projectId, id, 'pay');
}
