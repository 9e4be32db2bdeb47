// SQL for one-time purchases.
import { unixSeconds } from '../clock.js';
import type { Queryable } from '../db/database.js';
import type { Metadata } from '../customers/metadata.js';
import { notFound } from '../http/errors.js';
import { newId } from '../ids.js';
import type { ProviderName } from './subscriptions-store.js';

export interface Purchase {
  id: string;
  object: 'purchase';
  customer: string;
  plan: string;
  plan_version: number;
  purchased_at: number;
  expires_at: number | null;
  refunded_at: number | null;
  provider: ProviderName | null;
  provider_payment_id: string | null;
  metadata: Metadata;
  created: number;
}

/** A row of the `purchases` table, with its plan's key. */
interface PurchaseRow {
  id: string;
  customer_id: string;
  plan_key: string;
  plan_version: number;
  purchased_at: Date;
  expires_at: Date | null;
  refunded_at: Date | null;
  provider: ProviderName | null;
  provider_payment_id: string | null;
  metadata: Metadata;
  created_at: Date;
}

const toPurchase = (row: PurchaseRow): Purchase => ({
  id: row.id,
  object: 'purchase',
  customer: row.customer_id,
  plan: row.plan_key,
  plan_version: row.plan_version,
  purchased_at: unixSeconds(row.purchased_at),
  expires_at: row.expires_at ? unixSeconds(row.expires_at) : null,
  refunded_at: row.refunded_at ? unixSeconds(row.refunded_at) : null,
  provider: row.provider,
  provider_payment_id: row.provider_payment_id,
  metadata: row.metadata,
  created: unixSeconds(row.created_at),
});

const SELECT = `select u.id, u.customer_id, p.key as plan_key, u.plan_version, u.purchased_at, u.expires_at, u.refunded_at,
  u.provider, u.provider_payment_id, u.metadata, u.created_at
  from purchases u join plans p on p.id = u.plan_id`;

export async function insertPurchase(
  db: Queryable,
  projectId: string,
  fields: { customerId: string; planId: string; planVersion: number; expiresAt: Date | null; metadata: Metadata },
  now: Date,
): Promise<Purchase> {
  const id = newId('pur');
  await db.query(
    `insert into purchases (id, project_id, customer_id, plan_id, plan_version, purchased_at, expires_at, metadata, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $6)`,
    [id, projectId, fields.customerId, fields.planId, fields.planVersion, now, fields.expiresAt, JSON.stringify(fields.metadata)],
  );
  return findPurchase(db, projectId, id);
}

/** A purchase paid at a provider, as its payment there made it. */
export interface ProviderPurchase {
  customerId: string;
  planId: string;
  planVersion: number;
  purchasedAt: Date;
  refundedAt: Date | null;
  provider: ProviderName;
  providerPaymentId: string;
}

export async function insertProviderPurchase(db: Queryable, projectId: string, fields: ProviderPurchase, now: Date): Promise<string> {
  const id = newId('pur');
  await db.query(
    `insert into purchases (id, project_id, customer_id, plan_id, plan_version, purchased_at, expires_at, refunded_at, provider,
       provider_payment_id, metadata, created_at)
     values ($1, $2, $3, $4, $5, $6, null, $7, $8, $9, '{}', $10)`,
    [
      id,
      projectId,
      fields.customerId,
      fields.planId,
      fields.planVersion,
      fields.purchasedAt,
      fields.refundedAt,
      fields.provider,
      fields.providerPaymentId,
      now,
    ],
  );
  return id;
}

/** The purchase paid at the provider with `paymentId`, locked, if Nozle has it. */
export async function findProviderPurchase(
  db: Queryable,
  provider: ProviderName,
  paymentId: string,
): Promise<Pick<PurchaseRow, 'id' | 'refunded_at'> | undefined> {
  const { rows } = await db.query<Pick<PurchaseRow, 'id' | 'refunded_at'>>(
    'select id, refunded_at from purchases where provider = $1 and provider_payment_id = $2 for update',
    [provider, paymentId],
  );
  return rows[0];
}

export async function setPurchaseRefunded(db: Queryable, id: string, now: Date): Promise<void> {
  await db.query('update purchases set refunded_at = $2 where id = $1', [id, now]);
}

export async function findPurchase(db: Queryable, projectId: string, id: string): Promise<Purchase> {
  const { rows } = await db.query<PurchaseRow>(`${SELECT} where u.project_id = $1 and u.id = $2`, [projectId, id]);
  if (!rows[0]) throw notFound('purchase', id, 'purchase');
  return toPurchase(rows[0]);
}

export async function markPurchaseRefunded(db: Queryable, projectId: string, id: string, now: Date): Promise<Purchase> {
  await db.query('update purchases set refunded_at = coalesce(refunded_at, $3) where project_id = $1 and id = $2', [projectId, id, now]);
  return findPurchase(db, projectId, id);
}

export async function listPurchaseRows(
  db: Queryable,
  projectId: string,
  customerId: string | undefined,
  limit: number,
  afterSeq?: number,
): Promise<Purchase[]> {
  const { rows } = await db.query<PurchaseRow>(
    `${SELECT} where u.project_id = $1 and ($2::text is null or u.customer_id = $2) and ($3::bigint is null or u.seq < $3)
     order by u.seq desc limit $4`,
    [projectId, customerId ?? null, afterSeq ?? null, limit],
  );
  return rows.map(toPurchase);
}

export async function purchaseSeq(db: Queryable, projectId: string, id: string): Promise<number | undefined> {
  const { rows } = await db.query<{ seq: number }>('select seq from purchases where project_id = $1 and id = $2', [projectId, id]);
  return rows[0]?.seq;
}
