// `nozle.taxRates`: tax rates for the invoices Nozle bills itself, over /v1/tax_rates.
import { callOptions, unwrap, type NozleClient, type Schemas } from '@nozle/openapi';
import { autoPage } from '../pagination.js';
import { idempotencyHeader, pathParam, type QueryParams, type RequestOptions } from './request.js';

export type TaxRate = Schemas['TaxRate'];
export type TaxRateCreateParams = Schemas['TaxRateCreateParams'];
export type TaxRateUpdateParams = Schemas['TaxRateUpdateParams'];
export type TaxRateListParams = QueryParams<'listTaxRates'>;
export type TaxRateList = Schemas['TaxRateList'];

/** Tax rates of your project (inclusive or exclusive, per country and state). `percentage` and `inclusive` are fixed once created. */
export class TaxRates {
  readonly #client: NozleClient;

  /** @internal Reached as `nozle.taxRates`. */
  constructor(client: NozleClient) {
    this.#client = client;
  }

  async create(params: TaxRateCreateParams, options?: RequestOptions): Promise<TaxRate> {
    return unwrap(
      await this.#client.POST('/v1/tax_rates', { params: { header: idempotencyHeader(options) }, body: params, ...callOptions(this.#client, options) }),
    );
  }

  async retrieve(taxRate: string): Promise<TaxRate> {
    return unwrap(await this.#client.GET('/v1/tax_rates/{tax_rate}', { params: { path: { tax_rate: pathParam(taxRate, 'taxRate') } } }));
  }

  /** Changes its display name, description or `active` (archiving it keeps it on the invoices that used it). */
  async update(taxRate: string, params: TaxRateUpdateParams, options?: RequestOptions): Promise<TaxRate> {
    return unwrap(
      await this.#client.POST('/v1/tax_rates/{tax_rate}', {
        params: { path: { tax_rate: pathParam(taxRate, 'taxRate') }, header: idempotencyHeader(options) },
        body: params,
        ...callOptions(this.#client, options),
      }),
    );
  }

  /** One page of tax rates, newest first. */
  async list(params?: TaxRateListParams): Promise<TaxRateList> {
    return unwrap(await this.#client.GET('/v1/tax_rates', { params: { query: params } }));
  }

  listAll(params: TaxRateListParams = {}): AsyncGenerator<TaxRate, void, undefined> {
    return autoPage(params, (page) => this.list(page));
  }
}
