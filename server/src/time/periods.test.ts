import { describe, expect, it } from 'vitest';
import { carriedUsagePeriod, carryOver, readUsageCarry, storeUsageCarry, usagePeriod, type ResetEvery as ResetInterval } from './periods.js';

interface PeriodCase {
  name: string;
  anchor: string;
  reset: ResetInterval;
  now: string;
  periodStart: string;
  resetsAt: string | null;
}

const cases: PeriodCase[] = [
  {
    name: 'a monthly period anchored on Jan 31 is clamped to Feb 28 and back to Mar 31',
    anchor: '2026-01-31T00:00:00Z',
    reset: 'month',
    now: '2026-03-15T12:00:00Z',
    periodStart: '2026-02-28T00:00:00Z',
    resetsAt: '2026-03-31T00:00:00Z',
  },
  {
    name: 'a monthly period anchored on Jan 31 uses Feb 29 in a leap year',
    anchor: '2024-01-31T00:00:00Z',
    reset: 'month',
    now: '2024-03-10T00:00:00Z',
    periodStart: '2024-02-29T00:00:00Z',
    resetsAt: '2024-03-31T00:00:00Z',
  },
  {
    name: 'a monthly boundary exactly at now starts the new period',
    anchor: '2026-01-31T00:00:00Z',
    reset: 'month',
    now: '2026-03-31T00:00:00Z',
    periodStart: '2026-03-31T00:00:00Z',
    resetsAt: '2026-04-30T00:00:00Z',
  },
  {
    name: 'a monthly period keeps the anchor time of day, so this month may not have reset yet',
    anchor: '2026-01-15T18:00:00Z',
    reset: 'month',
    now: '2026-03-15T12:00:00Z',
    periodStart: '2026-02-15T18:00:00Z',
    resetsAt: '2026-03-15T18:00:00Z',
  },
  {
    name: 'a monthly period counts years of months from the anchor without drifting',
    anchor: '2019-05-31T08:00:00Z',
    reset: 'month',
    now: '2026-03-15T12:00:00Z',
    periodStart: '2026-02-28T08:00:00Z',
    resetsAt: '2026-03-31T08:00:00Z',
  },
  {
    name: 'a yearly period anchored on Feb 29 falls on Feb 28 in common years',
    anchor: '2020-02-29T00:00:00Z',
    reset: 'year',
    now: '2026-03-15T12:00:00Z',
    periodStart: '2026-02-28T00:00:00Z',
    resetsAt: '2027-02-28T00:00:00Z',
  },
  {
    name: 'a yearly period anchored on Feb 29 returns to Feb 29 in leap years',
    anchor: '2020-02-29T00:00:00Z',
    reset: 'year',
    now: '2028-03-01T00:00:00Z',
    periodStart: '2028-02-29T00:00:00Z',
    resetsAt: '2029-02-28T00:00:00Z',
  },
  {
    name: 'a yearly period has not reset until the anchor day comes round',
    anchor: '2024-06-01T00:00:00Z',
    reset: 'year',
    now: '2026-03-15T12:00:00Z',
    periodStart: '2025-06-01T00:00:00Z',
    resetsAt: '2026-06-01T00:00:00Z',
  },
  {
    name: 'a weekly period steps seven days from the anchor',
    anchor: '2026-03-01T09:00:00Z',
    reset: 'week',
    now: '2026-03-15T12:00:00Z',
    periodStart: '2026-03-15T09:00:00Z',
    resetsAt: '2026-03-22T09:00:00Z',
  },
  {
    name: 'a weekly period just before its boundary is still the previous week',
    anchor: '2026-03-01T13:00:00Z',
    reset: 'week',
    now: '2026-03-15T12:00:00Z',
    periodStart: '2026-03-08T13:00:00Z',
    resetsAt: '2026-03-15T13:00:00Z',
  },
  {
    name: 'a daily period resets at the anchor time of day, not at midnight',
    anchor: '2026-01-01T18:00:00Z',
    reset: 'day',
    now: '2026-03-15T12:00:00Z',
    periodStart: '2026-03-14T18:00:00Z',
    resetsAt: '2026-03-15T18:00:00Z',
  },
  {
    name: 'a daily period a century after its anchor is found directly',
    anchor: '2000-01-01T06:30:00Z',
    reset: 'day',
    now: '2126-03-15T12:00:00Z',
    periodStart: '2126-03-15T06:30:00Z',
    resetsAt: '2126-03-16T06:30:00Z',
  },
  {
    name: 'an anchor after now counts periods backwards from it',
    anchor: '2026-04-10T00:00:00Z',
    reset: 'month',
    now: '2026-03-15T12:00:00Z',
    periodStart: '2026-03-10T00:00:00Z',
    resetsAt: '2026-04-10T00:00:00Z',
  },
  {
    name: 'a period that never resets starts at the anchor and has no end',
    anchor: '2025-07-04T10:00:00Z',
    reset: 'never',
    now: '2026-03-15T12:00:00Z',
    periodStart: '2025-07-04T10:00:00Z',
    resetsAt: null,
  },
];

describe('usagePeriod', () => {
  it.each(cases)('$name', ({ anchor, reset, now, periodStart, resetsAt }) => {
    expect(usagePeriod(new Date(anchor), reset, new Date(now))).toEqual({
      periodStart: new Date(periodStart),
      resetsAt: resetsAt === null ? null : new Date(resetsAt),
    });
  });

  it('returns plain Dates that do not share the anchor object', () => {
    const anchor = new Date('2026-01-31T00:00:00Z');
    const { periodStart, resetsAt } = usagePeriod(anchor, 'month', new Date('2026-03-15T12:00:00Z'));
    expect(Object.getPrototypeOf(periodStart)).toBe(Date.prototype);
    expect(Object.getPrototypeOf(resetsAt)).toBe(Date.prototype);
    expect(usagePeriod(anchor, 'never', anchor).periodStart).not.toBe(anchor);
  });
});

describe('usage carried over a replacement', () => {
  const free = new Date('2026-12-01T00:00:00Z'); // the replaced cycle's anchor
  const change = new Date('2026-12-15T10:00:00Z');
  const carry = carryOver(free, null, change);

  it('the period containing the change starts where the replaced one began, and ends on the new cycle', () => {
    expect(carry.starts.month).toEqual(free);
    expect(carriedUsagePeriod(change, 'month', new Date('2026-12-20T00:00:00Z'), carry)).toEqual({
      periodStart: free,
      resetsAt: new Date('2027-01-15T10:00:00Z'),
    });
  });

  it('counts a backdated event inside the merged period there, and the next period is the new cycle’s own', () => {
    expect(carriedUsagePeriod(change, 'month', new Date('2026-12-03T00:00:00Z'), carry).periodStart).toEqual(free);
    expect(carriedUsagePeriod(change, 'month', new Date('2027-01-20T00:00:00Z'), carry)).toEqual({
      periodStart: new Date('2027-01-15T10:00:00Z'),
      resetsAt: new Date('2027-02-15T10:00:00Z'),
    });
  });

  it('keeps each reset to its own period: a daily count merges only the day of the change', () => {
    expect(carriedUsagePeriod(change, 'day', new Date('2026-12-15T12:00:00Z'), carry)).toEqual({
      periodStart: new Date('2026-12-15T00:00:00Z'),
      resetsAt: new Date('2026-12-16T10:00:00Z'),
    });
    expect(carriedUsagePeriod(change, 'never', new Date('2027-06-01T00:00:00Z'), carry)).toEqual({ periodStart: free, resetsAt: null });
  });

  it('chains: a second replacement carries the first one’s merged start', () => {
    const later = new Date('2026-12-20T00:00:00Z');
    const again = carryOver(change, carry, later);
    expect(again.starts.month).toEqual(free);
    expect(readUsageCarry(storeUsageCarry(again))).toEqual(again);
  });
});
