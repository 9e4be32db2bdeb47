import { createNozleClient, REALTIME_PATH, type CallOptions } from '@nozle/openapi';
import { customerTokenKey, resolveCustomerTokenArgs, signCustomerToken, type CustomerTokenOptions } from './customer-token.js';
import { Checker } from './check/checker.js';
import { retrieveEntitlements, type CanOptions, type Check, type Entitlements } from './entitlements.js';
import { SnapshotStream, type LocalStats } from './local/stream.js';
import { resolveNozleOptions, type NozleOptions } from './options.js';
import { Analytics, CostModels } from './resources/analytics.js';
import { ApiKeys } from './resources/api-keys.js';
import { WebhookEndpoints, WebhookEvents } from './resources/webhook-endpoints.js';
import { Alerts } from './resources/alerts.js';
import { ReservationHandle, Reservations, type ReserveOptions } from './resources/reservations.js';
import { Credits } from './resources/credits.js';
import { Customers } from './resources/customers.js';
import { Features } from './resources/features.js';
import { Grants } from './resources/grants.js';
import { Health, ProjectResource } from './resources/health.js';
import { Invoices } from './resources/invoices.js';
import { Coupons, PromotionCodes } from './resources/coupons.js';
import { TaxRates } from './resources/tax-rates.js';
import { Meters } from './resources/meters.js';
import { retrieveProject } from './project.js';
import { Plans } from './resources/plans.js';
import { Checkout, Payments, Portal } from './resources/payments.js';
import { Purchases } from './resources/purchases.js';
import { Subscriptions } from './resources/subscriptions.js';
import { UsageResource } from './resources/usage.js';
import { Webhooks } from './webhooks/verify.js';
import type { TrackParams } from './track/event.js';
import { Tracker, type TrackStats } from './track/tracker.js';
import { VERSION } from './version.js';

/**
 * The Nozle client for backend code. Create one per process and share it.
 *
 * Every operation of the API has a method (`nozle.customers.create()`, `nozle.meters.list()`,
 * `nozle.invoices.pay()`, …). Each returns the API object and throws a typed `NozleError`
 * subclass when the request fails (`NozleInvalidRequestError`, `NozleAuthenticationError`, …),
 * or a `NozleConnectionError` when no response arrived (`NozleTimeoutError` past `timeoutMs`).
 * Network errors, 429 and 5xx are retried first (`maxRetries`); `can()` never throws for them.
 *
 * Work done in the background (`track()`) never throws: its problems go to the `onError`
 * option, or else one line each to `console.warn` (`[nozle] track: …`).
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
  /** Create, retrieve, update, cancel, resume and list subscriptions, and take back a scheduled plan change. */
  readonly subscriptions: Subscriptions;
  /** Record, retrieve, refund and list one-time purchases. */
  readonly purchases: Purchases;
  /** Grant or revoke features by hand, and list a customer's grants. */
  readonly grants: Grants;
  /** Retrieve, list, pay, void and mark uncollectible invoices, and preview a customer's upcoming one. */
  readonly invoices: Invoices;
  /** Grant prepaid credit, and read a customer's balances and grants. */
  readonly credits: Credits;
  /** Create and list cost models: what a unit of a meter costs you. */
  readonly costModels: CostModels;
  /** The margin report: revenue, cost and margin, with MRR and churn. */
  readonly analytics: Analytics;
  /** Hosted checkout sessions (Stripe Checkout, or the sandbox's page). */
  readonly checkout: Checkout;
  /** Billing portal sessions. */
  readonly portal: Portal;
  /** The payment provider's events, reconciliation runs, and the sandbox's test clock. */
  readonly payments: Payments;
  /** Create, retrieve and list meters: what turns events into usage. */
  readonly meters: Meters;
  /** Create, retrieve, list and delete coupons. */
  readonly coupons: Coupons;
  /** Create, retrieve, list and deactivate promotion codes (what a customer types for a coupon). */
  readonly promotionCodes: PromotionCodes;
  /** Create, retrieve, update and list tax rates (for the invoices Nozle bills itself or through the sandbox). */
  readonly taxRates: TaxRates;
  /** A customer's usage per meter and period, and usage over a range, grouped. */
  readonly usage: UsageResource;
  /** Create, revoke and list the project's API keys. */
  readonly apiKeys: ApiKeys;
  /** Create, retrieve, update, delete, roll the secret of and list webhook endpoints. */
  readonly webhookEndpoints: WebhookEndpoints;
  /** The webhook events Nozle raised, with every delivery attempt; resend one. */
  readonly webhookEvents: WebhookEvents;
  /** Create, retrieve, update, delete and list alerts: thresholds on usage, credit balances and spend. */
  readonly alerts: Alerts;
  /** Create, retrieve, commit and release reservations (see `reserve()`). */
  readonly reservations: Reservations;
  /** The project this key belongs to. */
  readonly project: ProjectResource;
  /** The server's liveness and readiness probes. */
  readonly health: Health;
  /** Verify Nozle's outgoing webhooks (Standard Webhooks signatures). */
  readonly webhooks: Webhooks;

  // Private, and the key lives only inside it, so it never shows up in logs or
  // `JSON.stringify(nozle)`.
  readonly #client: ReturnType<typeof createNozleClient>;
  readonly #tracker: Tracker;
  readonly #checker: Checker;
  /** The HMAC key of customer tokens (the secret key's SHA-256), so no second copy of the key. */
  readonly #tokenKey: string;
  readonly #now: () => number;
  /** The project's id, asked once: concurrent first calls share the request; a failure is not kept. */
  #projectId: Promise<string> | undefined;
  /** Local mode's connection and copy; undefined when `stream` is off. */
  readonly #stream: SnapshotStream | undefined;
  readonly #answers = { local: 0, api: 0 };
  #shutdown: Promise<void> | undefined;

  /**
   * Validates `options` once. Nothing is sent over the network here, except in local mode
   * (`stream`), whose WebSocket opens at once.
   *
   * @param options - see {@link NozleOptions}; `baseUrl` defaults to `http://localhost:4000`
   *   and `fetch` to `globalThis.fetch`.
   * @throws TypeError when `secretKey` does not start with `sk_`, `baseUrl` is not an
   *   http(s) URL, `fetch` is not a function, or a `track` or `stream` option is malformed.
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
      ...resolved.policy,
    });
    this.#checker = new Checker(this.#client, resolved.checks);
    this.customers = new Customers(this.#client);
    this.features = new Features(this.#client);
    this.plans = new Plans(this.#client);
    this.subscriptions = new Subscriptions(this.#client);
    this.purchases = new Purchases(this.#client);
    this.grants = new Grants(this.#client);
    this.invoices = new Invoices(this.#client);
    this.credits = new Credits(this.#client);
    this.costModels = new CostModels(this.#client);
    this.meters = new Meters(this.#client);
    this.coupons = new Coupons(this.#client);
    this.promotionCodes = new PromotionCodes(this.#client);
    this.taxRates = new TaxRates(this.#client);
    this.usage = new UsageResource(this.#client);
    this.apiKeys = new ApiKeys(this.#client);
    this.webhookEndpoints = new WebhookEndpoints(this.#client);
    this.webhookEvents = new WebhookEvents(this.#client);
    this.alerts = new Alerts(this.#client);
    this.reservations = new Reservations(this.#client);
    this.project = new ProjectResource(this.#client);
    this.health = new Health(this.#client);
    this.webhooks = new Webhooks(resolved.webhookSecret);
    this.analytics = new Analytics(this.#client);
    this.checkout = new Checkout(this.#client);
    this.portal = new Portal(this.#client);
    this.payments = new Payments(this.#client);
    this.#tracker = new Tracker(this.#client, resolved.track, resolved.now, resolved.checks.createCustomers);
    this.#now = resolved.now;
    this.#tokenKey = customerTokenKey(resolved.secretKey);
    this.#stream = resolved.stream && new SnapshotStream(`${resolved.baseUrl.replace(/^http/, 'ws')}${REALTIME_PATH}`, resolved.secretKey, resolved.stream);
  }

  /**
   * May this customer use this feature? Asks the API (`POST /v1/check`), which answers from
   * its cache; nothing is recorded, so checking does not use up a metered feature.
   *
   * In local mode (`stream`) the answer comes from the copy in memory, the same as the API's,
   * without a request, once the copy is current and when it holds this customer's snapshot,
   * still valid (`valid_until` not reached), with this feature. Otherwise the API answers: while
   * connecting or reconnecting, for a customer or feature newer than the copy, and so on.
   *
   * @param customer - the customer's `cus_…` id or your `external_id`
   * @param feature - the feature's key
   * It never throws because the API cannot answer (network error, `timeoutMs` passed, 5xx, 429):
   * it answers by `failureMode` then (`reason: 'unavailable'`). A bad key or request still throws.
   *
   * @param options - `quantity`: for a metered feature, how many units you are about to use;
   *   `credits`: `{ currency, amount }` of prepaid credit the customer must hold as well;
   *   `timeoutMs`, `maxRetries`, `signal` and `failureMode` for this call; `customerData`
   *   (`{ email, name, metadata }`) to create the customer if it does not exist yet
   * @returns the answer: `allowed`, and when not, a `reason` (`no_access`, `revoked`,
   *   `limit_reached`, `not_found`, `insufficient_credits`, `customer_not_found`, `unavailable`);
   *   metered features add `limit`, `used`, `remaining` and `resets_at`.
   *
   * @example
   * ```ts
   * const check = await nozle.can('user_42', 'exports', { quantity: 3 });
   * if (!check.allowed) {
   *   return res.status(402).json({ reason: check.reason, remaining: check.remaining });
   * }
   * ```
   */
  /**
   * `can()` answered from the local copy only, synchronously, for hot loops: the same answer
   * `can()` gives locally, or `undefined` when the local copy cannot answer (local mode off or not
   * ready, a customer or feature it does not hold, a snapshot past its validity). Then call
   * `await can()`, which asks the API. It asks nothing itself and keeps no last-known answer.
   *
   * @example
   * ```ts
   * const check = nozle.canLocal('user_42', 'exports') ?? (await nozle.can('user_42', 'exports'));
   * ```
   */
  canLocal(customer: string, feature: string, options?: Pick<CanOptions, 'quantity' | 'credits'>): Check | undefined {
    const local = this.#stream?.answer(customer, feature, options?.quantity, options?.credits);
    if (local) this.#answers.local += 1;
    return local;
  }

  async can(customer: string, feature: string, options?: CanOptions): Promise<Check> {
    const local = this.#stream?.answer(customer, feature, options?.quantity, options?.credits);
    if (local) {
      this.#answers.local += 1;
      this.#checker.remember(customer, feature, options, local);
      return local;
    }
    this.#answers.api += 1;
    return this.#checker.check(customer, feature, options);
  }

  /**
   * Holds `quantity` units of a metered feature if they fit in what is left of the customer's
   * limit, atomically on the server: concurrent reserves (from any number of processes) never
   * hold more than the limit, which `can()` then `track()` cannot promise. Commit the amount
   * actually used (recorded as usage once, by the reservation's id) or release it; a hold not
   * settled frees itself after `expiresIn` seconds. While held, it counts in the snapshot's
   * `reserved` and `remaining`, and in `can()`.
   *
   * @param customer - the customer's `cus_…` id or your `external_id`
   * @param feature - the metered feature's key (its meter must sum a property)
   * @param quantity - the most the caller may use (a whole number from 1 to 10^12)
   * @param options - `expiresIn` (seconds, 300 by default, at most 86400), `idempotencyKey`
   *   and the call's `timeoutMs`, `maxRetries`, `signal`
   * @returns a handle with `commit(actual)` and `release()`
   * @throws a `NozleError` with status 409 and code `limit_reached` (or `no_access`,
   *   `revoked`) when it does not fit; 400 for a feature that cannot be reserved
   *
   * @example
   * ```ts
   * const hold = await nozle.reserve('user_42', 'tokens', 4000); // the most this completion may use
   * try {
   *   const usage = await streamCompletion(prompt, { maxTokens: 4000 });
   *   await hold.commit(usage.totalTokens);
   * } catch (error) {
   *   await hold.release();
   *   throw error;
   * }
   * ```
   */
  async reserve(customer: string, feature: string, quantity: number, options?: ReserveOptions): Promise<ReservationHandle> {
    const params = { customer, feature, quantity, ...(options?.expiresIn === undefined ? {} : { expires_in: options.expiresIn }) };
    return new ReservationHandle(this.reservations, await this.reservations.create(params, options));
  }

  /**
   * Holds `amount` whole minor units of the customer's prepaid credit in `currency` if the
   * balance left after its other holds covers it, atomically on the server. While held, the
   * snapshot's `credits` balance (and `can()`'s `credits` requirement) counts it as spent; a
   * commit draws the actual amount from the credit grants at once, exactly once; a hold not
   * settled frees itself after `expiresIn` seconds.
   *
   * @param customer - the customer's `cus_…` id or your `external_id`
   * @param currency - the credit's three-letter currency, lowercase (`usd`)
   * @param amount - the most the caller may spend, in whole minor units (1 to 10^12)
   * @param options - `expiresIn` (seconds, 300 by default, at most 86400), `idempotencyKey`
   *   and the call's `timeoutMs`, `maxRetries`, `signal`
   * @returns a handle with `commit(actual)` and `release()`
   * @throws a `NozleError` with status 409 and code `insufficient_credits` when the free balance is less
   *
   * @example
   * ```ts
   * const hold = await nozle.reserveCredits('user_42', 'usd', 500); // at most $5.00 of credit
   * await hold.commit(priceOf(await runJob()));
   * ```
   */
  async reserveCredits(customer: string, currency: string, amount: number, options?: ReserveOptions): Promise<ReservationHandle> {
    const params = { customer, currency, quantity: amount, ...(options?.expiresIn === undefined ? {} : { expires_in: options.expiresIn }) };
    return new ReservationHandle(this.reservations, await this.reservations.create(params, options));
  }

  /**
   * A customer token: what a browser shows, with your publishable key, to read this one
   * customer's entitlements live (`@nozle/browser`). Mint it in a route of yours that knows the
   * signed-in user; never let the browser choose `customer`.
   *
   * The token is signed here with the secret key (HMAC-SHA256), no request per token; the
   * project's id is asked once (`GET /v1/project`) and kept. It is valid while the secret key
   * is active and until it expires; the browser then asks for a new one.
   *
   * @param customer - the customer's `cus_…` id or your `external_id`
   * @param options - `expiresIn`: seconds until it expires, `3600` by default, at most 7 days
   * @returns `base64url(JSON {p, c, e})` `.` `base64url(signature)`
   * @throws TypeError when `customer` is empty or `expiresIn` is not a whole number of seconds
   *   from 1 to 604800 (the promise rejects); a `NozleError` when the project cannot be read
   *
   * @example
   * ```ts
   * // Express: the signed-in user's token, for the browser SDK
   * app.get('/api/nozle-token', requireLogin, async (req, res) => {
   *   const token = await nozle.customerToken(req.user.id, { expiresIn: 3600 });
   *   res.json({ token });
   * });
   * ```
   */
  async customerToken(customer: string, options?: CustomerTokenOptions): Promise<string> {
    const expiresIn = resolveCustomerTokenArgs(customer, options);
    const projectId = await this.#project();
    // The expiry counts from now, after the project id arrived.
    const expiresAt = Math.floor(this.#now() / 1000) + expiresIn;
    return signCustomerToken(this.#tokenKey, { projectId, customer, expiresAt });
  }

  #project(): Promise<string> {
    this.#projectId ??= retrieveProject(this.#client).then(
      (project) => project.id,
      (error: unknown) => {
        this.#projectId = undefined;
        throw error;
      },
    );
    return this.#projectId;
  }

  /**
   * Every feature of the project for this customer, as one snapshot whose `version` grows with
   * every change.
   *
   * @param customer - the customer's `cus_…` id or your `external_id`
   * @param options - `timeoutMs`, `maxRetries` and `signal` for this call
   */
  async entitlements(customer: string, options?: CallOptions): Promise<Entitlements> {
    return retrieveEntitlements(this.#client, customer, options);
  }

  /**
   * Records a usage event, in the background: the event joins an in-memory queue that is sent
   * to `POST /v1/events` in batches, when `track.flushAt` events are queued or
   * `track.flushIntervalMs` after the first one, whichever comes first. Nothing to await.
   *
   * Network errors, 429 and 5xx are retried with backoff; the event keeps its id, so the API
   * counts it once however often it is sent. Events that cannot be recorded are reported to
   * `track.onError`, or the top-level `onError` (one console line each by default), never thrown.
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
   * whichever comes first; events still unsent then are reported to `onError` with the
   * reason `shutdown_timeout`. Later `track()` calls are ignored with a warning. Calling it again
   * returns the same promise.
   *
   * In local mode it also closes the stream (`can()` asks the API from then on), so the open
   * connection does not keep the process alive.
   *
   * @param timeoutMs - how long to wait for the API; `5000` by default
   */
  shutdown(timeoutMs = 5000): Promise<void> {
    // The tracker checks `timeoutMs` (and throws) before anything stops.
    const tracked = this.#tracker.shutdown(timeoutMs);
    this.#shutdown ??= Promise.all([tracked, this.#stream?.close(timeoutMs)]).then(() => undefined);
    return this.#shutdown;
  }

  /**
   * Counters of `track()` since this client was made: events tracked, queued, accepted,
   * duplicates, rejected and dropped, requests and retries. Cheap; meant for metrics and
   * benchmarks.
   */
  trackStats(): TrackStats {
    return this.#tracker.stats();
  }

  /**
   * The state and counters of local mode: whether the copy is current, how many customers it
   * holds, snapshots received and kept, connections opened, `can()` calls answered locally and
   * by the API. Cheap; meant for metrics and benchmarks.
   */
  localStats(): LocalStats {
    const stream = this.#stream?.stats() ?? { ready: false, customers: 0, snapshots: 0, updates: 0, connections: 0 };
    return { enabled: this.#stream !== undefined, ...stream, localAnswers: this.#answers.local, apiAnswers: this.#answers.api };
  }

  /**
   * Waits until local mode's copy is current (the server sent every customer and said `ready`).
   * Not needed before `can()`, which asks the API until then; useful in benchmarks, tests and
   * health checks.
   *
   * @param timeoutMs - how long to wait; `10000` by default
   * @returns true once ready; false after `timeoutMs`, after `shutdown()`, when the server
   *   refused the key, or without local mode
   */
  localReady(timeoutMs = 10_000): Promise<boolean> {
    if (typeof timeoutMs !== 'number' || !(timeoutMs >= 0) || timeoutMs > 2_147_483_647) {
      throw new TypeError('Nozle: localReady(timeoutMs) needs a number of milliseconds, 0 or more.');
    }
    return this.#stream?.whenReady(timeoutMs) ?? Promise.resolve(false);
  }
}
