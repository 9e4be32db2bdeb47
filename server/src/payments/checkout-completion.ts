// A checkout session completing, and its `checkout.completed` webhook in the same transaction:
// once per session, however often the provider reports it (a hosted page's second press of
// Pay, Stripe's webhook sent twice, a processing tried again).
import type { components } from '@nozle/openapi';
import { findPlan, type Plan } from '../catalog/plans-store.js';
import { unixSeconds } from '../clock.js';
import type { Queryable } from '../db/database.js';
import { recordOutboxEvent } from '../outbox.js';
import type { ProviderName } from './provider.js';
import { completeHostedSession, type HostedSessionRow } from './store.js';

type CheckoutSession = components['schemas']['CheckoutSession'];

/** A stored checkout session as the API shows it. */
export function checkoutSessionView(
  session: Omit<HostedSessionRow, 'status' | 'completion_recorded_at'> & { status: CheckoutSession['status'] },
  plan: Pick<Plan, 'key' | 'version' | 'interval'>,
): CheckoutSession {
  return {
    id: session.id,
    object: 'checkout.session',
    url: session.url,
    customer: session.customer_id,
    plan: plan.key,
    plan_version: plan.version,
    mode: plan.interval === 'one_time' ? 'payment' : 'subscription',
    status: session.status,
    provider: session.provider,
    success_url: session.success_url ?? '',
    cancel_url: session.cancel_url ?? '',
    expires_at: unixSeconds(session.expires_at),
    created: unixSeconds(session.created_at),
  };
}

/**
 * Completes the open checkout session `where` names and records its `checkout.completed`, in
 * the transaction `db`. False when it was not open: completed already, or not Nozle's.
 */
export async function completeCheckout(db: Queryable, where: { id: string } | { provider: ProviderName; providerId: string }, now: Date): Promise<boolean> {
  const session = await completeHostedSession(db, where);
  if (!session) return false;
  const plan = await findPlan(db, session.project_id, session.plan_id!, session.plan_version!);
  await recordCheckoutCompleted(db, session.project_id, checkoutSessionView(session, plan), now);
  return true;
}

/** Records the `checkout.completed` of a session (one answered complete at once, too: checkout-change.ts). */
export async function recordCheckoutCompleted(db: Queryable, projectId: string, session: CheckoutSession, now: Date): Promise<void> {
  await recordOutboxEvent(db, projectId, 'checkout.completed', session, now);
}
