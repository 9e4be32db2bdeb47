// Time-driven changes at their instant, on every instance, in every mode: a customer's snapshot
// records when it next changes by time alone (entitlement_snapshots.valid_until: a trial or
// grace end, a grant window, a usage reset, a cancel at period end, a scheduled change), the
// sandbox's subscriptions when they next renew or retry, and the auto top-ups waiting to be
// charged. The scheduler sleeps until the earliest of those (at most MAX_SLEEP_MS, so an instant
// written by another instance is seen in time), wakes early when this instance writes an earlier
// one, and runs what is due with a few workers. Each worker claims its customer, subscription or
// top-up with `for update skip locked`, so N instances share the work and none does a transition
// (or a charge) twice (each step rechecks under the lock).
import type { Logger } from 'pino';
import { runOneDueCustomer } from './access/due-work.js';
import { closeBillingPeriods } from './billing/invoices.js';
import type { EntitlementCache } from './entitlements/cache.js';
import { nextSnapshotDue } from './entitlements/due-customers.js';
import type { Payments } from './payments/payments.js';
import { nextSandboxDue, runOneSandboxStep } from './payments/sandbox/run-due.js';
import { runOneTopUp } from './payments/top-ups.js';
import { nextTopUpDue } from './billing/auto-top-up-store.js';
import type { ProjectClocks } from './project-clocks.js';

/** The longest sleep: an instant written on another instance is run at most this late (plus the run). */
const MAX_SLEEP_MS = 500;
/** The shortest: something due is held by another worker (or a change in progress) and comes back soon. */
const MIN_SLEEP_MS = 20;
const DEFAULT_WORKERS = 4;

export interface SchedulerDeps {
  clock: ProjectClocks;
  logger: Logger;
  payments: Payments;
  /** Its snapshots tell the scheduler of new instants written on this instance. */
  entitlements: Pick<EntitlementCache, 'onSnapshot'>;
  /** How many customers (or sandbox subscriptions) this instance works on at once. */
  workers?: number;
}

export interface Scheduler {
  /** Stops sleeping and waits for the pass in progress to finish. */
  stop(): Promise<void>;
}

export function startScheduler(deps: SchedulerDeps): Scheduler {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wakeUp: (() => void) | undefined;
  // When the current sleep ends, in the server's time; -Infinity while a pass runs (it reads the instants again after).
  let plannedAt = -Infinity;
  const wake = () => {
    clearTimeout(timer);
    wakeUp?.();
  };
  const unlisten = deps.entitlements.onSnapshot((stored) => {
    if (stored.validUntilMs === null) return;
    if (stored.validUntilMs - deps.clock.offsetMs(stored.projectId) < plannedAt) wake();
  });
  const loop = (async () => {
    while (!stopped) {
      let sleepMs: number;
      try {
        await runDuePass(deps);
        sleepMs = await untilNextDue(deps);
      } catch (error) {
        deps.logger.error({ err: error }, 'scheduled due work failed');
        sleepMs = MAX_SLEEP_MS;
      }
      if (stopped) break;
      plannedAt = deps.clock.now().getTime() + sleepMs;
      await new Promise<void>((resolve) => {
        wakeUp = resolve;
        timer = setTimeout(resolve, sleepMs);
      });
      plannedAt = -Infinity;
    }
  })();
  return {
    async stop() {
      stopped = true;
      unlisten();
      wake();
      await loop;
    },
  };
}

/** How long to sleep before the earliest due instant, between MIN_SLEEP_MS and MAX_SLEEP_MS. */
async function untilNextDue({ clock, payments }: SchedulerDeps): Promise<number> {
  const instants = [await nextSnapshotDue(payments.deps.db), await nextTopUpDue(payments.deps.db), payments.sandbox ? await nextSandboxDue(payments) : null];
  const next = Math.min(...instants.map((at) => at?.getTime() ?? Infinity));
  return Math.min(MAX_SLEEP_MS, Math.max(MIN_SLEEP_MS, next - clock.now().getTime()));
}

/**
 * One pass over what is due now: the sandbox's renewals and retries, then the due customers, then
 * the auto top-ups waiting to be charged, each worker taking the next unclaimed one until none is
 * left; then the invoices of the projects whose subscriptions a step changed (a trial that converted gets its first invoice
 * now, not at the billing job's next minute). Answers how many steps and customers were run here.
 */
export async function runDuePass(deps: SchedulerDeps): Promise<number> {
  const { payments } = deps;
  const projects = new Set<string>();
  const worker = async (): Promise<number> => {
    let done = 0;
    if (payments.sandbox) while (await runOneSandboxStep(payments, undefined, true)) done += 1;
    for (let due = await runOneDueCustomer(payments.deps); due; due = await runOneDueCustomer(payments.deps)) {
      if (due.subscriptionsChanged) projects.add(due.projectId);
      done += 1;
    }
    // After the due customers: their recomputed balances may have recorded top-ups.
    while (await runOneTopUp(payments.topUps)) done += 1;
    return done;
  };
  const counts = await Promise.all(Array.from({ length: deps.workers ?? DEFAULT_WORKERS }, worker));
  for (const projectId of projects) await closeBillingPeriods(payments.billing, projectId);
  return counts.reduce((sum, count) => sum + count, 0);
}
