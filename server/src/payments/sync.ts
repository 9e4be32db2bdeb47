// Makes Nozle's copy of a provider subscription or payment equal to the provider's current
// state. Every path that learns something from the provider ends here: webhooks, the
// sandbox, API calls that changed something at the provider, and reconciliation.
//
// Order safety: callers pass the object as the provider holds it NOW (re-read from the
// provider, never the copy inside an event), so applying it is idempotent and an event that
// arrives late or twice cannot put back an older state. Refunds only ever move one way.
import { findProviderPurchase, insertProviderPurchase, setPurchaseRefunded } from '../access/purchases-store.js';
import { transition } from '../access/subscription-lifecycle.js';
import { findProviderSubscription, insertSubscription, liveSubscriptionTo, updateSubscriptionRow } from '../access/subscriptions-store.js';
import { grantPurchaseCredits, revokePurchaseCredits } from '../billing/credits-store.js';
import { planVersionCredits } from '../catalog/plans-store.js';
import { unixSeconds } from '../clock.js';
import type { Queryable } from '../db/database.js';
import { lockCustomer } from '../customers/store.js';
import { recordPaymentCharge } from './charges.js';
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

const comparable = (value: unknown): unknown => (value instanceof Date ? unixSeconds(value) : value);

function diff(before: object, after: object): Record<string, [unknown, unknown]> {
  const was = before as Record<string, unknown>;
  const changed: Record<string, [unknown, unknown]> = {};
  for (const [key, value] of Object.entries(after)) {
    const [a, b] = [comparable(was[key]), comparable(value)];
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
  const existing = await findProviderSubscription(tx, provider, sub.id);
  const view = {
    provider,
    status: sub.status,
    currentPeriodStart: sub.currentPeriodStart,
    currentPeriodEnd: sub.currentPeriodEnd,
    billingCycleAnchor: sub.billingCycleAnchor,
    trialEnd: sub.trialEnd,
    cancelAtPeriodEnd: sub.cancelAtPeriodEnd,
    canceledAt: sub.canceledAt,
  };
  const decision = transition(existing, { type: 'provider', view }, now);
  if (!decision.ok) return { kind: 'ignored', reason: `the lifecycle refused the provider's state (${decision.refusal})` };
  const lifecycle = decision.state;

  // The provider may hold two live subscriptions of one customer to one plan (two checkouts at
  // Stripe); Nozle keeps one live per plan, the one it had first, and reports the other rather
  // than fail on the index (a canceled one is always mirrored: that frees the plan).
  const holder = lifecycle.status === 'canceled' ? undefined : await liveSubscriptionTo(tx, owner.projectId, owner.customerId, plan.planId, existing?.id);
  if (holder)
    return { kind: 'ignored', reason: `customer ${owner.customerId} already has ${holder}, a live subscription to this plan; one live subscription per plan` };

  // The fields compared, and reported as changed: the plan and the lifecycle (not who bills it, which never changes).
  const { provider: _billedBy, ...mirrored } = lifecycle;
  const next = { plan_id: plan.planId, plan_version: plan.version, ...mirrored };
  const fields = diff(existing ?? {}, next);
  const change = (id: string, action: SyncChange['action']): SyncOutcome => ({
    kind: 'changed',
    ...owner,
    change: { object: 'subscription', id, provider_id: sub.id, customer: owner.customerId, action, fields },
  });
  if (!existing) {
    const row = await insertSubscription(
      tx,
      owner.projectId,
      {
        customerId: owner.customerId,
        planId: plan.planId,
        planVersion: plan.version,
        lifecycle,
        metadata: {},
        providerSubscriptionId: sub.id,
        createdAt: sub.created,
      },
      now,
    );
    return change(row.id, 'created');
  }
  if (Object.keys(fields).length === 0) return { kind: 'unchanged', ...owner, id: existing.id };
  await updateSubscriptionRow(tx, owner.projectId, existing.id, { planId: plan.planId, planVersion: plan.version, lifecycle }, now);
  return change(existing.id, 'updated');
}

/** Applies a one-time payment: a paid one is a purchase; a full refund ends it (and is never undone). */
export async function syncPayment(tx: Queryable, provider: ProviderName, payment: ProviderPayment, now: Date): Promise<SyncOutcome> {
  if (!payment.paid) return { kind: 'ignored', reason: `payment ${payment.id} has not succeeded` };
  const owner = await customerForProviderId(tx, provider, payment.customer);
  if (!owner) return { kind: 'ignored', reason: `customer ${payment.customer} is not one of Nozle's` };
  const plan = await planForProviderPrice(tx, provider, payment.price);
  if (!plan || plan.projectId !== owner.projectId) return { kind: 'ignored', reason: `price ${payment.price} sells no plan of this project` };
  await lockCustomer(tx, owner.customerId);
  // Its charge for the margin report, once (and lowered by a refund), whatever the purchase does below.
  await recordPaymentCharge(tx, provider, payment, owner, plan.planId, now);
  const existing = await findProviderPurchase(tx, provider, payment.id);
  if (!existing) {
    const refundedAt = payment.refunded ? now : null;
    const id = await insertProviderPurchase(
      tx,
      owner.projectId,
      {
        customerId: owner.customerId,
        planId: plan.planId,
        planVersion: plan.version,
        purchasedAt: payment.created,
        refundedAt,
        provider,
        providerPaymentId: payment.id,
      },
      now,
    );
    // Its credit, as a purchase through the API grants it; taken back at once if already refunded.
    const terms = await planVersionCredits(tx, plan.planId, plan.version);
    if (terms) await grantPurchaseCredits(tx, owner.projectId, { id, customerId: owner.customerId, purchasedAt: payment.created }, terms, now);
    if (refundedAt) await revokePurchaseCredits(tx, id, now);
    const fields = diff({}, { plan_id: plan.planId, plan_version: plan.version, purchased_at: payment.created, refunded_at: refundedAt });
    return { kind: 'changed', ...owner, change: { object: 'purchase', id, provider_id: payment.id, customer: owner.customerId, action: 'created', fields } };
  }
  if (!payment.refunded || existing.refunded_at) return { kind: 'unchanged', ...owner, id: existing.id };
  await setPurchaseRefunded(tx, existing.id, now);
  await revokePurchaseCredits(tx, existing.id, now);
  return {
    kind: 'changed',
    ...owner,
    change: {
      object: 'purchase',
      id: existing.id,
      provider_id: payment.id,
      customer: owner.customerId,
      action: 'updated',
      fields: { refunded_at: [null, comparable(now)] },
    },
  };
}
