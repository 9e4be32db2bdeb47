// `nozle.customers`: the people or organisations that pay you, over /v1/customers.
import { callOptions, unwrap, type NozleClient, type Schemas } from '@nozle/openapi';
import { autoPage } from '../pagination.js';
import { idempotencyHeader, pathParam, type QueryParams, type RequestOptions } from './request.js';

export type Customer = Schemas['Customer'];
export type CustomerCreateParams = Schemas['CustomerCreateParams'];
export type CustomerUpdateParams = Schemas['CustomerUpdateParams'];
export type CustomerListParams = QueryParams<'listCustomers'>;
export type CustomerList = Schemas['CustomerList'];
export type DeletedCustomer = Schemas['DeletedCustomer'];

/** Customers of your project. `customer` arguments take a `cus_…` id or your `external_id`. */
export class Customers {
  readonly #client: NozleClient;

  /** @internal Reached as `nozle.customers`. */
  constructor(client: NozleClient) {
    this.#client = client;
  }

  /** Creates a customer; every field is optional. */
  async create(params: CustomerCreateParams = {}, options?: RequestOptions): Promise<Customer> {
    return unwrap(
      await this.#client.POST('/v1/customers', {
        params: { header: idempotencyHeader(options) },
        body: params,
        ...callOptions(this.#client, options),
      }),
    );
  }

  /** Retrieves a customer by id or `external_id`. */
  async retrieve(customer: string): Promise<Customer> {
    return unwrap(
      await this.#client.GET('/v1/customers/{customer}', {
        params: { path: { customer: pathParam(customer, 'customer') } },
      }),
    );
  }

  /**
   * Updates the fields you pass. `metadata` is merged key by key: `""` removes a key, `null`
   * clears them all. `coupon` or `promotion_code` gives the customer a discount of its own
   * (for its subscriptions without one), `""` removes it.
   */
  async update(customer: string, params: CustomerUpdateParams, options?: RequestOptions): Promise<Customer> {
    return unwrap(
      await this.#client.POST('/v1/customers/{customer}', {
        params: { path: { customer: pathParam(customer, 'customer') }, header: idempotencyHeader(options) },
        body: params,
        ...callOptions(this.#client, options),
      }),
    );
  }

  /** Deletes a customer; its `external_id` becomes free for a new one. */
  async del(customer: string): Promise<DeletedCustomer> {
    return unwrap(
      await this.#client.DELETE('/v1/customers/{customer}', {
        params: { path: { customer: pathParam(customer, 'customer') } },
      }),
    );
  }

  /** One page of customers, newest first; filter by `email` or `external_id`. */
  async list(params?: CustomerListParams): Promise<CustomerList> {
    return unwrap(await this.#client.GET('/v1/customers', { params: { query: params } }));
  }

  /**
   * Every customer matching `params`, fetching pages as the loop needs them.
   * @example
   * for await (const customer of nozle.customers.listAll({ limit: 100 })) console.log(customer.id);
   */
  listAll(params: CustomerListParams = {}): AsyncGenerator<Customer, void, undefined> {
    return autoPage(params, (page) => this.list(page));
  }
}
