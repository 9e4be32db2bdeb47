// The one interface Nozle uses to move money: Stripe when configured, the sandbox otherwise.
// Objects and events come back normalized, so the processing path (events.ts, sync.ts) never
// sees which one it was: only stripe-provider.ts knows Stripe's types.
import type { DeclineReason, InvoiceLineToSend } from '../billing/invoice-collector.js';
import type { CustomerAddress, CustomerTaxId } from '../customers/store.js';
import type { Queryable } from '../db/database.js';

import type { ProrationBehavior } from '../access/ports.js';
import type { ProviderName } from '../access/subscriptions-store.js';

// Named by the access slice (its ports and its rows); the names are the same here.
export type { ProrationBehavior, ProviderName };

/** A subscription's state as the provider holds it now. */
export interface ProviderSubscription {
  id: string;
  customer: string;
  price: string;
  status: 'trialing' | 'active' | 'past_due' | 'canceled' | 'incomplete' | 'incomplete_expired' | 'paused' | 'unpaid';
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
  /** Where its periods are counted from (Stripe's billing_cycle_anchor). */
  billingCycleAnchor: Date;
  trialEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  canceledAt: Date | null;
  created: Date;
  /**
   * A plan change the provider will make at `at` (the period's end): Stripe's subscription
   * schedule's next phase, the sandbox's pending change; null when none is scheduled.
   */
  scheduledChange: { price: string; at: Date } | null;
  /** Seats: the quantity of its (one) item. */
  quantity: number;
}

/** A one-time payment (a purchase) as the provider holds it now. */
export interface ProviderPayment {
  id: string;
  customer: string;
  price: string;
  /** Whether it has succeeded (a purchase exists only for a paid payment). */
  paid: boolean;
  /** Fully refunded; a partial refund keeps the purchase. */
  refunded: boolean;
  /** What was taken, and what of it was given back, in minor units of `currency`. */
  amount: number;
  amountRefunded: number;
  currency: string;
  created: Date;
}

export interface PriceTerms {
  /** Unique per plan version, so the same price is found again rather than made twice. */
  lookupKey: string;
  productName: string;
  currency: string;
  unitAmount: number;
  interval: 'month' | 'year' | 'one_time';
  metadata: Record<string, string>;
}

export interface CheckoutRequest {
  customer: string;
  price: string;
  mode: 'subscription' | 'payment';
  trialDays: number;
  /** Seats of a per-seat plan (1 otherwise). */
  quantity: number;
  /** Lets the buyer change the quantity on the provider's page, within bounds (Stripe's `adjustable_quantity`). */
  adjustableQuantity?: { enabled: boolean; minimum?: number; maximum?: number };
  /** A discount applied to what the checkout starts (the provider's coupon or promotion code). */
  discount?: ProviderDiscount;
  /** The buyer may type a promotion code on the page (never with `discount`). */
  allowPromotionCodes?: boolean;
  /** Stripe Tax computes the tax, from the billing address and tax ids the page collects (the project's `automatic_tax`). */
  automaticTax?: boolean;
  successUrl: string;
  cancelUrl: string;
  /** Written onto the session (and its subscription or payment) for the webhook to find. */
  metadata: Record<string, string>;
}

/** A discount as the provider names it: its coupon's or its promotion code's id. */
export type ProviderDiscount = { coupon: string } | { promotionCode: string };

/** A checkout session as the provider holds it now: what it applied, and what the buyer entered. */
export interface ProviderCheckoutSession {
  id: string;
  subscription: string | null;
  /** The discount applied (the provider's ids); null when none was. */
  discount: { coupon: string | null; promotionCode: string | null } | null;
  /** The billing address and tax ids the buyer entered (null and [] when none were collected). */
  address: CustomerAddress | null;
  taxIds: CustomerTaxId[];
}

/** A Nozle coupon, to be made at the provider (Stripe) once; `key` roots its idempotency key. */
export interface CouponToSend {
  key: string;
  name: string | null;
  percentOff: number | null;
  amountOff: number | null;
  currency: string | null;
  currencyOptions: Record<string, { amount_off: number }>;
  duration: 'once' | 'repeating' | 'forever';
  durationInMonths: number | null;
  maxRedemptions: number | null;
  redeemBy: Date | null;
  /** The provider's products it is restricted to; null for everything. */
  products: string[] | null;
  metadata: Record<string, string>;
}

/** A Nozle promotion code, to be made at the provider once, for the provider's coupon. */
export interface PromotionCodeToSend {
  key: string;
  coupon: string;
  code: string;
  maxRedemptions: number | null;
  expiresAt: Date | null;
  /** The provider's customer it is restricted to. */
  customer: string | null;
  firstTimeTransaction: boolean;
  minimumAmount: number | null;
  minimumAmountCurrency: string | null;
  metadata: Record<string, string>;
}

export interface HostedPage {
  id: string;
  url: string;
}

/** A finalized Nozle invoice, to be charged by the provider. */
export interface InvoiceToSend {
  /** The Nozle invoice's id: written on the provider's invoice, and the root of its idempotency keys. */
  invoiceId: string;
  /** The provider's customer id. */
  customer: string;
  currency: string;
  /** The lines with an amount (lines of 0 are not sent). */
  lines: InvoiceLineToSend[];
  /**
   * Charge the customer's saved payment method now (an invoice Nozle collects, paid through the
   * API): a refusal answers the invoice `open`, and the provider does not retry it on its own.
   */
  payNow?: boolean;
  /** The root of its idempotency keys (the payment's too) instead of one derived from `invoiceId`: see InvoiceToCollect. */
  idempotencyKey?: string;
  /** Stripe Tax taxes it (the project's `automatic_tax`). */
  automaticTax?: boolean;
}

/** An invoice as the provider holds it now. */
export interface ProviderInvoice {
  id: string;
  customer: string;
  status: 'draft' | 'open' | 'paid' | 'uncollectible' | 'void';
  /** The Nozle invoice it was sent for, when Nozle sent it. */
  nozleInvoice: string | null;
  /** What it asks for, and what the provider collected, in minor units of `currency`. */
  amountDue: number;
  amountPaid: number;
  currency: string;
  /** The provider's subscription it bills, when it bills one. */
  subscription: string | null;
  /** The price of its subscription line, when the provider names it. */
  price: string | null;
  /** The period its lines cover. */
  periodStart: Date;
  periodEnd: Date;
  /** When it was paid; null until then. */
  paidAt: Date | null;
  /** The provider's payment that paid it (Stripe: its PaymentIntent), which a refund names; null when unknown. */
  paymentId: string | null;
  /** How many times the provider tried to collect it (0 before the first). */
  attemptCount: number;
  /** When the provider tries again on its own; null when it will not. */
  nextPaymentAttempt: Date | null;
  /** Why its last attempt was refused, when the provider's answer said (Stripe's invoice does not: its PaymentIntent does). */
  failure: DeclineReason | null;
}

/**
 * What a provider event is about: Nozle's own description, whichever provider sent it, read
 * from the provider's payload. Processing re-reads the object
 * itself from the provider (see sync.ts), so the payload's own copy is never trusted for state.
 */
export interface ProviderEvent {
  id: string;
  type: string;
  created: Date;
  /** The provider's customer id, when the event names one. */
  customer: string | null;
  subscription: string | null;
  payment: string | null;
  /** For invoice events: the provider's invoice. */
  invoice: string | null;
  /** For checkout.session.completed: the session. */
  checkoutSession: string | null;
}

/** An event as a provider delivered it: what it is about, and its own body (stored as it came). */
export interface ReceivedEvent {
  event: ProviderEvent;
  payload: object;
}

/** Where a provider's events go once the work that raised them has committed. */
export type EventSink = (events: ReceivedEvent[]) => Promise<void>;

/**
 * The provider this server is set up with. Stripe's calls leave the process, so it is its own
 * binding; the sandbox keeps its objects in Nozle's database and works within the caller's
 * transaction, raising its events through `emit` (they are delivered once it commits).
 */
export interface ProviderSource {
  readonly name: ProviderName;
  bind(db: Queryable, emit: (event: ReceivedEvent) => void): PaymentProvider;
}

export interface PaymentProvider {
  readonly name: ProviderName;
  /**
   * Checks a webhook delivery's signature on its exact bytes and reads it; throws when it does
   * not match. Absent for a provider that sends no webhooks (the sandbox raises its events in process).
   */
  verifyWebhook?(rawBody: Buffer, signature: string): ReceivedEvent;
  /** Reads back the stored payload of an event this provider delivered (to try it again). */
  readEvent(payload: object): ProviderEvent;
  createCustomer(input: { projectId: string; customerId: string; email: string | null; name: string | null }): Promise<string>;
  /** Finds the price by its lookup key or makes it. */
  ensurePrice(terms: PriceTerms): Promise<string>;
  createCheckoutSession(request: CheckoutRequest): Promise<HostedPage>;
  /** The checkout session as the provider holds it now; null when it has none by that id. */
  retrieveCheckoutSession(id: string): Promise<ProviderCheckoutSession | null>;
  createPortalSession(input: { customer: string; returnUrl: string }): Promise<HostedPage>;
  retrieveSubscription(id: string): Promise<ProviderSubscription | null>;
  retrievePayment(id: string): Promise<ProviderPayment | null>;
  /** Moves the subscription to another price now, prorated as the provider does it (a scheduled change is dropped first). */
  changePrice(id: string, price: string, proration: ProrationBehavior): Promise<ProviderSubscription>;
  /** Moves the subscription to another price at its period's end (Stripe: a subscription schedule of two phases). */
  schedulePrice(id: string, price: string): Promise<ProviderSubscription>;
  /** Takes back the change `schedulePrice` made (Stripe: releases the schedule); nothing when none is scheduled. */
  releaseScheduledPrice(id: string): Promise<ProviderSubscription>;
  cancel(id: string, atPeriodEnd: boolean): Promise<ProviderSubscription>;
  /** Undoes a cancel at period end, or resumes a paused subscription. */
  resume(id: string): Promise<ProviderSubscription>;
  refund(paymentId: string): Promise<ProviderPayment>;
  /** Every subscription the provider holds (for reconciliation). */
  listSubscriptions(): AsyncIterable<ProviderSubscription>;
  /** Every paid one-time payment made through Nozle's checkout (for reconciliation). */
  listPayments(): AsyncIterable<ProviderPayment>;
  /**
   * Sends a finalized Nozle invoice to be charged, and answers the provider's invoice. Safe to
   * call again for the same invoice (after a crash before its answer was stored): the same
   * provider invoice comes back, nothing is charged twice.
   */
  sendInvoice(invoice: InvoiceToSend): Promise<ProviderInvoice>;
  retrieveInvoice(id: string): Promise<ProviderInvoice | null>;
  /**
   * A provider that keeps coupons of its own (Stripe) has these; the sandbox reads Nozle's.
   * Each answers the provider's id, the same one again when called again for the same key.
   */
  discounts?: ProviderDiscounts;
}

export interface ProviderDiscounts {
  createCoupon(coupon: CouponToSend): Promise<string>;
  createPromotionCode(code: PromotionCodeToSend): Promise<string>;
  /** The product a price of this provider sells (a coupon's `applies_to`). */
  productOf(price: string): Promise<string>;
  /** Replaces the subscription's discount (null removes it). */
  setSubscriptionDiscount(id: string, discount: ProviderDiscount | null): Promise<ProviderSubscription>;
}
