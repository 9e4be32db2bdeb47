// `nozle.subscriptions`: recurring access to a plan, over /v1/subscriptions.
import { unwrap, type NozleClient, type Schemas } from '@nozle/openapi';
import { autoPage } from '../pagination.js';
import { idempotencyHeader, pathParam, type QueryParams, type RequestOptions } from './request.js';

export type Subscription = Schemas['Subscription'];
export type SubscriptionCreateParams = Schemas['SubscriptionCreateParams'];
export type SubscriptionUpdateParams = Schemas['SubscriptionUpdateParams'];
/** `at_period_end` defaults to `false`: cancel now. */
export type SubscriptionCancelParams = Schemas['SubscriptionCancelParams'];
export type SubscriptionListParams = QueryParams<'listSubscriptions'>;
export type SubscriptionList = Schemas['SubscriptionList'];

/** Subscriptions of your customers. `subscription` arguments take a `sub_…` id. */
export class Subscriptions {
  readonly #client: NozleClient;

  /** @internal Reached as `nozle.subscriptions`. */
  constructor(client: NozleClient) {
    this.#client = client;
  }

  /**
   * Subscribes a customer to a recurring plan. It starts `trialing` when the plan (or
   * `trial_days`) gives a trial, `active` otherwise.
   */
  async create(params: SubscriptionCreateParams, options?: RequestOptions): Promise<Subscription> {
    return unwrap(
      await this.#client.POST('/v1/subscriptions', {
        params: { header: idempotencyHeader(options) },
        body: params,
      }),
    );
  }

  /** Retrieves a subscription. */
  async retrieve(subscription: string): Promise<Subscription> {
    return unwrap(
      await this.#client.GET('/v1/subscriptions/{subscription}', {
        params: { path: { subscription: pathParam(subscription, 'subscription') } },
      }),
    );
  }

  /** Changes its status, `cancel_at_period_end`, or moves it to another plan. */
  async update(subscription: string, params: SubscriptionUpdateParams, options?: RequestOptions): Promise<Subscription> {
    return unwrap(
      await this.#client.POST('/v1/subscriptions/{subscription}', {
        params: {
          path: { subscription: pathParam(subscription, 'subscription') },
          header: idempotencyHeader(options),
        },
        body: params,
      }),
    );
  }

  /** Cancels now (access ends at once), or with `at_period_end: true` when the period ends. */
  async cancel(subscription: string, params: SubscriptionCancelParams = {}, options?: RequestOptions): Promise<Subscription> {
    return unwrap(
      await this.#client.POST('/v1/subscriptions/{subscription}/cancel', {
        params: {
          path: { subscription: pathParam(subscription, 'subscription') },
          header: idempotencyHeader(options),
        },
        body: params,
      }),
    );
  }

  /** Undoes a cancel at period end, or resumes a paused subscription (at Stripe first when it bills it). */
  async resume(subscription: string, options?: RequestOptions): Promise<Subscription> {
    return unwrap(
      await this.#client.POST('/v1/subscriptions/{subscription}/resume', {
        params: {
          path: { subscription: pathParam(subscription, 'subscription') },
          header: idempotencyHeader(options),
        },
      }),
    );
  }

  /**
   * Takes back the subscription's `scheduled_change` (a downgrade waiting for the period's end):
   * it stays on its plan and renews on it. With no change scheduled, answers it as it is.
   */
  async cancelScheduledChange(subscription: string): Promise<Subscription> {
    return unwrap(
      await this.#client.DELETE('/v1/subscriptions/{subscription}/scheduled_change', {
        params: { path: { subscription: pathParam(subscription, 'subscription') } },
      }),
    );
  }

  /** One page of subscriptions, newest first; filter by `customer` or `status`. */
  async list(params?: SubscriptionListParams): Promise<SubscriptionList> {
    return unwrap(await this.#client.GET('/v1/subscriptions', { params: { query: params } }));
  }

  /** Every subscription matching `params`, fetching pages as the loop needs them. */
  listAll(params: SubscriptionListParams = {}): AsyncGenerator<Subscription, void, undefined> {
    return autoPage(params, (page) => this.list(page));
  }
}
