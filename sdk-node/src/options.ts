// Validates and fills in `new Nozle(...)` options once, so the rest of the SDK can trust them.
import { resolveBaseUrl } from '@nozle/openapi';
import { resolveStreamOptions, type ResolvedStreamOptions, type StreamOptions } from './local/options.js';
import { resolveTrackOptions, type ResolvedTrackOptions, type TrackOptions } from './track/options.js';
import { resolveOnError, withDefaultOnError, withStreamOnError, type NozleErrorHandler } from './on-error.js';
import { resolveWebhookSecret } from './webhooks/secret.js';

/** Options accepted by `new Nozle(options)`. */
export interface NozleOptions {
  /**
   * Secret API key of your project (`sk_…`). Gives full API access: keep it on the server.
   */
  secretKey: string;
  /**
   * Base URL of the Nozle API, without a trailing `/v1`.
   * @defaultValue `'http://localhost:4000'` (a local `nozle` server)
   */
  baseUrl?: string;
  /**
   * The `fetch` used for every request. Inject one to add a proxy, logging or a test double.
   * @defaultValue `globalThis.fetch`
   */
  fetch?: typeof globalThis.fetch;
  /**
   * Called with every problem of work done in the background, where no call of yours could
   * throw it: `track()`'s events that were not recorded (a `NozleTrackError`) and local mode's
   * connection problems (a `NozleLocalModeError`: refused key, lost connection, …).
   * `track.onError`, when given, takes track's reports instead. Should not throw.
   * @defaultValue one line per problem on `console.warn`, e.g.
   *   `[nozle] track: dropped 3 events: the API answered 401: … (401 invalid_api_key, request req_…)`
   */
  onError?: NozleErrorHandler;
  /**
   * The signing secret of your webhook endpoint (`whsec_…`), which `nozle.webhooks.verify()`
   * uses when its call gives none.
   */
  webhookSecret?: string;
  /**
   * How `nozle.track()` queues, batches and retries events; see {@link TrackOptions} for each
   * option and its default.
   */
  track?: TrackOptions;
  /**
   * Local mode: keep a copy of every customer's entitlements in memory, streamed over a
   * WebSocket (`/v1/realtime`), so `nozle.can()` answers without a request. `true` for the
   * defaults, or {@link StreamOptions} (e.g. `{ WebSocket }` to inject a WebSocket class).
   *
   * The connection opens in the constructor and stays open until `nozle.shutdown()`; until the
   * copy is current, and whenever the connection is down, `can()` asks the API as without it.
   * The copy holds every customer's snapshot of the project.
   * @defaultValue `false`
   *
   * @example
   * ```ts
   * const nozle = new Nozle({ secretKey: process.env.NOZLE_SECRET_KEY!, stream: true });
   * const check = await nozle.can('user_42', 'exports'); // from memory once the copy is current
   * process.on('SIGTERM', () => void nozle.shutdown()); // closes the stream too
   * ```
   */
  stream?: boolean | StreamOptions;
  /**
   * The clock, in milliseconds since the epoch: what `track()` stamps events (and each batch's
   * `sent_at`) with, and what `customerToken()` counts the expiry from. Inject one in tests.
   * @defaultValue `Date.now`
   */
  now?: () => number;
}

/** {@link NozleOptions} after validation, with every default filled in. */
export interface ResolvedNozleOptions {
  readonly secretKey: string;
  readonly baseUrl: string;
  readonly fetch: typeof globalThis.fetch;
  readonly webhookSecret: string | undefined;
  readonly track: ResolvedTrackOptions;
  /** Undefined: local mode is off. */
  readonly stream: ResolvedStreamOptions | undefined;
  readonly now: () => number;
}

/**
 * @throws TypeError when an option is missing or malformed. Messages never include the key.
 */
export function resolveNozleOptions(options: NozleOptions): ResolvedNozleOptions {
  if (options === null || typeof options !== 'object') {
    throw new TypeError('Nozle: options are required, e.g. new Nozle({ secretKey: "sk_..." }).');
  }
  const onError = resolveOnError(options.onError);
  return {
    secretKey: resolveSecretKey(options.secretKey),
    baseUrl: resolveBaseUrl(options.baseUrl),
    fetch: resolveFetch(options.fetch),
    webhookSecret: resolveWebhookSecret(options.webhookSecret, 'webhookSecret'),
    track: withDefaultOnError(resolveTrackOptions(options.track), onError),
    stream: withStreamOnError(resolveStreamOptions(options.stream), onError),
    now: resolveNow(options.now),
  };
}

function resolveNow(now: unknown): () => number {
  if (now === undefined) return Date.now;
  if (typeof now !== 'function') throw new TypeError('Nozle: `now` must be a function returning milliseconds since the epoch, like Date.now.');
  return now as () => number;
}

function resolveSecretKey(secretKey: unknown): string {
  if (typeof secretKey !== 'string' || secretKey === '') {
    throw new TypeError('Nozle: `secretKey` is required and must be a string starting with "sk_".');
  }
  if (secretKey.startsWith('pk_')) {
    throw new TypeError(
      'Nozle: `secretKey` is a publishable key ("pk_..."). @nozle/node needs a secret key ("sk_..."); publishable keys belong in @nozle/browser.',
    );
  }
  if (!/^sk_\S+$/.test(secretKey)) {
    throw new TypeError('Nozle: `secretKey` must start with "sk_" (a secret key from your project settings).');
  }
  return secretKey;
}

function resolveFetch(fetchOption: unknown): typeof globalThis.fetch {
  if (fetchOption === undefined) {
    if (typeof globalThis.fetch !== 'function') {
      throw new TypeError('Nozle: no global `fetch` in this runtime; pass one as the `fetch` option.');
    }
    return globalThis.fetch;
  }
  if (typeof fetchOption !== 'function') {
    throw new TypeError('Nozle: the `fetch` option must be a function with the signature of globalThis.fetch.');
  }
  return fetchOption as typeof globalThis.fetch;
}
