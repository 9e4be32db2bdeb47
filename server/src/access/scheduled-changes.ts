// Scheduled plan changes (a period-end downgrade) taking effect once their instant has passed.
// The scheduler (and the sandbox test clock) calls this for a customer whose change is due.
import { findPlan } from '../catalog/plans-store.js';
import { lockCustomer } from '../customers/store.js';
import type { Work } from '../db/work.js';
import { swapPlan } from './group-changes.js';
import { dueScheduledChanges } from './subscriptions-store.js';

/**
 * Applies the customer's due scheduled changes on subscriptions billed here: each swaps its plan
 * at its instant (the period boundary, recorded there, so the closed period is invoiced on the
 * old plan and the new one from its start: no proration). A provider's subscription is changed
 * by the provider itself (a Stripe schedule) and mirrored by the sync. Answers whether anything
 * changed: the caller then recomputes the customer's entitlements.
 */
export async function applyDueScheduledChanges(work: Work, projectId: string, customerId: string, now: Date): Promise<boolean> {
  await lockCustomer(work.db, customerId);
  const due = await dueScheduledChanges(work.db, projectId, customerId, now);
  for (const row of due) {
    const plan = await findPlan(work.db, projectId, row.scheduled_plan_id!, row.scheduled_plan_version!);
    await swapPlan(work, projectId, row, plan, row.scheduled_change_at!, now, row.scheduled_quantity ?? row.quantity);
  }
  return due.length > 0;
}
