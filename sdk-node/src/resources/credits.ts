// `nozle.credits`: prepaid credit of a customer, over /v1/customers/{customer}/credits.
import { callOptions, unwrap, type NozleClient, type Schemas } from '@nozle/openapi';
import { idempotencyHeader, pathParam, type RequestOptions } from './request.js';

export type CreditGrant = Schemas['CreditGrant'];
/** `amount` in whole minor units (cents); `expires_at` in Unix seconds. */
export type CreditGrantCreateParams = Schemas['CreditGrantCreateParams'];
export type CreditBalance = Schemas['CreditBalance'];
export type AutoTopUp = Schemas['AutoTopUp'];
/** `threshold` and `amount` in whole minor units (cents): below `threshold`, `amount` is bought. */
export type AutoTopUpParams = Schemas['AutoTopUpParams'];
export type AutoTopUpList = Schemas['AutoTopUpList'];
export type DeletedAutoTopUp = Schemas['DeletedAutoTopUp'];
export type CreditTopUp = Schemas['CreditTopUp'];

/**
 * Prepaid credit: invoices draw it down (usage lines only, earliest-expiring grant first) before
 * anything is billed. `customer` arguments take a `cus_…` id or your `external_id`.
 */
export class Credits {
  readonly #client: NozleClient;

  /** @internal Reached as `nozle.credits`. */
  constructor(client: NozleClient) {
    this.#client = client;
  }

  /** Grants credit in one currency; pass an `idempotencyKey` to make a retry safe. */
  async grant(customer: string, params: CreditGrantCreateParams, options?: RequestOptions): Promise<CreditGrant> {
    return unwrap(
      await this.#client.POST('/v1/customers/{customer}/credits', {
        params: { path: { customer: pathParam(customer, 'customer') }, header: idempotencyHeader(options) },
        body: params,
        ...callOptions(this.#client, options),
      }),
    );
  }

  /** The balance per currency and every grant, newest first, with what remains of it. */
  async retrieve(customer: string): Promise<CreditBalance> {
    return unwrap(
      await this.#client.GET('/v1/customers/{customer}/credits', {
        params: { path: { customer: pathParam(customer, 'customer') } },
      }),
    );
  }

  /**
   * Sets the customer's auto top-up in a currency: when its balance falls below `threshold`,
   * `amount` of credit is bought through its saved payment method, once per crossing (armed again
   * once the balance is back at or above `threshold`). Setting it arms it: a balance already below buys at once.
   */
  async setAutoTopUp(customer: string, params: AutoTopUpParams, options?: RequestOptions): Promise<AutoTopUp> {
    return unwrap(
      await this.#client.POST('/v1/customers/{customer}/credits/auto_top_up', {
        params: { path: { customer: pathParam(customer, 'customer') }, header: idempotencyHeader(options) },
        body: params,
        ...callOptions(this.#client, options),
      }),
    );
  }

  /** The customer's auto top-up of each currency that has one, with its last top-up. */
  async listAutoTopUps(customer: string): Promise<AutoTopUpList> {
    return unwrap(
      await this.#client.GET('/v1/customers/{customer}/credits/auto_top_up', {
        params: { path: { customer: pathParam(customer, 'customer') } },
      }),
    );
  }

  /** Removes the customer's auto top-up in `currency`. */
  async deleteAutoTopUp(customer: string, currency: string): Promise<DeletedAutoTopUp> {
    return unwrap(
      await this.#client.DELETE('/v1/customers/{customer}/credits/auto_top_up', {
        params: { path: { customer: pathParam(customer, 'customer') }, query: { currency } },
      }),
    );
  }
}
