// A Stripe account for tests: msw answers the real `stripe` package's HTTP calls from the
// state held here, with objects shaped from Stripe's fixtures. Ids are derived from what was
// asked (email, product name), so two servers talking to it share one "account".
import { http, HttpResponse, type HttpHandler } from 'msw';
import type Stripe from 'stripe';
import { fromFixture, stripeSchedule, stripeSubscription, type ScheduleState, type SubscriptionState } from './stripe-objects.js';

type Params = Record<string, unknown>;

/** Stripe's form encoding (`a[b][0][c]=x`) back into nested objects. */
function parseStripeForm(body: string): Params {
  const out: Params = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replace(/\]/g, '').split('[');
    let at: Params = out;
    path.forEach((part, index) => {
      if (index === path.length - 1) at[part] = value;
      else at = (at[part] ??= {}) as Params;
    });
  }
  return out;
}

export interface PaymentState {
  id: string;
  customer: string;
  /** The checkout's price (its metadata); absent for the payment of a subscription invoice. */
  price?: string;
  status: 'succeeded' | 'requires_payment_method';
  refunded: boolean;
  created: number;
  /** What was taken, in minor units of usd (Stripe's example amount when absent). */
  amount?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  params: Params;
  /** The Idempotency-Key header, when sent. */
  idempotencyKey: string | null;
}

const STRIPE = 'https://api.stripe.com';
// Across every account of a test run: a server keeps ids from an earlier test's account.
let seq = 0;
const notFound = (id: string) =>
  HttpResponse.json({ error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such object: '${id}'` } }, { status: 404 });

export class StripeAccount {
  readonly subscriptions = new Map<string, SubscriptionState>();
  readonly schedules = new Map<string, ScheduleState>();
  readonly payments = new Map<string, PaymentState>();
  readonly prices = new Map<string, Stripe.Price>();
  readonly sessions = new Map<string, Stripe.Checkout.Session>();
  readonly invoices = new Map<string, Stripe.Invoice>();
  readonly invoiceItems = new Map<string, Stripe.InvoiceItem>();
  readonly coupons = new Map<string, Stripe.Coupon>();
  readonly promotionCodes = new Map<string, Stripe.PromotionCode>();
  readonly requests: RecordedRequest[] = [];
  /** Answers already given to a POST with an idempotency key: Stripe answers a repeat with the same. */
  readonly #idempotent = new Map<string, unknown>();
  /** Answers 500 to this many subscription reads before answering again. */
  failSubscriptionReads = 0;
  /** Customers whose default payment method Stripe declines (`POST /v1/invoices/{id}/pay` answers a card_error). */
  readonly declines = new Set<string>();

  /** Stripe's "now" in Unix seconds: the test's clock, so Stripe and Nozle agree on time. */
  readonly now: () => number;

  constructor(clock: { now(): Date } = { now: () => new Date() }) {
    this.now = () => Math.floor(clock.now().getTime() / 1000);
  }

  requestsTo(method: string, path: string | RegExp): RecordedRequest[] {
    return this.requests.filter((request) => request.method === method && (typeof path === 'string' ? request.path === path : path.test(request.path)));
  }

  subscription(id: string): Stripe.Subscription {
    const state = this.subscriptions.get(id);
    if (!state) throw new Error(`no subscription ${id}`);
    return stripeSubscription(state);
  }

  update(id: string, changes: Partial<SubscriptionState>): Stripe.Subscription {
    const state = this.subscriptions.get(id);
    if (!state) throw new Error(`no subscription ${id}`);
    Object.assign(state, changes);
    return stripeSubscription(state);
  }

  paymentIntent(id: string): Stripe.PaymentIntent {
    const state = this.payments.get(id);
    if (!state) throw new Error(`no payment ${id}`);
    const charge = fromFixture<Stripe.Charge>('charge', {
      id: `ch_${id.slice(3)}`,
      payment_intent: id,
      customer: state.customer,
      refunded: state.refunded,
      paid: true,
      ...(state.amount === undefined ? {} : { amount: state.amount, amount_refunded: state.refunded ? state.amount : 0 }),
    });
    return fromFixture<Stripe.PaymentIntent>('payment_intent', {
      id,
      customer: state.customer,
      status: state.status,
      created: state.created,
      latest_charge: charge,
      metadata: state.price === undefined ? {} : { nozle_price: state.price },
      ...(state.amount === undefined ? {} : { amount: state.amount, amount_received: state.amount, currency: 'usd' }),
    });
  }

  schedule(id: string): Stripe.SubscriptionSchedule {
    const state = this.schedules.get(id);
    if (!state) throw new Error(`no schedule ${id}`);
    return stripeSchedule(state, this.now());
  }

  /**
   * What Stripe does when a schedule's phase ends with the subscription's period: the next
   * phase's price takes over for a new period (and, at the end of its last phase, the schedule
   * is released as its end_behavior says).
   */
  enterNextPhase(subscription: string): Stripe.Subscription {
    const sub = this.subscriptions.get(subscription);
    const schedule = sub?.schedule ? this.schedules.get(sub.schedule) : undefined;
    if (!sub || !schedule) throw new Error(`no schedule on ${subscription}`);
    const next = schedule.phases.find((phase) => phase.start === sub.periodEnd);
    if (!next) throw new Error(`no phase of ${schedule.id} starts at the end of the period`);
    const length = sub.periodEnd - sub.periodStart;
    Object.assign(sub, { price: next.price, periodStart: sub.periodEnd, periodEnd: sub.periodEnd + length });
    if (next === schedule.phases.at(-1)) next.end = sub.periodEnd;
    return stripeSubscription(sub);
  }

  /** The customer's invoice items attached to `invoice`, in the order they were made. */
  itemsOf(invoice: string): Stripe.InvoiceItem[] {
    return [...this.invoiceItems.values()].filter((item) => item.invoice === invoice);
  }

  /** What Stripe does when it collects an open invoice: it is paid. */
  payInvoice(id: string): Stripe.Invoice {
    const invoice = this.invoices.get(id);
    if (!invoice) throw new Error(`no invoice ${id}`);
    Object.assign(invoice, { status: 'paid', amount_paid: invoice.amount_due, amount_remaining: 0 });
    return structuredClone(invoice);
  }

  handlers(): HttpHandler[] {
    const read = async (request: Request): Promise<Params> => {
      const url = new URL(request.url);
      const params = request.method === 'GET' || request.method === 'DELETE' ? parseStripeForm(url.search.slice(1)) : parseStripeForm(await request.text());
      this.requests.push({ method: request.method, path: url.pathname, params, idempotencyKey: request.headers.get('idempotency-key') });
      return params;
    };
    /** A POST answered once per idempotency key: a repeat gets the first answer, and changes nothing. */
    const idempotent = async (request: Request, answer: (params: Params) => Response | Promise<Response>): Promise<Response> => {
      const key = request.headers.get('idempotency-key');
      const params = await read(request);
      const seen = key ? this.#idempotent.get(`${new URL(request.url).pathname} ${key}`) : undefined;
      if (seen) return HttpResponse.json(seen);
      const response = await answer(params);
      if (key && response.ok) this.#idempotent.set(`${new URL(request.url).pathname} ${key}`, await response.clone().json());
      return response;
    };
    const invoiceError = (message: string) =>
      HttpResponse.json({ error: { type: 'invalid_request_error', code: 'invoice_not_editable', message } }, { status: 400 });
    return [
      http.post(`${STRIPE}/v1/invoices`, ({ request }) =>
        idempotent(request, (params) => {
          const id = `in_test_${++seq}`;
          const invoice = fromFixture<Stripe.Invoice>('invoice', {
            id,
            customer: params['customer'],
            currency: params['currency'] ?? 'usd',
            collection_method: params['collection_method'] ?? 'charge_automatically',
            auto_advance: params['auto_advance'] === 'true',
            status: 'draft',
            metadata: params['metadata'] ?? {},
            parent: null,
            created: this.now(),
            amount_due: 0,
            amount_paid: 0,
            amount_remaining: 0,
            subtotal: 0,
            total: 0,
            lines: { object: 'list', data: [], has_more: false, url: `/v1/invoices/${id}/lines` },
          });
          this.invoices.set(id, invoice);
          return HttpResponse.json(invoice);
        }),
      ),
      http.post(`${STRIPE}/v1/invoiceitems`, ({ request }) =>
        idempotent(request, (params) => {
          const invoice = params['invoice'] ? this.invoices.get(String(params['invoice'])) : undefined;
          if (params['invoice'] && !invoice) return notFound(String(params['invoice']));
          if (invoice && invoice.status !== 'draft') return invoiceError(`Invoice ${invoice.id} is no longer a draft.`);
          const period = params['period'] as Params;
          const amount = Number(params['amount']);
          const item = fromFixture<Stripe.InvoiceItem>('invoiceitem', {
            id: `ii_test_${++seq}`,
            customer: params['customer'],
            invoice: invoice?.id ?? null,
            amount,
            currency: params['currency'],
            description: params['description'] ?? null,
            period: { start: Number(period['start']), end: Number(period['end']) },
            metadata: params['metadata'] ?? {},
            parent: null,
            net_amount: amount,
            quantity: 1,
            quantity_decimal: '1',
          });
          this.invoiceItems.set(item.id, item);
          if (invoice)
            Object.assign(invoice, { subtotal: invoice.subtotal + amount, total: invoice.total + amount, amount_due: Math.max(0, invoice.total + amount) });
          return HttpResponse.json(item);
        }),
      ),
      http.post(`${STRIPE}/v1/invoices/:id/finalize`, ({ request, params: path }) =>
        idempotent(request, () => {
          const invoice = this.invoices.get(String(path['id']));
          if (!invoice) return notFound(String(path['id']));
          if (invoice.status !== 'draft') return invoiceError(`Invoice ${invoice.id} is already finalized.`);
          // Nothing due: Stripe marks it paid at once.
          Object.assign(invoice, { status: invoice.amount_due === 0 ? 'paid' : 'open', number: `NOZ-${seq}`, amount_remaining: invoice.amount_due });
          return HttpResponse.json(invoice);
        }),
      ),
      http.post(`${STRIPE}/v1/invoices/:id/pay`, async ({ request, params: path }) => {
        await read(request);
        const invoice = this.invoices.get(String(path['id']));
        if (!invoice) return notFound(String(path['id']));
        if (invoice.status !== 'open') return invoiceError(`Invoice ${invoice.id} is ${invoice.status}, not open.`);
        if (this.declines.has(String(invoice.customer))) {
          Object.assign(invoice, { attempt_count: (invoice.attempt_count ?? 0) + 1, attempted: true });
          return HttpResponse.json(
            { error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' } },
            { status: 402 },
          );
        }
        return HttpResponse.json(this.payInvoice(invoice.id));
      }),
      http.get(`${STRIPE}/v1/invoices/:id`, async ({ request, params }) => {
        await read(request);
        const invoice = this.invoices.get(String(params['id']));
        return invoice ? HttpResponse.json(invoice) : notFound(String(params['id']));
      }),
      http.post(`${STRIPE}/v1/customers`, async ({ request }) => {
        const params = await read(request);
        const id = `cus_${String(params['email'] ?? 'anon').replace(/\W/g, '')}`;
        return HttpResponse.json(
          fromFixture('customer', { id, email: params['email'] ?? null, name: params['name'] ?? null, metadata: params['metadata'] ?? {} }),
        );
      }),
      http.get(`${STRIPE}/v1/prices`, async ({ request }) => {
        const params = await read(request);
        const keys = Object.values((params['lookup_keys'] as Params | undefined) ?? {});
        const data = [...this.prices.values()].filter((price) => keys.includes(price.lookup_key));
        return HttpResponse.json({ object: 'list', data, has_more: false, url: '/v1/prices' });
      }),
      http.post(`${STRIPE}/v1/products`, async ({ request }) => {
        const params = await read(request);
        return HttpResponse.json(
          fromFixture('product', { id: `prod_${String(params['name']).replace(/\W/g, '')}`, name: params['name'], metadata: params['metadata'] ?? {} }),
        );
      }),
      http.post(`${STRIPE}/v1/prices`, async ({ request }) => {
        const params = await read(request);
        const id = `price_${String(params['product']).slice(5)}_${String(params['unit_amount'])}`;
        const recurring = params['recurring'] as Params | undefined;
        const price = fromFixture<Stripe.Price>('price', {
          id,
          product: params['product'],
          currency: params['currency'],
          unit_amount: Number(params['unit_amount']),
          unit_amount_decimal: String(params['unit_amount']),
          lookup_key: params['lookup_key'],
          metadata: params['metadata'] ?? {},
          type: recurring ? 'recurring' : 'one_time',
          recurring: recurring ? { ...fromFixture<Stripe.Price>('price').recurring, interval: recurring['interval'] } : null,
        });
        this.prices.set(id, price);
        return HttpResponse.json(price);
      }),
      http.post(`${STRIPE}/v1/checkout/sessions`, async ({ request }) => {
        const params = await read(request);
        const id = `cs_test_${++seq}`;
        const session = fromFixture<Stripe.Checkout.Session>('checkout.session', {
          id,
          url: `https://checkout.stripe.com/c/pay/${id}`,
          mode: params['mode'],
          customer: params['customer'],
          status: 'open',
          success_url: params['success_url'],
          cancel_url: params['cancel_url'],
          metadata: params['metadata'] ?? {},
          subscription: null,
          payment_intent: null,
        });
        this.sessions.set(id, session);
        return HttpResponse.json(session);
      }),
      http.get(`${STRIPE}/v1/checkout/sessions/:id`, async ({ request, params }) => {
        await read(request);
        const session = this.sessions.get(String(params['id']));
        return session ? HttpResponse.json(session) : notFound(String(params['id']));
      }),
      http.post(`${STRIPE}/v1/coupons`, ({ request }) =>
        idempotent(request, (params) => {
          const id = `coupon_test_${++seq}`;
          const coupon = fromFixture<Stripe.Coupon>('coupon', {
            id,
            percent_off: params['percent_off'] === undefined ? null : Number(params['percent_off']),
            amount_off: params['amount_off'] === undefined ? null : Number(params['amount_off']),
            currency: params['currency'] ?? null,
            duration: params['duration'],
            duration_in_months: params['duration_in_months'] === undefined ? null : Number(params['duration_in_months']),
            max_redemptions: params['max_redemptions'] === undefined ? null : Number(params['max_redemptions']),
            redeem_by: params['redeem_by'] === undefined ? null : Number(params['redeem_by']),
            metadata: params['metadata'] ?? {},
          });
          this.coupons.set(id, coupon);
          return HttpResponse.json(coupon);
        }),
      ),
      http.post(`${STRIPE}/v1/promotion_codes`, ({ request }) =>
        idempotent(request, (params) => {
          const coupon = this.coupons.get(String((params['promotion'] as Params | undefined)?.['coupon']));
          if (!coupon) return notFound(String((params['promotion'] as Params | undefined)?.['coupon']));
          const id = `promo_test_${++seq}`;
          const code = fromFixture<Stripe.PromotionCode>('promotion_code', { id, code: params['code'], active: true, metadata: params['metadata'] ?? {} });
          this.promotionCodes.set(id, code);
          return HttpResponse.json(code);
        }),
      ),
      http.get(`${STRIPE}/v1/prices/:id`, async ({ request, params }) => {
        await read(request);
        const price = this.prices.get(String(params['id']));
        return price ? HttpResponse.json(price) : notFound(String(params['id']));
      }),
      http.get(`${STRIPE}/v1/checkout/sessions`, async ({ request }) => {
        await read(request);
        const data = [...this.sessions.values()].filter((session) => session.status === 'complete');
        return HttpResponse.json({ object: 'list', data, has_more: false, url: '/v1/checkout/sessions' });
      }),
      http.post(`${STRIPE}/v1/billing_portal/sessions`, async ({ request }) => {
        const params = await read(request);
        const id = `bps_test_${++seq}`;
        return HttpResponse.json(
          fromFixture('billing_portal.session', {
            id,
            customer: params['customer'],
            return_url: params['return_url'],
            url: `https://billing.stripe.com/p/session/${id}`,
          }),
        );
      }),
      http.post(`${STRIPE}/v1/subscription_schedules`, ({ request }) =>
        idempotent(request, (params) => {
          const sub = this.subscriptions.get(String(params['from_subscription']));
          if (!sub) return notFound(String(params['from_subscription']));
          if (sub.schedule) return HttpResponse.json({ error: { type: 'invalid_request_error', message: 'already has a schedule' } }, { status: 400 });
          const id = `sub_sched_test_${++seq}`;
          this.schedules.set(id, {
            id,
            subscription: sub.id,
            status: 'active',
            endBehavior: 'release',
            phases: [{ price: sub.price, start: sub.periodStart, end: sub.periodEnd }],
          });
          sub.schedule = id;
          return HttpResponse.json(this.schedule(id));
        }),
      ),
      http.get(`${STRIPE}/v1/subscription_schedules/:id`, async ({ request, params }) => {
        await read(request);
        const id = String(params['id']);
        return this.schedules.has(id) ? HttpResponse.json(this.schedule(id)) : notFound(id);
      }),
      http.post(`${STRIPE}/v1/subscription_schedules/:id/release`, async ({ request, params }) => {
        await read(request);
        const state = this.schedules.get(String(params['id']));
        if (!state) return notFound(String(params['id']));
        state.status = 'released';
        const sub = this.subscriptions.get(state.subscription);
        if (sub) sub.schedule = null;
        return HttpResponse.json(this.schedule(state.id));
      }),
      http.post(`${STRIPE}/v1/subscription_schedules/:id`, async ({ request, params }) => {
        const body = await read(request);
        const state = this.schedules.get(String(params['id']));
        if (!state) return notFound(String(params['id']));
        const phases = Object.values((body['phases'] as Record<string, Params> | undefined) ?? {});
        if (phases.length > 0) {
          let start = Number(phases[0]!['start_date']);
          state.phases = phases.map((phase) => {
            const item = (phase['items'] as Record<string, Params>)['0']!;
            const end = phase['end_date'] === undefined ? null : Number(phase['end_date']);
            const made = { price: String(item['price']), start, end };
            start = end ?? start;
            return made;
          });
        }
        if (body['end_behavior']) state.endBehavior = String(body['end_behavior']);
        return HttpResponse.json(this.schedule(state.id));
      }),
      http.get(`${STRIPE}/v1/subscriptions/:id`, async ({ request, params }) => {
        await read(request);
        if (this.failSubscriptionReads > 0) {
          this.failSubscriptionReads -= 1;
          return HttpResponse.json({ error: { type: 'api_error', message: 'Stripe is having a bad day' } }, { status: 500 });
        }
        const state = this.subscriptions.get(String(params['id']));
        return state ? HttpResponse.json(stripeSubscription(state)) : notFound(String(params['id']));
      }),
      http.post(`${STRIPE}/v1/subscriptions/:id`, async ({ request, params }) => {
        const body = await read(request);
        const id = String(params['id']);
        const state = this.subscriptions.get(id);
        if (!state) return notFound(id);
        const items = body['items'] as Record<string, Params> | undefined;
        if (items?.['0']?.['price']) state.price = String(items['0']['price']);
        if (items?.['0']?.['quantity']) state.quantity = Number(items['0']['quantity']);
        if (body['cancel_at_period_end'] !== undefined) state.cancelAtPeriodEnd = body['cancel_at_period_end'] === 'true';
        return HttpResponse.json(stripeSubscription(state));
      }),
      http.delete(`${STRIPE}/v1/subscriptions/:id`, async ({ request, params }) => {
        await read(request);
        const id = String(params['id']);
        const state = this.subscriptions.get(id);
        if (!state) return notFound(id);
        Object.assign(state, { status: 'canceled', canceledAt: this.now() });
        return HttpResponse.json(stripeSubscription(state));
      }),
      http.get(`${STRIPE}/v1/subscriptions`, async ({ request }) => {
        await read(request);
        const data = [...this.subscriptions.values()].map(stripeSubscription);
        return HttpResponse.json({ object: 'list', data, has_more: false, url: '/v1/subscriptions' });
      }),
      http.get(`${STRIPE}/v1/payment_intents/:id`, async ({ request, params }) => {
        await read(request);
        const id = String(params['id']);
        return this.payments.has(id) ? HttpResponse.json(this.paymentIntent(id)) : notFound(id);
      }),
      http.post(`${STRIPE}/v1/refunds`, async ({ request }) => {
        const params = await read(request);
        const payment = this.payments.get(String(params['payment_intent']));
        if (!payment) return notFound(String(params['payment_intent']));
        payment.refunded = true;
        return HttpResponse.json(fromFixture('refund', { id: `re_${++seq}`, payment_intent: payment.id, status: 'succeeded' }));
      }),
    ];
  }
}
