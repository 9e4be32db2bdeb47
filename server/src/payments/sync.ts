// Makes Nozle's copy of a provider subscription or payment equal to the provider's current
// state. Every path that learns something from the provider ends here: webhooks, the
// sandbox, API calls that changed something at the provider, and reconciliation.
//
// Order safety: callers pass the object as the provider holds it NOW (re-read from the
// provider, never the copy inside an event), so applying it is idempotent and an event that
// arrives late or twice cannot put back an older state. Refunds only ever move one way.
import { findProviderPurchase, insertProviderPurchase, setPurchaseRefunded } from '../access/purchases-store.js';
import { transition, type Lifecycle } from '../access/subscription-lifecycle.js';
import {
  findProviderSubscription,
  insertSubscription,
  liveSubscriptionInGroup,
  liveSubscriptionTo,
  setScheduledChange,
  setUsageCarry,
  updateSubscriptionRow,
  type ScheduledPlanChange,
  type SubscriptionRow,
} from '../access/subscriptions-store.js';
import { grantPurchaseCredits, revokePurchaseCredits } from '../billing/credits-store.js';
import { replaceDefault, restoreDefaultPlans } from '../access/default-plans.js';
import { findPlan, planVersionCredits } from '../catalog/plans-store.js';
import { unixSeconds } from '../clock.js';
import type { Queryable } from '../db/database.js';
import type { Work } from '../db/work.js';
import type { StoredUsageCarry } from '../time/periods.js';
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
  const group = await takeGroup(tx, owner, plan, existing, lifecycle, now);
  if ('refused' in group) return { kind: 'ignored', reason: group.refused };
  const scheduled = await scheduledChangeOf(tx, provider, owner.projectId, sub);

  // The fields compared, and reported as changed: the plan, the lifecycle (not who bills it,
  // which never changes) and the change scheduled at the provider.
  const { provider: _billedBy, ...mirrored } = lifecycle;
  const next = {
    plan_id: plan.planId,
    plan_version: plan.version,
    ...mirrored,
    scheduled_plan_id: scheduled?.planId ?? null,
    scheduled_plan_version: scheduled?.planVersion ?? null,
    scheduled_change_at: scheduled?.at ?? null,
    quantity: sub.quantity,
  };
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
        usageCarry: group.carry,
        quantity: sub.quantity,
      },
      now,
    );
    if (scheduled) await setScheduledChange(tx, row.id, scheduled, now);
    return change(row.id, 'created');
  }
  if (Object.keys(fields).length === 0) return { kind: 'unchanged', ...owner, id: existing.id };
  await updateSubscriptionRow(tx, owner.projectId, existing.id, { planId: plan.planId, planVersion: plan.version, lifecycle, quantity: sub.quantity }, now);
  if (group.carry) await setUsageCarry(tx, existing.id, group.carry, now);
  if ('scheduled_plan_id' in fields || 'scheduled_plan_version' in fields || 'scheduled_change_at' in fields)
    await setScheduledChange(tx, existing.id, scheduled, now);
  // The provider's subscription ended: the group's default plan comes back.
  if (holdsGroup(existing.status) && !holdsGroup(lifecycle.status)) await restoreDefaultPlans(workIn(tx, now), owner.projectId, owner.customerId, now);
  return change(existing.id, 'updated');
}

const holdsGroup = (status: string) => status === 'trialing' || status === 'active' || status === 'past_due';

/**
 * One live subscription per customer and plan group. A provider's subscription that goes live
 * where the customer holds one Nozle bills itself (the group's free plan) replaces it once paid:
 * that one is canceled now, and each usage period's count carries over to the new one (`used`
 * is kept; the new cycle's next boundary resets it). One the provider bills stays: Nozle keeps
 * the subscription it had first and reports this one (an ignored event, and reconciliation
 * finds it again) rather than hold two, whichever order the provider's events come in.
 */
async function takeGroup(
  tx: Queryable,
  owner: { projectId: string; customerId: string },
  plan: { planId: string; version: number },
  existing: SubscriptionRow | undefined,
  lifecycle: Lifecycle,
  now: Date,
): Promise<{ carry: StoredUsageCarry | null } | { refused: string }> {
  if (!holdsGroup(lifecycle.status)) return { carry: null };
  const { group, add_on } = await findPlan(tx, owner.projectId, plan.planId, plan.version);
  if (add_on) return { carry: null };
  const holder = await liveSubscriptionInGroup(tx, owner.projectId, owner.customerId, group, true);
  if (!holder || holder.id === existing?.id) return { carry: null };
  if (holder.provider_subscription_id) {
    return {
      refused: `customer ${owner.customerId} already holds ${holder.id} in group '${group}', billed by ${holder.provider}; one live subscription per group`,
    };
  }
  return { carry: await replaceDefault(workIn(tx, now), owner.projectId, holder, now) };
}

/** The sync's transaction as the access slice's Work: nothing done there waits for the commit (applySync recomputes and publishes). */
const workIn = (tx: Queryable, now: Date): Work => ({ db: tx, now, afterCommit: () => undefined });

/** The provider's scheduled change as a plan change of this project, or null (none, or to a price Nozle does not sell). */
async function scheduledChangeOf(tx: Queryable, provider: ProviderName, projectId: string, sub: ProviderSubscription): Promise<ScheduledPlanChange | null> {
  if (!sub.scheduledChange) return null;
  const plan = await planForProviderPrice(tx, provider, sub.scheduledChange.price);
  return plan && plan.projectId === projectId ? { planId: plan.planId, planVersion: plan.version, at: sub.scheduledChange.at } : null;
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
