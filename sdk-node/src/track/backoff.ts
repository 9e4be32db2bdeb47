// How long to wait before a retry: exponential backoff with full jitter, or the server's
// `Retry-After`.

export interface RetryOptions {
  /**
   * Retries after the first attempt, for network errors, 429 and 5xx only.
   * @defaultValue `6` (7 attempts; with the default delays at most about 12.6 s of waiting)
   */
  maxRetries?: number;
  /**
   * Cap of the first retry's random delay; the cap doubles with each retry.
   * @defaultValue `200`
   */
  initialDelayMs?: number;
  /**
   * Longest wait before one retry, also for a longer `Retry-After`.
   * @defaultValue `30000`
   */
  maxDelayMs?: number;
}

export type ResolvedRetryOptions = Readonly<Required<RetryOptions>>;

/**
 * Full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"): a uniform random wait
 * between 0 and `min(maxDelayMs, initialDelayMs * 2^retry)`, so clients that failed together
 * do not all come back together.
 *
 * @param retry - 0 for the first retry
 * @param random - a number in [0, 1), `Math.random` by default
 */
export function backoffDelay(retry: number, options: ResolvedRetryOptions, random: () => number = Math.random): number {
  const cap = Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** retry);
  return Math.floor(random() * cap);
}

/**
 * Reads a `Retry-After` header: delay-seconds (`"120"`, fractions accepted) or an HTTP date.
 *
 * @returns the wait in milliseconds (0 for a date in the past), or undefined when the header is
 *   absent or unreadable
 */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (header === null || header === undefined) return undefined;
  const value = header.trim();
  if (value === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  // An HTTP date names its day and month; Date.parse alone would read "-5" as a year.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The wait before retry number `retry`: the server's `Retry-After` when given, capped at `maxDelayMs`. */
export function retryDelay(retry: number, retryAfterMs: number | undefined, options: ResolvedRetryOptions, random?: () => number): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, options.maxDelayMs);
  return backoffDelay(retry, options, random);
}
