// `nozle.grants`: manual grants and revokes of a customer, kept as an audit trail.
import { callOptions, unwrap, type NozleClient, type Schemas } from '@nozle/openapi';
import { autoPage } from '../pagination.js';
import { idempotencyHeader, pathParam, type QueryParams, type RequestOptions } from './request.js';

export type Grant = Schemas['Grant'];
/** `kind` defaults to `'grant'`. */
export type GrantCreateParams = Schemas['GrantCreateParams'];
export type GrantListParams = QueryParams<'listGrants'>;
export type GrantList = Schemas['GrantList'];

/** Grants and revokes. `customer` arguments take a `cus_…` id or your `external_id`. */
export class Grants {
  readonly #client: NozleClient;

  /** @internal Reached as `nozle.grants`. */
  constructor(client: NozleClient) {
    this.#client = client;
  }

  /**
   * Grants a feature (beating what plans give) or, with `kind: 'revoke'`, takes it away
   * (beating everything). For one feature the latest active entry decides.
   */
  async create(customer: string, params: GrantCreateParams, options?: RequestOptions): Promise<Grant> {
    return unwrap(
      await this.#client.POST('/v1/customers/{customer}/grants', {
        params: { path: { customer: pathParam(customer, 'customer') }, header: idempotencyHeader(options) },
        body: params,
        ...callOptions(this.#client, options),
      }),
    );
  }

  /** One page of the customer's grants and revokes, newest first; filter by `feature`. */
  async list(customer: string, params?: GrantListParams): Promise<GrantList> {
    return unwrap(
      await this.#client.GET('/v1/customers/{customer}/grants', {
        params: { path: { customer: pathParam(customer, 'customer') }, query: params },
      }),
    );
  }

  /** Every grant and revoke of the customer, fetching pages as the loop needs them. */
  listAll(customer: string, params: GrantListParams = {}): AsyncGenerator<Grant, void, undefined> {
    return autoPage(params, (page) => this.list(customer, page));
  }
}
