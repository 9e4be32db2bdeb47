// The options of `new Nozle()` and `can()` about failing well: how long, how often, what a
// check answers when the API cannot, and whether unknown customers are created.
import { resolveCallPolicy, resolveFailureMode, type CallOptions, type Schemas } from '@nozle/openapi';

/**
 * What `nozle.can()` answers when the API cannot (a network error, a timeout, a 5xx or a 429
 * after retries):
 * - `'failClosed'`: `{ allowed: false, reason: 'unavailable' }`;
 * - `'failOpen'`: `{ allowed: true, reason: 'unavailable' }`;
 * - `'lastKnown'`: the last answer this client had for the same customer, feature, quantity and
 *   credits, as it was; `failClosed`'s answer when it has none.
 */
export type FailureMode = 'failClosed' | 'failOpen' | 'lastKnown';

/** The customer's details sent along to create it on first sight (the API's `customer_data`). */
export type CustomerData = Schemas['CustomerData'];

/** What one `can()` may set for itself, besides what it asks. */
export interface CheckCallOptions extends CallOptions {
  /** @defaultValue the client's `failureMode` */
  failureMode?: FailureMode;
  /**
   * Create the customer with these details if it does not exist yet (its external id is the
   * `customer` given), then answer for it. Given here, it applies even without the client's
   * `createCustomers`.
   */
  customerData?: CustomerData;
}

export interface ResolvedCheckOptions {
  readonly failureMode: FailureMode;
  readonly createCustomers: boolean;
}

export { resolveFailureMode };

export function resolveCheckOptions(options: { failureMode?: unknown; createCustomers?: unknown }): ResolvedCheckOptions {
  if (options.createCustomers !== undefined && typeof options.createCustomers !== 'boolean') {
    throw new TypeError('Nozle: `createCustomers` must be a boolean.');
  }
  return { failureMode: resolveFailureMode(options.failureMode), createCustomers: options.createCustomers === true };
}

/** Checks `timeoutMs` and `maxRetries` of the client at construction, so a bad one fails there. */
export function resolveClientPolicy(options: { timeoutMs?: unknown; maxRetries?: unknown }): { timeoutMs?: number; maxRetries?: number } {
  const policy = { timeoutMs: options.timeoutMs as number | undefined, maxRetries: options.maxRetries as number | undefined };
  resolveCallPolicy(policy);
  return policy;
}

/** Checks `customerData` at the call: the API would refuse it (400) otherwise. */
export function resolveCustomerData(data: unknown): CustomerData | undefined {
  if (data === undefined) return undefined;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new TypeError('Nozle: `customerData` must be an object such as { email, name }.');
  }
  return data;
}
