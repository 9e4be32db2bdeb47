// Runs what fell due in the sandbox (trial ends, renewals, payment retries, cancels at period
// end) in the order it fell due, each step in its own transaction with its events processed
// before the next; then refreshes every snapshot that time alone has made stale.
import type { Database, Queryable } from '../../db/database.js';
import { recomputeSnapshot } from '../../entitlements/snapshot.js';
import { retryTransaction } from '../../http/route.js';
import type { Payments } from '../payments.js';
import type { SandboxProvider } from './sandbox.js';

// A bound on one call (years of monthly renewals for hundreds of subscriptions); the next call goes on.
const MAX_STEPS = 10_000;

export async function advanceSandbox(payments: Payments): Promise<number> {
  const { db, clock } = payments.deps;
  let steps = 0;
  while (steps < MAX_STEPS) {
    const later: Array<() => Promise<void>> = [];
    const did = await retryTransaction(() => {
      later.length = 0;
      return db.transaction(async (tx) => {
        const sandbox = payments.providerIn(tx, (fn) => later.push(fn)) as SandboxProvider;
        const due = await sandbox.nextDue(clock.now());
        if (!due) return false;
        await sandbox.runDue(due.subscription, due.at);
        return true;
      });
    });
    for (const deliver of later) await deliver();
    if (!did) break;
    steps += 1;
  }
  await refreshStaleSnapshots(payments);
  return steps;
}

/** Customers whose entitlements changed with time alone (a grant ended, a grace ran out) get a new version, pushed. */
async function refreshStaleSnapshots(payments: Payments): Promise<void> {
  const { db, clock, entitlements, pastDueGraceMs } = payments.deps;
  const { rows } = await db.query<{ project_id: string; customer_id: string }>(
    'select project_id, customer_id from entitlement_snapshots where valid_until <= $1',
    [clock.now()],
  );
  for (const row of rows) {
    const stored = await db.transaction((tx) => recomputeSnapshot(tx, row.project_id, row.customer_id, clock.now(), pastDueGraceMs));
    await entitlements.published(stored);
  }
}

export async function saveClockOffset(db: Queryable, offsetMs: number): Promise<void> {
  await db.query('insert into sandbox_clock (id, offset_ms) values (1, $1) on conflict (id) do update set offset_ms = excluded.offset_ms', [Math.round(offsetMs)]);
}

export async function loadClockOffset(db: Database): Promise<number> {
  const { rows } = await db.query<{ offset_ms: number }>('select offset_ms from sandbox_clock where id = 1');
  return Number(rows[0]?.offset_ms ?? 0);
}
