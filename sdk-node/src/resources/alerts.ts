// `nozle.alerts`: thresholds on usage, credit balances and spend, over /v1/alerts. A reached
// alert raises a webhook event and shows in the customer's snapshot (`alerts`).
import { unwrap, type NozleClient, type Schemas } from '@nozle/openapi';
import { autoPage } from '../pagination.js';
import { idempotencyHeader, pathParam, type QueryParams, type RequestOptions } from './request.js';

export type Alert = Schemas['Alert'];
export type AlertCreateParams = Schemas['AlertCreateParams'];
export type AlertUpdateParams = Schemas['AlertUpdateParams'];
export type AlertList = Schemas['AlertList'];
export type AlertListParams = QueryParams<'listAlerts'>;
export type DeletedAlert = Schemas['DeletedAlert'];
/** An alert a customer has reached, as its snapshot lists it (`Entitlements.alerts`). */
export type ReachedAlert = Schemas['ReachedAlert'];

const alertPath = (alert: string) => ({ alert: pathParam(alert, 'alert') });

/** Alerts of your project. `alert` arguments take an `alr_…` id. */
export class Alerts {
  readonly #client: NozleClient;

  /** @internal Reached as `nozle.alerts`. */
  constructor(client: NozleClient) {
    this.#client = client;
  }

  /**
   * Creates an alert: `usage` of a metered `feature` (`percent` of the limit, or an `amount` of
   * units), `credit_balance` (below `amount` in `currency`) or `spend` (the upcoming invoice at
   * `amount` in `currency`), for one `customer`, the customers of a `plan`, or every customer.
   *
   * @example
   * ```ts
   * await nozle.alerts.create({ type: 'usage', plan: 'pro', feature: 'messages', percent: 80 });
   * ```
   */
  async create(params: AlertCreateParams, options?: RequestOptions): Promise<Alert> {
    return unwrap(await this.#client.POST('/v1/alerts', { params: { header: idempotencyHeader(options) }, body: params }));
  }

  async retrieve(alert: string): Promise<Alert> {
    return unwrap(await this.#client.GET('/v1/alerts/{alert}', { params: { path: alertPath(alert) } }));
  }

  /** Changes its threshold (a new one may fire again this period), `enabled`, `description` or `metadata`. */
  async update(alert: string, params: AlertUpdateParams, options?: RequestOptions): Promise<Alert> {
    return unwrap(
      await this.#client.POST('/v1/alerts/{alert}', {
        params: { path: alertPath(alert), header: idempotencyHeader(options) },
        body: params,
      }),
    );
  }

  async del(alert: string): Promise<DeletedAlert> {
    return unwrap(await this.#client.DELETE('/v1/alerts/{alert}', { params: { path: alertPath(alert) } }));
  }

  async list(params?: AlertListParams): Promise<AlertList> {
    return unwrap(await this.#client.GET('/v1/alerts', { params: { query: params } }));
  }

  listAll(params: AlertListParams = {}): AsyncGenerator<Alert, void, undefined> {
    return autoPage(params, (page) => this.list(page));
  }
}
