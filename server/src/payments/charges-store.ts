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
}

/**
 * Records the charge once; recorded again (a repeated or late event, reconciliation) it changes
 * only what was refunded of it, and that only upwards. Answers whether anything was written.
 */
export async function recordProviderCharge(db: Queryable, charge: ProviderCharge, now: Date): Promise<boolean> {
  const { rowCount } = await db.query(
    `insert into provider_charges (provider, provider_charge_id, project_id, customer_id, plan_id, subscription_id, amount, amount_refunded,
       currency, period_start, period_end, charged_at, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
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
    ],
  );
  return rowCount > 0;
}
