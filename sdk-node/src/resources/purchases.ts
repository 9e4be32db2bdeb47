// `nozle.purchases`: one-time access to a plan, for life or until a date, over /v1/purchases.
import { callOptions, unwrap, type NozleClient, type Schemas } from '@nozle/openapi';
import { autoPage } from '../pagination.js';
import { idempotencyHeader, pathParam, type QueryParams, type RequestOptions } from './request.js';

export type Purchase = Schemas['Purchase'];
export type PurchaseCreateParams = Schemas['PurchaseCreateParams'];
export type PurchaseListParams = QueryParams<'listPurchases'>;
export type PurchaseList = Schemas['PurchaseList'];

/** One-time purchases of your customers. `purchase` arguments take a `pur_…` id. */
export class Purchases {
  readonly #client: NozleClient;

  /** @internal Reached as `nozle.purchases`. */
  constructor(client: NozleClient) {
    this.#client = client;
  }

  /** Records a purchase: the plan's entitlements for life, or until `expires_at`. */
  async create(params: PurchaseCreateParams, options?: RequestOptions): Promise<Purchase> {
    return unwrap(
      await this.#client.POST('/v1/purchases', {
        params: { header: idempotencyHeader(options) },
        body: params,
        ...callOptions(this.#client, options),
      }),
    );
  }

  /** Retrieves a purchase. */
  async retrieve(purchase: string): Promise<Purchase> {
    return unwrap(
      await this.#client.GET('/v1/purchases/{purchase}', {
        params: { path: { purchase: pathParam(purchase, 'purchase') } },
      }),
    );
  }

  /** Marks a purchase refunded: its access ends at once. Refunding twice changes nothing. */
  async refund(purchase: string, options?: RequestOptions): Promise<Purchase> {
    return unwrap(
      await this.#client.POST('/v1/purchases/{purchase}/refund', {
        params: { path: { purchase: pathParam(purchase, 'purchase') }, header: idempotencyHeader(options) },
        ...callOptions(this.#client, options),
      }),
    );
  }

  /** One page of purchases, newest first; filter by `customer`. */
  async list(params?: PurchaseListParams): Promise<PurchaseList> {
    return unwrap(await this.#client.GET('/v1/purchases', { params: { query: params } }));
  }

  /** Every purchase matching `params`, fetching pages as the loop needs them. */
  listAll(params: PurchaseListParams = {}): AsyncGenerator<Purchase, void, undefined> {
    return autoPage(params, (page) => this.list(page));
  }
}
