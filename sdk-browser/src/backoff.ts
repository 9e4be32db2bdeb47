// Reconnect delays: exponential with full jitter, so clients dropped together by one server
// do not all come back at the same instant.

export interface Backoff {
  /** The delay before the next attempt; each call doubles the ceiling, up to the maximum. */
  next(): number;
  /** Back to the initial delay, after a connection that worked. */
  reset(): void;
}

export interface BackoffOptions {
  initialDelayMs: number;
  maxDelayMs: number;
  /** A number in [0, 1); `Math.random` by default. */
  random?: () => number;
}

export function createBackoff({ initialDelayMs, maxDelayMs, random = Math.random }: BackoffOptions): Backoff {
  let attempt = 0;
  return {
    next() {
      // 2 ** attempt overflows to Infinity long after the ceiling is reached; min() keeps it finite.
      const ceiling = Math.min(maxDelayMs, initialDelayMs * 2 ** attempt);
      attempt += 1;
      return Math.floor(random() * ceiling);
    },
    reset() {
      attempt = 0;
    },
  };
}
