// The purchases service: one-time plans bought, refunded (at the provider too, when it took the
// payment) and listed; a plan's credit comes and goes with its purchase (the PurchaseCredits port).
import { findPlan } from '../catalog/plans-store.js';
import { wholeSecond } from '../clock.js';
import { cleanMetadata, type Metadata } from '../customers/metadata.js';
import { findCustomer, lockCustomer } from '../customers/store.js';
import type { Queryable } from '../db/database.js';
import type { Work } from '../db/work.js';
import type { EntitlementChanges } from '../entitlement-changes.js';
import { invalidParam } from '../http/errors.js';
import { paginate, type ListEnvelope, type PageRequest } from '../http/pagination.js';
import type { PaymentRefunds, PurchaseCredits } from './ports.js';
import { findPurchase, insertPurchase, listPurchaseRows, markPurchaseRefunded, purchaseSeq, type Purchase } from './purchases-store.js';

export interface PurchasePorts {
  entitlements: EntitlementChanges;
  purchaseCredits: PurchaseCredits;
  paymentRefunds: PaymentRefunds;
}

export interface PurchaseInput {
  customer: string;
  plan: string;
  /** Unix seconds. */
  expiresAt?: number;
  metadata?: Metadata;
}

export async function createPurchase(ports: Omit<PurchasePorts, 'paymentRefunds'>, work: Work, projectId: string, input: PurchaseInput): Promise<Purchase> {
  const now = wholeSecond(work.now); // the purchase anchors usage periods
  // The customer's row first, always: changes to one customer take turns without deadlocks.
  const customer = await findCustomer(work.db, projectId, input.customer, true);
  const plan = await findPlan(work.db, projectId, input.plan);
  if (plan.interval !== 'one_time') {
    throw invalidParam('plan', `Plan '${plan.key}' is billed every ${plan.interval}: subscribe with POST /v1/subscriptions instead.`);
  }
  const expiresAt = input.expiresAt === undefined ? null : new Date(input.expiresAt * 1000);
  if (expiresAt && expiresAt <= now) throw invalidParam('expires_at', 'expires_at must be in the future.');
  const purchase = await insertPurchase(
    work.db,
    projectId,
    { customerId: customer.id, planId: plan.id, planVersion: plan.version, expiresAt, metadata: cleanMetadata(input.metadata) },
    now,
  );
  // A plan with credits grants them with the purchase, in its transaction.
  await ports.purchaseCredits.grant(work.db, projectId, { id: purchase.id, customerId: customer.id, purchasedAt: now }, plan, now);
  await ports.entitlements.sourcesChanged(work, projectId, customer.id);
  return purchase;
}

export async function refundPurchase(ports: PurchasePorts, work: Work, projectId: string, id: string): Promise<Purchase> {
  const found = await findPurchase(work.db, projectId, id);
  await lockCustomer(work.db, found.customer);
  // A payment taken by the provider is refunded there too; its charge.refunded event then
  // finds the purchase already refunded.
  if (found.provider_payment_id && found.refunded_at === null) await ports.paymentRefunds.refund(work, found.provider_payment_id);
  const purchase = await markPurchaseRefunded(work.db, projectId, id, work.now);
  await ports.purchaseCredits.revoke(work.db, purchase.id, work.now);
  await ports.entitlements.sourcesChanged(work, projectId, purchase.customer);
  return purchase;
}

export const retrievePurchase = (db: Queryable, projectId: string, id: string): Promise<Purchase> => findPurchase(db, projectId, id);

export async function listPurchases(db: Queryable, projectId: string, query: PageRequest & { customer?: string }): Promise<ListEnvelope<Purchase>> {
  const customerId = query.customer ? (await findCustomer(db, projectId, query.customer)).id : undefined;
  return paginate(
    '/v1/purchases',
    query,
    'purchase',
    (purchaseId) => purchaseSeq(db, projectId, purchaseId),
    (limit, afterSeq) => listPurchaseRows(db, projectId, customerId, limit, afterSeq),
  );
}
