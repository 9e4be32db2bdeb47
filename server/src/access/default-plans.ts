// Default plans: what a customer holds in a group when it holds nothing else there. A customer
// created without a subscription gets each group's default; when its subscription of a group ends
// (canceled now, canceled at a period end that has passed, a trial that ended without a payment:
// every status but trialing, active and past_due) the default comes back. The payments and
// scheduler paths call restoreDefaultPlans after they end a subscription.
import { defaultPlans, type Plan } from '../catalog/plans-store.js';
import { lockCustomer } from '../customers/store.js';
import type { Work } from '../db/work.js';
import { readUsageCarry, storeUsageCarry, carryOver } from '../time/periods.js';
import { decide } from './lifecycle-decisions.js';
import { startedLifecycle } from './subscription-lifecycle.js';
import { insertSubscription, liveSubscriptionInGroup, updateSubscriptionRow, type SubscriptionRow } from './subscriptions-store.js';

/**
 * Gives the customer the default plan of every group it holds nothing live in; a self-billed
 * subscription whose cancellation at period end has been reached is ended first. Answers the
 * subscriptions made: when there are any, the caller recomputes the customer's entitlements.
 */
export async function restoreDefaultPlans(work: Work, projectId: string, customerId: string, now: Date): Promise<SubscriptionRow[]> {
  const plans = await defaultPlans(work.db, projectId);
  if (plans.length === 0) return [];
  await lockCustomer(work.db, customerId);
  const made: SubscriptionRow[] = [];
  for (const plan of plans) {
    const held = await liveSubscriptionInGroup(work.db, projectId, customerId, plan.group, true);
    if (held && !(await endedAtPeriodEnd(work, projectId, held, now))) continue;
    made.push(await subscribeToDefault(work, projectId, customerId, plan, now));
  }
  return made;
}

/** Ends a self-billed subscription whose cancellation at period end has been reached; answers whether it did. */
async function endedAtPeriodEnd(work: Work, projectId: string, row: SubscriptionRow, now: Date): Promise<boolean> {
  if (row.provider !== null || !row.cancel_at_period_end || row.current_period_end.getTime() > now.getTime()) return false;
  const lifecycle = decide(row, { type: 'period_ended', interval: row.interval }, now);
  await updateSubscriptionRow(work.db, projectId, row.id, { planId: row.plan_id, planVersion: row.plan_version, lifecycle }, now);
  return true;
}

async function subscribeToDefault(work: Work, projectId: string, customerId: string, plan: Plan, now: Date): Promise<SubscriptionRow> {
  // checkPlacement keeps defaults recurring.
  const interval = plan.interval as 'month' | 'year';
  return insertSubscription(
    work.db,
    projectId,
    { customerId, planId: plan.id, planVersion: plan.version, lifecycle: startedLifecycle(now, interval), metadata: {} },
    now,
  );
}

/**
 * Ends the customer's subscription to its group's default plan now, for a subscription to another
 * plan of the group that replaces it (the new one starts its own cycle, with the default's usage
 * period carried over: usage survives the replacement). Answers what the new one carries.
 */
export async function replaceDefault(work: Work, projectId: string, held: SubscriptionRow, now: Date) {
  const lifecycle = decide(held, { type: 'cancel', atPeriodEnd: false }, now);
  await updateSubscriptionRow(work.db, projectId, held.id, { planId: held.plan_id, planVersion: held.plan_version, lifecycle }, now);
  return storeUsageCarry(carryOver(held.billing_cycle_anchor, readUsageCarry(held.usage_carry), now));
}
