// `nozle.usage`: the usage meters counted, per customer and period, and grouped over a range.
import { unwrap, type NozleClient, type Schemas } from '@nozle/openapi';
import { idempotencyHeader, pathParam, type QueryParams, type RequestOptions } from './request.js';

export type Usage = Schemas['Usage'];
export type UsageList = Schemas['UsageList'];
export type UsageListParams = QueryParams<'getCustomerUsage'>;
export type UsageQueryParams = Schemas['UsageQueryParams'];
export type UsageQueryResult = Schemas['UsageQueryResult'];
export type UsageQueryRow = Schemas['UsageQueryRow'];

/** Usage as the meters counted it. Record usage with `nozle.track()`. */
export class UsageResource {
  readonly #client: NozleClient;

  /** @internal Reached as `nozle.usage`. */
  constructor(client: NozleClient) {
    this.#client = client;
  }

  /**
   * A customer's counters, one per meter and period: by default the periods that contain now;
   * `period: 'all'` lists past ones too, newest first. `params.meter` keeps one meter (id or key).
   * `customer` takes a `cus_…` id or your `external_id`.
   */
  async list(customer: string, params?: UsageListParams): Promise<UsageList> {
    return unwrap(
      await this.#client.GET('/v1/customers/{customer}/usage', {
        params: { path: { customer: pathParam(customer, 'customer') }, query: params },
      }),
    );
  }

  /**
   * For dashboards: a meter's aggregate over `[start, end)` (Unix seconds), optionally for one
   * `customer`, grouped by UTC `day` or by `property:<name>`. Reads the events themselves, so
   * keep ranges reasonable. Changes nothing, though it is a POST.
   */
  async query(params: UsageQueryParams, options?: RequestOptions): Promise<UsageQueryResult> {
    return unwrap(await this.#client.POST('/v1/usage/query', { params: { header: idempotencyHeader(options) }, body: params }));
  }
}
