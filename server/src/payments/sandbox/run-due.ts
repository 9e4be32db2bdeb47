// Runs what fell due in the sandbox (trial ends, renewals, payment retries, cancels at period
// end) in the order it fell due, each step in its own transaction with its events processed
// before the next; then refreshes every snapshot that time alone has made stale. Each project's
// work is judged by its own test clock; given a project, only that project's work is done.
import { clockFor } from '../../clock.js';
import { retryTransaction } from '../../db/transaction.js';
import { projectNowSql } from '../../project-clocks.js';
import type { Payments } from '../payments.js';
import type { SandboxProvider } from './sandbox.js';

// A bound on one call (years of monthly renewals for hundreds of subscriptions); the next call goes on.
const MAX_STEPS = 10_000;

export async function advanceSandbox(payments: Payments, projectId?: string): Promise<number> {
  const { db, clock } = payments.deps;
  let steps = 0;
  while (steps < MAX_STEPS) {
    const later: Array<() => Promise<void>> = [];
    const did = await retryTransaction(() => {
      later.length = 0;
      return db.transaction(async (tx) => {
        const sandbox = payments.providerIn(tx, (fn) => later.push(fn)) as SandboxProvider;
        const due = await sandbox.nextDue(clock.now(), projectId);
        if (!due) return false;
        await sandbox.runDue(due.subscription, due.at);
        return true;
      });
    });
    for (const deliver of later) await deliver();
    if (!did) break;
    steps += 1;
  }
  await refreshStaleSnapshots(payments, projectId);
  return steps;
}

/** Customers whose entitlements changed with time alone (a grant ended, a grace ran out) get a new version, pushed. */
async function refreshStaleSnapshots(payments: Payments, projectId?: string): Promise<void> {
  const { db, clock, entitlements, snapshots } = payments.deps;
  const { rows } = await db.query<{ project_id: string; customer_id: string }>(
    `select project_id, customer_id from entitlement_snapshots s
     where ($2::text is null or s.project_id = $2) and valid_until <= ${projectNowSql('$1', 's.project_id')}`,
    [clock.now(), projectId ?? null],
  );
  for (const row of rows) {
    const now = clockFor(clock, row.project_id).now();
    const stored = await db.transaction((tx) => snapshots.recompute(tx, row.project_id, row.customer_id, now));
    await entitlements.published(stored);
  }
}
