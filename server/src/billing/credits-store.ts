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
}

/** Stores a grant, and its `credits.granted` webhook with it. */
export async function insertCreditGrant(db: Queryable, projectId: string, grant: NewCreditGrant, now: Date): Promise<CreditGrant> {
  const { rows } = await db.query<GrantRow>(
    `insert into credit_grants (id, project_id, customer_id, currency, amount, remaining, expires_at, description, created_at, purchase_id)
     values ($1, $2, $3, $4, $5, $5, $6, $7, $8, $9) returning *`,
    [newId('crg'), projectId, grant.customerId, grant.currency, grant.amount, grant.expiresAt, grant.description, now, grant.purchaseId ?? null],
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

/** Per currency, what is left of the grants not expired at `now`; and when the next of those expires. */
export async function creditBalances(db: Queryable, customerId: string, now: Date): Promise<{ balances: Record<string, number>; nextExpiry: Date | null }> {
  const { rows } = await db.query<{ currency: string; balance: number | string; next_expiry: Date | null }>(
    `select currency, sum(remaining) as balance, min(expires_at) as next_expiry from credit_grants
     where customer_id = $1 and remaining > 0 and (expires_at is null or expires_at > $2)
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
  }));
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
