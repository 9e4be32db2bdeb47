// Validates and fills in `createNozle(...)` options once, so the rest of the client can trust them.
import { isSnapshot, REALTIME_PATH, resolveBaseUrl, resolveCallPolicy, resolveFailureMode, type ResolvedCallPolicy } from '@nozle/openapi';
import type { Entitlements, FailureMode } from './types.js';

/** Options accepted by `createNozle(options)`. */
export interface NozleBrowserOptions {
  /**
   * Publishable key of your project (`pk_…`). Safe to ship to browsers: on its own it reads
   * nothing about any customer.
   */
  publishableKey: string;
  /**
   * Base URL of the Nozle API, without a trailing `/v1`. The realtime URL is derived from it
   * (`http` → `ws`, `https` → `wss`, plus `/v1/realtime`).
   * @defaultValue `'http://localhost:4000'` (a local `nozle` server)
   */
  baseUrl?: string;
  /**
   * A customer token your backend minted for the signed-in user (`nozle.customerToken(...)` in
   * `@nozle/node`). When `getCustomerToken` is given too, this one is used for the first
   * connection only (e.g. a token rendered into the page) and `getCustomerToken` afterwards.
   */
  customerToken?: string;
  /**
   * Fetches a fresh customer token from your backend. Called on each (re)connect, once more
   * when the server says the token expired (close 4409), was refused (4401) or its key was
   * revoked (4403), and before `checkout()` / `openPortal()`. Without it, an expired token ends
   * the connection.
   */
  getCustomerToken?: () => Promise<string>;
  /**
   * A snapshot to start from (rendered on the server, or cached), so the first paint needs no
   * round trip. Only newer versions replace it. `'customer_not_found'` when your server found
   * no such customer (`nozle.entitlements()` threw a 404): checks answer `customer_not_found`
   * (so `<Gate>` renders its fallback, on the server too) until a snapshot arrives.
   * @defaultValue none: `getSnapshot()` is `null` and checks answer `loading` until the first snapshot
   */
  bootstrap?: Entitlements | 'customer_not_found';
  /**
   * How long the server has to answer: the first snapshot after connecting (or reconnecting),
   * before the status becomes `unavailable` and checks answer by `failureMode` (reconnecting
   * goes on); and each `checkout()` / `openPortal()` call, retries included, before it rejects
   * with a `NozleTimeoutError`.
   * @defaultValue `10000`
   */
  timeoutMs?: number;
  /**
   * Retries of `checkout()` / `openPortal()` after a network error, a 429 or a 5xx (each call
   * carries one Idempotency-Key for all its attempts). `0` turns them off.
   * @defaultValue `2`
   */
  maxRetries?: number;
  /**
   * What checks answer while the server cannot be heard (`unavailable`): `'failClosed'`
   * (`allowed: false, reason: 'unavailable'`), `'failOpen'` (`allowed: true`), or `'lastKnown'`
   * (from the snapshot held, else as `failClosed`). A snapshot held answers as usual while
   * (re)connecting within `timeoutMs`. `check(feature, { failureMode })` sets it for one check.
   * @defaultValue `'failClosed'`
   */
  failureMode?: FailureMode;
  /**
   * Connect on the first `subscribe()` / `subscribeFeature()`, when a customer token source is
   * given and the runtime looks like a browser (a `document` and a global `WebSocket`, or a
   * `WebSocket` passed here). Otherwise call `connect()` yourself.
   * @defaultValue `true`
   */
  autoConnect?: boolean;
  /**
   * The WebSocket class to use, e.g. the one of the `ws` package outside browsers.
   * @defaultValue `globalThis.WebSocket`, looked up when connecting
   */
  WebSocket?: typeof WebSocket;
  /**
   * The fetch used by `checkout()` and `openPortal()`.
   * @defaultValue `globalThis.fetch`, looked up at each call
   */
  fetch?: typeof fetch;
  /**
   * Delays between reconnect attempts: exponential from `initialDelayMs` up to `maxDelayMs`,
   * each one drawn at random below that ceiling (full jitter).
   * @defaultValue `{ initialDelayMs: 250, maxDelayMs: 30000 }`
   */
  reconnect?: { initialDelayMs?: number; maxDelayMs?: number };
  /**
   * Told when the connection gives up (bad key or token, unknown customer, a hello the
   * server did not understand) or a customer token could not be fetched.
   * @defaultValue `console.error`
   */
  onError?: (error: Error) => void;
}

/** {@link NozleBrowserOptions} after validation, with every default filled in. */
export interface ResolvedNozleBrowserOptions {
  readonly publishableKey: string;
  readonly baseUrl: string;
}

/** Everything the client runs on, resolved once; not public (it holds tokens and functions). */
interface ClientConfig {
  readonly options: ResolvedNozleBrowserOptions;
  readonly realtimeUrl: string;
  readonly customerToken: string | undefined;
  readonly getCustomerToken: (() => Promise<string>) | undefined;
  readonly bootstrap: Entitlements | null;
  /** The bootstrap said the customer does not exist. */
  readonly customerMissing: boolean;
  readonly policy: ResolvedCallPolicy;
  readonly failureMode: FailureMode;
  readonly autoConnect: boolean;
  readonly WebSocket: typeof WebSocket | undefined;
  readonly fetch: typeof fetch | undefined;
  readonly reconnect: { readonly initialDelayMs: number; readonly maxDelayMs: number };
  readonly onError: (error: Error) => void;
}

const DEFAULT_RECONNECT = Object.freeze({ initialDelayMs: 250, maxDelayMs: 30_000 });

/**
 * @throws TypeError when an option is missing or malformed. Messages never include the key.
 */
function resolveNozleBrowserOptions(options: NozleBrowserOptions): ResolvedNozleBrowserOptions {
  if (options === null || typeof options !== 'object') {
    throw new TypeError('Nozle: options are required, e.g. createNozle({ publishableKey: "pk_..." }).');
  }
  return Object.freeze({
    publishableKey: resolvePublishableKey(options.publishableKey),
    baseUrl: resolveBaseUrl(options.baseUrl),
  });
}

/** @throws TypeError when an option is missing or malformed. */
export function resolveClientConfig(options: NozleBrowserOptions): ClientConfig {
  const resolved = resolveNozleBrowserOptions(options);
  if (options.customerToken !== undefined && (typeof options.customerToken !== 'string' || options.customerToken === '')) {
    throw new TypeError('Nozle: `customerToken` must be a non-empty string.');
  }
  return Object.freeze({
    options: resolved,
    realtimeUrl: `${resolved.baseUrl.replace(/^http/, 'ws')}${REALTIME_PATH}`,
    customerToken: options.customerToken,
    getCustomerToken: optionalFunction(options.getCustomerToken, 'getCustomerToken'),
    bootstrap: options.bootstrap === 'customer_not_found' ? null : resolveBootstrap(options.bootstrap),
    customerMissing: options.bootstrap === 'customer_not_found',
    policy: resolveCallPolicy({ timeoutMs: options.timeoutMs, maxRetries: options.maxRetries }),
    failureMode: resolveFailureMode(options.failureMode),
    autoConnect: resolveAutoConnect(options.autoConnect),
    WebSocket: optionalFunction(options.WebSocket, 'WebSocket'),
    fetch: optionalFunction(options.fetch, 'fetch'),
    reconnect: resolveReconnect(options.reconnect),
    onError: optionalFunction(options.onError, 'onError') ?? ((error: Error) => console.error(error)),
  });
}

export { resolveFailureMode };

function resolvePublishableKey(publishableKey: unknown): string {
  if (typeof publishableKey !== 'string' || publishableKey === '') {
    throw new TypeError('Nozle: `publishableKey` is required and must be a string starting with "pk_".');
  }
  if (publishableKey.startsWith('sk_')) {
    // A secret key in a browser bundle is readable by anyone: refuse it loudly.
    throw new TypeError(
      'Nozle: `publishableKey` is a secret key ("sk_..."). Never ship it to a browser; use a publishable key ("pk_...") and keep the secret key in @nozle/node on your server.',
    );
  }
  if (!/^pk_\S+$/.test(publishableKey)) {
    throw new TypeError('Nozle: `publishableKey` must start with "pk_" (a publishable key from your project settings).');
  }
  return publishableKey;
}

function optionalFunction<T>(value: T | undefined, name: string): T | undefined {
  if (value !== undefined && typeof value !== 'function') {
    throw new TypeError(`Nozle: \`${name}\` must be a function.`);
  }
  return value;
}

function resolveAutoConnect(value: unknown): boolean {
  if (value === undefined) return true;
  if (typeof value !== 'boolean') throw new TypeError('Nozle: `autoConnect` must be a boolean.');
  return value;
}

function resolveBootstrap(bootstrap: unknown): Entitlements | null {
  if (bootstrap === undefined || bootstrap === null) return null;
  if (!isSnapshot(bootstrap)) {
    throw new TypeError('Nozle: `bootstrap` must be an entitlements snapshot ({ object: "entitlements", version, features, ... }).');
  }
  return bootstrap;
}

function resolveReconnect(reconnect: NozleBrowserOptions['reconnect']): ClientConfig['reconnect'] {
  if (reconnect === undefined) return DEFAULT_RECONNECT;
  if (reconnect === null || typeof reconnect !== 'object') throw new TypeError('Nozle: `reconnect` must be an object.');
  const initialDelayMs = delay(reconnect.initialDelayMs, 'initialDelayMs', DEFAULT_RECONNECT.initialDelayMs);
  const maxDelayMs = delay(reconnect.maxDelayMs, 'maxDelayMs', Math.max(DEFAULT_RECONNECT.maxDelayMs, initialDelayMs));
  if (maxDelayMs < initialDelayMs) {
    throw new TypeError('Nozle: `reconnect.maxDelayMs` must not be below `reconnect.initialDelayMs`.');
  }
  return Object.freeze({ initialDelayMs, maxDelayMs });
}

function delay(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  // 0 would reconnect in a tight loop.
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new TypeError(`Nozle: \`reconnect.${name}\` must be a number of milliseconds > 0.`);
  }
  return value;
}
