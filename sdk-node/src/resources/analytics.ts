// `nozle.costModels` and `nozle.analytics`: what usage costs you, and the margin report, over
// /v1/cost_models and /v1/analytics/margin.
import { callOptions, unwrap, type NozleClient, type Schemas } from '@nozle/openapi';
import { autoPage } from '../pagination.js';
import { idempotencyHeader, type QueryParams, type RequestOptions } from './request.js';

export type CostModel = Schemas['CostModel'];
/** `unit_cost` is a decimal string in minor units; effective dates are midnight UTC. */
export type CostModelCreateParams = Schemas['CostModelCreateParams'];
export type CostModelList = Schemas['CostModelList'];
export type CostModelListParams = QueryParams<'listCostModels'>;
export type MarginReport = Schemas['MarginReport'];
export type MarginParams = QueryParams<'retrieveMargin'>;

/** Cost models: what one unit of a `sum` or `count` meter costs, optionally per property value. */
export class CostModels {
  readonly #client: NozleClient;

  /** @internal Reached as `nozle.costModels`. */
  constructor(client: NozleClient) {
    this.#client = client;
  }

  /** Creates a cost model; a `409` when it would price usage another model already prices. */
  async create(params: CostModelCreateParams, options?: RequestOptions): Promise<CostModel> {
    return unwrap(
      await this.#client.POST('/v1/cost_models', { params: { header: idempotencyHeader(options) }, body: params, ...callOptions(this.#client, options) }),
    );
  }

  /** One page of cost models, newest first; filter by `meter`. */
  async list(params?: CostModelListParams): Promise<CostModelList> {
    return unwrap(await this.#client.GET('/v1/cost_models', { params: { query: params } }));
  }

  /** Every cost model matching `params`, fetching pages as the loop needs them. */
  listAll(params: CostModelListParams = {}): AsyncGenerator<CostModel, void, undefined> {
    return autoPage(params, (page) => this.list(page));
  }
}

/** Reports over the project's billing and usage. */
export class Analytics {
  readonly #client: NozleClient;

  /** @internal Reached as `nozle.analytics`. */
  constructor(client: NozleClient) {
    this.#client = client;
  }

  /**
   * Revenue, cost and margin for `[start, end)` (Unix seconds, midnight UTC), grouped by
   * customer (default), plan, meter or the values of `property`; with active subscriptions,
   * MRR and churn.
   */
  async margin(params: MarginParams): Promise<MarginReport> {
    return unwrap(await this.#client.GET('/v1/analytics/margin', { params: { query: params } }));
  }
}
