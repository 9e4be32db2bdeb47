// How long a call may take and how often it is tried: the defaults, and the checks of what a
// client or one call asks for.
import type { BackoffDelays } from './backoff.js';

/** Per client (and per call) limits of every request. */
export interface CallPolicy {
  /**
   * The longest a call may take, retries and their waits included; then it rejects with a
   * `NozleTimeoutError` (and a check answers by its failure mode).
   * @defaultValue `10000`
   */
  timeoutMs?: number;
  /**
   * Retries after the first attempt, for network errors, 429 and 5xx, of idempotent requests
   * only (GET, DELETE, and POSTs, which carry an `Idempotency-Key`). `0` turns retries off.
   * @defaultValue `2`
   */
  maxRetries?: number;
}

export interface ResolvedCallPolicy extends BackoffDelays {
  readonly timeoutMs: number;
  readonly maxRetries: number;
}

export const DEFAULT_CALL_POLICY: ResolvedCallPolicy = Object.freeze({
  timeoutMs: 10_000,
  maxRetries: 2,
  // 0–250 ms, then 0–500 ms: a restarting server or a dropped connection, not an outage.
  initialDelayMs: 250,
  maxDelayMs: 4_000,
});

/** setTimeout's largest delay; a longer one fires at once. */
const MAX_TIMER_MS = 2_147_483_647;
const MAX_RETRIES = 10;

/**
 * `policy` over `base`, checked.
 * @throws TypeError for a `timeoutMs` that is not a number of milliseconds from 1 to 2^31-1, or a
 *   `maxRetries` that is not a whole number from 0 to 10
 */
export function resolveCallPolicy(policy: CallPolicy | undefined, base: ResolvedCallPolicy = DEFAULT_CALL_POLICY): ResolvedCallPolicy {
  if (policy === undefined) return base;
  const { timeoutMs = base.timeoutMs, maxRetries = base.maxRetries } = policy;
  if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_TIMER_MS) {
    throw new TypeError('Nozle: `timeoutMs` must be a number of milliseconds from 1 to 2147483647.');
  }
  if (!Number.isInteger(maxRetries) || maxRetries < 0 || maxRetries > MAX_RETRIES) {
    throw new TypeError(`Nozle: \`maxRetries\` must be a whole number from 0 to ${MAX_RETRIES}.`);
  }
  if (timeoutMs === base.timeoutMs && maxRetries === base.maxRetries) return base;
  return Object.freeze({ ...base, timeoutMs, maxRetries });
}
