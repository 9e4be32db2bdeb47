// SQL for provider_charges: what a payment provider charged a customer outside Nozle's own
// invoices, one row per provider charge (the margin report counts it as revenue).
import type { Queryable } from '../db/database.js';
import type { ProviderName } from './provider.js';

export interface ProviderCharge {
  provider: ProviderName;
  /** The provider's invoice or payment id: a charge recorded again is the same row. */
  providerChargeId: string;
  projectId: string;
  customerId: string;
  planId: string;
  subscriptionId: string | null;
  amount: number;
  amountRefunded: number;
  currency: string;
  periodStart: Date;
  periodEnd: Date;
  chargedAt: Date;
  /** The provider's payment behind an invoice's charge (a refund names it); null when unknown. */
  providerPaymentId?: string | null;
}

/**
 * Records the charge once; recorded again (a repeated or late event, reconciliation) it changes
 * only what was refunded of it, and that only upwards. Answers whether anything was written.
 */
export async function recordProviderCharge(db: Queryable, charge: ProviderCharge, now: Date): Promise<boolean> {
  const { rowCount } = await db.query(
    `insert into provider_charges (provider, provider_charge_id, project_id, customer_id, plan_id, subscription_id, amount, amount_refunded,
       currency, period_start, period_end, charged_at, created_at, updated_at, provider_payment_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14)
     on conflict (provider, provider_charge_id) do update set amount_refunded = excluded.amount_refunded, updated_at = excluded.updated_at
       where provider_charges.amount_refunded < excluded.amount_refunded`,
    [
      charge.provider,
      charge.providerChargeId,
      charge.projectId,
      charge.customerId,
      charge.planId,
      charge.subscriptionId,
      charge.amount,
      Math.min(charge.amountRefunded, charge.amount),
      charge.currency,
      charge.periodStart,
      charge.periodEnd,
      charge.chargedAt,
      now,
      charge.providerPaymentId ?? null,
    ],
  );
  return rowCount > 0;
}

/**
 * A refund of the payment behind an invoice's charge: what was refunded of it rises to
 * `amountRefunded` (never down, never past the charge). Answers the charge's owner, or undefined
 * when no invoice charge was paid by that payment (or nothing more was refunded).
 */
export async function refundChargeByPayment(
  db: Queryable,
  provider: ProviderName,
  paymentId: string,
  amountRefunded: number,
  now: Date,
): Promise<{ projectId: string; customerId: string; id: string } | undefined> {
  const { rows } = await db.query<{ project_id: string; customer_id: string; provider_charge_id: string }>(
    `update provider_charges set amount_refunded = least(amount, $3), updated_at = $4
     where provider = $1 and provider_payment_id = $2 and amount_refunded < least(amount, $3)
     returning project_id, customer_id, provider_charge_id`,
    [provider, paymentId, amountRefunded, now],
  );
  const row = rows[0];
  return row && { projectId: row.project_id, customerId: row.customer_id, id: row.provider_charge_id };
}
