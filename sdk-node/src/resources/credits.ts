// `nozle.credits`: prepaid credit of a customer, over /v1/customers/{customer}/credits.
import { callOptions, unwrap, type NozleClient, type Schemas } from '@nozle/openapi';
import { idempotencyHeader, pathParam, type RequestOptions } from './request.js';

export type CreditGrant = Schemas['CreditGrant'];
/** `amount` in whole minor units (cents); `expires_at` in Unix seconds. */
export type CreditGrantCreateParams = Schemas['CreditGrantCreateParams'];
export type CreditBalance = Schemas['CreditBalance'];

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
}
