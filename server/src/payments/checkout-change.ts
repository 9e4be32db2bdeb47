// A checkout to another plan of a group where the customer already holds a provider's
// subscription: no second subscription and no page to pay on, but a change of the one it holds,
// at the provider, timed by the one rule (catalog/plan-rules.ts): an upgrade now, prorated and
// charged at once with the saved payment method; a downgrade at the period's end.
import type { components } from '@nozle/openapi';
import type { SubscriptionRow } from '../access/subscriptions-store.js';
import { planChangeTiming } from '../catalog/plan-rules.js';
import { findPlan, type Plan } from '../catalog/plans-store.js';
import { unixSeconds, wholeSecond } from '../clock.js';
import type { Customer } from '../customers/store.js';
import type { Work } from '../db/work.js';
import { newId } from '../ids.js';
import { subscriptionProviderOf } from './access-ports.js';
import { recordCheckoutCompleted } from './checkout-completion.js';
import type { Payments } from './payments.js';

type Schemas = components['schemas'];

export interface HeldChange {
  customer: Customer;
  plan: Plan;
  held: SubscriptionRow & { provider_subscription_id: string };
  successUrl: string;
  cancelUrl: string;
}

/** Changes the held subscription to `plan` and answers a session already complete (its checkout.completed recorded), whose `url` is the success URL. */
export async function checkoutAsChange(payments: Payments, work: Work, projectId: string, change: HeldChange): Promise<Schemas['CheckoutSession']> {
  const { customer, plan, held, successUrl, cancelUrl } = change;
  const now = wholeSecond(work.now);
  const from = await findPlan(work.db, projectId, held.plan_id, held.plan_version);
  const at = planChangeTiming(from, plan);
  const billed = { projectId, providerSubscriptionId: held.provider_subscription_id };
  // A checkout is the customer paying: the upgrade's proration is charged now, not with the next renewal.
  const changed = await subscriptionProviderOf(payments).change(work, billed, { plan: { plan, proration: 'always_invoice', at } }, now);
  if (changed) {
    const stored = await payments.deps.snapshots.recompute(work.db, projectId, customer.id, now);
    work.afterCommit(async () => {
      await payments.deps.entitlements.published(stored);
    });
  }
  const session: Schemas['CheckoutSession'] = {
    id: newId('cs'),
    object: 'checkout.session',
    url: successUrl,
    customer: customer.id,
    plan: plan.key,
    plan_version: plan.version,
    mode: 'subscription',
    status: 'complete',
    provider: payments.providerName,
    success_url: successUrl,
    cancel_url: cancelUrl,
    expires_at: unixSeconds(now),
    created: unixSeconds(now),
  };
  // Complete as it is answered: its checkout.completed now, in the change's transaction.
  await recordCheckoutCompleted(work.db, projectId, session, now);
  return session;
}
