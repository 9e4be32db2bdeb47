// What falls due for a customer by time alone, run at its instant by the scheduler
// (server/src/scheduler.ts) on every instance, and by a sandbox test clock's advance: the
// customer is claimed under its lock (entitlements/due-customers.ts), the access steps run in
// order, then its snapshot is recomputed there and pushed once committed.
import { clockFor, type Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { retryTransaction } from '../db/transaction.js';
import type { Work } from '../db/work.js';
import type { EntitlementCache } from '../entitlements/cache.js';
import type { Snapshots } from '../entitlements/snapshots.js';
import { claimDueCustomer, stillDue, type DueCustomer } from '../entitlements/due-customers.js';
import { restoreDefaultPlans } from './default-plans.js';
import { applyDueScheduledChanges } from './scheduled-changes.js';
import { transition } from './subscription-lifecycle.js';
import { announceTrialEnds, dunningOver, endedTrials, overdueSubscriptions, updateSubscriptionRow, type SubscriptionRow } from './subscriptions-store.js';
import type { LifecycleEvent } from './subscription-lifecycle.js';

/**
 * One step of a due customer's processing: changes its sources in `work` (the snapshot is
 * recomputed after the steps). Answers true when it changed a subscription (its invoices are
 * then built at once, not at the billing job's next minute).
 */
type CustomerStep = (work: Work, projectId: string, customerId: string, now: Date) => Promise<boolean | void>;

/** Applies `eventOf(row)` to each row, as the lifecycle decides; answers whether one changed. */
async function decideEach(
  work: Work,
  projectId: string,
  rows: SubscriptionRow[],
  eventOf: (row: SubscriptionRow) => LifecycleEvent,
  now: Date,
): Promise<boolean> {
  let changed = false;
  for (const row of rows) {
    const decision = transition(row, eventOf(row), now);
    if (!decision.ok) continue; // rechecked under the lock: nothing is due any more
    await updateSubscriptionRow(work.db, projectId, row.id, { planId: row.plan_id, planVersion: row.plan_version, lifecycle: decision.state }, now);
    changed = true;
  }
  return changed;
}

/** A trial (whoever bills it) whose end is three days off, or less, is announced: subscription.trial_will_end, once per trial end. */
const announceTrials: CustomerStep = async (work, projectId, customerId, now) => {
  await announceTrialEnds(work.db, projectId, { customerId }, now);
};

/** A self-billed trial that reached its end converts to active (or ends, when canceling), as the lifecycle decides. */
const convertEndedTrials: CustomerStep = async (work, projectId, customerId, now) =>
  decideEach(work, projectId, await endedTrials(work.db, projectId, customerId, now), (row) => ({ type: 'trial_ended', interval: row.interval }), now);

/** An invoice Nozle billed reached its due date unpaid: its subscription falls past due from that date. */
const markOverdue: CustomerStep = async (work, projectId, customerId, now) =>
  decideEach(
    work,
    projectId,
    await overdueSubscriptions(work.db, projectId, customerId, now),
    (row) => ({ type: 'invoice_overdue', dueAt: row.payment_due_at! }),
    now,
  );

/** The past_due grace of a subscription still owing an overdue invoice ran out: Nozle's dunning cancels it. */
const endDunning =
  (graceMs: number): CustomerStep =>
  async (work, projectId, customerId, now) =>
    decideEach(work, projectId, await dunningOver(work.db, projectId, customerId, now, graceMs), () => ({ type: 'dunning_ended' }), now);

/** A group left with nothing live (a trial ended unpaid, a cancel at period end reached) gets its default plan back. */
const restoreDefaults: CustomerStep = async (work, projectId, customerId, now) => (await restoreDefaultPlans(work, projectId, customerId, now)).length > 0;

/**
 * THE per-customer access steps, in the order they run for a due customer. Each rechecks under
 * the customer's lock what it finds due, so a step repeated (another instance, a retry) does
 * nothing twice. Trials first: their notices (one that time jumped past goes out before its
 * trial ends), then their ends (a trial may end into a scheduled change's period), then the
 * scheduled plan changes, then Nozle's dunning (an invoice overdue, a grace run out), then the
 * defaults of groups left empty by any of them.
 */
const dueCustomerSteps = (graceMs: number): readonly CustomerStep[] => [
  announceTrials,
  convertEndedTrials,
  applyDueScheduledChanges,
  markOverdue,
  endDunning(graceMs),
  restoreDefaults,
];

export interface DueWorkDeps {
  db: Database;
  clock: Clock;
  snapshots: Pick<Snapshots, 'recompute' | 'pastDueGraceMs'>;
  /** Where the recomputed snapshot is pushed (every instance, every client) once committed. */
  entitlements: Pick<EntitlementCache, 'published'>;
}

/** A customer whose due work ran, and whether a step changed one of its subscriptions. */
export interface DueCustomerRun extends DueCustomer {
  subscriptionsChanged: boolean;
}

/**
 * Claims one due customer (of `projectId`, or of any project), runs its steps and recomputes its
 * snapshot in one transaction, then pushes it. Answers the customer, or undefined when none is
 * due and unclaimed.
 */
export async function runOneDueCustomer(deps: DueWorkDeps, projectId?: string): Promise<DueCustomerRun | undefined> {
  const committed: Array<() => Promise<void>> = [];
  const { claimed, stored } = await retryTransaction(() => {
    committed.length = 0;
    return deps.db.transaction(async (tx) => {
      const claimed = await claimDueCustomer(tx, deps.clock.now(), projectId);
      if (!claimed) return { claimed: undefined, stored: undefined };
      const now = clockFor(deps.clock, claimed.projectId).now();
      // Another worker may have done it between our read and our lock.
      if (!(await stillDue(tx, claimed.customerId, now))) return { claimed: { ...claimed, subscriptionsChanged: false }, stored: undefined };
      const work: Work = { db: tx, now, afterCommit: (fn) => void committed.push(fn) };
      let subscriptionsChanged = false;
      for (const step of dueCustomerSteps(deps.snapshots.pastDueGraceMs))
        if ((await step(work, claimed.projectId, claimed.customerId, now)) === true) subscriptionsChanged = true;
      return { claimed: { ...claimed, subscriptionsChanged }, stored: await deps.snapshots.recompute(tx, claimed.projectId, claimed.customerId, now) };
    });
  });
  if (stored) await deps.entitlements.published(stored);
  for (const fn of committed) await fn();
  return claimed;
}

/** Runs every due customer of `projectId` (a test clock's advance), one after another; answers how many. */
export async function runDueCustomers(deps: DueWorkDeps, projectId: string, max = 10_000): Promise<number> {
  let done = 0;
  while (done < max && (await runOneDueCustomer(deps, projectId))) done += 1;
  return done;
}
