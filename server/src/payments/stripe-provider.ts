// The payment provider over Stripe's API (the real `stripe` package): the one file that knows
// Stripe's types. Its objects and events leave here in Nozle's terms (provider.ts).
import Stripe from 'stripe';
import { unixSeconds } from '../clock.js';
import type { CustomerTaxId } from '../customers/store.js';
import type {
  CheckoutRequest,
  CouponToSend,
  HostedPage,
  InvoiceToSend,
  PaymentProvider,
  PriceTerms,
  PromotionCodeToSend,
  ProrationBehavior,
  ProviderCheckoutSession,
  ProviderDiscount,
  ProviderDiscounts,
  ProviderEvent,
  ProviderInvoice,
  ProviderPayment,
  ProviderSource,
  ProviderSubscription,
  ReceivedEvent,
} from './provider.js';

const fromUnix = (seconds: number): Date => new Date(seconds * 1000);
const idOf = (value: string | { id: string } | null | undefined): string | null => (value == null ? null : typeof value === 'string' ? value : value.id);

const STATUSES: ReadonlySet<string> = new Set<ProviderSubscription['status']>([
  'trialing',
  'active',
  'past_due',
  'canceled',
  'incomplete',
  'incomplete_expired',
  'paused',
  'unpaid',
]);

/** A status Stripe adds later gives no access until Nozle knows it. */
const knownStatus = (status: string): ProviderSubscription['status'] => (STATUSES.has(status) ? (status as ProviderSubscription['status']) : 'incomplete');

const priceOf = (price: string | { id: string }): string => (typeof price === 'string' ? price : price.id);

/**
 * The plan change a subscription schedule will make: the phase that starts when the current
 * one ends, when its price differs from `current`. Nozle makes schedules of two phases only
 * (schedulePrice below); a released or finished schedule changes nothing more.
 */
function scheduledChangeOf(schedule: Stripe.SubscriptionSchedule | null, current: string): ProviderSubscription['scheduledChange'] {
  if (!schedule || (schedule.status !== 'active' && schedule.status !== 'not_started') || !schedule.current_phase) return null;
  const next = schedule.phases.find((phase) => phase.start_date === schedule.current_phase!.end_date);
  const price = next?.items[0]?.price;
  if (!next || !price || priceOf(price) === current) return null;
  return { price: priceOf(price), at: fromUnix(next.start_date) };
}

/** Stripe keeps the billing period on the subscription's item (API 2025-03-31 and later). */
function toProviderSubscription(sub: Stripe.Subscription, schedule: Stripe.SubscriptionSchedule | null = null): ProviderSubscription {
  const item = sub.items.data[0];
  if (!item) throw new Error(`Stripe subscription ${sub.id} has no items.`);
  return {
    id: sub.id,
    customer: idOf(sub.customer) ?? '',
    price: item.price.id,
    status: knownStatus(sub.status),
    currentPeriodStart: fromUnix(item.current_period_start),
    currentPeriodEnd: fromUnix(item.current_period_end),
    billingCycleAnchor: fromUnix(sub.billing_cycle_anchor),
    trialEnd: sub.trial_end ? fromUnix(sub.trial_end) : null,
    cancelAtPeriodEnd: sub.cancel_at_period_end,
    canceledAt: sub.canceled_at ? fromUnix(sub.canceled_at) : null,
    created: fromUnix(sub.created),
    scheduledChange: scheduledChangeOf(schedule, item.price.id),
    quantity: item.quantity ?? 1,
  };
}

function toProviderPayment(intent: Stripe.PaymentIntent): ProviderPayment {
  const charge = typeof intent.latest_charge === 'object' ? intent.latest_charge : null;
  return {
    id: intent.id,
    customer: idOf(intent.customer) ?? '',
    price: intent.metadata['nozle_price'] ?? '',
    paid: intent.status === 'succeeded',
    refunded: charge?.refunded ?? false,
    amount: intent.amount_received,
    amountRefunded: charge?.amount_refunded ?? 0,
    currency: intent.currency,
    created: fromUnix(intent.created),
  };
}

const INVOICE_STATUSES: ReadonlySet<string> = new Set<ProviderInvoice['status']>(['draft', 'open', 'paid', 'uncollectible', 'void']);

function toProviderInvoice(invoice: Stripe.Invoice): ProviderInvoice {
  const lines = invoice.lines?.data ?? [];
  // The period its lines cover (a subscription invoice's own period_start/end are the previous period's).
  const starts = lines.map((line) => line.period.start);
  const ends = lines.map((line) => line.period.end);
  const price = lines.find((line) => line.pricing?.price_details?.price)?.pricing?.price_details?.price;
  return {
    id: invoice.id,
    customer: idOf(invoice.customer) ?? '',
    // A status Stripe adds later counts as not paid.
    status: invoice.status && INVOICE_STATUSES.has(invoice.status) ? (invoice.status as ProviderInvoice['status']) : 'open',
    nozleInvoice: invoice.metadata?.['nozle_invoice'] ?? null,
    amountDue: invoice.amount_due,
    amountPaid: invoice.amount_paid,
    currency: invoice.currency,
    subscription: idOf(invoice.parent?.subscription_details?.subscription),
    price: price ? priceOf(price) : null,
    periodStart: fromUnix(starts.length > 0 ? Math.min(...starts) : invoice.period_start),
    periodEnd: fromUnix(ends.length > 0 ? Math.max(...ends) : invoice.period_end),
    paidAt: invoice.status_transitions?.paid_at ? fromUnix(invoice.status_transitions.paid_at) : invoice.status === 'paid' ? fromUnix(invoice.created) : null,
    // Listed when retrieved with `expand: ['payments']`: the PaymentIntent a charge.refunded names.
    paymentId: idOf(invoice.payments?.data.find((payment) => payment.status === 'paid')?.payment.payment_intent) ?? null,
    attemptCount: invoice.attempt_count,
    nextPaymentAttempt: invoice.next_payment_attempt ? fromUnix(invoice.next_payment_attempt) : null,
    failure: null,
  };
}

/** What a Stripe event is about; the object named is re-read before anything changes. */
function describeEvent(event: Stripe.Event): ProviderEvent {
  const object = event.data.object as unknown as Record<string, unknown>;
  const base = {
    id: event.id,
    type: event.type,
    created: fromUnix(event.created),
    customer: idOf(object['customer'] as string | null),
    subscription: null,
    payment: null,
    invoice: null,
    checkoutSession: null,
  };
  switch (object['object']) {
    case 'subscription':
      return { ...base, subscription: String(object['id']) };
    case 'invoice': {
      const invoice = object as unknown as Stripe.Invoice;
      return { ...base, invoice: invoice.id ?? null, subscription: idOf(invoice.parent?.subscription_details?.subscription) };
    }
    case 'checkout.session': {
      const session = object as unknown as Stripe.Checkout.Session;
      return { ...base, checkoutSession: session.id, subscription: idOf(session.subscription), payment: idOf(session.payment_intent) };
    }
    case 'charge':
      return { ...base, payment: idOf((object as unknown as Stripe.Charge).payment_intent) };
    case 'subscription_schedule': {
      // A schedule's change shows on its subscription (a released one names it as released_subscription).
      const schedule = object as unknown as Stripe.SubscriptionSchedule;
      return { ...base, subscription: idOf(schedule.subscription) ?? schedule.released_subscription ?? null };
    }
    default:
      return base;
  }
}

/** Stripe's discount params: its coupon's or promotion code's id. */
const discountParam = (discount: ProviderDiscount): { coupon: string } | { promotion_code: string } =>
  'coupon' in discount ? { coupon: discount.coupon } : { promotion_code: discount.promotionCode };

// The tax id types Nozle's customers keep (the spec's TaxIdType); another Stripe collects is not copied.
const TAX_ID_TYPES: ReadonlySet<string> = new Set([
  'ae_trn',
  'au_abn',
  'au_arn',
  'br_cnpj',
  'br_cpf',
  'ca_bn',
  'ca_gst_hst',
  'ca_qst',
  'ch_vat',
  'eu_oss_vat',
  'eu_vat',
  'gb_vat',
  'in_gst',
  'jp_cn',
  'kr_brn',
  'mx_rfc',
  'no_vat',
  'nz_gst',
  'sg_gst',
  'us_ein',
  'za_vat',
]);

function toProviderCheckoutSession(session: Stripe.Checkout.Session): ProviderCheckoutSession {
  // Nozle sends one discount, or lets the buyer type one code: the first is the one applied.
  const applied = session.discounts?.[0];
  const details = session.customer_details;
  const address = details?.address;
  return {
    id: session.id,
    subscription: idOf(session.subscription),
    discount: applied ? { coupon: idOf(applied.coupon), promotionCode: idOf(applied.promotion_code) } : null,
    address: address
      ? {
          line1: address.line1 ?? null,
          line2: address.line2 ?? null,
          city: address.city ?? null,
          state: address.state ?? null,
          postal_code: address.postal_code ?? null,
          country: address.country ?? null,
        }
      : null,
    taxIds: (details?.tax_ids ?? []).flatMap((taxId) =>
      TAX_ID_TYPES.has(taxId.type) && taxId.value ? [{ type: taxId.type, value: taxId.value } as CustomerTaxId] : [],
    ),
  };
}

/** Stripe refused or could not be reached (app.ts answers a 502 that says so). */
export const isStripeFailure = (error: unknown): error is Error => error instanceof Stripe.errors.StripeError;

export class StripeProvider implements PaymentProvider, ProviderSource {
  readonly name = 'stripe' as const;
  readonly #stripe: Stripe;
  readonly #webhookSecret: string;

  constructor(secretKey: string, webhookSecret: string, options: { host?: string; port?: number; protocol?: 'http' | 'https' } = {}) {
    // Stripe's own retries (with its idempotency keys) cover network failures and 5xx answers.
    this.#stripe = new Stripe(secretKey, { maxNetworkRetries: 2, ...options });
    this.#webhookSecret = webhookSecret;
  }

  /** Stripe is reached over the network, never through Nozle's database, and raises no events here. */
  bind(): PaymentProvider {
    return this;
  }

  /** Checks the signature on the raw body; throws when it does not match. */
  verifyWebhook(rawBody: Buffer, signature: string): ReceivedEvent {
    const event = this.#stripe.webhooks.constructEvent(rawBody, signature, this.#webhookSecret);
    return { event: describeEvent(event), payload: event };
  }

  /** A stored payload is the event Stripe sent (the sandbox's stored in the same shape read alike). */
  readEvent(payload: object): ProviderEvent {
    return describeEvent(payload as Stripe.Event);
  }

  async createCustomer(input: { projectId: string; customerId: string; email: string | null; name: string | null }): Promise<string> {
    const customer = await this.#stripe.customers.create(
      {
        ...(input.email ? { email: input.email } : {}),
        ...(input.name ? { name: input.name } : {}),
        metadata: { nozle_project: input.projectId, nozle_customer: input.customerId },
      },
      // A retried checkout maps to the same Stripe customer, not a second one.
      { idempotencyKey: `nozle-customer-${input.customerId}` },
    );
    return customer.id;
  }

  async ensurePrice(terms: PriceTerms): Promise<string> {
    const found = await this.#stripe.prices.list({ lookup_keys: [terms.lookupKey], limit: 1 });
    if (found.data[0]) return found.data[0].id;
    const product = await this.#stripe.products.create(
      { name: terms.productName, metadata: terms.metadata },
      { idempotencyKey: `nozle-product-${terms.lookupKey}` },
    );
    const price = await this.#stripe.prices.create(
      {
        product: product.id,
        currency: terms.currency,
        unit_amount: terms.unitAmount,
        lookup_key: terms.lookupKey,
        metadata: terms.metadata,
        ...(terms.interval === 'one_time' ? {} : { recurring: { interval: terms.interval } }),
      },
      { idempotencyKey: `nozle-price-${terms.lookupKey}` },
    );
    return price.id;
  }

  async createCheckoutSession(request: CheckoutRequest): Promise<HostedPage> {
    const session = await this.#stripe.checkout.sessions.create({
      mode: request.mode,
      customer: request.customer,
      ...(request.discount ? { discounts: [discountParam(request.discount)] } : {}),
      ...(request.allowPromotionCodes ? { allow_promotion_codes: true } : {}),
      // Stripe Tax: the address it taxes by and the buyer's tax ids are collected, and kept on the Stripe customer.
      ...(request.automaticTax
        ? {
            automatic_tax: { enabled: true },
            billing_address_collection: 'required' as const,
            tax_id_collection: { enabled: true },
            customer_update: { address: 'auto' as const, name: 'auto' as const },
          }
        : {}),
      line_items: [
        { price: request.price, quantity: request.quantity, ...(request.adjustableQuantity ? { adjustable_quantity: request.adjustableQuantity } : {}) },
      ],
      success_url: request.successUrl,
      cancel_url: request.cancelUrl,
      metadata: request.metadata,
      // Stripe's own default (24 hours) rather than ours: its clock decides what it accepts.
      ...(request.mode === 'subscription'
        ? { subscription_data: { metadata: request.metadata, ...(request.trialDays > 0 ? { trial_period_days: request.trialDays } : {}) } }
        : { payment_intent_data: { metadata: { ...request.metadata, nozle_price: request.price } } }),
    });
    if (!session.url) throw new Error(`Stripe checkout session ${session.id} has no url.`);
    return { id: session.id, url: session.url };
  }

  async retrieveCheckoutSession(id: string): Promise<ProviderCheckoutSession | null> {
    try {
      return toProviderCheckoutSession(await this.#stripe.checkout.sessions.retrieve(id));
    } catch (error) {
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) return null;
      throw error;
    }
  }

  readonly discounts: ProviderDiscounts = {
    createCoupon: async (coupon: CouponToSend): Promise<string> => {
      const made = await this.#stripe.coupons.create(
        {
          ...(coupon.name ? { name: coupon.name } : {}),
          ...(coupon.percentOff !== null ? { percent_off: coupon.percentOff } : {}),
          ...(coupon.amountOff !== null && coupon.currency !== null ? { amount_off: coupon.amountOff, currency: coupon.currency } : {}),
          ...(Object.keys(coupon.currencyOptions).length > 0 ? { currency_options: coupon.currencyOptions } : {}),
          duration: coupon.duration,
          ...(coupon.durationInMonths !== null ? { duration_in_months: coupon.durationInMonths } : {}),
          ...(coupon.maxRedemptions !== null ? { max_redemptions: coupon.maxRedemptions } : {}),
          ...(coupon.redeemBy !== null ? { redeem_by: unixSeconds(coupon.redeemBy) } : {}),
          ...(coupon.products !== null ? { applies_to: { products: coupon.products } } : {}),
          metadata: coupon.metadata,
        },
        { idempotencyKey: coupon.key },
      );
      return made.id;
    },
    createPromotionCode: async (code: PromotionCodeToSend): Promise<string> => {
      const restrictions = {
        ...(code.firstTimeTransaction ? { first_time_transaction: true } : {}),
        ...(code.minimumAmount !== null && code.minimumAmountCurrency !== null
          ? { minimum_amount: code.minimumAmount, minimum_amount_currency: code.minimumAmountCurrency }
          : {}),
      };
      const made = await this.#stripe.promotionCodes.create(
        {
          promotion: { type: 'coupon', coupon: code.coupon },
          code: code.code,
          ...(code.maxRedemptions !== null ? { max_redemptions: code.maxRedemptions } : {}),
          ...(code.expiresAt !== null ? { expires_at: unixSeconds(code.expiresAt) } : {}),
          ...(code.customer !== null ? { customer: code.customer } : {}),
          ...(Object.keys(restrictions).length > 0 ? { restrictions } : {}),
          metadata: code.metadata,
        },
        { idempotencyKey: code.key },
      );
      return made.id;
    },
    productOf: async (price: string): Promise<string> => {
      const found = await this.#stripe.prices.retrieve(price);
      return typeof found.product === 'string' ? found.product : found.product.id;
    },
    setSubscriptionDiscount: async (id: string, discount: ProviderDiscount | null): Promise<ProviderSubscription> =>
      // An empty value clears Stripe's discounts.
      this.#read(await this.#stripe.subscriptions.update(id, { discounts: discount ? [discountParam(discount)] : '' })),
  };

  async createPortalSession(input: { customer: string; returnUrl: string }): Promise<HostedPage> {
    const session = await this.#stripe.billingPortal.sessions.create({ customer: input.customer, return_url: input.returnUrl });
    return { id: session.id, url: session.url };
  }

  async retrieveSubscription(id: string): Promise<ProviderSubscription | null> {
    try {
      return await this.#read(await this.#stripe.subscriptions.retrieve(id));
    } catch (error) {
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) return null;
      throw error;
    }
  }

  async retrievePayment(id: string): Promise<ProviderPayment | null> {
    try {
      return toProviderPayment(await this.#stripe.paymentIntents.retrieve(id, { expand: ['latest_charge'] }));
    } catch (error) {
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) return null;
      throw error;
    }
  }

  /** The subscription in Nozle's terms, with the change its schedule (if any) will make. */
  async #read(sub: Stripe.Subscription): Promise<ProviderSubscription> {
    const schedule =
      sub.schedule === null ? null : typeof sub.schedule === 'string' ? await this.#stripe.subscriptionSchedules.retrieve(sub.schedule) : sub.schedule;
    return toProviderSubscription(sub, schedule);
  }

  /** Releases the subscription's schedule, if it has one: the subscription stays as it is now, and changes no more by itself. */
  async #release(sub: Stripe.Subscription): Promise<void> {
    const schedule = idOf(sub.schedule);
    if (!schedule) return;
    const current = await this.#stripe.subscriptionSchedules.retrieve(schedule);
    if (current.status === 'active' || current.status === 'not_started') await this.#stripe.subscriptionSchedules.release(schedule);
  }

  /** The subscription item swapped to `price` (a scheduled change dropped first: a swap now replaces it). */
  async changePrice(id: string, price: string, proration: ProrationBehavior): Promise<ProviderSubscription> {
    const current = await this.#stripe.subscriptions.retrieve(id);
    const item = current.items.data[0];
    if (!item) throw new Error(`Stripe subscription ${id} has no items.`);
    await this.#release(current);
    return this.#read(await this.#stripe.subscriptions.update(id, { items: [{ id: item.id, price }], proration_behavior: proration }));
  }

  /**
   * A subscription schedule of two phases: the current price until the period ends, then
   * `price` (one period; the schedule is then released, and the subscription renews on it).
   * Its own schedule is reused when it has one.
   */
  async schedulePrice(id: string, price: string): Promise<ProviderSubscription> {
    const current = await this.#stripe.subscriptions.retrieve(id);
    const item = current.items.data[0];
    if (!item) throw new Error(`Stripe subscription ${id} has no items.`);
    const scheduleId =
      idOf(current.schedule) ??
      (await this.#stripe.subscriptionSchedules.create({ from_subscription: id }, { idempotencyKey: `nozle-schedule-${id}-${item.current_period_start}` })).id;
    const schedule = await this.#stripe.subscriptionSchedules.retrieve(scheduleId);
    await this.#stripe.subscriptionSchedules.update(scheduleId, {
      end_behavior: 'release',
      proration_behavior: 'none',
      phases: [
        {
          items: [{ price: item.price.id, quantity: 1 }],
          start_date: schedule.current_phase?.start_date ?? item.current_period_start,
          end_date: item.current_period_end,
        },
        { items: [{ price, quantity: 1 }] },
      ],
    });
    return this.#read(await this.#stripe.subscriptions.retrieve(id));
  }

  async releaseScheduledPrice(id: string): Promise<ProviderSubscription> {
    const current = await this.#stripe.subscriptions.retrieve(id);
    await this.#release(current);
    return this.#read(await this.#stripe.subscriptions.retrieve(id));
  }

  async cancel(id: string, atPeriodEnd: boolean): Promise<ProviderSubscription> {
    // Stripe refuses a cancel at period end on a subscription its schedule manages: the scheduled change goes first.
    if (atPeriodEnd) await this.#release(await this.#stripe.subscriptions.retrieve(id));
    const sub = atPeriodEnd ? await this.#stripe.subscriptions.update(id, { cancel_at_period_end: true }) : await this.#stripe.subscriptions.cancel(id);
    return this.#read(sub);
  }

  async resume(id: string): Promise<ProviderSubscription> {
    const current = await this.#stripe.subscriptions.retrieve(id);
    const sub =
      current.status === 'paused' ? await this.#stripe.subscriptions.resume(id) : await this.#stripe.subscriptions.update(id, { cancel_at_period_end: false });
    return this.#read(sub);
  }

  async refund(paymentId: string): Promise<ProviderPayment> {
    await this.#stripe.refunds.create({ payment_intent: paymentId }, { idempotencyKey: `nozle-refund-${paymentId}` });
    const payment = await this.retrievePayment(paymentId);
    if (!payment) throw new Error(`Stripe payment ${paymentId} vanished after its refund.`);
    return payment;
  }

  async *listSubscriptions(): AsyncIterable<ProviderSubscription> {
    for await (const sub of this.#stripe.subscriptions.list({ status: 'all', limit: 100 })) yield await this.#read(sub);
  }

  /**
   * A draft Stripe invoice first, then one invoice item per line attached to it (`invoice`),
   * then finalized: Stripe collects it from the customer's default payment method. Attaching
   * the items to the invoice, with the invoice made to exclude pending items, keeps both ways
   * apart: this invoice takes none of the customer's other pending items (as
   * `pending_invoice_items_behavior: 'include'` would), and its items wait for no other invoice.
   *
   * Every call has an idempotency key derived from the Nozle invoice (and line), so sending the
   * same invoice again, after a crash before Nozle stored the answer, makes no second invoice or
   * item and answers the same Stripe invoice. Stripe keeps keys for 24 hours; the billing job
   * retries every minute, well within that.
   */
  async sendInvoice(invoice: InvoiceToSend): Promise<ProviderInvoice> {
    const key = invoice.idempotencyKey ?? `nozle-invoice-${invoice.invoiceId}`;
    const draft = await this.#stripe.invoices.create(
      {
        customer: invoice.customer,
        currency: invoice.currency,
        collection_method: 'charge_automatically',
        // Paid now through the API: charged once here, and again only when asked (no retries of Stripe's own).
        auto_advance: !invoice.payNow,
        pending_invoice_items_behavior: 'exclude',
        ...(invoice.automaticTax ? { automatic_tax: { enabled: true } } : {}),
        metadata: { nozle_invoice: invoice.invoiceId },
      },
      { idempotencyKey: key },
    );
    for (const line of invoice.lines) {
      if (line.amount === 0) continue;
      await this.#stripe.invoiceItems.create(
        {
          customer: invoice.customer,
          invoice: draft.id,
          amount: line.amount,
          currency: invoice.currency,
          description: line.description,
          period: { start: unixSeconds(line.periodStart), end: unixSeconds(line.periodEnd) },
          metadata: { nozle_invoice: invoice.invoiceId, nozle_line: String(line.position) },
        },
        { idempotencyKey: `${key}-line-${line.position}` },
      );
    }
    const finalized = await this.#stripe.invoices.finalizeInvoice(draft.id, {}, { idempotencyKey: `${key}-finalize` });
    if (!invoice.payNow || finalized.status !== 'open') return toProviderInvoice(finalized);
    return this.#payNow(finalized.id, invoice.idempotencyKey === undefined ? undefined : `${key}-pay`);
  }

  /** Charges the customer's default payment method for an open invoice; a decline answers it still open, with Stripe's reason. */
  async #payNow(id: string, idempotencyKey: string | undefined): Promise<ProviderInvoice> {
    try {
      // Without a key each call is a new attempt (a declined card may have been replaced); with one, a retry is the same charge.
      return toProviderInvoice(await this.#stripe.invoices.pay(id, {}, idempotencyKey === undefined ? {} : { idempotencyKey }));
    } catch (error) {
      if (!(error instanceof Stripe.errors.StripeCardError)) throw error;
      return { ...toProviderInvoice(await this.#stripe.invoices.retrieve(id)), failure: { code: error.code ?? 'card_declined', message: error.message } };
    }
  }

  async retrieveInvoice(id: string): Promise<ProviderInvoice | null> {
    try {
      return toProviderInvoice(await this.#stripe.invoices.retrieve(id, { expand: ['payments'] }));
    } catch (error) {
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) return null;
      throw error;
    }
  }

  async *listPayments(): AsyncIterable<ProviderPayment> {
    for await (const session of this.#stripe.checkout.sessions.list({ status: 'complete', limit: 100 })) {
      const intent = idOf(session.payment_intent);
      if (session.mode !== 'payment' || !intent || !session.metadata?.['nozle_project']) continue;
      const payment = await this.retrievePayment(intent);
      if (payment) yield payment;
    }
  }
}
