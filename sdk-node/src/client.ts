import { createNozleClient } from '@nozle/openapi';
import { check, retrieveEntitlements, type CanOptions, type Check, type Entitlements } from './entitlements.js';
import { resolveNozleOptions, type NozleOptions } from './options.js';
import { Customers } from './resources/customers.js';
import { Features } from './resources/features.js';
import { Grants } from './resources/grants.js';
import { Plans } from './resources/plans.js';
import { Purchases } from './resources/purchases.js';
import { Subscriptions } from './resources/subscriptions.js';
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
}
