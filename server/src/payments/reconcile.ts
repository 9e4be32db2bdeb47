// Reconciliation: compares what the provider holds with Nozle's copy, corrects the drift
// (through the same sync as webhooks, so entitlements are recomputed and pushed) and records
// what it changed. Runs on one instance at a time (a database lock).
import { clockFor, unixSeconds } from '../clock.js';
import { ApiError } from '../http/errors.js';
import { newId } from '../ids.js';
import type { Payments } from './payments.js';
import { customerForProviderId } from './store.js';
import { syncPayment, syncSubscription, type SyncChange, type SyncOutcome } from './sync.js';

export interface Reconciliation {
  id: string;
  object: 'reconciliation';
  trigger: 'schedule' | 'api';
  started_at: number;
  finished_at: number | null;
  checked: number;
  changes: SyncChange[];
  error: string | null;
}

export const RECONCILE_LOCK = 'nozle:reconcile';

/**
 * Runs one reconciliation, for one project's customers or (scheduled) for all. Answers null
 * when another run holds the lock.
 */
export async function reconcile(payments: Payments, trigger: 'schedule' | 'api', projectId?: string): Promise<Reconciliation | null> {
  const { db, logger } = payments.deps;
  // The run's own times are the project's (the server's for a scheduled run of all).
  const clock = clockFor(payments.deps.clock, projectId);
  const provider = payments.providerName;
  const outcome = await db.withLock(RECONCILE_LOCK, async () => {
    const run: Reconciliation = { id: newId('rec'), object: 'reconciliation', trigger, started_at: unixSeconds(clock.now()), finished_at: null, checked: 0, changes: [], error: null };
    const mine = (outcome: SyncOutcome) => projectId === undefined || (outcome.kind !== 'ignored' && outcome.projectId === projectId);
    const record = (outcome: SyncOutcome) => {
      if (outcome.kind === 'changed' && mine(outcome)) run.changes.push(outcome.change);
    };
    // The provider lists every project's objects: a run for one project looks only at its own
    // customers' (another project's drift is neither touched nor counted here).
    const owners = new Map<string, string | null>();
    const ownerOf = async (providerCustomer: string): Promise<string | null> => {
      if (!owners.has(providerCustomer)) owners.set(providerCustomer, (await customerForProviderId(db, provider, providerCustomer))?.projectId ?? null);
      return owners.get(providerCustomer) ?? null;
    };
    const inScope = async (providerCustomer: string): Promise<boolean> => projectId === undefined || (await ownerOf(providerCustomer)) === projectId;
    // A change is recorded at the time of the project that owns the object (its sandbox test clock).
    const nowIn = (project: string | null) => clockFor(payments.deps.clock, project ?? undefined).now();
    try {
      await payments.withProvider(async (source) => {
        const seen = new Set<string>();
        for await (const sub of source.listSubscriptions()) {
          seen.add(sub.id);
          if (!(await inScope(sub.customer))) continue;
          run.checked += 1;
          const now = nowIn(await ownerOf(sub.customer));
          record(await payments.apply((tx) => syncSubscription(tx, provider, sub, now)));
        }
        // Ours that the provider's listing lacks: read each again; gone there means canceled here.
        const { rows } = await db.query<{ provider_subscription_id: string; project_id: string }>(
          `select provider_subscription_id, project_id from subscriptions where provider = $1 and status <> 'canceled' and ($2::text is null or project_id = $2)`,
          [provider, projectId ?? null],
        );
        for (const { provider_subscription_id: id, project_id: project } of rows.filter((row) => !seen.has(row.provider_subscription_id))) {
          run.checked += 1;
          const sub = await source.retrieveSubscription(id);
          const now = nowIn(project);
          if (sub) record(await payments.apply((tx) => syncSubscription(tx, provider, sub, now)));
          else record(await payments.apply((tx) => cancelVanished(tx, provider, id, now)));
        }
        for await (const payment of source.listPayments()) {
          if (!(await inScope(payment.customer))) continue;
          run.checked += 1;
          const now = nowIn(await ownerOf(payment.customer));
          record(await payments.apply((tx) => syncPayment(tx, provider, payment, now)));
        }
      });
    } catch (error) {
      run.error = error instanceof Error ? error.message : String(error);
      logger.error({ err: error, run: run.id }, 'reconciliation failed');
    }
    run.finished_at = unixSeconds(clock.now());
    await db.query(
      `insert into reconciliation_runs (id, project_id, trigger, started_at, finished_at, checked, changes, error)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [run.id, projectId ?? null, trigger, new Date(run.started_at * 1000), new Date(run.finished_at * 1000), run.checked, JSON.stringify(run.changes), run.error],
    );
    for (const change of run.changes) logger.info({ run: run.id, change }, 'reconciliation corrected drift');
    logger.info({ run: run.id, checked: run.checked, changed: run.changes.length }, 'reconciliation finished');
    return run;
  });
  return outcome.ran ? outcome.value : null;
}

/** The provider no longer knows the subscription: it ended there. */
async function cancelVanished(tx: import('../db/database.js').Queryable, provider: string, id: string, now: Date): Promise<SyncOutcome> {
  const { rows } = await tx.query<{ id: string; project_id: string; customer_id: string; status: string }>(
    'select id, project_id, customer_id, status from subscriptions where provider = $1 and provider_subscription_id = $2 for update',
    [provider, id],
  );
  const row = rows[0];
  if (!row || row.status === 'canceled') return { kind: 'ignored', reason: `subscription ${id} needs nothing` };
  await tx.query("update subscriptions set status = 'canceled', canceled_at = $2, updated_at = $2 where id = $1", [row.id, now]);
  return {
    kind: 'changed',
    projectId: row.project_id,
    customerId: row.customer_id,
    change: { object: 'subscription', id: row.id, provider_id: id, customer: row.customer_id, action: 'updated', fields: { status: [row.status, 'canceled'] } },
  };
}

export const reconcileBusy = () => new ApiError(409, 'invalid_request_error', 'reconciliation_running', 'A reconciliation is already running; try again when it has finished.');
