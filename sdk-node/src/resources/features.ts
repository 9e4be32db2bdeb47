// `nozle.features`: what customers may use, as your code checks it, over /v1/features.
import { callOptions, unwrap, type NozleClient, type Schemas } from '@nozle/openapi';
import { autoPage } from '../pagination.js';
import { idempotencyHeader, pathParam, type QueryParams, type RequestOptions } from './request.js';

export type Feature = Schemas['Feature'];
export type FeatureCreateParams = Schemas['FeatureCreateParams'];
export type FeatureUpdateParams = Schemas['FeatureUpdateParams'];
export type FeatureListParams = QueryParams<'listFeatures'>;
export type FeatureList = Schemas['FeatureList'];

/** Features of your project. `feature` arguments take a `feat_…` id or the feature's key. */
export class Features {
  readonly #client: NozleClient;

  /** @internal Reached as `nozle.features`. */
  constructor(client: NozleClient) {
    this.#client = client;
  }

  /** Creates a `boolean`, `metered` or `config` feature. Its `key` cannot change later. */
  async create(params: FeatureCreateParams, options?: RequestOptions): Promise<Feature> {
    return unwrap(
      await this.#client.POST('/v1/features', {
        params: { header: idempotencyHeader(options) },
        body: params,
        ...callOptions(this.#client, options),
      }),
    );
  }

  /** Retrieves a feature by id or key. */
  async retrieve(feature: string): Promise<Feature> {
    return unwrap(
      await this.#client.GET('/v1/features/{feature}', {
        params: { path: { feature: pathParam(feature, 'feature') } },
      }),
    );
  }

  /** Updates the fields you pass. */
  async update(feature: string, params: FeatureUpdateParams, options?: RequestOptions): Promise<Feature> {
    return unwrap(
      await this.#client.POST('/v1/features/{feature}', {
        params: { path: { feature: pathParam(feature, 'feature') }, header: idempotencyHeader(options) },
        body: params,
        ...callOptions(this.#client, options),
      }),
    );
  }

  /** One page of features, newest first. */
  async list(params?: FeatureListParams): Promise<FeatureList> {
    return unwrap(await this.#client.GET('/v1/features', { params: { query: params } }));
  }

  /** Every feature, fetching pages as the loop needs them. */
  listAll(params: FeatureListParams = {}): AsyncGenerator<Feature, void, undefined> {
    return autoPage(params, (page) => this.list(page));
  }
}
