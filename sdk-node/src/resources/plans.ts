// `nozle.plans`: what a customer gets and at what price, versioned, over /v1/plans.
import { callOptions, unwrap, type NozleClient, type Schemas } from '@nozle/openapi';
import { autoPage } from '../pagination.js';
import { idempotencyHeader, pathParam, type QueryParams, type RequestOptions } from './request.js';

export type Plan = Schemas['Plan'];
export type PlanCreateParams = Schemas['PlanCreateParams'];
export type PlanUpdateParams = Schemas['PlanUpdateParams'];
export type PlanRetrieveParams = QueryParams<'retrievePlan'>;
export type PlanMigrateParams = Schemas['PlanMigrateParams'];
export type PlanMigration = Schemas['PlanMigration'];
export type PlanListParams = QueryParams<'listPlans'>;
export type PlanList = Schemas['PlanList'];

/** Plans of your project. `plan` arguments take a `plan_…` id or the plan's key. */
export class Plans {
  readonly #client: NozleClient;

  /** @internal Reached as `nozle.plans`. */
  constructor(client: NozleClient) {
    this.#client = client;
  }

  /** Creates a plan at version 1. */
  async create(params: PlanCreateParams, options?: RequestOptions): Promise<Plan> {
    return unwrap(
      await this.#client.POST('/v1/plans', {
        params: { header: idempotencyHeader(options) },
        body: params,
        ...callOptions(this.#client, options),
      }),
    );
  }

  /** Retrieves a plan at its current version, or at `params.version`. */
  async retrieve(plan: string, params?: PlanRetrieveParams): Promise<Plan> {
    return unwrap(
      await this.#client.GET('/v1/plans/{plan}', {
        params: { path: { plan: pathParam(plan, 'plan') }, query: params },
      }),
    );
  }

  /**
   * Updates the fields you pass. When the current version has subscribers or buyers this makes
   * a new version and they stay on theirs until {@link Plans.migrate}; `entitlements`, when
   * passed, replaces the whole list.
   */
  async update(plan: string, params: PlanUpdateParams, options?: RequestOptions): Promise<Plan> {
    return unwrap(
      await this.#client.POST('/v1/plans/{plan}', {
        params: { path: { plan: pathParam(plan, 'plan') }, header: idempotencyHeader(options) },
        body: params,
        ...callOptions(this.#client, options),
      }),
    );
  }

  /**
   * Moves subscriptions on `from_version` (every older version when absent) to `to_version`
   * (the current one when absent).
   */
  async migrate(plan: string, params: PlanMigrateParams = {}, options?: RequestOptions): Promise<PlanMigration> {
    return unwrap(
      await this.#client.POST('/v1/plans/{plan}/migrate', {
        params: { path: { plan: pathParam(plan, 'plan') }, header: idempotencyHeader(options) },
        body: params,
        ...callOptions(this.#client, options),
      }),
    );
  }

  /** One page of plans, newest first, each at its current version. */
  async list(params?: PlanListParams): Promise<PlanList> {
    return unwrap(await this.#client.GET('/v1/plans', { params: { query: params } }));
  }

  /** Every plan, fetching pages as the loop needs them. */
  listAll(params: PlanListParams = {}): AsyncGenerator<Plan, void, undefined> {
    return autoPage(params, (page) => this.list(page));
  }
}
