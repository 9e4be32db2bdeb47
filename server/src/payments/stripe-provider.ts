// The payment provider over Stripe's API (the real `stripe` package).
import Stripe from 'stripe';
import type {
  CheckoutRequest,
  HostedPage,
  PaymentProvider,
  PriceTerms,
  ProrationBehavior,
  ProviderPayment,
  ProviderSubscription,
} from './provider.js';

const fromUnix = (seconds: number): Date => new Date(seconds * 1000);
const idOf = (value: string | { id: string } | null | undefined): string | null => (value == null ? null : typeof value === 'string' ? value : value.id);

const STATUSES: ReadonlySet<string> = new Set<ProviderSubscription['status']>(['trialing', 'active', 'past_due', 'canceled', 'incomplete', 'incomplete_expired', 'paused', 'unpaid']);

/** A status Stripe adds later gives no access until Nozle knows it. */
const knownStatus = (status: string): ProviderSubscription['status'] => (STATUSES.has(status) ? (status as ProviderSubscription['status']) : 'incomplete');

/** Stripe keeps the billing period on the subscription's item (API 2025-03-31 and later). */
export function toProviderSubscription(sub: Stripe.Subscription): ProviderSubscription {
  const item = sub.items.data[0];
  if (!item) throw new Error(`Stripe subscription ${sub.id} has no items.`);
  return {
    id: sub.id,
    customer: idOf(sub.customer) ?? '',
    price: item.price.id,
    status: knownStatus(sub.status),
    currentPeriodStart: fromUnix(item.current_period_start),
    currentPeriodEnd: fromUnix(item.current_period_end),
    trialEnd: sub.trial_end ? fromUnix(sub.trial_end) : null,
    cancelAtPeriodEnd: sub.cancel_at_period_end,
    canceledAt: sub.canceled_at ? fromUnix(sub.canceled_at) : null,
    created: fromUnix(sub.created),
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
    created: fromUnix(intent.created),
  };
}

export class StripeProvider implements PaymentProvider {
  readonly name = 'stripe' as const;
  readonly #stripe: Stripe;
  readonly #webhookSecret: string;

  constructor(secretKey: string, webhookSecret: string, options: { host?: string; port?: number; protocol?: 'http' | 'https' } = {}) {
    // Stripe's own retries (with its idempotency keys) cover network failures and 5xx answers.
    this.#stripe = new Stripe(secretKey, { maxNetworkRetries: 2, ...options });
    this.#webhookSecret = webhookSecret;
  }

  /** Checks the signature on the raw body; throws when it does not match. */
  verifyWebhook(rawBody: Buffer, signature: string): Stripe.Event {
    return this.#stripe.webhooks.constructEvent(rawBody, signature, this.#webhookSecret);
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
      line_items: [{ price: request.price, quantity: 1 }],
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

  async createPortalSession(input: { customer: string; returnUrl: string }): Promise<HostedPage> {
    const session = await this.#stripe.billingPortal.sessions.create({ customer: input.customer, return_url: input.returnUrl });
    return { id: session.id, url: session.url };
  }

  async retrieveSubscription(id: string): Promise<ProviderSubscription | null> {
    try {
      return toProviderSubscription(await this.#stripe.subscriptions.retrieve(id));
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

  async changePrice(id: string, price: string, proration: ProrationBehavior): Promise<ProviderSubscription> {
    const current = await this.#stripe.subscriptions.retrieve(id);
    const item = current.items.data[0];
    if (!item) throw new Error(`Stripe subscription ${id} has no items.`);
    return toProviderSubscription(await this.#stripe.subscriptions.update(id, { items: [{ id: item.id, price }], proration_behavior: proration }));
  }

  async cancel(id: string, atPeriodEnd: boolean): Promise<ProviderSubscription> {
    const sub = atPeriodEnd ? await this.#stripe.subscriptions.update(id, { cancel_at_period_end: true }) : await this.#stripe.subscriptions.cancel(id);
    return toProviderSubscription(sub);
  }

  async resume(id: string): Promise<ProviderSubscription> {
    const current = await this.#stripe.subscriptions.retrieve(id);
    const sub =
      current.status === 'paused'
        ? await this.#stripe.subscriptions.resume(id)
        : await this.#stripe.subscriptions.update(id, { cancel_at_period_end: false });
    return toProviderSubscription(sub);
  }

  async refund(paymentId: string): Promise<ProviderPayment> {
    await this.#stripe.refunds.create({ payment_intent: paymentId }, { idempotencyKey: `nozle-refund-${paymentId}` });
    const payment = await this.retrievePayment(paymentId);
    if (!payment) throw new Error(`Stripe payment ${paymentId} vanished after its refund.`);
    return payment;
  }

  async *listSubscriptions(): AsyncIterable<ProviderSubscription> {
    for await (const sub of this.#stripe.subscriptions.list({ status: 'all', limit: 100 })) yield toProviderSubscription(sub);
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
