// Reconciliation: compares what the provider holds with Nozle's copy, corrects the drift
// (through the same sync as webhooks, so entitlements are recomputed and pushed) and records
// what it changed. Runs on one instance at a time (a database lock).
import { clockFor, unixSeconds } from '../clock.js';
import { ApiError } from '../http/errors.js';
import { newId } from '../ids.js';
import type { Payments } from './payments.js';
import type { Queryable } from '../db/database.js';
import type { PaymentProvider, ProviderName } from './provider.js';
import { insertReconciliation, liveProviderSubscriptions } from './reconciliation-store.js';
import { customerForProviderId } from './store.js';
import { syncPayment, syncSubscription, type SyncChange, type SyncOutcome } from './sync.js';

interface Reconciliation {
  id: string;
  object: 'reconciliation';
  trigger: 'schedule' | 'api';
  started_at: number;
  finished_at: number | null;
  checked: number;
  changes: SyncChange[];
  error: string | null;
}

const RECONCILE_LOCK = 'nozle:reconcile';

/**
 * Runs one reconciliation, for one project's customers or (scheduled) for all. Answers null
 * when another run holds the lock.
 */
export async function reconcile(payments: Payments, trigger: 'schedule' | 'api', projectId?: string): Promise<Reconciliation | null> {
  const outcome = await payments.deps.db.withLock(RECONCILE_LOCK, () => runReconciliation(payments, trigger, projectId));
  return outcome.ran ? outcome.value : null;
}

/** A run asked for through the API, of the caller's project; refused (409) while another runs. */
export async function reconcileProject(payments: Payments, projectId: string): Promise<Reconciliation> {
  const run = await reconcile(payments, 'api', projectId);
  if (!run) throw new ApiError(409, 'invalid_request_error', 'reconciliation_running', 'A reconciliation is already running; try again when it has finished.');
  return run;
}

async function runReconciliation(payments: Payments, trigger: 'schedule' | 'api', projectId: string | undefined): Promise<Reconciliation> {
  const { db, logger } = payments.deps;
  // The run's own times are the project's (the server's for a scheduled run of all).
  const clock = clockFor(payments.deps.clock, projectId);
  const run: Reconciliation = {
    id: newId('rec'),
    object: 'reconciliation',
    trigger,
    started_at: unixSeconds(clock.now()),
    finished_at: null,
    checked: 0,
    changes: [],
    error: null,
  };
  const pass: Pass = { payments, provider: payments.providerName, projectId, run, owners: new Map() };
  try {
    await payments.withProvider(async (source) => {
      const seen = await checkListedSubscriptions(pass, source);
      await checkVanishedSubscriptions(pass, source, seen);
      await checkPayments(pass, source);
    });
  } catch (error) {
    run.error = error instanceof Error ? error.message : String(error);
    logger.error({ err: error, run: run.id }, 'reconciliation failed');
  }
  run.finished_at = unixSeconds(clock.now());
  await insertReconciliation(db, projectId ?? null, {
    ...run,
    started_at: new Date(run.started_at * 1000),
    finished_at: new Date(run.finished_at * 1000),
  });
  for (const change of run.changes) logger.info({ run: run.id, change }, 'reconciliation corrected drift');
  logger.info({ run: run.id, checked: run.checked, changed: run.changes.length }, 'reconciliation finished');
  return run;
}

/** One run under way: what it looks at and what it has found. */
interface Pass {
  payments: Payments;
  provider: ProviderName;
  /** The project whose customers it checks; every project's when undefined. */
  projectId: string | undefined;
  run: Reconciliation;
  /** The project of each provider customer seen (null: not one of Nozle's), looked up once. */
  owners: Map<string, string | null>;
}

async function ownerOf(pass: Pass, providerCustomer: string): Promise<string | null> {
  if (!pass.owners.has(providerCustomer)) {
    pass.owners.set(providerCustomer, (await customerForProviderId(pass.payments.deps.db, pass.provider, providerCustomer))?.projectId ?? null);
  }
  return pass.owners.get(providerCustomer) ?? null;
}

// The provider lists every project's objects: a run for one project looks only at its own
// customers' (another project's drift is neither touched nor counted here).
const inScope = async (pass: Pass, providerCustomer: string) => pass.projectId === undefined || (await ownerOf(pass, providerCustomer)) === pass.projectId;

// A change is recorded at the time of the project that owns the object (its sandbox test clock).
const nowIn = (pass: Pass, project: string | null) => clockFor(pass.payments.deps.clock, project ?? undefined).now();

/** Applies a sync and keeps its change, when it is one of the project's. */
async function check(pass: Pass, sync: (tx: Queryable) => Promise<SyncOutcome>): Promise<void> {
  const outcome = await pass.payments.apply(sync);
  const mine = pass.projectId === undefined || (outcome.kind !== 'ignored' && outcome.projectId === pass.projectId);
  if (outcome.kind === 'changed' && mine) pass.run.changes.push(outcome.change);
}

/** Every subscription the provider lists, applied; answers the ids it listed. */
async function checkListedSubscriptions(pass: Pass, source: PaymentProvider): Promise<Set<string>> {
  const seen = new Set<string>();
  for await (const sub of source.listSubscriptions()) {
    seen.add(sub.id);
    if (!(await inScope(pass, sub.customer))) continue;
    pass.run.checked += 1;
    const now = nowIn(pass, await ownerOf(pass, sub.customer));
    await check(pass, (tx) => syncSubscription(tx, pass.provider, sub, now));
  }
  return seen;
}

/** Ours that the provider's listing lacks: read each again; gone there means canceled here. */
async function checkVanishedSubscriptions(pass: Pass, source: PaymentProvider, seen: Set<string>): Promise<void> {
  const live = await liveProviderSubscriptions(pass.payments.deps.db, pass.provider, pass.projectId);
  for (const { providerId: id, projectId: project } of live.filter((row) => !seen.has(row.providerId))) {
    pass.run.checked += 1;
    const sub = await source.retrieveSubscription(id);
    const now = nowIn(pass, project);
    if (sub) await check(pass, (tx) => syncSubscription(tx, pass.provider, sub, now));
    else await check(pass, (tx) => cancelVanished(tx, pass.provider, id, now));
  }
}

async function checkPayments(pass: Pass, source: PaymentProvider): Promise<void> {
  for await (const payment of source.listPayments()) {
    if (!(await inScope(pass, payment.customer))) continue;
    pass.run.checked += 1;
    const now = nowIn(pass, await ownerOf(pass, payment.customer));
    await check(pass, (tx) => syncPayment(tx, pass.provider, payment, now));
  }
}

/** The provider no longer knows the subscription: it ended there. */
async function cancelVanished(tx: Queryable, provider: string, id: string, now: Date): Promise<SyncOutcome> {
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
