// The processing path for provider events, the same for a Stripe webhook and the sandbox:
// store the raw event once per id, then process it; a failure is kept and retried.
import type { Logger } from 'pino';
import { markInvoicePaid } from '../billing/invoices-store.js';
import { settleSubscription } from '../billing/payment-due.js';
import { clockFor } from '../clock.js';
import type { Queryable } from '../db/database.js';
import { ApiError } from '../http/errors.js';
import { applySync, type ApplyDeps } from './apply.js';
import { recordInvoiceCharge, refundInvoiceCharge } from './charges.js';
import { completeCheckout } from './checkout-completion.js';
import { recordCheckoutDetails } from './checkout-details.js';
import { recordProviderPaymentFailure } from './failed-charges.js';
import { insertPaymentEvent, paymentEventStatus, recordFailed, recordProcessed, duePaymentEvents, type EventStatus } from './payment-events-store.js';
import { ProviderAccess } from './provider-access.js';
import type { EventSink, PaymentProvider, ProviderEvent, ProviderInvoice, ProviderName, ProviderSource, ReceivedEvent } from './provider.js';
import { customerForProviderId } from './store.js';
import { syncPayment, syncSubscription, type SyncChange, type SyncOutcome } from './sync.js';

/** Waits before the next try of a failed event: 1 min, 4, 16, ... at most 6 hours, forever. */
function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 4 ** Math.max(0, attempts - 1), 6 * 60 * 60 * 1000);
}

// A pending event whose processing died with its process is picked up by the retry job then.
const PROCESSING_LEASE_MS = 60_000;

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
  // A subscription schedule (a period-end plan change) shows on its subscription.
  'subscription_schedule.created',
  'subscription_schedule.updated',
  'subscription_schedule.released',
  'subscription_schedule.canceled',
  'subscription_schedule.completed',
]);
const PAYMENT_EVENTS = new Set(['charge.refunded', 'checkout.session.completed', 'payment_intent.succeeded']);

interface PaymentEventsDeps extends ApplyDeps {
  provider: ProviderSource;
}

export class PaymentEvents {
  readonly #deps: PaymentEventsDeps;
  /** Processing only reads from the provider; whatever it might raise comes back here. */
  readonly #provider: ProviderAccess;

  constructor(deps: PaymentEventsDeps) {
    this.#deps = deps;
    this.#provider = new ProviderAccess(deps.provider, deps.db, (events) => this.receiveAll(events));
  }

  /** The sink for the events the provider raised in process (the sandbox's): each received in turn. */
  readonly receiveAll: EventSink = async (events) => {
    for (const event of events) await this.receive(event);
  };

  /** A delivery to Stripe's webhook endpoint: its signature checked, then received; nothing is stored when it does not match. */
  async receiveStripeWebhook(rawBody: Buffer, signature: string, log: Logger): Promise<{ event: string; status: EventStatus; duplicate: boolean }> {
    const received = await this.#provider.with(async (provider) => {
      if (provider.name !== 'stripe' || !provider.verifyWebhook) {
        throw new ApiError(404, 'invalid_request_error', 'stripe_not_configured', 'Stripe is not configured on this server: it runs the sandbox.');
      }
      try {
        return provider.verifyWebhook(rawBody, signature);
      } catch (error) {
        // Nothing is stored: an unsigned body may be anything.
        log.warn({ err: error }, 'Stripe webhook with a bad signature refused');
        throw new ApiError(400, 'invalid_request_error', 'signature_invalid', 'The Stripe-Signature header does not match the body.', 'Stripe-Signature');
      }
    });
    return { event: received.event.id, ...(await this.receive(received)) };
  }

  /** Stores the event (once per id) and processes it; a repeat of a processed event is a no-op. */
  async receive({ event, payload }: ReceivedEvent): Promise<{ status: EventStatus; duplicate: boolean }> {
    const { db, clock } = this.#deps;
    const now = clock.now();
    // Tied to the project of the customer it names at once, so even a failing event is visible there.
    const owner = event.customer ? await customerForProviderId(db, this.#provider.name, event.customer) : undefined;
    const stored = { id: event.id, provider: this.#provider.name, type: event.type, projectId: owner?.projectId ?? null, payload, receivedAt: now };
    const duplicate = !(await insertPaymentEvent(db, { ...stored, leaseUntil: new Date(now.getTime() + PROCESSING_LEASE_MS) }));
    if (duplicate) {
      const status = (await paymentEventStatus(db, event.id)) ?? 'pending';
      // One that failed (or whose processing died) is tried again now: processing is idempotent.
      if (status === 'processed' || status === 'ignored') return { status, duplicate };
    }
    return { status: await this.#processStored(event), duplicate };
  }

  /** Tries again every stored event that is due (failed ones after their delay); answers how many. */
  async retryDue(limit = 100): Promise<number> {
    const rows = await duePaymentEvents(this.#deps.db, this.#deps.clock.now(), limit);
    for (const row of rows) await this.#processStored(await this.#provider.with(async (provider) => provider.readEvent(row.payload)));
    return rows.length;
  }

  /** Processes a stored event and records how it went. */
  async #processStored(event: ProviderEvent): Promise<EventStatus> {
    const { db, clock, logger } = this.#deps;
    try {
      const { projectId, outcomes } = await this.#process(event);
      const status: EventStatus = outcomes.some((outcome) => outcome.kind !== 'ignored') ? 'processed' : 'ignored';
      const reasons = outcomes.flatMap((outcome) => (outcome.kind === 'ignored' ? [outcome.reason] : []));
      await recordProcessed(db, event.id, { status, projectId, reason: reasons.length > 0 && status === 'ignored' ? reasons.join('; ') : null }, clock.now());
      return status;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const attempts = await recordFailed(db, event.id, message, (tries) => new Date(clock.now().getTime() + retryDelayMs(tries)));
      logger.error({ err: error, event: event.id, type: event.type, attempts }, 'payment event processing failed; it will be retried');
      return 'failed';
    }
  }

  /**
   * Applies one event. The object it names is read again from the provider rather than taken
   * from the event: what the provider holds now is the newest state whatever order events come
   * in, so a late or repeated event changes nothing that a newer one set.
   */
  async #process(event: ProviderEvent): Promise<{ projectId: string | null; outcomes: SyncOutcome[] }> {
    const provider = this.#provider.name;
    const outcomes: SyncOutcome[] = [];
    // Applied at the time of the project whose customer the event names (its sandbox test clock).
    const owner = event.customer ? await customerForProviderId(this.#deps.db, provider, event.customer) : undefined;
    const now = () => clockFor(this.#deps.clock, owner?.projectId).now();
    const read = <T>(fn: (p: PaymentProvider) => Promise<T>) => this.#provider.with(fn);
    const apply = (sync: (tx: Queryable) => Promise<SyncOutcome>) => applySync(this.#deps, sync);

    if (event.type === 'checkout.session.completed' && event.checkoutSession) {
      const id = event.checkoutSession;
      // Its checkout.completed with it: once, a repeat finds the session complete already.
      await this.#deps.db.transaction((tx: Queryable) => completeCheckout(tx, { provider, providerId: id }, now()));
    }
    const wantsSubscription = SUBSCRIPTION_EVENTS.has(event.type) || event.type === 'checkout.session.completed';
    if (wantsSubscription && event.subscription) {
      const sub = await read((p) => p.retrieveSubscription(event.subscription!));
      if (sub) outcomes.push(await apply((tx) => syncSubscription(tx, provider, sub, now())));
    }
    // After its subscription's sync: the discount is recorded on the subscription Nozle now holds.
    if (event.type === 'checkout.session.completed' && event.checkoutSession) {
      const session = await read((p) => p.retrieveCheckoutSession(event.checkoutSession!));
      if (session) await this.#deps.db.transaction((tx: Queryable) => recordCheckoutDetails(tx, provider, session, event.subscription, now()));
    }
    if (PAYMENT_EVENTS.has(event.type) && event.payment) {
      const payment = await read((p) => p.retrievePayment(event.payment!));
      if (payment) outcomes.push(await apply((tx) => syncPayment(tx, provider, payment, now())));
      // The payment of a subscription invoice (a checkout's subscription): its charge is lowered by the refund.
      if (payment && event.type === 'charge.refunded') outcomes.push(await apply((tx) => refundInvoiceCharge(tx, provider, payment, now())));
    }
    // A Nozle invoice sent to the provider (billing/invoices.ts): paid when the provider says so.
    if (event.type === 'invoice.paid' && event.invoice) {
      const invoice = await read((p) => p.retrieveInvoice(event.invoice!));
      if (invoice?.nozleInvoice) outcomes.push(await apply((tx) => syncInvoice(tx, provider, invoice, now())));
      // The provider's own invoice (of a checkout's subscription): a charge the margin report counts.
      else if (invoice) outcomes.push(await apply((tx) => recordInvoiceCharge(tx, provider, invoice, now())));
    }
    // A charge that failed: Nozle's invoice.payment_failed, after the subscription's sync above (its payload shows it after).
    if (event.type === 'invoice.payment_failed' && event.invoice) {
      const invoice = await read((p) => p.retrieveInvoice(event.invoice!));
      if (invoice) outcomes.push(await apply((tx) => recordProviderPaymentFailure(tx, provider, event.id, invoice, now())));
    }
    const owned = outcomes.flatMap((outcome) => (outcome.kind === 'ignored' ? [] : [outcome.projectId]));
    return { projectId: owned[0] ?? null, outcomes };
  }
}

/** Marks the Nozle invoice a provider invoice was sent for paid, once the provider has it paid. */
async function syncInvoice(tx: Queryable, provider: ProviderName, invoice: ProviderInvoice, now: Date): Promise<SyncOutcome> {
  if (invoice.status !== 'paid') return { kind: 'ignored', reason: `invoice ${invoice.id} is ${invoice.status}, not paid` };
  const owner = await customerForProviderId(tx, provider, invoice.customer);
  if (!owner) return { kind: 'ignored', reason: `customer ${invoice.customer} is not one of Nozle's` };
  const marked = await markInvoicePaid(tx, invoice.nozleInvoice!, owner.customerId, { provider, providerInvoiceId: invoice.id }, now);
  if (!marked) return { kind: 'ignored', reason: `invoice ${invoice.nozleInvoice} of customer ${owner.customerId} is not one of Nozle's` };
  // A self-billed subscription past due for this invoice (charged through pay) recovers; else no entitlement changes.
  if (marked.changed && (await settleSubscription(tx, marked.projectId, marked.subscriptionId, now))) {
    const change: SyncChange = {
      object: 'subscription',
      id: marked.subscriptionId,
      provider_id: invoice.id,
      customer: marked.customerId,
      action: 'updated',
      fields: { status: ['past_due', 'active'] },
    };
    return { kind: 'changed', projectId: marked.projectId, customerId: marked.customerId, change };
  }
  return { kind: 'unchanged', projectId: marked.projectId, customerId: marked.customerId, id: invoice.nozleInvoice! };
}
