// What a provider charged a customer, recorded once for the margin report (charges-store.ts):
// the paid invoices of its own subscriptions (a checkout's) and one-time payments. The invoices
// Nozle sent to it are not charges here: the report counts those from Nozle's own invoice lines.
import { findProviderSubscription } from '../access/subscriptions-store.js';
import type { Queryable } from '../db/database.js';
import { lockCustomer } from '../customers/store.js';
import { recordProviderCharge, refundChargeByPayment } from './charges-store.js';
import type { ProviderInvoice, ProviderName, ProviderPayment } from './provider.js';
import { customerForProviderId, planForProviderPrice } from './store.js';
import type { SyncOutcome } from './sync.js';

/** A paid invoice of a provider's subscription, recorded as a charge for the plan it billed (its line's price, else its subscription's plan). */
export async function recordInvoiceCharge(tx: Queryable, provider: ProviderName, invoice: ProviderInvoice, now: Date): Promise<SyncOutcome> {
  if (invoice.nozleInvoice) return { kind: 'ignored', reason: `invoice ${invoice.id} is Nozle's invoice ${invoice.nozleInvoice}, counted as Nozle's` };
  if (invoice.status !== 'paid' || !invoice.paidAt) return { kind: 'ignored', reason: `invoice ${invoice.id} is ${invoice.status}, not paid` };
  const owner = await customerForProviderId(tx, provider, invoice.customer);
  if (!owner) return { kind: 'ignored', reason: `customer ${invoice.customer} is not one of Nozle's` };
  await lockCustomer(tx, owner.customerId);
  const subscription = invoice.subscription ? await findProviderSubscription(tx, provider, invoice.subscription) : undefined;
  const priced = invoice.price ? await planForProviderPrice(tx, provider, invoice.price) : undefined;
  const planId = (priced?.projectId === owner.projectId ? priced.planId : undefined) ?? subscription?.plan_id;
  if (!planId) return { kind: 'ignored', reason: `invoice ${invoice.id} bills no plan of this project` };
  await recordProviderCharge(
    tx,
    {
      provider,
      providerChargeId: invoice.id,
      ...owner,
      planId,
      subscriptionId: subscription?.id ?? null,
      amount: invoice.amountPaid,
      amountRefunded: 0,
      currency: invoice.currency,
      periodStart: invoice.periodStart,
      periodEnd: invoice.periodEnd,
      chargedAt: invoice.paidAt,
      providerPaymentId: invoice.paymentId,
    },
    now,
  );
  // A charge changes no entitlement: nothing to recompute.
  return { kind: 'unchanged', ...owner, id: invoice.id };
}

/** A paid one-time payment, recorded as a charge for its plan at the instant it was made (a refund lowers it). */
export async function recordPaymentCharge(
  tx: Queryable,
  provider: ProviderName,
  payment: ProviderPayment,
  owner: { projectId: string; customerId: string },
  planId: string,
  now: Date,
): Promise<void> {
  await recordProviderCharge(
    tx,
    {
      provider,
      providerChargeId: payment.id,
      ...owner,
      planId,
      subscriptionId: null,
      amount: payment.amount,
      amountRefunded: payment.amountRefunded,
      currency: payment.currency,
      periodStart: payment.created,
      periodEnd: payment.created,
      chargedAt: payment.created,
    },
    now,
  );
}

/** A refund (`charge.refunded`) of the payment that paid a provider's subscription invoice lowers that charge's revenue. */
export async function refundInvoiceCharge(tx: Queryable, provider: ProviderName, payment: ProviderPayment, now: Date): Promise<SyncOutcome> {
  const refunded = await refundChargeByPayment(tx, provider, payment.id, payment.amountRefunded, now);
  if (!refunded) return { kind: 'ignored', reason: `payment ${payment.id} paid no subscription invoice recorded as a charge, or nothing more was refunded` };
  return { kind: 'unchanged', ...refunded };
}
