// A charge the provider made on its own that failed (a renewal, a retry, a Nozle invoice it was
// sent to collect), reported by its `invoice.payment_failed` event: Nozle's own webhook of it.
import { findProviderSubscription } from '../access/subscriptions-store.js';
import { invoiceBilledBy } from '../billing/invoices-store.js';
import { recordPaymentFailure } from '../billing/payment-failures.js';
import { lockCustomer } from '../customers/store.js';
import type { Queryable } from '../db/database.js';
import type { ProviderInvoice, ProviderName } from './provider.js';
import { customerForProviderId } from './store.js';
import type { SyncOutcome } from './sync.js';

/**
 * Records the failure the provider's event `eventId` reports on `invoice` (as the provider holds
 * it now), once per event: the processing of an event may run again after a failure.
 */
export async function recordProviderPaymentFailure(
  tx: Queryable,
  provider: ProviderName,
  eventId: string,
  invoice: ProviderInvoice,
  now: Date,
): Promise<SyncOutcome> {
  const owner = await customerForProviderId(tx, provider, invoice.customer);
  if (!owner) return { kind: 'ignored', reason: `customer ${invoice.customer} is not one of Nozle's` };
  await lockCustomer(tx, owner.customerId);
  let invoiceId: string | null = null;
  let subscriptionId: string | null = null;
  if (invoice.nozleInvoice) {
    const billed = await invoiceBilledBy(tx, invoice.nozleInvoice, owner.customerId);
    if (!billed || billed.projectId !== owner.projectId) return { kind: 'ignored', reason: `invoice ${invoice.nozleInvoice} is not one of this customer's` };
    // Nozle collects it itself: the charge was asked through POST /v1/invoices/{id}/pay, whose
    // answer recorded the failure already (the provider retries none of those on its own).
    if (billed.billedBy === null) return { kind: 'ignored', reason: `invoice ${invoice.nozleInvoice} was charged through the API, which recorded its failure` };
    [invoiceId, subscriptionId] = [invoice.nozleInvoice, billed.subscriptionId];
  } else if (invoice.subscription) {
    subscriptionId = (await findProviderSubscription(tx, provider, invoice.subscription))?.id ?? null;
  }
  await recordPaymentFailure(
    tx,
    owner.projectId,
    {
      customerId: owner.customerId,
      invoiceId,
      subscriptionId,
      provider,
      providerInvoiceId: invoice.id,
      amountDue: invoice.amountDue,
      currency: invoice.currency,
      attemptCount: invoice.attemptCount,
      nextPaymentAttempt: invoice.nextPaymentAttempt,
      reason: invoice.failure,
    },
    now,
    `${provider}:${eventId}`,
  );
  // A failure changes no entitlement by itself (its subscription's new status came through its sync).
  return { kind: 'unchanged', ...owner, id: invoice.id };
}
