// SQL for prepaid credit grants, their balances and what invoices drew from them.
import type { components } from '@nozle/openapi';
import { unixSeconds } from '../clock.js';
import type { Queryable } from '../db/database.js';
import { newId } from '../ids.js';
import { recordOutboxEvent } from '../outbox.js';
import type { Drawdown, UsableGrant } from './credits.js';
import { DAY_MS } from '../time/periods.js';

export type CreditGrant = components['schemas']['CreditGrant'];

interface GrantRow {
  id: string;
  customer_id: string;
  currency: string;
  amount: number | string;
  remaining: number | string;
  expires_at: Date | null;
  description: string | null;
  purchase_id: string | null;
  revoked_at: Date | null;
  revoked_amount: number | string | null;
  created_at: Date;
  subscription_id: string | null;
  closed_at: Date | null;
}

const toGrant = (row: GrantRow): CreditGrant => ({
  id: row.id,
  object: 'credit_grant',
  customer: row.customer_id,
  currency: row.currency,
  amount: Number(row.amount),
  remaining: Number(row.remaining),
  expires_at: row.expires_at ? unixSeconds(row.expires_at) : null,
  description: row.description,
  purchase: row.purchase_id,
  revoked_at: row.revoked_at ? unixSeconds(row.revoked_at) : null,
  revoked_amount: row.revoked_amount === null ? null : Number(row.revoked_amount),
  created: unixSeconds(row.created_at),
});

export interface NewCreditGrant {
  customerId: string;
  currency: string;
  amount: number;
  expiresAt: Date | null;
  description: string | null;
  /** The purchase that granted it; at most one grant per purchase. */
  purchaseId?: string;
  /** The subscription period that granted it (its plan's credits, or what the period before left); once per kind. */
  period?: { subscriptionId: string; start: Date; kind: 'period' | 'rollover' };
}

/** Stores a grant, and its `credits.granted` webhook with it. */
export async function insertCreditGrant(db: Queryable, projectId: string, grant: NewCreditGrant, now: Date): Promise<CreditGrant> {
  const { rows } = await db.query<GrantRow>(
    `insert into credit_grants (id, project_id, customer_id, currency, amount, remaining, expires_at, description, created_at, purchase_id,
       subscription_id, period_start, period_kind)
     values ($1, $2, $3, $4, $5, $5, $6, $7, $8, $9, $10, $11, $12) returning *`,
    [
      newId('crg'),
      projectId,
      grant.customerId,
      grant.currency,
      grant.amount,
      grant.expiresAt,
      grant.description,
      now,
      grant.purchaseId ?? null,
      grant.period?.subscriptionId ?? null,
      grant.period?.start ?? null,
      grant.period?.kind ?? null,
    ],
  );
  const created = toGrant(rows[0]!);
  // Here, where grants by hand and by purchase both pass, in the transaction that makes them.
  await recordOutboxEvent(db, projectId, 'credits.granted', created, now);
  return created;
}

/**
 * The grant a purchase of a one_time plan with credits makes, in the transaction that records
 * the purchase: the plan version's amount and currency, described by the plan's name, expiring
 * `expires_in_days` after `purchasedAt` (never without). None for a plan without credits.
 */
export async function grantPurchaseCredits(
  db: Queryable,
  projectId: string,
  purchase: { id: string; customerId: string; purchasedAt: Date },
  plan: { name: string; credits: { amount: number; currency: string; expires_in_days: number | null } | null },
  now: Date,
): Promise<CreditGrant | undefined> {
  if (!plan.credits) return undefined;
  const days = plan.credits.expires_in_days;
  return insertCreditGrant(
    db,
    projectId,
    {
      customerId: purchase.customerId,
      currency: plan.credits.currency,
      amount: plan.credits.amount,
      expiresAt: days === null ? null : new Date(purchase.purchasedAt.getTime() + days * DAY_MS),
      description: plan.name,
      purchaseId: purchase.id,
    },
    now,
  );
}

/**
 * A refund of the purchase takes back what remains of its grant: `remaining` becomes 0, and
 * `revoked_at`/`revoked_amount` record when and how much. What invoices already drew stays drawn.
 * Once only (a second refund finds it revoked); nothing when the purchase granted nothing.
 */
export async function revokePurchaseCredits(db: Queryable, purchaseId: string, now: Date): Promise<void> {
  await db.query('update credit_grants set revoked_amount = remaining, remaining = 0, revoked_at = $2 where purchase_id = $1 and revoked_at is null', [
    purchaseId,
    now,
  ]);
}

/** Every grant of the customer, newest first. */
export async function listCreditGrants(db: Queryable, projectId: string, customerId: string): Promise<CreditGrant[]> {
  const { rows } = await db.query<GrantRow>('select * from credit_grants where project_id = $1 and customer_id = $2 order by seq desc', [
    projectId,
    customerId,
  ]);
  return rows.map(toGrant);
}

/**
 * Per currency, what is left of the grants not expired at `now`; and when the next of those
 * expires. A subscription period's grant counts until the billing cycle closes its period (its
 * invoice draws on it first), not by its expiry: the balance never dips between the two.
 */
export async function creditBalances(db: Queryable, customerId: string, now: Date): Promise<{ balances: Record<string, number>; nextExpiry: Date | null }> {
  const { rows } = await db.query<{ currency: string; balance: number | string; next_expiry: Date | null }>(
    `select currency, sum(remaining) as balance, min(expires_at) filter (where subscription_id is null) as next_expiry from credit_grants
     where customer_id = $1 and remaining > 0 and (expires_at is null or expires_at > $2 or (subscription_id is not null and closed_at is null))
     group by currency order by currency`,
    [customerId, now],
  );
  const expiries = rows.flatMap((row) => (row.next_expiry ? [row.next_expiry.getTime()] : []));
  return {
    balances: Object.fromEntries(rows.map((row) => [row.currency, Number(row.balance)])),
    nextExpiry: expiries.length > 0 ? new Date(Math.min(...expiries)) : null,
  };
}

/** The customer's grants in `currency` with something left (applyCredits decides which are usable). */
export async function grantsWithCredit(db: Queryable, customerId: string, currency: string): Promise<UsableGrant[]> {
  const { rows } = await db.query<GrantRow>(`select * from credit_grants where customer_id = $1 and currency = $2 and remaining > 0`, [customerId, currency]);
  return rows.map((row) => ({
    id: row.id,
    remaining: Number(row.remaining),
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    description: row.description,
    openPeriod: row.subscription_id !== null && row.closed_at === null,
  }));
}

/**
 * Closes the subscription's period grants of periods before `periodStart` (their invoices drew
 * on them already); answers per currency what they had left, for the rollover.
 */
export async function closePeriodGrants(db: Queryable, subscriptionId: string, periodStart: Date, now: Date): Promise<Record<string, number>> {
  const { rows } = await db.query<{ currency: string; remaining: number | string }>(
    `update credit_grants set closed_at = $3 where subscription_id = $1 and period_start < $2 and closed_at is null returning currency, remaining`,
    [subscriptionId, periodStart, now],
  );
  const left: Record<string, number> = {};
  for (const row of rows) left[row.currency] = (left[row.currency] ?? 0) + Number(row.remaining);
  return left;
}

/** Whether the subscription's period starting at `periodStart` has granted its credits. */
export async function periodGranted(db: Queryable, subscriptionId: string, periodStart: Date): Promise<boolean> {
  const { rows } = await db.query("select 1 from credit_grants where subscription_id = $1 and period_start = $2 and period_kind = 'period'", [
    subscriptionId,
    periodStart,
  ]);
  return rows.length > 0;
}

/**
 * Records what `invoiceId` drew, in the transaction that stored it. The primary key (invoice,
 * grant) and the check on `remaining` make a second drawdown or an overdraft fail the transaction.
 */
export async function recordDrawdowns(db: Queryable, invoiceId: string, drawdowns: readonly Drawdown[]): Promise<void> {
  for (const { grantId, amount } of drawdowns) {
    await db.query('insert into credit_drawdowns (invoice_id, grant_id, amount) values ($1, $2, $3)', [invoiceId, grantId, amount]);
    await db.query('update credit_grants set remaining = remaining - $2 where id = $1', [grantId, amount]);
  }
}
