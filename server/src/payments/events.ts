// The processing path for provider events, the same for a Stripe webhook and the sandbox:
// store the raw event once per id, then process it; a failure is kept and retried.
import { clockFor } from '../clock.js';
import type { Queryable } from '../db/database.js';
import type { Payments } from './payments.js';
import type Stripe from 'stripe';
import { describeEvent } from './event-shape.js';
import { markInvoicePaid } from '../billing/invoices-store.js';
import type { PaymentProvider, ProviderEvent, ProviderInvoice, ProviderName } from './provider.js';
import { completeHostedSession, customerForProviderId } from './store.js';
import { syncPayment, syncSubscription, type SyncOutcome } from './sync.js';

export type EventStatus = 'pending' | 'processed' | 'failed' | 'ignored';

/** Waits before the next try of a failed event: 1 min, 4, 16, ... at most 6 hours, forever. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 4 ** Math.max(0, attempts - 1), 6 * 60 * 60 * 1000);
}

const SUBSCRIPTION_EVENTS = new Set([
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'customer.subscription.paused',
  'customer.subscription.resumed',
  'customer.subscription.trial_will_end',
  'customer.subscription.pending_update_applied',
  'customer.subscription.pending_update_expired',
  'invoice.paid',
  'invoice.payment_failed',
  'invoice.payment_succeeded',
  'invoice.payment_action_required',
]);

/**
 * Applies one event. The object it names is read again from the provider rather than taken
 * from the event: what the provider holds now is the newest state whatever order events come
 * in, so a late or repeated event changes nothing that a newer one set.
 */
export async function processEvent(payments: Payments, event: ProviderEvent): Promise<{ projectId: string | null; outcomes: SyncOutcome[] }> {
  const provider = payments.providerName;
  const outcomes: SyncOutcome[] = [];
  // Applied at the time of the project whose customer the event names (its sandbox test clock).
  const owner = event.customer ? await customerForProviderId(payments.deps.db, provider, event.customer) : undefined;
  const now = () => clockFor(payments.deps.clock, owner?.projectId).now();
  const read = <T>(fn: (p: PaymentProvider) => Promise<T>) => payments.withProvider(fn);

  if (event.type === 'checkout.session.completed' && event.checkoutSession) {
    const id = event.checkoutSession;
    await payments.deps.db.transaction((tx: Queryable) => completeHostedSession(tx, provider, id));
  }
  const wantsSubscription = SUBSCRIPTION_EVENTS.has(event.type) || event.type === 'checkout.session.completed';
  if (wantsSubscription && event.subscription) {
    const sub = await read((p) => p.retrieveSubscription(event.subscription!));
    if (sub) outcomes.push(await payments.apply((tx) => syncSubscription(tx, provider, sub, now())));
  }
  const wantsPayment = event.type === 'charge.refunded' || event.type === 'checkout.session.completed' || event.type === 'payment_intent.succeeded';
  if (wantsPayment && event.payment) {
    const payment = await read((p) => p.retrievePayment(event.payment!));
    if (payment) outcomes.push(await payments.apply((tx) => syncPayment(tx, provider, payment, now())));
  }
  // A Nozle invoice sent to the provider (billing/invoices.ts): paid when the provider says so.
  if (event.type === 'invoice.paid' && event.invoice) {
    const invoice = await read((p) => p.retrieveInvoice(event.invoice!));
    if (invoice?.nozleInvoice) outcomes.push(await payments.apply((tx) => syncInvoice(tx, provider, invoice, now())));
  }
  const owned = outcomes.flatMap((outcome) => (outcome.kind === 'ignored' ? [] : [outcome.projectId]));
  return { projectId: owned[0] ?? null, outcomes };
}

/** Marks the Nozle invoice a provider invoice was sent for paid, once the provider has it paid. */
async function syncInvoice(tx: Queryable, provider: ProviderName, invoice: ProviderInvoice, now: Date): Promise<SyncOutcome> {
  if (invoice.status !== 'paid') return { kind: 'ignored', reason: `invoice ${invoice.id} is ${invoice.status}, not paid` };
  const owner = await customerForProviderId(tx, provider, invoice.customer);
  if (!owner) return { kind: 'ignored', reason: `customer ${invoice.customer} is not one of Nozle's` };
  const marked = await markInvoicePaid(tx, invoice.nozleInvoice!, owner.customerId, { provider, providerInvoiceId: invoice.id }, now);
  if (!marked) return { kind: 'ignored', reason: `invoice ${invoice.nozleInvoice} of customer ${owner.customerId} is not one of Nozle's` };
  // An invoice's payment changes no entitlement: nothing to recompute ('unchanged' for the snapshot).
  return { kind: 'unchanged', projectId: marked.projectId, customerId: marked.customerId, id: invoice.nozleInvoice! };
}

// A pending event whose processing died with its process is picked up by the retry job then.
const PROCESSING_LEASE_MS = 60_000;

/** Stores the event (once per id) and processes it; a repeat of a processed event is a no-op. */
export async function receiveEvent(payments: Payments, payload: Stripe.Event): Promise<{ status: EventStatus; duplicate: boolean }> {
  const { db, clock } = payments.deps;
  const event = describeEvent(payload);
  const now = clock.now();
  // Tied to the project of the customer it names at once, so even a failing event is visible there.
  const owner = event.customer ? await customerForProviderId(db, payments.providerName, event.customer) : undefined;
  const inserted = await db.query(
    `insert into payment_events (id, provider, type, project_id, payload, status, received_at, next_attempt_at)
     values ($1, $2, $3, $4, $5, 'pending', $6, $7) on conflict (id) do nothing`,
    [event.id, payments.providerName, event.type, owner?.projectId ?? null, JSON.stringify(payload), now, new Date(now.getTime() + PROCESSING_LEASE_MS)],
  );
  const duplicate = inserted.rowCount === 0;
  if (duplicate) {
    const { rows } = await db.query<{ status: EventStatus }>('select status from payment_events where id = $1', [event.id]);
    const status = rows[0]?.status ?? 'pending';
    // One that failed (or whose processing died) is tried again now: processing is idempotent.
    if (status === 'processed' || status === 'ignored') return { status, duplicate };
  }
  return { status: await processStored(payments, event), duplicate };
}

/** Processes a stored event and records how it went. */
export async function processStored(payments: Payments, event: ProviderEvent): Promise<EventStatus> {
  const { db, clock, logger } = payments.deps;
  try {
    const { projectId, outcomes } = await processEvent(payments, event);
    const status: EventStatus = outcomes.some((outcome) => outcome.kind !== 'ignored') ? 'processed' : 'ignored';
    const reasons = outcomes.flatMap((outcome) => (outcome.kind === 'ignored' ? [outcome.reason] : []));
    await db.query(
      `update payment_events set status = $2, project_id = coalesce($3, project_id), attempts = attempts + 1, last_error = $4,
         processed_at = $5, next_attempt_at = null
       where id = $1`,
      [event.id, status, projectId, reasons.length > 0 && status === 'ignored' ? reasons.join('; ') : null, clock.now()],
    );
    return status;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const { rows } = await db.query<{ attempts: number }>(
      `update payment_events set status = 'failed', attempts = attempts + 1, last_error = $2 where id = $1 returning attempts`,
      [event.id, message.slice(0, 1000)],
    );
    const attempts = rows[0]?.attempts ?? 1;
    await db.query('update payment_events set next_attempt_at = $2 where id = $1', [event.id, new Date(clock.now().getTime() + retryDelayMs(attempts))]);
    logger.error({ err: error, event: event.id, type: event.type, attempts }, 'payment event processing failed; it will be retried');
    return 'failed';
  }
}

/** Tries again every stored event that is due (failed ones after their delay). */
export async function retryDueEvents(payments: Payments, limit = 100): Promise<number> {
  const { db, clock } = payments.deps;
  const { rows } = await db.query<{ id: string; payload: Stripe.Event }>(
    `select id, payload from payment_events where status in ('pending', 'failed') and next_attempt_at <= $1
     order by next_attempt_at limit $2`,
    [clock.now(), limit],
  );
  for (const row of rows) await processStored(payments, describeEvent(row.payload));
  return rows.length;
}
