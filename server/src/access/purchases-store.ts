// SQL for one-time purchases.
import { unixSeconds } from '../clock.js';
import type { Queryable } from '../db/database.js';
import type { Metadata } from '../customers/metadata.js';
import { notFound } from '../http/errors.js';
import { newId } from '../ids.js';

export interface Purchase {
  id: string;
  object: 'purchase';
  customer: string;
  plan: string;
  plan_version: number;
  purchased_at: number;
  expires_at: number | null;
  refunded_at: number | null;
  provider: 'stripe' | 'sandbox' | null;
  provider_payment_id: string | null;
  metadata: Metadata;
  created: number;
}

interface PurchaseRow {
  id: string;
  customer_id: string;
  plan_key: string;
  plan_version: number;
  purchased_at: Date;
  expires_at: Date | null;
  refunded_at: Date | null;
  provider: 'stripe' | 'sandbox' | null;
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

export async function findPurchase(db: Queryable, projectId: string, id: string): Promise<Purchase> {
  const { rows } = await db.query<PurchaseRow>(`${SELECT} where u.project_id = $1 and u.id = $2`, [projectId, id]);
  if (!rows[0]) throw notFound('purchase', id, 'purchase');
  return toPurchase(rows[0]);
}

export async function markPurchaseRefunded(db: Queryable, projectId: string, id: string, now: Date): Promise<Purchase> {
  await db.query('update purchases set refunded_at = coalesce(refunded_at, $3) where project_id = $1 and id = $2', [projectId, id, now]);
  return findPurchase(db, projectId, id);
}

export async function listPurchaseRows(db: Queryable, projectId: string, customerId: string | undefined, limit: number, afterSeq?: number): Promise<Purchase[]> {
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
