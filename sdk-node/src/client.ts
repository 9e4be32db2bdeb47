import { createNozleClient } from '@nozle/openapi';
import { check, retrieveEntitlements, type CanOptions, type Check, type Entitlements } from './entitlements.js';
import { resolveNozleOptions, type NozleOptions } from './options.js';
import { Customers } from './resources/customers.js';
import { Features } from './resources/features.js';
import { Grants } from './resources/grants.js';
import { Plans } from './resources/plans.js';
import { Purchases } from './resources/purchases.js';
import { Subscriptions } from './resources/subscriptions.js';
import type { TrackParams } from './track/event.js';
import { Tracker, type TrackStats } from './track/tracker.js';
import { VERSION } from './version.js';

/**
 * The Nozle client for backend code. Create one per process and share it.
 *
 * Every method returns the API object and throws a typed `NozleError` subclass when the
 * request fails (`NozleInvalidRequestError`, `NozleAuthenticationError`, …), or a
 * `NozleConnectionError` when no response arrived.
 *
 * @example
 * ```ts
 * import { Nozle } from '@nozle/node';
 *
 * const nozle = new Nozle({ secretKey: process.env.NOZLE_SECRET_KEY! });
 * const customer = await nozle.customers.create({ external_id: 'user_42', email: 'ada@example.com' });
 *
 * nozle.track({ customer: 'user_42', event: 'export.created' }); // queued, sent in the background
 * await nozle.shutdown(); // before a script ends: sends what is queued
 * ```
 */
export class Nozle {
  /** Base URL every request goes to, without a trailing slash. */
  readonly baseUrl: string;

  /** Create, retrieve, update, delete and list customers. */
  readonly customers: Customers;
  /** Create, retrieve, update and list features. */
  readonly features: Features;
  /** Create, retrieve, update, migrate and list plans. */
  readonly plans: Plans;
  /** Create, retrieve, update, cancel and list subscriptions. */
  readonly subscriptions: Subscriptions;
  /** Record, retrieve, refund and list one-time purchases. */
  readonly purchases: Purchases;
  /** Grant or revoke features by hand, and list a customer's grants. */
  readonly grants: Grants;

  // Private, and the key lives only inside it, so it never shows up in logs or
  // `JSON.stringify(nozle)`.
  readonly #client: ReturnType<typeof createNozleClient>;
  readonly #tracker: Tracker;

  /**
   * Validates `options` once; nothing is sent over the network here.
   *
   * @param options - see {@link NozleOptions}; `baseUrl` defaults to `http://localhost:4000`
   *   and `fetch` to `globalThis.fetch`.
   * @throws TypeError when `secretKey` does not start with `sk_`, `baseUrl` is not an
   *   http(s) URL, or `fetch` is not a function.
   */
  constructor(options: NozleOptions) {
    const resolved = resolveNozleOptions(options);
    this.baseUrl = resolved.baseUrl;
    this.#client = createNozleClient({
      apiKey: resolved.secretKey,
      baseUrl: resolved.baseUrl,
      // Without an injected fetch the client looks `globalThis.fetch` up at each call, so a
      // polyfill or an interceptor (msw, nock) installed after `new Nozle()` still applies.
      fetch: options.fetch === undefined ? undefined : resolved.fetch,
      userAgent: `@nozle/node/${VERSION}`,
    });
    this.customers = new Customers(this.#client);
    this.features = new Features(this.#client);
    this.plans = new Plans(this.#client);
    this.subscriptions = new Subscriptions(this.#client);
    this.purchases = new Purchases(this.#client);
    this.grants = new Grants(this.#client);
    this.#tracker = new Tracker(this.#client, resolved.track);
  }

  /**
   * May this customer use this feature? Asks the API (`POST /v1/check`), which answers from
   * its cache; nothing is recorded, so checking does not use up a metered feature.
   *
   * @param customer - the customer's `cus_…` id or your `external_id`
   * @param feature - the feature's key
   * @param options - `quantity`: for a metered feature, how many units you are about to use
   * @returns the answer: `allowed`, and when not, a `reason` (`no_access`, `revoked`,
   *   `limit_reached`, `not_found`); metered features add `limit`, `used`, `remaining` and
   *   `resets_at`.
   *
   * @example
   * ```ts
   * const check = await nozle.can('user_42', 'exports', { quantity: 3 });
   * if (!check.allowed) {
   *   return res.status(402).json({ reason: check.reason, remaining: check.remaining });
   * }
   * ```
   */
  async can(customer: string, feature: string, options?: CanOptions): Promise<Check> {
    return check(this.#client, customer, feature, options);
  }

  /**
   * Every feature of the project for this customer, as one snapshot whose `version` grows with
   * every change.
   *
   * @param customer - the customer's `cus_…` id or your `external_id`
   */
  async entitlements(customer: string): Promise<Entitlements> {
    return retrieveEntitlements(this.#client, customer);
  }

  /**
   * Records a usage event, in the background: the event joins an in-memory queue that is sent
   * to `POST /v1/events` in batches, when `track.flushAt` events are queued or
   * `track.flushIntervalMs` after the first one, whichever comes first. Nothing to await.
   *
   * Network errors, 429 and 5xx are retried with backoff; the event keeps its id, so the API
   * counts it once however often it is sent. Events that cannot be recorded are reported to
   * `track.onError` (logged by default), never thrown.
   *
   * The queue lives in this process: a script or a serverless function must
   * `await nozle.shutdown()` (or `await nozle.flush()`) before it ends, or queued events are
   * lost. The SDK's timers do not keep the process alive.
   *
   * @param params - `customer`, `event`, and optionally `properties`, `timestamp` (a `Date`, or
   *   milliseconds since the epoch; the time of this call by default) and `id`
   * @returns the event's id: yours, or a new UUID v4
   * @throws TypeError at once for a missing `customer` or `event`, or a malformed `id`,
   *   `timestamp` or `properties` (including properties JSON cannot carry)
   *
   * @example
   * ```ts
   * nozle.track({ customer: 'user_42', event: 'export.created', properties: { pages: 12 } });
   * ```
   */
  track(params: TrackParams): string {
    return this.#tracker.track(params);
  }

  /**
   * Sends every event queued so far, and resolves once each was recorded or given up on
   * (including retries). Never rejects.
   */
  flush(): Promise<void> {
    return this.#tracker.flush();
  }

  /**
   * Stops the flush timer, sends what is queued, and resolves when done or after `timeoutMs`,
   * whichever comes first; events still unsent then are reported to `track.onError` with the
   * reason `shutdown_timeout`. Later `track()` calls are ignored with a warning. Calling it again
   * returns the same promise.
   *
   * @param timeoutMs - how long to wait for the API; `5000` by default
   */
  shutdown(timeoutMs = 5000): Promise<void> {
    return this.#tracker.shutdown(timeoutMs);
  }

  /**
   * Counters of `track()` since this client was made: events tracked, queued, accepted,
   * duplicates, rejected and dropped, requests and retries. Cheap; meant for metrics and
   * benchmarks.
   */
  trackStats(): TrackStats {
    return this.#tracker.stats();
  }
}
