// Paying (recorded, or charged through the provider), voiding and marking uncollectible an
// invoice, in the request's transaction; what its subscription owes follows (payment-due.ts).
import type { components } from '@nozle/openapi';
import type { EntitlementChanges } from '../entitlement-changes.js';
import { ApiError } from '../http/errors.js';
import type { Work } from '../db/work.js';
import type { InvoiceCollector } from './invoice-collector.js';
import { invoiceAction, type InvoiceAction } from './invoice-actions.js';
import {
  countPaymentAttempt,
  findInvoice,
  linesToSend,
  lockInvoiceStatus,
  recordInvoiceSent,
  setInvoiceStatus,
  type Invoice,
  type LockedInvoice,
} from './invoices-store.js';
import { recordPaymentFailure } from './payment-failures.js';
import { settleSubscription } from './payment-due.js';

type InvoicePayParams = components['schemas']['InvoicePayParams'];

export interface InvoiceActionPorts {
  entitlements: EntitlementChanges;
  /** Charges a saved payment method at the provider (payments implements it). */
  collector: Pick<InvoiceCollector, 'charge'>;
}

/** The invoice after an API action, or the refused charge (a 402 the route answers: the attempt is no error of the request). */
export type PayOutcome = { paid: true; invoice: Invoice } | { paid: false; declined: ApiError };

async function lockFor(work: Work, projectId: string, id: string, action: InvoiceAction): Promise<LockedInvoice> {
  const locked = await lockInvoiceStatus(work.db, projectId, id);
  const verdict = invoiceAction(action, locked);
  if (!verdict.ok) throw new ApiError(400, 'invalid_request_error', verdict.code, verdict.message, 'invoice');
  return locked;
}

/** Settles what the subscription owes and pushes the customer's entitlements when its status changed. */
async function settled(work: Work, ports: InvoiceActionPorts, projectId: string, locked: LockedInvoice, id: string): Promise<Invoice> {
  if (await settleSubscription(work.db, projectId, locked.subscription_id, work.now)) {
    await ports.entitlements.sourcesChanged(work, projectId, locked.customer_id);
  }
  return findInvoice(work.db, projectId, id);
}

export async function actOnInvoice(
  work: Work,
  ports: InvoiceActionPorts,
  projectId: string,
  id: string,
  action: 'void' | 'mark_uncollectible',
): Promise<Invoice> {
  const locked = await lockFor(work, projectId, id, action);
  await setInvoiceStatus(work.db, id, action === 'void' ? 'void' : 'uncollectible', work.now);
  return settled(work, ports, projectId, locked, id);
}

/**
 * Records a payment made outside Nozle (`paid_out_of_band`), or charges the customer's saved
 * payment method at its provider. A refused charge changes nothing here but its count and its
 * `invoice.payment_failed`, and answers the decline.
 */
export async function payInvoice(work: Work, ports: InvoiceActionPorts, projectId: string, id: string, params: InvoicePayParams): Promise<PayOutcome> {
  const locked = await lockFor(work, projectId, id, 'pay');
  if (params.paid_out_of_band === true) {
    await setInvoiceStatus(work.db, id, 'paid', work.now, { outOfBand: true });
    return { paid: true, invoice: await settled(work, ports, projectId, locked, id) };
  }
  const lines = (await linesToSend(work.db, id)).filter((line) => line.amount !== 0);
  const charged = await ports.collector.charge(work.db, { invoiceId: id, customerId: locked.customer_id, currency: locked.currency, lines });
  if (!charged) {
    const message = `Customer ${locked.customer_id} has no saved payment method at a payment provider (a checkout saves one); record a payment made outside Nozle with paid_out_of_band: true.`;
    throw new ApiError(400, 'invalid_request_error', 'no_payment_method', message, 'paid_out_of_band');
  }
  const attempt = await countPaymentAttempt(work.db, id);
  if (!charged.paid) {
    const message = `The customer's payment method at ${charged.provider} was declined; the invoice stays open.`;
    // Recorded with the answer: the 402 is returned, not thrown, so the request's transaction commits it.
    await recordPaymentFailure(
      work.db,
      projectId,
      {
        customerId: locked.customer_id,
        invoiceId: id,
        subscriptionId: locked.subscription_id,
        provider: charged.provider,
        providerInvoiceId: charged.providerInvoiceId,
        amountDue: lines.reduce((sum, line) => sum + line.amount, 0),
        currency: locked.currency,
        attemptCount: attempt,
        // Nozle tries again only when asked (its dunning cancels at the grace's end).
        nextPaymentAttempt: null,
        reason: charged.declined ?? { code: 'card_declined', message },
      },
      work.now,
    );
    return { paid: false, declined: new ApiError(402, 'card_error', 'card_declined', message) };
  }
  await setInvoiceStatus(work.db, id, 'paid', work.now, { outOfBand: false });
  await recordInvoiceSent(work.db, id, { provider: charged.provider, providerInvoiceId: charged.providerInvoiceId });
  return { paid: true, invoice: await settled(work, ports, projectId, locked, id) };
}
