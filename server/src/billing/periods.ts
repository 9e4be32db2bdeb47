// Which billing periods of a subscription have ended and still need an invoice. Pure: the
// subscription's stored fields, the end of its last invoiced period, and now.
//
// Periods are half-open, [start, end). A subscription recorded through the API alone renews by
// itself (see currentPeriod in entitlements/sources.ts), so its periods are counted from its
// anchor (`current_period_start`), each boundary computed from the anchor so a Jan 31 anchor gives
// Feb 28 then Mar 31. A subscription billed by Stripe or the sandbox has its periods from the
// provider: its stored period moves forward at each renewal, so what lies between the last
// invoiced period's end and the current period's start has ended.
import { DAY_MS, periodBoundary } from '../time/periods.js';
import { wholeSecond } from '../clock.js';
import type { SubscriptionStatus } from '../entitlements/types.js';
import type { SubscriptionRow } from '../access/subscriptions-store.js';

/** What the periods are counted from: the subscription's row (of a recurring plan). */
export type PeriodSource = Pick<
  SubscriptionRow,
  'status' | 'current_period_start' | 'current_period_end' | 'trial_end' | 'cancel_at_period_end' | 'canceled_at' | 'created_at' | 'provider'
> & { interval: 'month' | 'year' };

export interface BillingPeriod {
  start: Date;
  end: Date;
  /** A trial period: usage is billed, the base fee is not. */
  trial: boolean;
  /**
   * Set on a period cut short by an immediate cancellation (`end` is then `canceled_at`): the end
   * it was scheduled to have, which its base fee and proration are counted against.
   */
  scheduled_end?: Date;
}

/** At most this many periods per subscription per run; the next run goes on. */
const MAX_PERIODS_PER_RUN = 24;

// A provider's renewal may land a little off our own month arithmetic; a remainder shorter than
// this is part of the period before it, not a period of its own.
const SLACK_MS = DAY_MS;

const PAID_STATUSES = new Set<SubscriptionStatus>(['active', 'past_due', 'canceled']);

/** The ended, not yet invoiced periods, oldest first. */
export function endedPeriods(sub: PeriodSource, lastInvoicedEnd: Date | null, now: Date, limit = MAX_PERIODS_PER_RUN): BillingPeriod[] {
  const periods = sub.provider === null ? localPeriods(sub, now) : providerPeriods(sub, lastInvoicedEnd, now);
  return periods.filter((period) => lastInvoicedEnd === null || period.start.getTime() >= lastInvoicedEnd.getTime()).slice(0, limit);
}

function localPeriods(sub: PeriodSource, now: Date): BillingPeriod[] {
  const periods: BillingPeriod[] = [];
  const at = now.getTime();
  const created = wholeSecond(sub.created_at);
  // A trial is its own first period (createSubscription), from creation to trial_end.
  if (sub.trial_end && created < sub.trial_end && sub.canceled_at && sub.canceled_at < sub.trial_end) {
    // Canceled at once during the trial: the trial, cut short, is the last period.
    if (created < sub.canceled_at && sub.canceled_at.getTime() <= at)
      periods.push({ start: created, end: sub.canceled_at, trial: true, scheduled_end: sub.trial_end });
    return periods;
  }
  if (sub.trial_end && created < sub.trial_end && sub.trial_end.getTime() <= at) {
    periods.push({ start: created, end: sub.trial_end, trial: true });
  }
  if (!PAID_STATUSES.has(sub.status)) return periods;
  const renews = !sub.cancel_at_period_end && sub.status !== 'canceled';
  const stop = sub.canceled_at?.getTime() ?? Infinity;
  // Counting from the anchor is bounded by how long the subscription has lived: a few hundred
  // steps for decades of monthly periods.
  for (let k = 0; ; k++) {
    const start = k === 0 ? sub.current_period_start : periodBoundary(sub.current_period_start, sub.interval, k);
    const end = k === 0 ? sub.current_period_end : periodBoundary(sub.current_period_start, sub.interval, k + 1);
    // A period cut short by an immediate cancellation ends at it: invoiced once the cancellation
    // has happened, with usage up to it and the base fee not refunded (invoices.ts).
    if (end.getTime() > stop) {
      if (start.getTime() < stop && stop <= at) periods.push({ start, end: sub.canceled_at!, trial: false, scheduled_end: end });
      break;
    }
    if (end.getTime() > at) break;
    periods.push({ start, end, trial: false });
    if (!renews && sub.status !== 'canceled') break;
  }
  return periods;
}

function providerPeriods(sub: PeriodSource, lastInvoicedEnd: Date | null, now: Date): BillingPeriod[] {
  const periods: BillingPeriod[] = [];
  let cursor = lastInvoicedEnd ?? wholeSecond(sub.created_at);
  // Everything before the current period has ended; a canceled subscription's last period too.
  let upTo = sub.current_period_start;
  if (sub.status === 'canceled' && sub.current_period_end.getTime() <= now.getTime()) upTo = sub.current_period_end;
  if (sub.trial_end && cursor < sub.trial_end && sub.trial_end <= upTo) {
    periods.push({ start: cursor, end: sub.trial_end, trial: true });
    cursor = sub.trial_end;
  }
  while (cursor.getTime() < upTo.getTime() && periods.length < MAX_PERIODS_PER_RUN) {
    const next = periodBoundary(cursor, sub.interval, 1);
    const end = next.getTime() + SLACK_MS < upTo.getTime() ? next : upTo;
    periods.push({ start: cursor, end, trial: false });
    cursor = end;
  }
  return periods;
}
