// Moving one project's sandbox test clock: its time, then what fell due for it on the way.
import { closeBillingPeriods } from '../../billing/invoices.js';
import type { ProjectClocks } from '../../project-clocks.js';
import { ensureEventPartitions } from '../../usage/partitions.js';
import type { Payments } from '../payments.js';
import { advanceSandbox } from './run-due.js';

/**
 * Moves the project's clock forward to `target` (an earlier one changes nothing) and runs that
 * project's renewals, trial ends, retries, stale snapshots and invoices: no other project's.
 * `target` is at most `clocks.latestAllowed()`.
 */
export async function moveTestClock(payments: Payments, clocks: ProjectClocks, projectId: string, target: Date): Promise<void> {
  if (target.getTime() > clocks.clockFor(projectId).now().getTime()) {
    // Events at the project's new time need their month's partition before anything records one.
    await ensureEventPartitions(payments.deps.db, target);
    await clocks.moveTo(projectId, target);
  }
  await advanceSandbox(payments, projectId);
  await closeBillingPeriods(payments.billing, projectId);
}
