// The `invoice.payment_failed` webhook: one failed payment attempt, with the Nozle invoice and
// the subscription as they are after it, recorded in a transaction that commits (a declined
// charge through the API is an answer, not a failed request).
import type { components } from '@nozle/openapi';
import { findSubscription, toSubscription, type ProviderName } from '../access/subscriptions-store.js';
import { unixSeconds } from '../clock.js';
import type { Queryable } from '../db/database.js';
import { recordOutboxEvent, recordOutboxEventOnce } from '../outbox.js';
import type { DeclineReason } from './invoice-collector.js';
import { findInvoice } from './invoices-store.js';

type InvoicePaymentFailure = components['schemas']['InvoicePaymentFailure'];

export interface PaymentFailure {
  customerId: string;
  /** The Nozle invoice charged; null for a provider's own invoice (a renewal it billed). */
  invoiceId: string | null;
  subscriptionId: string | null;
  provider: ProviderName;
  providerInvoiceId: string | null;
  /** Minor units of `currency`. */
  amountDue: number;
  currency: string;
  attemptCount: number;
  /** When the provider tries again on its own; null when it will not. */
  nextPaymentAttempt: Date | null;
  reason: DeclineReason | null;
}

// The spec bounds the reason's strings: a provider's long message is cut, never refused.
const CODE_MAX = 100;
const MESSAGE_MAX = 500;

/**
 * Records the failure as `invoice.payment_failed`. `onceKey` names what reported it when that may
 * be processed again (a provider's event): then a second report records nothing.
 */
export async function recordPaymentFailure(db: Queryable, projectId: string, failure: PaymentFailure, now: Date, onceKey?: string): Promise<void> {
  const data: InvoicePaymentFailure = {
    object: 'invoice_payment_failure',
    customer: failure.customerId,
    invoice: failure.invoiceId ? await findInvoice(db, projectId, failure.invoiceId) : null,
    subscription: failure.subscriptionId ? toSubscription(await findSubscription(db, projectId, failure.subscriptionId), now) : null,
    provider: failure.provider,
    provider_invoice: failure.providerInvoiceId,
    amount_due: Math.max(0, failure.amountDue),
    currency: failure.currency,
    attempt_count: Math.max(1, failure.attemptCount),
    next_payment_attempt: failure.nextPaymentAttempt ? unixSeconds(failure.nextPaymentAttempt) : null,
    failure_code: failure.reason ? failure.reason.code.slice(0, CODE_MAX) : null,
    failure_message: failure.reason ? failure.reason.message.slice(0, MESSAGE_MAX) : null,
  };
  if (onceKey === undefined) await recordOutboxEvent(db, projectId, 'invoice.payment_failed', data, now);
  else await recordOutboxEventOnce(db, projectId, 'invoice.payment_failed', onceKey, data, now);
}
