// `nozle.webhookEndpoints` and `nozle.webhookEvents`: where Nozle sends its webhooks, and what it
// sent, over /v1/webhook_endpoints and /v1/webhook_events.
import { unwrap, type NozleClient, type Schemas } from '@nozle/openapi';
import { autoPage } from '../pagination.js';
import { idempotencyHeader, pathParam, type QueryParams, type RequestOptions } from './request.js';

export type WebhookEndpoint = Schemas['WebhookEndpoint'];
export type WebhookEndpointWithSecret = Schemas['WebhookEndpointWithSecret'];
export type WebhookEndpointCreateParams = Schemas['WebhookEndpointCreateParams'];
export type WebhookEndpointUpdateParams = Schemas['WebhookEndpointUpdateParams'];
export type WebhookEndpointRollParams = Schemas['WebhookEndpointRollParams'];
export type WebhookEndpointList = Schemas['WebhookEndpointList'];
export type WebhookEndpointListParams = QueryParams<'listWebhookEndpoints'>;
export type DeletedWebhookEndpoint = Schemas['DeletedWebhookEndpoint'];
export type WebhookEventRecord = Schemas['WebhookEvent'];
export type WebhookEventList = Schemas['WebhookEventList'];
export type WebhookEventListParams = QueryParams<'listWebhookEvents'>;

const endpointPath = (endpoint: string) => ({ endpoint: pathParam(endpoint, 'endpoint') });

/** Webhook endpoints of your project. `endpoint` arguments take a `we_…` id. */
export class WebhookEndpoints {
  readonly #client: NozleClient;

  /** @internal Reached as `nozle.webhookEndpoints`. */
  constructor(client: NozleClient) {
    this.#client = client;
  }

  /** Registers a URL for the project's events. Its signing `secret` is in this answer only: keep it for `nozle.webhooks.verify`. */
  async create(params: WebhookEndpointCreateParams, options?: RequestOptions): Promise<WebhookEndpointWithSecret> {
    return unwrap(await this.#client.POST('/v1/webhook_endpoints', { params: { header: idempotencyHeader(options) }, body: params }));
  }

  async retrieve(endpoint: string): Promise<WebhookEndpoint> {
    return unwrap(await this.#client.GET('/v1/webhook_endpoints/{endpoint}', { params: { path: endpointPath(endpoint) } }));
  }

  /** Changes its URL, description, events, or `status` (`disabled` receives nothing). */
  async update(endpoint: string, params: WebhookEndpointUpdateParams, options?: RequestOptions): Promise<WebhookEndpoint> {
    return unwrap(
      await this.#client.POST('/v1/webhook_endpoints/{endpoint}', {
        params: { path: endpointPath(endpoint), header: idempotencyHeader(options) },
        body: params,
      }),
    );
  }

  async del(endpoint: string): Promise<DeletedWebhookEndpoint> {
    return unwrap(await this.#client.DELETE('/v1/webhook_endpoints/{endpoint}', { params: { path: endpointPath(endpoint) } }));
  }

  /** A new secret (in this answer only); the old one keeps signing beside it for `expires_in` seconds (a day by default). */
  async rollSecret(endpoint: string, params: WebhookEndpointRollParams = {}, options?: RequestOptions): Promise<WebhookEndpointWithSecret> {
    return unwrap(
      await this.#client.POST('/v1/webhook_endpoints/{endpoint}/roll_secret', {
        params: { path: endpointPath(endpoint), header: idempotencyHeader(options) },
        body: params,
      }),
    );
  }

  async list(params?: WebhookEndpointListParams): Promise<WebhookEndpointList> {
    return unwrap(await this.#client.GET('/v1/webhook_endpoints', { params: { query: params } }));
  }

  listAll(params: WebhookEndpointListParams = {}): AsyncGenerator<WebhookEndpoint, void, undefined> {
    return autoPage(params, (page) => this.list(page));
  }
}

/** The events Nozle raised, each with its deliveries and every attempt. `event` arguments take a `whe_…` id. */
export class WebhookEvents {
  readonly #client: NozleClient;

  /** @internal Reached as `nozle.webhookEvents`. */
  constructor(client: NozleClient) {
    this.#client = client;
  }

  async retrieve(event: string): Promise<WebhookEventRecord> {
    return unwrap(await this.#client.GET('/v1/webhook_events/{event}', { params: { path: { event: pathParam(event, 'event') } } }));
  }

  /** Sends the event to `endpoint` again now. */
  async resend(event: string, endpoint: string, options?: RequestOptions): Promise<WebhookEventRecord> {
    return unwrap(
      await this.#client.POST('/v1/webhook_events/{event}/resend', {
        params: { path: { event: pathParam(event, 'event') }, header: idempotencyHeader(options) },
        body: { endpoint },
      }),
    );
  }

  async list(params?: WebhookEventListParams): Promise<WebhookEventList> {
    return unwrap(await this.#client.GET('/v1/webhook_events', { params: { query: params } }));
  }

  listAll(params: WebhookEventListParams = {}): AsyncGenerator<WebhookEventRecord, void, undefined> {
    return autoPage(params, (page) => this.list(page));
  }
}
