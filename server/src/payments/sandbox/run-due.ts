// Runs what fell due in the sandbox (trial ends, renewals, payment retries, cancels at period
// end), each step in its own transaction with its events processed before the next. The
// scheduler runs it at each instant with several workers on every instance (each claims its
// subscription with `skip locked`); a test clock's advance runs one project's in the order it
// fell due, then that project's due customers. Each project's work is judged by its own test clock.
import { runDueCustomers } from '../../access/due-work.js';
import { retryTransaction } from '../../db/transaction.js';
import type { Payments } from '../payments.js';
import type { SandboxProvider } from './sandbox.js';

// A bound on one call (years of monthly renewals for hundreds of subscriptions); the next call goes on.
const MAX_STEPS = 10_000;

/**
 * Runs the earliest due step (of `projectId`, or of any project) and delivers its events;
 * answers whether there was one. `skipLocked`: pass over a subscription another worker holds.
 */
export async function runOneSandboxStep(payments: Payments, projectId?: string, skipLocked = false): Promise<boolean> {
  const { db, clock } = payments.deps;
  const later: Array<() => Promise<void>> = [];
  const did = await retryTransaction(() => {
    later.length = 0;
    return db.transaction(async (tx) => {
      const sandbox = payments.providerIn(tx, (fn) => later.push(fn)) as SandboxProvider;
      const due = await sandbox.nextDue(clock.now(), projectId, skipLocked);
      if (!due) return false;
      await sandbox.runDue(due.subscription, due.at);
      return true;
    });
  });
  for (const deliver of later) await deliver();
  return did;
}

/** When the sandbox's next step falls due, in the server's time; null when none will. */
export async function nextSandboxDue(payments: Payments): Promise<Date | null> {
  return payments.sandboxIn(payments.deps.db, () => {}).nextDueInstant();
}

/** Everything that fell due for one project (a test clock's advance): its sandbox steps in order, then its due customers. */
export async function advanceSandbox(payments: Payments, projectId: string): Promise<number> {
  let steps = 0;
  while (steps < MAX_STEPS && (await runOneSandboxStep(payments, projectId))) steps += 1;
  await runDueCustomers(payments.deps, projectId);
  return steps;
}
