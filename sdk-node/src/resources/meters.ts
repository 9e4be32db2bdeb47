// `nozle.meters`: what turns usage events into numbers, over /v1/meters.
import { unwrap, type NozleClient, type Schemas } from '@nozle/openapi';
import { autoPage } from '../pagination.js';
import { idempotencyHeader, pathParam, type QueryParams, type RequestOptions } from './request.js';

export type Meter = Schemas['Meter'];
export type MeterCreateParams = Schemas['MeterCreateParams'];
export type MeterListParams = QueryParams<'listMeters'>;
export type MeterList = Schemas['MeterList'];

/** Meters of your project. `meter` arguments take a `mtr_…` id or the meter's key. */
export class Meters {
  readonly #client: NozleClient;

  /** @internal Reached as `nozle.meters`. */
  constructor(client: NozleClient) {
    this.#client = client;
  }

  /**
   * Creates a meter: the events named `event_name` (and matching `filters`) are aggregated per
   * customer and period. Tie a metered feature to it (`meter` on the feature) to limit on it.
   */
  async create(params: MeterCreateParams, options?: RequestOptions): Promise<Meter> {
    return unwrap(await this.#client.POST('/v1/meters', { params: { header: idempotencyHeader(options) }, body: params }));
  }

  /** Retrieves a meter by id or key. */
  async retrieve(meter: string): Promise<Meter> {
    return unwrap(await this.#client.GET('/v1/meters/{meter}', { params: { path: { meter: pathParam(meter, 'meter') } } }));
  }

  /** One page of meters, newest first. */
  async list(params?: MeterListParams): Promise<MeterList> {
    return unwrap(await this.#client.GET('/v1/meters', { params: { query: params } }));
  }

  /** Every meter, fetching pages as the loop needs them. */
  listAll(params: MeterListParams = {}): AsyncGenerator<Meter, void, undefined> {
    return autoPage(params, (page) => this.list(page));
  }
}
