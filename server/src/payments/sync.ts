// Makes Nozle's copy of a provider subscription or payment equal to the provider's current
// state. Every path that learns something from the provider ends here: webhooks, the
// sandbox, API calls that changed something at the provider, and reconciliation.
//
// Order safety: callers pass the object as the provider holds it NOW (re-read from the
// provider, never the copy inside an event), so applying it is idempotent and an event that
// arrives late or twice cannot put back an older state. Refunds only ever move one way.
import { liveSubscriptionTo } from '../access/subscriptions-store.js';
import { grantPurchaseCredits, revokePurchaseCredits } from '../billing/credits-store.js';
import { planVersionCredits } from '../catalog/plans-store.js';
import type { Queryable } from '../db/database.js';
import { lockCustomer } from '../customers/store.js';
import type { SubscriptionStatus } from '../entitlements/types.js';
import { newId } from '../ids.js';
import type { ProviderName, ProviderPayment, ProviderSubscription } from './provider.js';
import { customerForProviderId, planForProviderPrice } from './store.js';

export interface SyncChange {
  object: 'subscription' | 'purchase';
  id: string;
  provider_id: string;
  customer: string;
  action: 'created' | 'updated';
  /** Each changed field as [before, after] (times as Unix seconds). */
  fields: Record<string, [unknown, unknown]>;
}

export type SyncOutcome =
  | { kind: 'changed'; projectId: string; customerId: string; change: SyncChange }
  | { kind: 'unchanged'; projectId: string; customerId: string; id: string }
  | { kind: 'ignored'; reason: string };

/** Stripe's statuses in Nozle's terms; an expired incomplete subscription never started. */
export function toNozleStatus(status: ProviderSubscription['status']): SubscriptionStatus {
  return status === 'incomplete_expired' ? 'canceled' : status;
}

interface StoredSubscription {
  id: string;
  plan_id: string;
  plan_version: number;
  status: SubscriptionStatus;
  current_period_start: Date;
  current_period_end: Date;
  trial_end: Date | null;
  cancel_at_period_end: boolean;
  canceled_at: Date | null;
  past_due_since: Date | null;
}

const comparable = (value: unknown): unknown => (value instanceof Date ? Math.floor(value.getTime() / 1000) : value);

function diff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, [unknown, unknown]> {
  const changed: Record<string, [unknown, unknown]> = {};
  for (const [key, value] of Object.entries(after)) {
    const [a, b] = [comparable(before[key]), comparable(value)];
    if (a !== b) changed[key] = [a, b];
  }
  return changed;
}

/** Applies the provider's subscription as it is now. The caller recomputes entitlements on a change. */
export async function syncSubscription(tx: Queryable, provider: ProviderName, sub: ProviderSubscription, now: Date): Promise<SyncOutcome> {
  const owner = await customerForProviderId(tx, provider, sub.customer);
  if (!owner) return { kind: 'ignored', reason: `customer ${sub.customer} is not one of Nozle's` };
  const plan = await planForProviderPrice(tx, provider, sub.price);
  if (!plan || plan.projectId !== owner.projectId) return { kind: 'ignored', reason: `price ${sub.price} sells no plan of this project` };
  // The customer's row first, always: changes to one customer take turns without deadlocks.
  await lockCustomer(tx, owner.customerId);
  const { rows } = await tx.query<StoredSubscription>(
    `select id, plan_id, plan_version, status, current_period_start, current_period_end, trial_end, cancel_at_period_end,
       canceled_at, past_due_since
     from subscriptions where provider = $1 and provider_subscription_id = $2 for update`,
    [provider, sub.id],
  );
  const existing = rows[0];
  const status = toNozleStatus(sub.status);
  const next = {
    plan_id: plan.planId,
    plan_version: plan.version,
    status,
    current_period_start: sub.currentPeriodStart,
    current_period_end: sub.currentPeriodEnd,
    trial_end: sub.trialEnd,
    cancel_at_period_end: sub.cancelAtPeriodEnd,
    canceled_at: sub.canceledAt,
    // The provider does not say when a subscription fell past due: the grace runs from when
    // Nozle first saw it so, and is kept while it stays past due.
    past_due_since: status === 'past_due' ? (existing?.past_due_since ?? now) : null,
  };

  // The provider may hold two live subscriptions of one customer to one plan (two checkouts at
  // Stripe); Nozle keeps one live per plan, the one it had first, and reports the other rather
  // than fail on the index (a canceled one is always mirrored: that frees the plan).
  const holder = status === 'canceled' ? undefined : await liveSubscriptionTo(tx, owner.projectId, owner.customerId, plan.planId, existing?.id);
  if (holder) return { kind: 'ignored', reason: `customer ${owner.customerId} already has ${holder}, a live subscription to this plan; one live subscription per plan` };

  if (!existing) {
    const id = newId('sub');
    await tx.query(
      `insert into subscriptions (id, project_id, customer_id, plan_id, plan_version, status, current_period_start, current_period_end,
         trial_end, cancel_at_period_end, canceled_at, past_due_since, provider, provider_subscription_id, metadata, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, '{}', $15, $16)`,
      [id, owner.projectId, owner.customerId, next.plan_id, next.plan_version, next.status, next.current_period_start, next.current_period_end,
        next.trial_end, next.cancel_at_period_end, next.canceled_at, next.past_due_since, provider, sub.id, sub.created, now],
    );
    const change: SyncChange = { object: 'subscription', id, provider_id: sub.id, customer: owner.customerId, action: 'created', fields: diff({}, next) };
    return { kind: 'changed', ...owner, change };
  }

  const fields = diff(existing as unknown as Record<string, unknown>, next);
  if (Object.keys(fields).length === 0) return { kind: 'unchanged', ...owner, id: existing.id };
  await tx.query(
    `update subscriptions set plan_id = $2, plan_version = $3, status = $4, current_period_start = $5, current_period_end = $6,
       trial_end = $7, cancel_at_period_end = $8, canceled_at = $9, past_due_since = $10, updated_at = $11
     where id = $1`,
    [existing.id, next.plan_id, next.plan_version, next.status, next.current_period_start, next.current_period_end, next.trial_end,
      next.cancel_at_period_end, next.canceled_at, next.past_due_since, now],
  );
  return { kind: 'changed', ...owner, change: { object: 'subscription', id: existing.id, provider_id: sub.id, customer: owner.customerId, action: 'updated', fields } };
}

/** Applies a one-time payment: a paid one is a purchase; a full refund ends it (and is never undone). */
export async function syncPayment(tx: Queryable, provider: ProviderName, payment: ProviderPayment, now: Date): Promise<SyncOutcome> {
  if (!payment.paid) return { kind: 'ignored', reason: `payment ${payment.id} has not succeeded` };
  const owner = await customerForProviderId(tx, provider, payment.customer);
  if (!owner) return { kind: 'ignored', reason: `customer ${payment.customer} is not one of Nozle's` };
  const plan = await planForProviderPrice(tx, provider, payment.price);
  if (!plan || plan.projectId !== owner.projectId) return { kind: 'ignored', reason: `price ${payment.price} sells no plan of this project` };
  await lockCustomer(tx, owner.customerId);
  const { rows } = await tx.query<{ id: string; refunded_at: Date | null }>(
    'select id, refunded_at from purchases where provider = $1 and provider_payment_id = $2 for update',
    [provider, payment.id],
  );
  const existing = rows[0];
  if (!existing) {
    const id = newId('pur');
    const refundedAt = payment.refunded ? now : null;
    await tx.query(
      `insert into purchases (id, project_id, customer_id, plan_id, plan_version, purchased_at, expires_at, refunded_at, provider,
         provider_payment_id, metadata, created_at)
       values ($1, $2, $3, $4, $5, $6, null, $7, $8, $9, '{}', $10)`,
      [id, owner.projectId, owner.customerId, plan.planId, plan.version, payment.created, refundedAt, provider, payment.id, now],
    );
    // Its credit, as a purchase through the API grants it; taken back at once if already refunded.
    const terms = await planVersionCredits(tx, plan.planId, plan.version);
    if (terms) await grantPurchaseCredits(tx, owner.projectId, { id, customerId: owner.customerId, purchasedAt: payment.created }, terms, now);
    if (refundedAt) await revokePurchaseCredits(tx, id, now);
    const fields = diff({}, { plan_id: plan.planId, plan_version: plan.version, purchased_at: payment.created, refunded_at: refundedAt });
    return { kind: 'changed', ...owner, change: { object: 'purchase', id, provider_id: payment.id, customer: owner.customerId, action: 'created', fields } };
  }
  if (!payment.refunded || existing.refunded_at) return { kind: 'unchanged', ...owner, id: existing.id };
  await tx.query('update purchases set refunded_at = $2 where id = $1', [existing.id, now]);
  await revokePurchaseCredits(tx, existing.id, now);
  return {
    kind: 'changed',
    ...owner,
    change: { object: 'purchase', id: existing.id, provider_id: payment.id, customer: owner.customerId, action: 'updated', fields: { refunded_at: [null, comparable(now)] } },
  };
}
