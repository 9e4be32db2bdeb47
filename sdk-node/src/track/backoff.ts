// How long `track()` waits before a retry: the rules (full jitter, `Retry-After`) are
// @nozle/openapi's, shared with every other call; the options and their defaults are track's.
import { backoffDelay, parseRetryAfter } from '@nozle/openapi';

export { backoffDelay, parseRetryAfter };

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

/** The wait before retry number `retry`: the server's `Retry-After` when given, capped at `maxDelayMs`. */
export function retryDelay(retry: number, retryAfterMs: number | undefined, options: ResolvedRetryOptions, random?: () => number): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, options.maxDelayMs);
  return backoffDelay(retry, options, random);
}
