// The typed fetch client: openapi-fetch over the generated `paths`, plus the headers every
// Nozle request needs and typed errors for failures.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { NozleConnectionError, errorFromResponse } from './errors.js';
import type { paths } from './generated/schema.js';
import { resolveBaseUrl } from './base-url.js';

export interface NozleClientOptions {
  /** A secret (`sk_…`) or publishable (`pk_…`) key, sent as `Authorization: Bearer <key>`. */
  apiKey: string;
  /** Where the Nozle server is; `http://localhost:4000` by default. */
  baseUrl?: string;
  /**
   * The fetch to use. Defaults to `globalThis.fetch`, looked up at each call so a polyfill
   * or a test interceptor installed later still applies.
   */
  fetch?: (input: Request) => Promise<Response>;
  /**
   * Sent as `User-Agent`, e.g. `@nozle/node/1.2.3`. Browsers may drop it; that is harmless.
   */
  userAgent?: string;
}

export type NozleClient = Client<paths>;

function validateApiKey(options: NozleClientOptions): void {
  if (typeof options?.apiKey !== 'string' || options.apiKey.trim() === '') {
    throw new TypeError('createNozleClient: `apiKey` must be a non-empty string.');
  }
}

/**
 * A random v4 UUID. `crypto.randomUUID` exists only in secure contexts (https, localhost);
 * a page served over plain http still has `getRandomValues`.
 */
function randomUUID(): string {
  const { crypto } = globalThis;
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function nozleMiddleware(options: NozleClientOptions): Middleware {
  return {
    onRequest({ request }) {
      // A header the caller set on this one request wins over the client's defaults.
      if (!request.headers.has('Authorization')) {
        request.headers.set('Authorization', `Bearer ${options.apiKey}`);
      }
      if (options.userAgent !== undefined && !request.headers.has('User-Agent')) {
        request.headers.set('User-Agent', options.userAgent);
      }
      // Every POST carries a key, so a retry of the same call cannot apply twice.
      if (request.method === 'POST' && !request.headers.has('Idempotency-Key')) {
        request.headers.set('Idempotency-Key', randomUUID());
      }
      return request;
    },
    onError({ error }) {
      // The caller aborted on purpose: let the AbortError through as it is.
      if (error instanceof Error && error.name === 'AbortError') return undefined;
      const reason = error instanceof Error ? error.message : String(error);
      return new NozleConnectionError(`Could not reach the Nozle API: ${reason}`, error);
    },
  };
}

/**
 * Creates a client typed by the Nozle contract. Calls return openapi-fetch's
 * `{ data, response } | { error, response }`; pass the result to {@link unwrap} to get the
 * data or a typed {@link NozleError}. A network failure rejects with `NozleConnectionError`.
 *
 * @example
 * const nozle = createNozleClient({ apiKey: 'sk_…', baseUrl: 'http://localhost:4000' });
 * const customer = unwrap(await nozle.POST('/v1/customers', { body: { email: 'a@b.co' } }));
 */
export function createNozleClient(options: NozleClientOptions): NozleClient {
  validateApiKey(options);
  const customFetch = options.fetch;
  const client = createClient<paths>({
    baseUrl: resolveBaseUrl(options.baseUrl),
    fetch: (request: Request) => (customFetch ? customFetch(request) : globalThis.fetch(request)),
  });
  client.use(nozleMiddleware(options));
  return client;
}

/** What an openapi-fetch call resolves to, reduced to what {@link unwrap} reads. */
export interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The data type of a call's success branch (openapi-fetch's `{ data } | { error }` union). */
export type SuccessData<R> = R extends { data: infer T } ? T : never;

/**
 * Returns the data of a successful call, or throws the {@link NozleError} subclass that
 * matches the failed response (`requestId` from the `Request-Id` header or the body).
 */
export function unwrap<R extends FetchResult>(result: R): SuccessData<R> {
  if (result.error === undefined && result.response.ok) return result.data as SuccessData<R>;
  throw errorFromResponse(result.response.status, result.error, result.response.headers.get('Request-Id'));
}
