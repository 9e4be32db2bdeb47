// Proration of a mid-period plan change, as Stripe does it: a credit for the unused time on the
// old price and a charge for the remaining time on the new one.
//
// Time is counted in whole seconds (milliseconds are dropped, as in Stripe's Unix timestamps):
// the fraction is remaining seconds / period seconds, so a month's length is whatever the caller's
// period says (28 to 31 days) and a leap day counts. Each line is
// round(full-period amount × remaining / period), computed exactly and rounded once, half away
// from zero (money.ts). The two lines are rounded separately, so the net can differ by a cent
// from rounding the difference; that is what Stripe shows too, and each line can be checked alone.
import { utc } from '@date-fns/utc';
import { format } from 'date-fns';
import { unixSeconds } from '../clock.js';
import { Exact, formatDecimal, readDecimal, roundRatio, type DecimalInput } from './money.js';

export interface ProratedItem {
  /** Shown to the customer on the line, e.g. the plan's name. */
  name: string;
  /**
   * What the item costs for the whole period, in minor units, before proration: the price
   * × quantity, or a rating's exact_amount. Not rounded first, so the line is rounded once.
   */
  amount: DecimalInput;
}

export interface PlanChange {
  /** The current billing period, half-open: [period_start, period_end). */
  period_start: Date;
  period_end: Date;
  /** When the change takes effect, within the period. */
  changed_at: Date;
  from: ProratedItem;
  to: ProratedItem;
}

interface ProrationLine {
  description: string;
  /** Whole minor units as a string: negative for the credit, positive for the charge. */
  amount: string;
  /** The time the line covers: from the change to the end of the period. */
  period_start: Date;
  period_end: Date;
}

export interface Proration {
  /** Always two lines: the credit for `from`, then the charge for `to` (either may be 0). */
  lines: [credit: ProrationLine, charge: ProrationLine];
  /** The sum of the two lines: positive is owed by the customer, negative is owed to them. */
  total: string;
  /** The fraction used on both lines, so an invoice can show its working. */
  remaining_seconds: number;
  period_seconds: number;
}

// Stripe's wording, with the date in UTC so the server's time zone cannot change the text.
const onDay = (date: Date) => format(date, 'd MMM yyyy', { in: utc });

/**
 * The credit and charge for changing from one price to another at `changed_at`. Throws a
 * RangeError when the dates are invalid or out of order, or an amount is not a non-negative
 * decimal.
 */
export function prorate(change: PlanChange): Proration {
  const start = unixSeconds(change.period_start);
  const end = unixSeconds(change.period_end);
  const at = unixSeconds(change.changed_at);
  if (![start, end, at].every(Number.isFinite)) throw new RangeError('prorate: a date is invalid');
  if (end <= start) throw new RangeError('prorate: period_end must be at least a second after period_start');
  if (at < start || at > end) throw new RangeError('prorate: changed_at must lie within the period');

  const periodSeconds = new Exact(end - start);
  const remaining = end - at;
  const line = (item: ProratedItem, param: 'from' | 'to', sign: 1 | -1, wording: string): ProrationLine => {
    const full = readDecimal(item.amount);
    if (full === null) throw new RangeError(`prorate: ${param}.amount must be a non-negative decimal in minor units`);
    const amount = roundRatio(full.times(remaining), periodSeconds).times(sign);
    return {
      description: `${wording} ${item.name} after ${onDay(change.changed_at)}`,
      amount: formatDecimal(amount),
      period_start: new Date(at * 1000),
      period_end: new Date(end * 1000),
    };
  };

  const credit = line(change.from, 'from', -1, 'Unused time on');
  const charge = line(change.to, 'to', 1, 'Remaining time on');
  return {
    lines: [credit, charge],
    total: formatDecimal(new Exact(credit.amount).plus(charge.amount)),
    remaining_seconds: remaining,
    period_seconds: end - start,
  };
}
