// The sandbox payment provider: a small stand-in for Stripe that keeps its objects in Nozle's
// database and raises events in the shape of Stripe's (events.ts), which go through the same
// processing path as Stripe's webhooks. Cards: 4242… pays, 4000 0000 0000 0002 is declined,
// 4000 0000 0000 0341 is accepted now but declines every later charge.
import { toNozleStatus, transition, type Lifecycle, type LifecycleEvent } from '../../access/subscription-lifecycle.js';
import { clockFor, type Clock } from '../../clock.js';
import type { Queryable } from '../../db/database.js';
import { prorate } from '../../billing/proration.js';
import { randomBase62 } from '../../ids.js';
import { projectNowSql } from '../../project-clocks.js';
import { DAY_MS } from '../../time/periods.js';
import type {
  CheckoutRequest,
  ProviderCheckoutSession,
  HostedPage,
  InvoiceToSend,
  PaymentProvider,
  PriceTerms,
  ProrationBehavior,
  ProviderEvent,
  ProviderInvoice,
  ProviderPayment,
  ProviderSource,
  ProviderSubscription,
  ReceivedEvent,
} from '../provider.js';
import { findHostedSession } from '../store.js';
import { afterDiscount, checkoutCoupon, renewalCoupon } from './discount.js';
import { readSandboxEvent, sandboxEvent, type SandboxObject } from './events.js';

type Emit = (event: ReceivedEvent) => void;
type CardOutcome = 'succeeds' | 'declines';

/** Failed renewals are retried this often, and the subscription is canceled after this many. */
const RETRY_EVERY_DAYS = 3;
const MAX_ATTEMPTS = 3;

const id = (prefix: string) => `${prefix}_sbx_${randomBase62(16)}`;

/** Why the sandbox refuses a charge: a card that declines is its only way to fail. */
const CARD_DECLINED = { code: 'card_declined', message: 'Your card was declined.' } as const;

/** What a test card number does at checkout; null for a number the sandbox does not know. */
function cardAtCheckout(number: string): { now: CardOutcome; later: CardOutcome } | null {
  switch (number.replace(/[\s-]/g, '')) {
    case '4242424242424242':
      return { now: 'succeeds', later: 'succeeds' };
    case '4000000000000002':
      return { now: 'declines', later: 'declines' };
    case '4000000000000341':
      return { now: 'succeeds', later: 'declines' };
    default:
      return null;
  }
}

/** A row of the `sandbox_subscriptions` table: the sandbox's own subscription, as Stripe would hold it. */
interface SandboxSubscriptionRow {
  id: string;
  project_id: string;
  customer: string;
  price: string;
  status: ProviderSubscription['status'];
  current_period_start: Date;
  current_period_end: Date;
  trial_end: Date | null;
  cancel_at_period_end: boolean;
  canceled_at: Date | null;
  failed_attempts: number;
  next_attempt_at: Date | null;
  /** Proration not charged yet, in minor units (negative: a credit), added to the next charge. */
  pending_proration: number | string;
  /** The price it moves to when its period ends (a period-end downgrade), as a Stripe subscription schedule would. */
  scheduled_price: string | null;
  /** Seats, bought at checkout: a per-seat price is charged this many times. */
  quantity: number;
  created_at: Date;
}

interface PriceInfo {
  projectId: string;
  interval: 'month' | 'year' | 'one_time';
  amount: number;
  currency: string;
  /** The plan's base price is per seat. */
  perSeat: boolean;
}

/** What a period of `price` costs the subscription: × its seats when per seat. */
const periodAmount = (price: PriceInfo, row: Pick<SandboxSubscriptionRow, 'quantity'>): number => price.amount * (price.perSeat ? Number(row.quantity) : 1);

const toSubscription = (row: SandboxSubscriptionRow): ProviderSubscription => ({
  id: row.id,
  customer: row.customer,
  price: row.price,
  status: row.status,
  currentPeriodStart: row.current_period_start,
  currentPeriodEnd: row.current_period_end,
  // The sandbox chains its periods (each starts where the last ended): each start is an anchor.
  billingCycleAnchor: row.current_period_start,
  trialEnd: row.trial_end,
  cancelAtPeriodEnd: row.cancel_at_period_end,
  canceledAt: row.canceled_at,
  created: row.created_at,
  scheduledChange: row.scheduled_price ? { price: row.scheduled_price, at: row.current_period_end } : null,
  quantity: Number(row.quantity),
});

/** The sandbox's row as the lifecycle sees it: the provider's own state, which no one else bills. */
const lifecycleOf = (row: SandboxSubscriptionRow): Lifecycle => ({
  status: toNozleStatus(row.status),
  current_period_start: row.current_period_start,
  current_period_end: row.current_period_end,
  billing_cycle_anchor: row.current_period_start,
  trial_end: row.trial_end,
  cancel_at_period_end: row.cancel_at_period_end,
  canceled_at: row.canceled_at,
  past_due_since: null,
  provider: null,
});

/**
 * The row after `event`, as the lifecycle decides it (subscription-lifecycle.ts); the sandbox's
 * own fields (its dunning, its pending proration) are the caller's. A refusal here is a bug: the
 * sandbox asks only for what is due.
 */
function decided(row: SandboxSubscriptionRow, event: LifecycleEvent, at: Date): SandboxSubscriptionRow {
  const decision = transition(lifecycleOf(row), event, at);
  if (!decision.ok) throw new Error(`The sandbox's subscription ${row.id} refused '${event.type}': ${decision.refusal}.`);
  const life = decision.state;
  return {
    ...row,
    status: life.status,
    current_period_start: life.current_period_start,
    current_period_end: life.current_period_end,
    trial_end: life.trial_end,
    cancel_at_period_end: life.cancel_at_period_end,
    canceled_at: life.canceled_at,
  };
}

export class Sandbox implements ProviderSource {
  readonly name = 'sandbox' as const;
  readonly clock: Clock;
  constructor(clock: Clock) {
    this.clock = clock;
  }

  /** The provider working in `db` (a transaction, usually), raising its events through `emit`. */
  bind(db: Queryable, emit: Emit): SandboxProvider {
    return new SandboxProvider(db, emit, this.clock);
  }
}

/** What a hosted checkout page completes. */
interface CheckoutSession {
  providerSessionId: string;
  customer: string;
  price: string;
  trialDays: number;
  /** Seats bought (1 when absent). */
  quantity?: number;
}

export class SandboxProvider implements PaymentProvider {
  readonly name = 'sandbox' as const;
  readonly #db: Queryable;
  readonly #emit: Emit;
  readonly #clock: Clock;

  constructor(db: Queryable, emit: Emit, clock: Clock) {
    this.#db = db;
    this.#emit = emit;
    this.#clock = clock;
  }

  /** The time of the project an object belongs to (its sandbox test clock). */
  #now(projectId: string): Date {
    return clockFor(this.#clock, projectId).now();
  }

  #raise(type: string, object: SandboxObject, at: Date): void {
    this.#emit(sandboxEvent(id('evt'), type, object, at));
  }

  #raiseSubscription(type: string, row: SandboxSubscriptionRow, at: Date): void {
    this.#raise(type, { id: row.id, object: 'subscription', customer: row.customer, status: row.status }, at);
  }

  /**
   * Keeps the invoice (its charge is read back from here, as from Stripe) and raises its event.
   * `charge`: what it asked for (the price's amount by default), from when, which attempt it was
   * and when a refused one is tried again (never, by default).
   */
  async #raiseInvoice(
    paid: boolean,
    row: SandboxSubscriptionRow,
    price: PriceInfo,
    at: Date,
    charge: { amount?: number; periodStart?: Date; attempt?: number; nextAttemptAt?: Date | null } = {},
  ): Promise<void> {
    const invoice = id('in');
    const { amount = price.amount, periodStart = row.current_period_start, attempt = 1, nextAttemptAt = null } = charge;
    await this.#db.query(
      `insert into sandbox_invoices (id, project_id, customer, subscription, price, amount_due, amount_paid, currency, status, period_start, period_end,
         created_at, attempt_count, next_payment_attempt)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        invoice,
        row.project_id,
        row.customer,
        row.id,
        row.price,
        amount,
        paid ? amount : 0,
        price.currency,
        paid ? 'paid' : 'open',
        periodStart,
        row.current_period_end,
        at,
        attempt,
        paid ? null : nextAttemptAt,
      ],
    );
    this.#raise(
      paid ? 'invoice.paid' : 'invoice.payment_failed',
      {
        id: invoice,
        object: 'invoice',
        customer: row.customer,
        amount_due: amount,
        amount_paid: paid ? amount : 0,
        currency: price.currency,
        status: paid ? 'paid' : 'open',
        parent: { type: 'subscription_details', subscription_details: { subscription: row.id } },
      },
      at,
    );
  }

  async #price(price: string): Promise<PriceInfo> {
    const { rows } = await this.#db.query<{ project_id: string; interval: PriceInfo['interval']; base_price: number; currency: string; per_seat: boolean }>(
      `select p.project_id, v.interval, v.base_price, v.currency, v.per_seat from payment_prices p
       join plan_versions v on v.plan_id = p.plan_id and v.version = p.plan_version
       where p.provider = 'sandbox' and p.provider_price_id = $1`,
      [price],
    );
    const row = rows[0];
    if (!row) throw new Error(`The sandbox has no price ${price}.`);
    return { projectId: row.project_id, interval: row.interval, amount: Number(row.base_price), currency: row.currency, perSeat: row.per_seat };
  }

  async #card(customer: string): Promise<CardOutcome> {
    const { rows } = await this.#db.query<{ card: CardOutcome }>('select card from sandbox_customers where id = $1', [customer]);
    return rows[0]?.card ?? 'declines';
  }

  async #row(subscription: string, forUpdate = false): Promise<SandboxSubscriptionRow | undefined> {
    const { rows } = await this.#db.query<SandboxSubscriptionRow>(`select * from sandbox_subscriptions where id = $1${forUpdate ? ' for update' : ''}`, [
      subscription,
    ]);
    return rows[0];
  }

  async #save(row: SandboxSubscriptionRow, now: Date): Promise<SandboxSubscriptionRow> {
    await this.#db.query(
      `update sandbox_subscriptions set price = $2, status = $3, current_period_start = $4, current_period_end = $5, trial_end = $6,
         cancel_at_period_end = $7, canceled_at = $8, failed_attempts = $9, next_attempt_at = $10, updated_at = $11, pending_proration = $12,
        scheduled_price = $13
       where id = $1`,
      [
        row.id,
        row.price,
        row.status,
        row.current_period_start,
        row.current_period_end,
        row.trial_end,
        row.cancel_at_period_end,
        row.canceled_at,
        row.failed_attempts,
        row.next_attempt_at,
        now,
        Number(row.pending_proration),
        row.scheduled_price,
      ],
    );
    return row;
  }

  async #existing(subscription: string): Promise<SandboxSubscriptionRow> {
    const row = await this.#row(subscription, true);
    if (!row) throw new Error(`The sandbox has no subscription ${subscription}.`);
    return row;
  }

  /** The sandbox sends no webhooks (its events never leave the process): a stored event is one it raised. */
  readEvent(payload: object): ProviderEvent {
    return readSandboxEvent(payload);
  }

  async createCustomer(input: { projectId: string }): Promise<string> {
    const customer = id('cus');
    await this.#db.query("insert into sandbox_customers (id, project_id, card, created_at) values ($1, $2, 'declines', $3)", [
      customer,
      input.projectId,
      this.#now(input.projectId),
    ]);
    return customer;
  }

  /** The sandbox's prices are named by their lookup key: nothing to store. */
  async ensurePrice(terms: PriceTerms): Promise<string> {
    return `price_sbx_${terms.lookupKey}`;
  }

  async createCheckoutSession(_request: CheckoutRequest): Promise<HostedPage> {
    const session = id('cs');
    return { id: session, url: `/sandbox/checkout/${session}` };
  }

  /** The sandbox's discounts are Nozle's own: the session's coupon or promotion code (one typed on its page is stored there). */
  async retrieveCheckoutSession(session: string): Promise<ProviderCheckoutSession | null> {
    const row = await findHostedSession(this.#db, { provider: 'sandbox', providerId: session });
    if (!row) return null;
    const applied = row.coupon_id !== null || row.promotion_code_id !== null;
    return {
      id: session,
      subscription: null,
      discount: applied ? { coupon: row.coupon_id, promotionCode: row.promotion_code_id } : null,
      address: null,
      taxIds: [],
    };
  }

  async createPortalSession(): Promise<HostedPage> {
    const session = id('bps');
    return { id: session, url: `/sandbox/portal/${session}` };
  }

  async retrieveSubscription(subscription: string): Promise<ProviderSubscription | null> {
    const row = await this.#row(subscription);
    return row ? toSubscription(row) : null;
  }

  async retrievePayment(payment: string): Promise<ProviderPayment | null> {
    const { rows } = await this.#db.query<{
      id: string;
      customer: string;
      price: string;
      amount: number | string;
      currency: string;
      refunded: boolean;
      created_at: Date;
    }>('select id, customer, price, amount, currency, refunded, created_at from sandbox_payments where id = $1', [payment]);
    const row = rows[0];
    if (!row) return null;
    // The sandbox refunds in full only.
    const amount = Number(row.amount);
    return {
      id: row.id,
      customer: row.customer,
      price: row.price,
      paid: true,
      refunded: row.refunded,
      amount,
      amountRefunded: row.refunded ? amount : 0,
      currency: row.currency,
      created: row.created_at,
    };
  }

  /**
   * Moves to another price, prorated as Stripe does it: the unused time of the old price is
   * credited and the rest of the period at the new one charged, the net either now
   * (`always_invoice`) or with the next renewal (`create_prorations`). A trial has nothing to prorate.
   */
  async changePrice(subscription: string, price: string, proration: ProrationBehavior): Promise<ProviderSubscription> {
    const current = await this.#existing(subscription);
    const now = this.#now(current.project_id);
    // A swap now replaces a change scheduled for the period's end, as Stripe's released schedule.
    let next: SandboxSubscriptionRow = { ...current, price, scheduled_price: null };
    if (proration !== 'none' && (current.status === 'active' || current.status === 'past_due') && current.price !== price) {
      const [from, to] = [await this.#price(current.price), await this.#price(price)];
      const net = Number(
        prorate({
          period_start: current.current_period_start,
          period_end: current.current_period_end,
          changed_at: now,
          from: { name: current.price, amount: periodAmount(from, current) },
          to: { name: price, amount: periodAmount(to, current) },
        }).total,
      );
      const pending = Number(current.pending_proration) + net;
      if (proration === 'always_invoice' && pending > 0) {
        const paid = (await this.#card(current.customer)) === 'succeeds';
        await this.#raiseInvoice(paid, next, to, now, { amount: pending, periodStart: now });
        next = { ...next, pending_proration: paid ? 0 : pending };
      } else {
        next = { ...next, pending_proration: pending };
      }
    }
    const row = await this.#save(next, now);
    this.#raiseSubscription('customer.subscription.updated', row, now);
    return toSubscription(row);
  }

  /** The price the subscription moves to when its period ends (none charged now); the same price as now takes the change back. */
  async schedulePrice(subscription: string, price: string): Promise<ProviderSubscription> {
    const current = await this.#existing(subscription);
    const now = this.#now(current.project_id);
    const row = await this.#save({ ...current, scheduled_price: price === current.price ? null : price }, now);
    this.#raiseSubscription('customer.subscription.updated', row, now);
    return toSubscription(row);
  }

  async releaseScheduledPrice(subscription: string): Promise<ProviderSubscription> {
    const current = await this.#existing(subscription);
    if (current.scheduled_price === null) return toSubscription(current);
    const now = this.#now(current.project_id);
    const row = await this.#save({ ...current, scheduled_price: null }, now);
    this.#raiseSubscription('customer.subscription.updated', row, now);
    return toSubscription(row);
  }

  async cancel(subscription: string, atPeriodEnd: boolean): Promise<ProviderSubscription> {
    const current = await this.#existing(subscription);
    const now = this.#now(current.project_id);
    // Already ended: nothing changes (its canceled_at stays when it ended), and no event.
    if (current.status === 'canceled') return toSubscription(current);
    const canceled = decided(current, { type: 'cancel', atPeriodEnd }, now);
    // Ended now: no retry is due any more. Stripe keeps the cancel_at_period_end it had (the
    // lifecycle clears it for the subscriptions Nozle bills itself).
    // A scheduled change is dropped (as Stripe's cancel releases or ends the schedule).
    const next = {
      ...(atPeriodEnd ? canceled : { ...canceled, cancel_at_period_end: current.cancel_at_period_end, next_attempt_at: null }),
      scheduled_price: null,
    };
    const row = await this.#save(next, now);
    this.#raiseSubscription(atPeriodEnd ? 'customer.subscription.updated' : 'customer.subscription.deleted', row, now);
    return toSubscription(row);
  }

  async resume(subscription: string): Promise<ProviderSubscription> {
    const current = await this.#existing(subscription);
    const now = this.#now(current.project_id);
    if (current.status !== 'paused') {
      const row = await this.#save({ ...current, cancel_at_period_end: false }, now);
      this.#raiseSubscription('customer.subscription.updated', row, now);
      return toSubscription(row);
    }
    // As Stripe's resume with billing_cycle_anchor=now: a new period starts, and is charged (its
    // cancel_at_period_end stays as it was, as the sandbox always kept it).
    const price = await this.#price(current.price);
    const resumed = { ...decided(current, { type: 'resume', interval: price.interval }, now), cancel_at_period_end: current.cancel_at_period_end };
    const row = await this.#charge(resumed, price, now, 1);
    this.#raiseSubscription('customer.subscription.resumed', row, now);
    return toSubscription(row);
  }

  async refund(payment: string): Promise<ProviderPayment> {
    const { rows } = await this.#db.query<{ project_id: string }>('update sandbox_payments set refunded = true where id = $1 returning project_id', [payment]);
    const refunded = await this.retrievePayment(payment);
    if (!refunded || !rows[0]) throw new Error(`The sandbox has no payment ${payment}.`);
    const now = this.#now(rows[0].project_id);
    this.#raise('charge.refunded', { id: id('ch'), object: 'charge', customer: refunded.customer, payment_intent: payment, refunded: true }, now);
    return refunded;
  }

  async *listSubscriptions(): AsyncIterable<ProviderSubscription> {
    const { rows } = await this.#db.query<SandboxSubscriptionRow>('select * from sandbox_subscriptions order by seq');
    yield* rows.map(toSubscription);
  }

  async *listPayments(): AsyncIterable<ProviderPayment> {
    const { rows } = await this.#db.query<{ id: string }>('select id from sandbox_payments order by created_at');
    for (const row of rows) {
      const payment = await this.retrievePayment(row.id);
      if (payment) yield payment;
    }
  }

  /**
   * The sandbox "charges" a Nozle invoice at once and answers it paid, whatever the card (the
   * usage of a subscription it bills); paid now through the API (`payNow`), the customer's card
   * decides. It keeps no invoices of its own, so the id it answers is the Nozle invoice's, marked
   * as the sandbox's, and there is nothing to read back later.
   */
  async sendInvoice(invoice: InvoiceToSend): Promise<ProviderInvoice> {
    const starts = invoice.lines.map((line) => line.periodStart.getTime());
    const ends = invoice.lines.map((line) => line.periodEnd.getTime());
    const now = this.#clock.now();
    const paid = !invoice.payNow || (await this.#card(invoice.customer)) === 'succeeds';
    const amount = invoice.lines.reduce((sum, line) => sum + line.amount, 0);
    return {
      id: `in_sbx_${invoice.invoiceId.replace(/^in_/, '')}`,
      customer: invoice.customer,
      status: paid ? 'paid' : 'open',
      nozleInvoice: invoice.invoiceId,
      amountDue: amount,
      amountPaid: paid ? amount : 0,
      currency: invoice.currency,
      subscription: null,
      price: null,
      periodStart: starts.length > 0 ? new Date(Math.min(...starts)) : now,
      periodEnd: ends.length > 0 ? new Date(Math.max(...ends)) : now,
      paidAt: paid ? now : null,
      paymentId: null,
      // Kept nowhere: Nozle counts the attempts of what it charges through the API.
      attemptCount: 1,
      nextPaymentAttempt: null,
      failure: paid ? null : CARD_DECLINED,
    };
  }

  /** An invoice the sandbox charged for one of its subscriptions (those of Nozle's invoices it keeps none of). */
  async retrieveInvoice(invoice: string): Promise<ProviderInvoice | null> {
    const { rows } = await this.#db.query<{
      id: string;
      customer: string;
      subscription: string;
      price: string;
      amount_due: number | string;
      amount_paid: number | string;
      currency: string;
      status: ProviderInvoice['status'];
      period_start: Date;
      period_end: Date;
      created_at: Date;
      attempt_count: number;
      next_payment_attempt: Date | null;
    }>('select * from sandbox_invoices where id = $1', [invoice]);
    const row = rows[0];
    return (
      (row && {
        id: row.id,
        customer: row.customer,
        status: row.status,
        nozleInvoice: null,
        amountDue: Number(row.amount_due),
        amountPaid: Number(row.amount_paid),
        currency: row.currency,
        subscription: row.subscription,
        price: row.price,
        periodStart: row.period_start,
        periodEnd: row.period_end,
        paidAt: row.status === 'paid' ? row.created_at : null,
        paymentId: null,
        attemptCount: Number(row.attempt_count),
        nextPaymentAttempt: row.next_payment_attempt,
        // An open one is a charge the card refused: the sandbox's only way to fail.
        failure: row.status === 'open' ? CARD_DECLINED : null,
      }) ??
      null
    );
  }

  // What the hosted pages do.

  /** Pays a checkout with a test card; answers the decline message when the card is refused. */
  async completeCheckout(session: CheckoutSession, cardNumber: string): Promise<{ ok: true } | { ok: false; message: string }> {
    const card = cardAtCheckout(cardNumber);
    if (!card) return { ok: false, message: 'Use a test card: 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined.' };
    const price = await this.#price(session.price);
    const now = this.#now(price.projectId);
    // Refused even when nothing is charged now (a trial): as Stripe Checkout sets the card up
    // for later charges, a card that is always declined starts no trial.
    if (card.now === 'declines') return { ok: false, message: 'Your card was declined.' };
    await this.setCard(session.customer, card.later);

    if (price.interval === 'one_time') await this.#payOnce(session, price, now);
    else await this.#startSubscription(session, { ...price, interval: price.interval }, now);
    return { ok: true };
  }

  /** A one-time payment at checkout: recorded, and its session completed. */
  async #payOnce(session: CheckoutSession, price: PriceInfo, now: Date): Promise<void> {
    const payment = id('pi');
    await this.#db.query('insert into sandbox_payments (id, project_id, customer, price, amount, currency, created_at) values ($1, $2, $3, $4, $5, $6, $7)', [
      payment,
      price.projectId,
      session.customer,
      session.price,
      price.amount,
      price.currency,
      now,
    ]);
    this.#raise(
      'checkout.session.completed',
      { id: session.providerSessionId, object: 'checkout.session', customer: session.customer, mode: 'payment', payment_intent: payment, subscription: null },
      now,
    );
  }

  /** A subscription started at checkout (with its trial, or its first invoice), and its session completed. */
  async #startSubscription(session: CheckoutSession, price: PriceInfo & { interval: 'month' | 'year' }, now: Date): Promise<void> {
    const started = transition(undefined, { type: 'create', interval: price.interval, trialDays: session.trialDays }, now);
    if (!started.ok) throw new Error(`The sandbox cannot start a subscription to ${session.price}: ${started.refusal}.`);
    const { provider: _none, past_due_since: _never, ...life } = started.state;
    const trialEnd = life.trial_end;
    const row: SandboxSubscriptionRow = {
      id: id('sub'),
      project_id: price.projectId,
      customer: session.customer,
      price: session.price,
      ...life,
      failed_attempts: 0,
      next_attempt_at: null,
      pending_proration: 0,
      scheduled_price: null,
      quantity: session.quantity ?? 1,
      created_at: now,
    };
    await this.#db.query(
      `insert into sandbox_subscriptions (id, project_id, customer, price, status, current_period_start, current_period_end, trial_end, created_at, updated_at,
         quantity)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10)`,
      [row.id, row.project_id, row.customer, row.price, row.status, row.current_period_start, row.current_period_end, row.trial_end, now, row.quantity],
    );
    this.#raiseSubscription('customer.subscription.created', row, now);
    // The checkout's coupon comes off its first charge (Nozle records it on the subscription once the events are processed).
    const first = afterDiscount(periodAmount(price, row), price.currency, await checkoutCoupon(this.#db, session.providerSessionId));
    if (!trialEnd) await this.#raiseInvoice(true, row, price, now, { amount: first });
    this.#raise(
      'checkout.session.completed',
      {
        id: session.providerSessionId,
        object: 'checkout.session',
        customer: session.customer,
        mode: 'subscription',
        subscription: row.id,
        payment_intent: null,
      },
      now,
    );
  }

  /** Sets what the customer's card does from now on; a working card pays what is past due at once. */
  async setCard(customer: string, outcome: CardOutcome): Promise<void> {
    const updated = await this.#db.query<{ project_id: string }>('update sandbox_customers set card = $2 where id = $1 returning project_id', [
      customer,
      outcome,
    ]);
    if (outcome !== 'succeeds' || !updated.rows[0]) return;
    const now = this.#now(updated.rows[0].project_id);
    const { rows } = await this.#db.query<{ id: string }>("select id from sandbox_subscriptions where customer = $1 and status = 'past_due' order by seq", [
      customer,
    ]);
    for (const { id: subscription } of rows) {
      const current = await this.#existing(subscription);
      await this.#charge(current, await this.#price(current.price), now, current.failed_attempts + 1);
    }
  }

  /** Charges the period that starts now, as a renewal does: paid → active; refused → past_due, retried. */
  async #charge(row: SandboxSubscriptionRow, price: PriceInfo, at: Date, attempt: number): Promise<SandboxSubscriptionRow> {
    // A credit from a downgrade is used up first; what is left of it waits for the next charge.
    const due = afterDiscount(periodAmount(price, row), price.currency, await renewalCoupon(this.#db, row.id, at)) + Number(row.pending_proration);
    const amount = Math.max(0, due);
    const paid = amount === 0 || (await this.#card(row.customer)) === 'succeeds';
    const charged = decided(row, { type: 'payment', paid, lastAttempt: attempt >= MAX_ATTEMPTS }, at);
    let next: SandboxSubscriptionRow;
    if (paid) next = { ...charged, failed_attempts: 0, next_attempt_at: null, pending_proration: Math.min(0, due) };
    else if (charged.status === 'canceled') next = { ...charged, failed_attempts: attempt, next_attempt_at: null };
    else next = { ...charged, failed_attempts: attempt, next_attempt_at: new Date(at.getTime() + RETRY_EVERY_DAYS * DAY_MS) };
    await this.#save(next, at);
    await this.#raiseInvoice(paid, next, price, at, { amount, attempt, nextAttemptAt: next.next_attempt_at });
    this.#raiseSubscription(next.status === 'canceled' ? 'customer.subscription.deleted' : 'customer.subscription.updated', next, at);
    return next;
  }

  /**
   * The earliest thing due (a period end, a payment retry), if any, of one project or of all;
   * each project's rows judged by its own test clock, `baseNow` moved ahead by its offset.
   * `skipLocked`: claimed for this transaction, passing over rows another worker holds (the
   * scheduler's workers on every instance share the work that way).
   */
  async nextDue(baseNow: Date, projectId?: string, skipLocked = false): Promise<{ subscription: string; at: Date } | undefined> {
    const { rows } = await this.#db.query<{ id: string; at: Date }>(
      `select id, least(case when status in ('trialing', 'active', 'past_due') then current_period_end end,
                        case when status = 'past_due' then next_attempt_at end) as at
       from sandbox_subscriptions s
       where ($2::text is null or s.project_id = $2)
         and ((status in ('trialing', 'active', 'past_due') and current_period_end <= ${projectNowSql('$1', 's.project_id')})
              or (status = 'past_due' and next_attempt_at <= ${projectNowSql('$1', 's.project_id')}))
       order by at, seq limit 1${skipLocked ? ' for update of s skip locked' : ''}`,
      [baseNow, projectId ?? null],
    );
    return rows[0] && { subscription: rows[0].id, at: rows[0].at };
  }

  /** When the next thing falls due (a period end, a retry), in the server's time (each project's offset taken off); null when nothing will. */
  async nextDueInstant(): Promise<Date | null> {
    const { rows } = await this.#db.query<{ at: Date | null }>(
      `select min(least(case when status in ('trialing', 'active', 'past_due') then current_period_end end,
                        case when status = 'past_due' then next_attempt_at end)
                  - coalesce((select pc.offset_ms from project_clocks pc where pc.project_id = s.project_id), 0) * interval '1 millisecond') as at
       from sandbox_subscriptions s where status in ('trialing', 'active', 'past_due')`,
    );
    return rows[0]?.at ?? null;
  }

  /** Does what fell due for one subscription at `at`: a cancel at period end, a renewal, a retry. */
  async runDue(subscription: string, at: Date): Promise<void> {
    const row = await this.#existing(subscription);
    const live = row.status === 'trialing' || row.status === 'active' || row.status === 'past_due';
    const periodOver = live && row.current_period_end.getTime() <= at.getTime();
    const retryDue = row.status === 'past_due' && row.next_attempt_at !== null && row.next_attempt_at.getTime() <= at.getTime();
    // Checked again now that the row is locked: another run (a second advance, the scheduler)
    // may have done this step since nextDue read it, and must not be charged twice.
    if (!periodOver && !retryDue) return;
    if (periodOver) {
      // Canceled at its end when it was canceling; else the next period starts where this one
      // ended, on the scheduled price when a change was scheduled, and is charged.
      const renewing: SandboxSubscriptionRow = row.scheduled_price ? { ...row, price: row.scheduled_price, scheduled_price: null } : row;
      const price = await this.#price(renewing.price);
      const next = decided(renewing, { type: 'period_ended', interval: price.interval }, at);
      if (next.status === 'canceled') {
        const ended = await this.#save({ ...next, next_attempt_at: null }, at);
        this.#raiseSubscription('customer.subscription.deleted', ended, at);
        return;
      }
      await this.#charge(next, price, row.current_period_end, 1);
      return;
    }
    await this.#charge(row, await this.#price(row.price), at, row.failed_attempts + 1);
  }
}
