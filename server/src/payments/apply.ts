// Applying what a provider says (sync.ts): the change in its own transaction, retried on
// deadlock, with the customer's entitlements recomputed in it and pushed once it has committed.
import type { Logger } from 'pino';
import { clockFor, type Clock } from '../clock.js';
import type { Database, Queryable } from '../db/database.js';
import { retryTransaction } from '../db/transaction.js';
import type { EntitlementCache } from '../entitlements/cache.js';
import type { Snapshots } from '../entitlements/snapshots.js';
import type { SyncOutcome } from './sync.js';

export interface ApplyDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
  entitlements: Pick<EntitlementCache, 'published'>;
  /** What recomputes a customer's snapshot in the change's transaction. */
  snapshots: Pick<Snapshots, 'recompute' | 'pastDueGraceMs'>;
}

/** Runs `sync` in its own transaction (retried on deadlock), then pushes the new snapshot. */
export async function applySync(deps: ApplyDeps, sync: (tx: Queryable) => Promise<SyncOutcome>): Promise<SyncOutcome> {
  const { outcome, stored } = await retryTransaction(() =>
    deps.db.transaction(async (tx) => {
      const result = await sync(tx);
      if (result.kind !== 'changed') return { outcome: result, stored: undefined };
      const now = clockFor(deps.clock, result.projectId).now();
      return { outcome: result, stored: await deps.snapshots.recompute(tx, result.projectId, result.customerId, now) };
    }),
  );
  if (stored) await deps.entitlements.published(stored);
  if (outcome.kind === 'changed') deps.logger.info({ change: outcome.change }, 'payment provider state applied');
  return outcome;
}
