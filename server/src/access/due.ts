// Time-driven changes to one customer's subscriptions: what falls due at `now` with time alone
// (a scheduled downgrade, a trial's end, a cancel at period end, the end of the past_due grace),
// then a group left with nothing gets its default plan back. The scheduler calls it for a
// customer whose snapshot's valid_until has passed, in the transaction that then recomputes and
// pushes the snapshot; each step decides through the lifecycle (subscription-lifecycle.ts).
import type { Work } from '../db/work.js';
import { restoreDefaultPlans } from './default-plans.js';
import { applyDueScheduledChanges } from './scheduled-changes.js';

/** Whether anything changed (the caller recomputes the snapshot either way: time moved). */
export async function advanceSubscriptions(work: Work, projectId: string, customerId: string, now: Date): Promise<boolean> {
  const changed = await applyDueScheduledChanges(work, projectId, customerId, now);
  return (await restoreDefaultPlans(work, projectId, customerId, now)) || changed;
}
