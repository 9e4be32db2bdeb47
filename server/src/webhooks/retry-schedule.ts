// When a failed delivery is tried again: exponential, about three days in all, then the
// delivery fails and its endpoint is marked failing. Pure.

/** The wait before attempt n+1 after attempt n failed (index n-1); past the end, no more attempts. */
const WAITS_MS = [5_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 5 * 3_600_000, 10 * 3_600_000, 14 * 3_600_000, 20 * 3_600_000, 24 * 3_600_000];

/** When attempt `attempt` (1-based) failed at `at`: when to try next, or null when it was the last. */
export function nextAttemptAt(attempt: number, at: Date): Date | null {
  const wait = WAITS_MS[attempt - 1];
  return wait === undefined ? null : new Date(at.getTime() + wait);
}
