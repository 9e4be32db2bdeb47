// SQL for auto top-up settings (one per customer and currency) and the top-ups they record:
// `pending` in the transaction that saw the crossing, claimed by the charging job, settled once.
import type { components } from '@nozle/openapi';
import { unixSeconds } from '../clock.js';
import type { Queryable } from '../db/database.js';
import { newId } from '../ids.js';
import type { DeclineReason } from './invoice-collector.js';

export type AutoTopUp = components['schemas']['AutoTopUp'];
export type CreditTopUp = components['schemas']['CreditTopUp'];

export interface AutoTopUpRow {
  project_id: string;
  customer_id: string;
  currency: string;
  enabled: boolean;
  threshold: number | string;
  amount: number | string;
  armed: boolean;
  created_at: Date;
  updated_at: Date;
}

interface TopUpRow {
  id: string;
  project_id: string;
  customer_id: string;
  currency: string;
  amount: number | string;
  threshold: number | string;
  balance: number | string;
  status: CreditTopUp['status'];
  failure_code: string | null;
  failure_message: string | null;
  provider: string | null;
  provider_invoice_id: string | null;
  grant_id: string | null;
  created_at: Date;
  settled_at: Date | null;
}

const toCreditTopUp = (row: TopUpRow): CreditTopUp => ({
  id: row.id,
  object: 'credit_top_up',
  customer: row.customer_id,
  currency: row.currency,
  amount: Number(row.amount),
  threshold: Number(row.threshold),
  balance: Number(row.balance),
  status: row.status,
  failure: row.failure_code === null ? null : { code: row.failure_code, message: row.failure_message ?? '' },
  provider: row.provider,
  provider_invoice_id: row.provider_invoice_id,
  grant: row.grant_id,
  created: unixSeconds(row.created_at),
  settled_at: row.settled_at ? unixSeconds(row.settled_at) : null,
});

export const toAutoTopUp = (row: AutoTopUpRow, last: CreditTopUp | null): AutoTopUp => ({
  object: 'auto_top_up',
  customer: row.customer_id,
  currency: row.currency,
  enabled: row.enabled,
  threshold: Number(row.threshold),
  amount: Number(row.amount),
  armed: row.armed,
  last_top_up: last,
  created: unixSeconds(row.created_at),
  updated: unixSeconds(row.updated_at),
});

/**
 * Stores the setting (a new one, or new terms for the currency's), armed unless a top-up of it
 * is still being charged: setting it again lets a balance already below buy a pack.
 */
export async function upsertAutoTopUp(
  db: Queryable,
  projectId: string,
  customerId: string,
  terms: { currency: string; threshold: number; amount: number; enabled: boolean },
  now: Date,
): Promise<AutoTopUpRow> {
  const { rows } = await db.query<AutoTopUpRow>(
    `insert into credit_auto_top_ups (project_id, customer_id, currency, enabled, threshold, amount, armed, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6,
       not exists (select 1 from credit_top_ups where customer_id = $2 and currency = $3 and status = 'pending'), $7, $7)
     on conflict (customer_id, currency) do update set enabled = excluded.enabled, threshold = excluded.threshold,
       amount = excluded.amount, armed = excluded.armed, updated_at = excluded.updated_at
     returning *`,
    [projectId, customerId, terms.currency, terms.enabled, terms.threshold, terms.amount, now],
  );
  return rows[0]!;
}

/** The customer's settings, by currency; locked when `forUpdate` (the crossing check, under the customer's lock). */
export async function autoTopUpRows(db: Queryable, customerId: string, forUpdate = false): Promise<AutoTopUpRow[]> {
  const { rows } = await db.query<AutoTopUpRow>(`select * from credit_auto_top_ups where customer_id = $1 order by currency${forUpdate ? ' for update' : ''}`, [
    customerId,
  ]);
  return rows;
}

export async function deleteAutoTopUpRow(db: Queryable, customerId: string, currency: string): Promise<boolean> {
  const deleted = await db.query('delete from credit_auto_top_ups where customer_id = $1 and currency = $2', [customerId, currency]);
  return deleted.rowCount !== 0;
}

export async function setArmed(db: Queryable, customerId: string, currency: string, armed: boolean, now: Date): Promise<void> {
  await db.query('update credit_auto_top_ups set armed = $3, updated_at = $4 where customer_id = $1 and currency = $2', [customerId, currency, armed, now]);
}

/** Records a top-up to charge (`pending`): the job charges it once this transaction has committed. */
export async function insertTopUp(db: Queryable, setting: AutoTopUpRow, balance: number, now: Date): Promise<string> {
  const id = newId('ctu');
  await db.query(
    `insert into credit_top_ups (id, project_id, customer_id, currency, amount, threshold, balance, status, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, 'pending', $8)`,
    [id, setting.project_id, setting.customer_id, setting.currency, setting.amount, setting.threshold, balance, now],
  );
  return id;
}

/** The latest top-up of each of the customer's currencies. */
export async function latestTopUps(db: Queryable, customerId: string): Promise<Map<string, CreditTopUp>> {
  const { rows } = await db.query<TopUpRow>(`select distinct on (currency) * from credit_top_ups where customer_id = $1 order by currency, seq desc`, [
    customerId,
  ]);
  return new Map(rows.map((row) => [row.currency, toCreditTopUp(row)]));
}

export interface ClaimedTopUp {
  id: string;
  projectId: string;
  customerId: string;
  currency: string;
  amount: number;
  /** Tries that got no answer from the provider. */
  attempts: number;
}

/**
 * Claims the oldest pending top-up due at `baseNow` (of `projectId`, or any) in the transaction
 * `tx`: its row is locked (`for update skip locked`), so workers on every instance each take
 * another, and it is charged and settled in this transaction: none is charged twice at once, and
 * a crash before the settlement leaves it pending, charged again under the same idempotency key.
 */
export async function claimPendingTopUp(tx: Queryable, baseNow: Date, projectId?: string): Promise<ClaimedTopUp | undefined> {
  const { rows } = await tx.query<TopUpRow & { attempts: number }>(
    `select * from credit_top_ups where status = 'pending' and (next_attempt_at is null or next_attempt_at <= $1)
       and ($2::text is null or project_id = $2)
     order by seq limit 1 for update skip locked`,
    [baseNow, projectId ?? null],
  );
  const row = rows[0];
  return (
    row && { id: row.id, projectId: row.project_id, customerId: row.customer_id, currency: row.currency, amount: Number(row.amount), attempts: row.attempts }
  );
}

/** When the next pending top-up is due, in the server's time (the past when one is due now); null when none. */
export async function nextTopUpDue(db: Queryable): Promise<Date | null> {
  const { rows } = await db.query<{ waiting: boolean | null; at: Date | null }>(
    "select bool_or(next_attempt_at is null) as waiting, min(next_attempt_at) as at from credit_top_ups where status = 'pending'",
    [],
  );
  const row = rows[0];
  if (row?.waiting) return new Date(0);
  return row?.at ?? null;
}

/** The provider did not answer: the top-up stays pending, tried again at `retryAt` (same idempotency key). */
export async function postponeTopUp(db: Queryable, id: string, retryAt: Date): Promise<void> {
  await db.query("update credit_top_ups set attempts = attempts + 1, next_attempt_at = $2 where id = $1 and status = 'pending'", [id, retryAt]);
}

export type TopUpOutcome =
  | { status: 'succeeded'; provider: string; providerInvoiceId: string; grantId: string }
  | { status: 'failed'; provider: string | null; providerInvoiceId: string | null; failure: DeclineReason };

/** Settles a claimed top-up, once; answers it as the API shows it. */
export async function settleTopUp(tx: Queryable, id: string, outcome: TopUpOutcome, now: Date): Promise<CreditTopUp> {
  const failure = outcome.status === 'failed' ? outcome.failure : null;
  const { rows } = await tx.query<TopUpRow>(
    `update credit_top_ups set status = $2, provider = $3, provider_invoice_id = $4, grant_id = $5, failure_code = $6, failure_message = $7, settled_at = $8
     where id = $1 and status = 'pending' returning *`,
    [
      id,
      outcome.status,
      outcome.provider,
      outcome.providerInvoiceId,
      outcome.status === 'succeeded' ? outcome.grantId : null,
      failure?.code ?? null,
      failure?.message ?? null,
      now,
    ],
  );
  if (!rows[0]) throw new Error(`Top-up ${id} was settled already.`);
  return toCreditTopUp(rows[0]);
}
