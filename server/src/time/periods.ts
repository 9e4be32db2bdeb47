// Period arithmetic, once for the whole server: the boundaries of billing periods, usage
// periods, trials and calendar months. Pure, and always in UTC so the server's own time zone
// (and its DST) cannot move a boundary: a period anchored at midnight UTC resets at midnight UTC.
import { utc } from '@date-fns/utc';
import { addDays, addMonths, addWeeks, addYears, differenceInCalendarMonths, differenceInCalendarYears, startOfMonth } from 'date-fns';

export const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** An interval periods step by; a subscription's interval is 'month' or 'year'. */
export type PeriodInterval = 'day' | 'week' | 'month' | 'year';
/** How often a count starts again ('never': one period from its anchor on). */
export type ResetEvery = PeriodInterval | 'never';

const IN_UTC = { in: utc } as const;

/**
 * The period boundary `k` intervals after `anchor` (before it when `k` is negative).
 * Always counted from the anchor rather than from the previous boundary, so a Jan 31
 * anchor gives Feb 28 and then Mar 31; chaining would drift to Mar 28 and stay there.
 */
export function periodBoundary(anchor: Date, interval: PeriodInterval, k: number): Date {
  const moved = stepFrom(anchor, interval, k);
  // date-fns hands back a UTCDate; callers get plain Dates like the rest of the server.
  return new Date(moved.getTime());
}

function stepFrom(anchor: Date, interval: PeriodInterval, k: number): Date {
  switch (interval) {
    case 'day':
      return addDays(anchor, k, IN_UTC);
    case 'week':
      return addWeeks(anchor, k, IN_UTC);
    case 'month':
      return addMonths(anchor, k, IN_UTC);
    case 'year':
      return addYears(anchor, k, IN_UTC);
  }
}

/** The end of the period of one `interval` that starts at `start` (a subscription's next renewal). */
export const nextPeriodEnd = (start: Date, interval: 'month' | 'year'): Date => periodBoundary(start, interval, 1);

/** The instant `days` whole days after `at` (a trial's end). */
export const daysAfter = (at: Date, days: number): Date => periodBoundary(at, 'day', days);

export interface UsagePeriod {
  /** The latest period boundary at or before `now` (the anchor itself for `never`). */
  periodStart: Date;
  /** The first period boundary after `now`; null for `never`. */
  resetsAt: Date | null;
}

/**
 * How many whole intervals lie between the anchor and now, give or take one: calendar
 * differences ignore the time of day and end-of-month clamping. Computed directly, so an
 * anchor years in the past costs the same as one a day ago.
 */
function estimatePeriods(anchor: Date, interval: PeriodInterval, now: Date): number {
  const elapsedMs = now.getTime() - anchor.getTime();
  switch (interval) {
    case 'day':
      return Math.floor(elapsedMs / DAY_MS);
    case 'week':
      return Math.floor(elapsedMs / WEEK_MS);
    case 'month':
      return differenceInCalendarMonths(now, anchor, IN_UTC);
    case 'year':
      return differenceInCalendarYears(now, anchor, IN_UTC);
  }
}

/**
 * The usage period containing `now` for a count anchored at `anchor` that starts again
 * every `reset`. Periods are half-open: a boundary exactly at `now` starts the new period.
 */
export function usagePeriod(anchor: Date, reset: ResetEvery, now: Date): UsagePeriod {
  if (reset === 'never') return { periodStart: new Date(anchor.getTime()), resetsAt: null };

  const at = now.getTime();
  let k = estimatePeriods(anchor, reset, now);
  // Settle the estimate onto the one k with boundary(k) <= now < boundary(k + 1); at most a
  // step or two either way.
  while (periodBoundary(anchor, reset, k).getTime() > at) k -= 1;
  while (periodBoundary(anchor, reset, k + 1).getTime() <= at) k += 1;

  return { periodStart: periodBoundary(anchor, reset, k), resetsAt: periodBoundary(anchor, reset, k + 1) };
}

/** The calendar month (UTC) containing `at`, half-open. */
export function calendarMonth(at: Date): { start: Date; end: Date } {
  const start = new Date(startOfMonth(at, IN_UTC).getTime());
  return { start, end: periodBoundary(start, 'month', 1) };
}

/**
 * A subscription that replaced another of its group inside a usage period carries that period's
 * count over: `at` is when it replaced it, `starts` where each reset's usage period had started
 * then. The period of the new cycle that contains `at` starts at `starts[reset]` instead of its
 * own start; every later period is the new cycle's own. So `used` survives the replacement and
 * resets only at the new cycle's next boundary.
 */
export interface UsageCarry {
  at: Date;
  starts: Partial<Record<ResetEvery, Date>>;
}

/** A UsageCarry as stored (subscriptions.usage_carry, jsonb): ISO strings. */
export interface StoredUsageCarry {
  at: string;
  starts: Partial<Record<ResetEvery, string>>;
}

const RESETS: readonly ResetEvery[] = ['day', 'week', 'month', 'year', 'never'];

/** The usage period containing `at`, for a count anchored at `anchor` that may carry an earlier period over. */
export function carriedUsagePeriod(anchor: Date, reset: ResetEvery, at: Date, carry: UsageCarry | null): UsagePeriod {
  const own = usagePeriod(anchor, reset, at);
  const carriedStart = carry?.starts[reset];
  if (!carry || !carriedStart) return own;
  const atChange = usagePeriod(anchor, reset, carry.at);
  const inMergedPeriod =
    at.getTime() >= carry.at.getTime() ? own.periodStart.getTime() === atChange.periodStart.getTime() : at.getTime() >= carriedStart.getTime();
  return inMergedPeriod ? { periodStart: new Date(carriedStart.getTime()), resetsAt: atChange.resetsAt } : own;
}

/** What a subscription replacing one (anchored at `anchor`, with its own `carry`) at `at` carries over. */
export function carryOver(anchor: Date, carry: UsageCarry | null, at: Date): UsageCarry {
  const starts: Partial<Record<ResetEvery, Date>> = {};
  for (const reset of RESETS) starts[reset] = carriedUsagePeriod(anchor, reset, at, carry).periodStart;
  return { at: new Date(at.getTime()), starts };
}

export const storeUsageCarry = (carry: UsageCarry): StoredUsageCarry => ({
  at: carry.at.toISOString(),
  starts: Object.fromEntries(Object.entries(carry.starts).map(([reset, start]) => [reset, start.toISOString()])),
});

export const readUsageCarry = (stored: StoredUsageCarry | null): UsageCarry | null =>
  stored && {
    at: new Date(stored.at),
    starts: Object.fromEntries(Object.entries(stored.starts).map(([reset, start]) => [reset, new Date(start)])),
  };
