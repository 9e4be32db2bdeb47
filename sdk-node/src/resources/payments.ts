// `nozle.checkout`, `nozle.portal`, `nozle.payments`: hosted checkout and billing portal
// sessions, the provider's events, reconciliation, and the sandbox's test clock.
import { unwrap, type NozleClient, type Schemas } from '@nozle/openapi';
import { autoPage } from '../pagination.js';
import { idempotencyHeader, type QueryParams, type RequestOptions } from './request.js';

export type CheckoutSession = Schemas['CheckoutSession'];
export type CheckoutSessionCreateParams = Schemas['CheckoutSessionCreateParams'];
export type PortalSession = Schemas['PortalSession'];
export type PortalSessionCreateParams = Schemas['PortalSessionCreateParams'];
export type PaymentEvent = Schemas['PaymentEvent'];
export type PaymentEventList = Schemas['PaymentEventList'];
export type PaymentEventListParams = QueryParams<'listPaymentEvents'>;
export type Reconciliation = Schemas['Reconciliation'];
export type ReconciliationList = Schemas['ReconciliationList'];
export type ReconciliationListParams = QueryParams<'listReconciliations'>;
export type TestClock = Schemas['TestClock'];
export type TestClockAdvanceParams = Schemas['TestClockAdvanceParams'];

/** Hosted checkout: send the customer to the session's `url`. */
export class Checkout {
  readonly #client: NozleClient;

  /** @internal Reached as `nozle.checkout`. */
  constructor(client: NozleClient) {
    this.#client = client;
  }

  /** A checkout page for `plan` (a subscription, or a one-time payment) for `customer`. */
  async create(params: CheckoutSessionCreateParams, options?: RequestOptions): Promise<CheckoutSession> {
    return unwrap(await this.#client.POST('/v1/checkout/sessions', { params: { header: idempotencyHeader(options) }, body: params }));
  }
}

/** The billing portal: send the customer to the session's `url`. */
export class Portal {
  readonly #client: NozleClient;

  /** @internal Reached as `nozle.portal`. */
  constructor(client: NozleClient) {
    this.#client = client;
  }

  async create(params: PortalSessionCreateParams, options?: RequestOptions): Promise<PortalSession> {
    return unwrap(await this.#client.POST('/v1/portal/sessions', { params: { header: idempotencyHeader(options) }, body: params }));
  }
}

/** What the payment provider told Nozle, reconciliation, and (sandbox) the test clock. */
export class Payments {
  readonly #client: NozleClient;

  /** @internal Reached as `nozle.payments`. */
  constructor(client: NozleClient) {
    this.#client = client;
  }

  /** One page of the provider's events about your customers, newest first; `status: 'failed'` shows what waits for a retry. */
  async listEvents(params?: PaymentEventListParams): Promise<PaymentEventList> {
    return unwrap(await this.#client.GET('/v1/payment_events', { params: { query: params } }));
  }

  listAllEvents(params: PaymentEventListParams = {}): AsyncGenerator<PaymentEvent, void, undefined> {
    return autoPage(params, (page) => this.listEvents(page));
  }

  /** Compares the provider's subscriptions and payments with Nozle's now, and corrects the drift. */
  async reconcile(): Promise<Reconciliation> {
    return unwrap(await this.#client.POST('/v1/reconciliations', {}));
  }

  /** One page of reconciliation runs that looked at this project, newest first, with what each changed. */
  async listReconciliations(params?: ReconciliationListParams): Promise<ReconciliationList> {
    return unwrap(await this.#client.GET('/v1/reconciliations', { params: { query: params } }));
  }

  listAllReconciliations(params: ReconciliationListParams = {}): AsyncGenerator<Reconciliation, void, undefined> {
    return autoPage(params, (page) => this.listReconciliations(page));
  }

  /** Sandbox only: the time of this key's project (its own test clock). */
  async testClock(): Promise<TestClock> {
    return unwrap(await this.#client.GET('/v1/test_clock', {}));
  }

  /**
   * Sandbox only: moves this key's project's time forward by `seconds` or `to` an instant (at most ten
   * years past the server's time), running that project's renewals and trial ends on the way.
   */
  async advanceTestClock(params: TestClockAdvanceParams): Promise<TestClock> {
    return unwrap(await this.#client.POST('/v1/test_clock/advance', { body: params }));
  }
}
