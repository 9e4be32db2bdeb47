// Moving one project's sandbox test clock: its time, then what fell due for it on the way.
import { applyDueScheduledChanges } from '../../access/scheduled-changes.js';
import { customersWithDueScheduledChanges } from '../../access/subscriptions-store.js';
import { closeBillingPeriods } from '../../billing/invoices.js';
import { clockFor, wholeSecond } from '../../clock.js';
import { retryTransaction } from '../../db/transaction.js';
import type { ProjectClocks } from '../../project-clocks.js';
import { ensureEventPartitions } from '../../usage/partitions.js';
import type { Payments } from '../payments.js';
import { runOneTopUp } from '../top-ups.js';
import { advanceSandbox } from './run-due.js';

/**
 * Moves the project's clock forward to `target` (an earlier one changes nothing) and runs that
 * project's renewals, trial ends, retries, stale snapshots, invoices and the auto top-ups they
 * called for: no other project's.
 * `target` is at most `clocks.latestAllowed()`.
 */
export async function moveTestClock(payments: Payments, clocks: ProjectClocks, projectId: string, target: Date): Promise<void> {
  if (target.getTime() > clocks.clockFor(projectId).now().getTime()) {
    // Events at the project's new time need their month's partition before anything records one.
    await ensureEventPartitions(payments.deps.db, target);
    await clocks.moveTo(projectId, target);
  }
  await advanceSandbox(payments, projectId);
  await applyScheduledChanges(payments, projectId);
  await closeBillingPeriods(payments.billing, projectId);
  while (await runOneTopUp(payments.topUps, projectId));
}

/** The project's scheduled plan changes (period-end downgrades) that fell due, each customer's in its own transaction, pushed. */
async function applyScheduledChanges(payments: Payments, projectId: string): Promise<void> {
  const { db, clock, entitlements, snapshots } = payments.deps;
  const now = wholeSecond(clockFor(clock, projectId).now());
  for (const customerId of await customersWithDueScheduledChanges(db, projectId, now)) {
    const stored = await retryTransaction(() =>
      db.transaction(async (tx) => {
        const changed = await applyDueScheduledChanges({ db: tx, now, afterCommit: () => undefined }, projectId, customerId, now);
        return changed ? snapshots.recompute(tx, projectId, customerId, now) : undefined;
      }),
    );
    if (stored) await entitlements.published(stored);
  }
}
