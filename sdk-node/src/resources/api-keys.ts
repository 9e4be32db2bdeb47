// `nozle.apiKeys`: the project's secret and publishable keys, over /v1/api_keys.
import { unwrap, type NozleClient, type Schemas } from '@nozle/openapi';
import { autoPage } from '../pagination.js';
import { idempotencyHeader, pathParam, type QueryParams, type RequestOptions } from './request.js';

export type ApiKey = Schemas['ApiKey'];
export type ApiKeyWithSecret = Schemas['ApiKeyWithSecret'];
export type ApiKeyCreateParams = Schemas['ApiKeyCreateParams'];
export type ApiKeyListParams = QueryParams<'listApiKeys'>;
export type ApiKeyList = Schemas['ApiKeyList'];

/** API keys of your project. `key` arguments take a `key_…` id (never the key itself). */
export class ApiKeys {
  readonly #client: NozleClient;

  /** @internal Reached as `nozle.apiKeys`. */
  constructor(client: NozleClient) {
    this.#client = client;
  }

  /** Creates a `secret` or `publishable` key. Its full value is in `secret`, in this answer only: store it now. */
  async create(params: ApiKeyCreateParams, options?: RequestOptions): Promise<ApiKeyWithSecret> {
    return unwrap(await this.#client.POST('/v1/api_keys', { params: { header: idempotencyHeader(options) }, body: params }));
  }

  /**
   * Revokes a key at once: requests made with it answer 401 from then on. Revoking twice changes
   * nothing; the project's last active secret key cannot be revoked (create another first).
   */
  async revoke(key: string, options?: RequestOptions): Promise<ApiKey> {
    return unwrap(
      await this.#client.POST('/v1/api_keys/{key}/revoke', {
        params: { path: { key: pathParam(key, 'key') }, header: idempotencyHeader(options) },
      }),
    );
  }

  /** One page of keys, newest first, each `redacted` (a key's value is never listed). */
  async list(params?: ApiKeyListParams): Promise<ApiKeyList> {
    return unwrap(await this.#client.GET('/v1/api_keys', { params: { query: params } }));
  }

  /** Every key, fetching pages as the loop needs them. */
  listAll(params: ApiKeyListParams = {}): AsyncGenerator<ApiKey, void, undefined> {
    return autoPage(params, (page) => this.list(page));
  }
}
