// How long to wait before a retry: exponential backoff with full jitter, or the server's
// `Retry-After`. One owner for both SDKs: the shared client's retries, `track()`'s batches and
// the Node local stream's reconnects all wait by these rules.

/** The two numbers a backoff needs: the first cap and the largest one. */
export interface BackoffDelays {
  /** Cap of the first retry's random delay; the cap doubles with each retry. */
  readonly initialDelayMs: number;
  /** Largest cap of one random delay. */
  readonly maxDelayMs: number;
}

/**
 * Full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"): a uniform random wait
 * between 0 and `min(maxDelayMs, initialDelayMs * 2^retry)`, so clients that failed together
 * do not all come back together.
 *
 * @param retry - 0 for the first retry
 * @param random - a number in [0, 1), `Math.random` by default
 */
export function backoffDelay(retry: number, options: BackoffDelays, random: () => number = Math.random): number {
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
