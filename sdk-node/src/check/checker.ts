// `nozle.can()` against the API: never throws because the API cannot answer (network, timeout,
// 5xx, 429 after retries); answers by the caller's failure mode instead. Other failures (a bad
// key, a bad request) still throw: they are mistakes to fix, not outages to ride out.
import { NozleAPIError, NozleConnectionError, NozleRateLimitError, callOptions, unwrap, type NozleClient, type Schemas } from '@nozle/openapi';
import type { CanOptions, Check } from '../entitlements.js';
import { resolveCustomerData, resolveFailureMode, type FailureMode, type ResolvedCheckOptions } from './options.js';

/** How many last answers `lastKnown` keeps; the oldest goes first. */
const MAX_KEPT_ANSWERS = 10_000;

/** Whether the API could not answer, as opposed to answering no. */
function isUnavailable(error: unknown): boolean {
  return error instanceof NozleConnectionError || error instanceof NozleRateLimitError || (error instanceof NozleAPIError && (error.status ?? 500) >= 500);
}

export class Checker {
  readonly #client: NozleClient;
  readonly #options: ResolvedCheckOptions;
  /** The last answer per question, for `lastKnown`; a Map keeps insertion order, so the first key is the oldest. */
  readonly #last = new Map<string, Check>();

  constructor(client: NozleClient, options: ResolvedCheckOptions) {
    this.#client = client;
    this.#options = options;
  }

  /** Keeps an answer had elsewhere (local mode's copy) for `lastKnown`. */
  remember(customer: string, feature: string, options: CanOptions | undefined, answer: Check): void {
    const key = questionKey(customer, feature, options);
    this.#last.delete(key);
    this.#last.set(key, answer);
    if (this.#last.size > MAX_KEPT_ANSWERS) this.#last.delete(this.#last.keys().next().value!);
  }

  async check(customer: string, feature: string, options: CanOptions = {}): Promise<Check> {
    const failureMode = resolveFailureMode(options.failureMode, this.#options.failureMode);
    const body: Schemas['CheckParams'] = { customer, feature };
    // Without a quantity the server counts 1.
    if (options.quantity !== undefined) body.quantity = options.quantity;
    if (options.credits !== undefined) body.credits = options.credits;
    const customerData = resolveCustomerData(options.customerData) ?? (this.#options.createCustomers ? {} : undefined);
    if (customerData !== undefined) body.customer_data = customerData;
    const init = callOptions(this.#client, { timeoutMs: options.timeoutMs, maxRetries: options.maxRetries, signal: options.signal });
    let answer: Check;
    try {
      answer = unwrap(await this.#client.POST('/v1/check', { body, ...init }));
    } catch (error) {
      // An abort is the caller's own decision: it rejects, as fetch does.
      if (options.signal?.aborted || !isUnavailable(error)) throw error;
      return this.#unavailable(customer, feature, options, failureMode);
    }
    this.remember(customer, feature, options, answer);
    return answer;
  }

  #unavailable(customer: string, feature: string, options: CanOptions, mode: FailureMode): Check {
    if (mode === 'lastKnown') {
      const last = this.#last.get(questionKey(customer, feature, options));
      if (last) return structuredClone(last);
    }
    return { object: 'check', customer, feature, allowed: mode === 'failOpen', reason: 'unavailable', version: 0 };
  }
}

function questionKey(customer: string, feature: string, options: CanOptions | undefined): string {
  return JSON.stringify([customer, feature, options?.quantity ?? 1, options?.credits ?? null]);
}
