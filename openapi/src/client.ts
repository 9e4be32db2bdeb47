// The typed fetch client: openapi-fetch over the generated `paths`, plus the headers every
// Nozle request needs and typed errors for failures.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { NozleConnectionError, NozleError, errorFromResponse } from './errors.js';
import type { paths } from './generated/schema.js';
import { resolveBaseUrl } from './base-url.js';
import { fetchWithRetries, type FetchLike } from './retry/fetch.js';
import { resolveCallPolicy, type CallPolicy, type ResolvedCallPolicy } from './retry/policy.js';

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
  /**
   * The longest one call may take, retries included, in milliseconds; then it rejects with a
   * `NozleTimeoutError`. Per call: {@link callOptions}.
   * @defaultValue `10000`
   */
  timeoutMs?: number;
  /**
   * Retries of an idempotent call (GET, DELETE, and every POST, which carries an
   * `Idempotency-Key`) after a network error, a 429 or a 5xx, with jittered exponential backoff
   * or the server's `Retry-After`. `0` turns them off.
   * @defaultValue `2`
   */
  maxRetries?: number;
}

export type NozleClient = Client<paths>;

/** What one call may set for itself: {@link CallPolicy}, and a signal that aborts it. */
export interface CallOptions extends CallPolicy {
  /** Aborts the call (and its retries); it rejects with the signal's reason, as `fetch` does. */
  signal?: AbortSignal;
}

/** Each client's transport and limits, for calls that set their own ({@link callOptions}). */
const transports = new WeakMap<NozleClient, { fetch: FetchLike; policy: ResolvedCallPolicy }>();

function validateApiKey(options: NozleClientOptions): void {
  if (typeof options?.apiKey !== 'string' || options.apiKey.trim() === '') {
    throw new TypeError('createNozleClient: `apiKey` must be a non-empty string.');
  }
}

/**
 * A random v4 UUID. `crypto.randomUUID` exists only in secure contexts (https, localhost);
 * a page served over plain http still has `getRandomValues`.
 */
export function randomUUID(): string {
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
    onError({ error, request }) {
      // The caller aborted on purpose: let its reason (an AbortError by default) through as it is.
      if (request.signal.aborted || (error instanceof Error && error.name === 'AbortError')) return undefined;
      // Already typed: a NozleTimeoutError from the retry loop.
      if (error instanceof NozleError) return error;
      const reason = error instanceof Error ? error.message : String(error);
      return new NozleConnectionError(`Could not reach the Nozle API: ${reason}`, error);
    },
  };
}

/**
 * Creates a client typed by the Nozle contract. Calls return openapi-fetch's
 * `{ data, response } | { error, response }`; pass the result to {@link unwrap} to get the
 * data or a typed {@link NozleError}. A network failure rejects with `NozleConnectionError`, a
 * call past its `timeoutMs` with `NozleTimeoutError`; network errors, 429 and 5xx of
 * idempotent calls are retried first (see {@link NozleClientOptions.maxRetries}).
 *
 * @example
 * const nozle = createNozleClient({ apiKey: 'sk_…', baseUrl: 'http://localhost:4000' });
 * const customer = unwrap(await nozle.POST('/v1/customers', { body: { email: 'a@b.co' } }));
 */
export function createNozleClient(options: NozleClientOptions): NozleClient {
  validateApiKey(options);
  const customFetch = options.fetch;
  const transport: FetchLike = (request) => (customFetch ? customFetch(request) : globalThis.fetch(request));
  const policy = resolveCallPolicy({ timeoutMs: options.timeoutMs, maxRetries: options.maxRetries });
  const client = createClient<paths>({
    baseUrl: resolveBaseUrl(options.baseUrl),
    // Below the middleware: every attempt of a call is the request it made, Idempotency-Key included.
    fetch: (request: Request) => fetchWithRetries(request, transport, policy),
  });
  client.use(nozleMiddleware(options));
  transports.set(client, { fetch: transport, policy });
  return client;
}

/**
 * What to spread into one call's options to give it its own timeout, retries or signal:
 * `client.POST('/v1/check', { body, ...callOptions(client, { timeoutMs: 2000, signal }) })`.
 *
 * @throws TypeError for a malformed `timeoutMs` or `maxRetries`
 */
export function callOptions(client: NozleClient, options: CallOptions | undefined): { fetch?: FetchLike; signal?: AbortSignal } {
  if (options === undefined) return {};
  const { signal, timeoutMs, maxRetries } = options;
  // Duck-typed: a signal of another realm (a test DOM, a polyfill) is not `instanceof` this one's.
  if (signal !== undefined && (typeof signal?.aborted !== 'boolean' || typeof signal.addEventListener !== 'function')) {
    throw new TypeError('Nozle: `signal` must be an AbortSignal.');
  }
  const init: { fetch?: FetchLike; signal?: AbortSignal } = signal === undefined ? {} : { signal };
  const transport = transports.get(client);
  if (transport === undefined || (timeoutMs === undefined && maxRetries === undefined)) return init;
  const policy = resolveCallPolicy({ timeoutMs, maxRetries }, transport.policy);
  return { ...init, fetch: (request: Request) => fetchWithRetries(request, transport.fetch, policy) };
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
