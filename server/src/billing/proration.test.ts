import { describe, expect, it } from 'vitest';
import { prorate, type PlanChange } from './proration.js';

const DAY = 86_400;

interface ProrationCase {
  name: string;
  period: [start: string, end: string];
  changedAt: string;
  from: number | string;
  to: number | string;
  remainingSeconds: number;
  periodSeconds: number;
  credit: string;
  charge: string;
  total: string;
}

// Amounts are full-period prices in cents. Each line is round(amount × remaining / period),
// half away from zero.
const cases: ProrationCase[] = [
  {
    // April has 30 days; from Apr 16 15 are left: 1/2. −1000/2 = −500, 3000/2 = 1500
    name: 'an upgrade halfway through a 30-day month credits half the old price and charges half the new',
    period: ['2026-04-01T00:00:00Z', '2026-05-01T00:00:00Z'],
    changedAt: '2026-04-16T00:00:00Z',
    from: 1000,
    to: 3000,
    remainingSeconds: 15 * DAY,
    periodSeconds: 30 * DAY,
    credit: '-500',
    charge: '1500',
    total: '1000',
  },
  {
    // 10 of 30 days left: 1/3. −3000/3 = −1000, 1000/3 = 333.33… → 333, net −667
    name: 'a downgrade with a third of the month left is a net credit',
    period: ['2026-04-01T00:00:00Z', '2026-05-01T00:00:00Z'],
    changedAt: '2026-04-21T00:00:00Z',
    from: 3000,
    to: 1000,
    remainingSeconds: 10 * DAY,
    periodSeconds: 30 * DAY,
    credit: '-1000',
    charge: '333',
    total: '-667',
  },
  {
    name: 'a change at the very start of the period credits and charges in full',
    period: ['2026-04-01T00:00:00Z', '2026-05-01T00:00:00Z'],
    changedAt: '2026-04-01T00:00:00Z',
    from: 1000,
    to: 3000,
    remainingSeconds: 30 * DAY,
    periodSeconds: 30 * DAY,
    credit: '-1000',
    charge: '3000',
    total: '2000',
  },
  {
    name: 'a change at the very end of the period credits and charges nothing',
    period: ['2026-04-01T00:00:00Z', '2026-05-01T00:00:00Z'],
    changedAt: '2026-05-01T00:00:00Z',
    from: 1000,
    to: 3000,
    remainingSeconds: 0,
    periodSeconds: 30 * DAY,
    credit: '0',
    charge: '0',
    total: '0',
  },
  {
    // 21 of 31 days. 1000 × 21/31 = 677.41… → −677; 2000 × 21/31 = 1354.83… → 1355. Net 678, a
    // cent more than rounding the 677.41… difference, because each line is rounded on its own.
    name: 'a change in a 31-day month uses 31 days as the period',
    period: ['2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z'],
    changedAt: '2026-03-11T00:00:00Z',
    from: 1000,
    to: 2000,
    remainingSeconds: 21 * DAY,
    periodSeconds: 31 * DAY,
    credit: '-677',
    charge: '1355',
    total: '678',
  },
  {
    // Feb 15 → Mar 1 is 15 of 29 days. 1000 × 15/29 = 517.24… → −517; 2000 × 15/29 = 1034.48… → 1034
    name: 'a change in a leap-year February counts the 29th',
    period: ['2024-02-01T00:00:00Z', '2024-03-01T00:00:00Z'],
    changedAt: '2024-02-15T00:00:00Z',
    from: 1000,
    to: 2000,
    remainingSeconds: 15 * DAY,
    periodSeconds: 29 * DAY,
    credit: '-517',
    charge: '1034',
    total: '517',
  },
  {
    // Feb 15 → Mar 1 is 14 of 28 days: exactly half
    name: 'the same dates in a common-year February are exactly half',
    period: ['2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z'],
    changedAt: '2026-02-15T00:00:00Z',
    from: 1000,
    to: 2000,
    remainingSeconds: 14 * DAY,
    periodSeconds: 28 * DAY,
    credit: '-500',
    charge: '1000',
    total: '500',
  },
  {
    // Jul 2 → Jan 1 is 30 + 31 + 30 + 31 + 30 + 31 = 183 of 365 days.
    // 12000 × 183/365 = 2196000/365 = 6016.43… → −6016; 24000 × 183/365 = 12032.87… → 12033
    name: 'a yearly plan is prorated over the days of the year',
    period: ['2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'],
    changedAt: '2026-07-02T00:00:00Z',
    from: 12000,
    to: 24000,
    remainingSeconds: 183 * DAY,
    periodSeconds: 365 * DAY,
    credit: '-6016',
    charge: '12033',
    total: '6017',
  },
  {
    // Half of 1001 is 500.5 → −501 (away from zero); half of 5 is 2.5 → 3. Banker's would give −500 and 2.
    name: 'half cents round away from zero on both the credit and the charge',
    period: ['2026-04-01T00:00:00Z', '2026-05-01T00:00:00Z'],
    changedAt: '2026-04-16T00:00:00Z',
    from: 1001,
    to: 5,
    remainingSeconds: 15 * DAY,
    periodSeconds: 30 * DAY,
    credit: '-501',
    charge: '3',
    total: '-498',
  },
  {
    // 1000.5 / 2 = 500.25 → −500; 2000.3 / 2 = 1000.15 → 1000: rounded once, after prorating
    name: 'sub-cent full-period amounts are prorated before they are rounded',
    period: ['2026-04-01T00:00:00Z', '2026-05-01T00:00:00Z'],
    changedAt: '2026-04-16T00:00:00Z',
    from: '1000.5',
    to: '2000.3',
    remainingSeconds: 15 * DAY,
    periodSeconds: 30 * DAY,
    credit: '-500',
    charge: '1000',
    total: '500',
  },
  {
    // From Apr 16 12:00, 14.5 of 30 days are left: 1252800/2592000 = 29/60.
    // 1000 × 29/60 = 483.33… → −483; 3000 × 29/60 = 1450
    name: 'a change at midday counts the seconds left, not whole days',
    period: ['2026-04-01T00:00:00Z', '2026-05-01T00:00:00Z'],
    changedAt: '2026-04-16T12:00:00Z',
    from: 1000,
    to: 3000,
    remainingSeconds: 14.5 * DAY,
    periodSeconds: 30 * DAY,
    credit: '-483',
    charge: '1450',
    total: '967',
  },
];

const change = (c: Pick<ProrationCase, 'period' | 'changedAt' | 'from' | 'to'>): PlanChange => ({
  period_start: new Date(c.period[0]),
  period_end: new Date(c.period[1]),
  changed_at: new Date(c.changedAt),
  from: { name: 'Basic', amount: c.from },
  to: { name: 'Pro', amount: c.to },
});

describe('prorate', () => {
  it.each(cases)('$name', (c) => {
    const result = prorate(change(c));
    expect(result.lines.map((line) => line.amount)).toEqual([c.credit, c.charge]);
    expect(result.total).toBe(c.total);
    expect(result.remaining_seconds).toBe(c.remainingSeconds);
    expect(result.period_seconds).toBe(c.periodSeconds);
  });

  it('describes each line and covers the time from the change to the end of the period', () => {
    const [credit, charge] = prorate(change(cases[0]!)).lines;
    expect(credit).toEqual({
      description: 'Unused time on Basic after 16 Apr 2026',
      amount: '-500',
      period_start: new Date('2026-04-16T00:00:00Z'),
      period_end: new Date('2026-05-01T00:00:00Z'),
    });
    expect(charge).toEqual({
      description: 'Remaining time on Pro after 16 Apr 2026',
      amount: '1500',
      period_start: new Date('2026-04-16T00:00:00Z'),
      period_end: new Date('2026-05-01T00:00:00Z'),
    });
  });

  it('drops milliseconds, so the fraction is in whole seconds', () => {
    const result = prorate(change({ ...cases[0]!, changedAt: '2026-04-16T00:00:00.999Z' }));
    expect(result.remaining_seconds).toBe(15 * DAY);
    expect(result.lines[0].period_start).toEqual(new Date('2026-04-16T00:00:00Z'));
  });

  it('gives exact cents for amounts beyond 2^53', () => {
    // Half of 2^54 + 2 = 9007199254740993, a number no double can hold
    const result = prorate(change({ ...cases[0]!, from: '18014398509481986', to: 0 }));
    expect(result.lines[0].amount).toBe('-9007199254740993');
  });

  const april = cases[0]!;
  it.each<[string, Partial<ProrationCase>]>([
    ['a change before the period', { changedAt: '2026-03-31T23:59:59Z' }],
    ['a change after the period', { changedAt: '2026-05-01T00:00:01Z' }],
    ['a period that ends where it starts', { period: ['2026-04-01T00:00:00Z', '2026-04-01T00:00:00Z'], changedAt: '2026-04-01T00:00:00Z' }],
    ['an invalid date', { changedAt: 'not a date' }],
    ['a negative amount', { from: -1000 }],
    ['an amount in exponent notation', { to: '3e3' }],
  ])('refuses %s', (_, override) => {
    expect(() => prorate(change({ ...april, ...override }))).toThrow(RangeError);
  });
});
