// A customer's subscription of a plan group moving to another plan: at once (prorated by the
// period's invoice: billing/plan-changes.ts), or at the period's end as a scheduled change that
// is visible on the subscription and can be taken back. Which, by default, is catalog's one rule
// (planChangeTiming); a provider's subscription changes at the provider (the port).
import { planChangeTiming } from '../catalog/plan-rules.js';
import { findPlan, type Plan } from '../catalog/plans-store.js';
import type { Work } from '../db/work.js';
import { currentPeriod } from '../entitlements/sources.js';
import { decide } from './lifecycle-decisions.js';
import type { ProrationBehavior, SubscriptionProvider } from './ports.js';
import { recordPlanChange, setScheduledChange, updateSubscriptionRow, type SubscriptionRow } from './subscriptions-store.js';

export type Effective = 'now' | 'period_end';

export interface PlanChangeRequest {
  /** When it takes effect; by default an upgrade now, a downgrade at period end. */
  effective?: Effective;
  /** For a provider's subscription: how the rest of the period is charged. */
  proration?: ProrationBehavior;
  /** Seats on the new plan; the current quantity when absent. */
  quantity?: number;
}

/** When a change of `row` to `plan` takes effect: as asked, else by the rule within a group, else now (a move across groups or to an add-on). */
export async function changeTiming(work: Work, projectId: string, row: SubscriptionRow, plan: Plan, effective: Effective | undefined): Promise<Effective> {
  if (effective) return effective;
  if (plan.add_on || row.plan_group === null || row.plan_group !== plan.group) return 'now';
  const current = await findPlan(work.db, projectId, row.plan_id, row.plan_version);
  return planChangeTiming(current, plan);
}

/** The end of the period `row` is in at `now`: where a scheduled change takes effect. */
export const periodEndOf = (row: SubscriptionRow, now: Date): Date => currentPeriod(row, now).currentPeriodEnd;

/**
 * Moves a locked subscription (its customer locked first) to `plan` as `request` says; the
 * lifecycle and metadata are kept as they are. Answers whether the row changed (its customer's
 * entitlements are then recomputed by the caller).
 */
export async function changePlan(
  provider: SubscriptionProvider,
  work: Work,
  projectId: string,
  row: SubscriptionRow,
  plan: Plan,
  request: PlanChangeRequest,
  now: Date,
): Promise<boolean> {
  const at = await changeTiming(work, projectId, row, plan, request.effective);
  if (row.provider_subscription_id) {
    decide(row, { type: 'update', interval: plan.interval }, now, plan);
    const billed = { projectId, providerSubscriptionId: row.provider_subscription_id };
    return provider.change(work, billed, { plan: { plan, proration: request.proration ?? 'create_prorations', at } }, now);
  }
  if (at === 'period_end') {
    decide(row, { type: 'update', interval: plan.interval }, now, plan);
    await setScheduledChange(work.db, row.id, { planId: plan.id, planVersion: plan.version, at: periodEndOf(row, now), quantity: request.quantity }, now);
    return true;
  }
  await swapPlan(work, projectId, row, plan, now, now, request.quantity);
  return true;
}

/**
 * A subscription billed here moves to `plan` (and `quantity` seats, its own by default) at `at`,
 * recorded for the invoice's proration; a scheduled change is done with.
 */
export async function swapPlan(
  work: Work,
  projectId: string,
  row: SubscriptionRow,
  plan: Plan,
  at: Date,
  now: Date,
  quantity: number = row.quantity,
  keepScheduled = false,
): Promise<void> {
  const lifecycle = decide(row, { type: 'update', interval: plan.interval }, now, plan);
  await updateSubscriptionRow(work.db, projectId, row.id, { planId: plan.id, planVersion: plan.version, lifecycle, quantity }, now);
  if (plan.id !== row.plan_id || plan.version !== row.plan_version || quantity !== row.quantity) {
    const from = { planId: row.plan_id, planVersion: row.plan_version, quantity: row.quantity };
    await recordPlanChange(work.db, row.id, from, { planId: plan.id, planVersion: plan.version, quantity }, at);
  }
  if (row.scheduled_plan_id !== null && !keepScheduled) await setScheduledChange(work.db, row.id, null, now);
}
