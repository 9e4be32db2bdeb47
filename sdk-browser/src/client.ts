import { answerCan, answerCheck, availabilityOf } from './availability.js';
import { createBackoff } from './backoff.js';
import { createHostedSessions, type CheckoutParams, type PortalParams } from './checkout.js';
import { createConnection, type Connection } from './connection.js';
import { createCustomerTokenSource } from './customer-token.js';
import { resolveClientConfig, resolveFailureMode, type NozleBrowserOptions, type ResolvedNozleBrowserOptions } from './options.js';
import { createStore } from './store.js';
import { createTimeFlips } from './time-flips.js';
import type { Availability, CheckOptions, Entitlement, Entitlements, HostedSession, LocalCheck, NozleStatus, ReachedAlert } from './types.js';

/**
 * A Nozle browser client: the customer's entitlements, kept current over a WebSocket, with
 * local checks and hosted checkout / portal. Framework-free; `@nozle/react` wraps it.
 */
export interface NozleBrowserClient {
  /** The options this client was created with, validated and with defaults filled in. */
  readonly options: ResolvedNozleBrowserOptions;
  /**
   * The newest snapshot held, or `null` before the first one (and without `bootstrap`). The
   * same object until a newer version arrives, so it can feed `useSyncExternalStore` as is.
   */
  getSnapshot(): Entitlements | null;
  /**
   * One feature's entry, or `undefined` when the snapshot does not have it. The same object
   * while that entry is unchanged, even across newer versions.
   */
  getFeature(feature: string): Entitlement | undefined;
  /**
   * The alerts (`/v1/alerts`) the customer has reached and is still at: usage and spend alerts
   * fired in the current period, credit balance alerts still below their amount. Empty before
   * the first snapshot and when none is reached; an entry leaves at its `period_end`. The same
   * array while they are unchanged.
   */
  getAlerts(): readonly ReachedAlert[];
  /** Where the realtime connection stands; `idle` until `connect()`. */
  getStatus(): NozleStatus;
  /**
   * What checks answer from: `ready` (a snapshot), `loading`, `unavailable` (by `failureMode`)
   * or `customer_not_found`. A string, so it can feed `useSyncExternalStore` as is.
   */
  getAvailability(): Availability;
  /**
   * Calls `listener` on every snapshot or status change. Connects first when `autoConnect`
   * applies (see {@link NozleBrowserOptions.autoConnect}).
   * @returns a function that unsubscribes
   */
  subscribe(listener: () => void): () => void;
  /**
   * Calls `listener` only when `getFeature(feature)` changes identity: other features'
   * changes, and newer versions that leave this one alone, stay silent.
   * @returns a function that unsubscribes
   */
  subscribeFeature(feature: string, listener: () => void): () => void;
  /**
   * Calls `listener` only when `getAlerts()` changes: an alert is reached, or no longer is.
   * Connects first when `autoConnect` applies.
   * @returns a function that unsubscribes
   */
  subscribeAlerts(listener: () => void): () => void;
  /**
   * Whether the customer may use `feature` (for `quantity` units of a metered one, default 1),
   * answered from the snapshot held with the server's rules. `false` while loading and for an
   * unknown customer; while the server cannot be heard, by `failureMode`.
   */
  can(feature: string, options?: CheckOptions): boolean;
  /**
   * Like {@link can}, with the reason (`loading`, `unavailable`, `customer_not_found` besides the
   * server's) and a metered feature's numbers.
   */
  check(feature: string, options?: CheckOptions): LocalCheck;
  /** Opens the realtime connection; does nothing while connecting or open. */
  connect(): void;
  /** Closes the realtime connection and stops reconnecting; `connect()` starts again. */
  close(): void;
  /**
   * Creates a checkout session for `plan`; send the user to the `url` it resolves to.
   * @throws a `NozleError` subclass when the API refuses (e.g. `NozleInvalidRequestError`)
   */
  checkout(params: CheckoutParams): Promise<HostedSession>;
  /**
   * Creates a billing portal session; send the user to the `url` it resolves to.
   * @throws a `NozleError` subclass when the API refuses
   */
  openPortal(params?: PortalParams): Promise<HostedSession>;
}

/**
 * How long a connected client waits, after flipping by itself, for the server's own push of
 * the change before it says hello again (the server pushes within a second of the instant).
 */
const REFRESH_GRACE_MS = 3_000;

/**
 * Creates the browser client. Call it once per app (or pass it to `<NozleProvider>`).
 * Nothing is sent over the network and no browser global is touched here, so it is safe
 * during a server render; the connection opens on `connect()` or the first `subscribe()`.
 *
 * @example
 * ```ts
 * import { createNozle } from '@nozle/browser';
 *
 * const nozle = createNozle({
 *   publishableKey: 'pk_live_...',
 *   getCustomerToken: () => fetch('/api/nozle-token').then((r) => r.json()).then((b) => b.token),
 * });
 * nozle.subscribeFeature('export', () => render(nozle.can('export')));
 * ```
 *
 * @param options - see {@link NozleBrowserOptions}; `baseUrl` defaults to `http://localhost:4000`.
 * @throws TypeError when `publishableKey` does not start with `pk_` (a secret `sk_` key is
 *   refused outright), `baseUrl` is not an http(s) URL, or another option is malformed.
 */
export function createNozle(options: NozleBrowserOptions): NozleBrowserClient {
  const config = resolveClientConfig(options);
  const store = createStore(config.bootstrap, config.customerMissing);
  const tokens = createCustomerTokenSource(config.customerToken, config.getCustomerToken);
  const sessions = createHostedSessions({ ...config.options, tokens, fetch: config.fetch, policy: config.policy });
  const modeOf = (checkOptions: CheckOptions | undefined) => resolveFailureMode(checkOptions?.failureMode, config.failureMode);
  let connection: Connection | null = null;
  // Armed while connected (never during a server render): the store flips at its next instant
  // even when the server cannot be heard, then asks it for what comes after.
  const flips = createTimeFlips(store, () => connection?.refresh(REFRESH_GRACE_MS));
  let flipping = false;
  store.subscribe(() => {
    if (flipping) flips.schedule();
  });

  const connect = () => {
    flipping = true;
    flips.schedule();
    connection ??= createConnection({
      url: config.realtimeUrl,
      publishableKey: config.options.publishableKey,
      tokens,
      store,
      backoff: createBackoff(config.reconnect),
      WebSocket: config.WebSocket,
      onError: config.onError,
      timeoutMs: config.policy.timeoutMs,
    });
    connection.connect();
  };

  // Only a browser (or a caller who brought a WebSocket) connects by itself; a server render never does.
  const autoConnect = () => {
    if (!config.autoConnect || !tokens.available || store.getStatus() !== 'idle') return;
    const browserLike = typeof globalThis.document !== 'undefined' && typeof globalThis.WebSocket === 'function';
    if (config.WebSocket !== undefined || browserLike) connect();
  };

  return Object.freeze({
    options: config.options,
    getSnapshot: store.getSnapshot,
    getFeature: store.getFeature,
    getAlerts: store.getAlerts,
    getStatus: store.getStatus,
    getAvailability: () => availabilityOf(store),
    subscribe(listener: () => void) {
      const unsubscribe = store.subscribe(listener);
      autoConnect();
      return unsubscribe;
    },
    subscribeFeature(feature: string, listener: () => void) {
      const unsubscribe = store.subscribeFeature(feature, listener);
      autoConnect();
      return unsubscribe;
    },
    subscribeAlerts(listener: () => void) {
      const unsubscribe = store.subscribeAlerts(listener);
      autoConnect();
      return unsubscribe;
    },
    can: (feature: string, checkOptions?: CheckOptions) => answerCan(store, feature, checkOptions?.quantity, modeOf(checkOptions)),
    check: (feature: string, checkOptions?: CheckOptions) => answerCheck(store, feature, checkOptions?.quantity, modeOf(checkOptions)),
    connect,
    close() {
      flipping = false;
      flips.stop();
      if (connection === null) store.setStatus('closed');
      else connection.close();
    },
    checkout: sessions.checkout,
    openPortal: sessions.openPortal,
  });
}
