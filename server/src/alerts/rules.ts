// What an alert makes of a customer's state: whether it is reached, by what value, in which
// period; and, given when it last fired, whether it fires now, stays reached, or is armed
// again. Pure: evaluate.ts reads the state and the firings, and records what this decides.
import type { components } from '@nozle/openapi';
import type { AlertType } from './alerts-store.js';

type Features = components['schemas']['Entitlements']['features'];
export type ReachedAlert = components['schemas']['ReachedAlert'];

/** What an alert watches (its row, as the rules read it). */
export interface AlertRule {
  id: string;
  type: AlertType;
  feature: string | null;
  percent: number | null;
  amount: number | null;
  currency: string | null;
}

/** The customer's upcoming invoice, for spend alerts. */
export interface SpendState {
  currency: string;
  total: number;
  subscription: string;
  periodStart: Date;
  periodEnd: Date;
}

/** What the alerts of one customer are judged by, as the change being stored leaves it. */
export interface CustomerState {
  /** The new snapshot's features (`used`, `limit`, the period of each metered one). */
  features: Features;
  /** Credit balances per currency (a currency with nothing left is absent). */
  credits: Record<string, number>;
  /** The balances of the snapshot before this one; null for the customer's first. */
  previousCredits: Record<string, number> | null;
  /** The upcoming invoice, when a spend alert applies and there is one. */
  spend?: SpendState;
}

export interface Period {
  start: Date;
  end: Date | null;
}

/** An alert measured against a customer's state. */
export interface Measure {
  reached: boolean;
  /** What reaches it, in the units of `value`. */
  threshold: number;
  value: number;
  /** The period it fires once in (usage, spend); null for a credit balance (once per crossing). */
  period: Period | null;
  /** Usage: the limit the percentage was taken of. */
  limit?: number | null;
  /**
   * A credit balance alert fires only for a customer with credit in the currency, now or just
   * before (one that never had any is not "running low").
   */
  mayFire: boolean;
}

/** When an alert last fired for the customer (its latest period). */
export interface Firing {
  period: Period | null;
  threshold: number;
  value: number;
  firedAt: Date;
}

const fromSeconds = (seconds: number): Date => new Date(seconds * 1000);

/** The alert against the state, or undefined where it measures nothing (no such feature or access, an unlimited limit for a percentage, no invoice in its currency). */
export function measure(alert: AlertRule, state: CustomerState): Measure | undefined {
  switch (alert.type) {
    case 'usage':
      return measureUsage(alert, state.features);
    case 'credit_balance': {
      const currency = alert.currency ?? '';
      const balance = state.credits[currency] ?? 0;
      const amount = alert.amount ?? 0;
      const held = balance > 0 || (state.previousCredits?.[currency] ?? 0) > 0;
      return { reached: balance < amount, threshold: amount, value: balance, period: null, mayFire: held };
    }
    case 'spend': {
      const spend = state.spend;
      if (!spend || spend.currency !== alert.currency) return undefined;
      const amount = alert.amount ?? 0;
      return {
        reached: spend.total >= amount,
        threshold: amount,
        value: spend.total,
        period: { start: spend.periodStart, end: spend.periodEnd },
        mayFire: true,
      };
    }
  }
}

function measureUsage(alert: AlertRule, features: Features): Measure | undefined {
  const entry = alert.feature === null || !Object.hasOwn(features, alert.feature) ? undefined : features[alert.feature];
  if (!entry || entry.type !== 'metered' || !entry.allowed || entry.used === undefined || entry.period_start === undefined) return undefined;
  const limit = entry.limit ?? null;
  let threshold: number;
  if (alert.percent !== null) {
    // A percentage of nothing, or of no limit, is never reached.
    if (limit === null || limit <= 0) return undefined;
    threshold = Math.ceil((limit * alert.percent) / 100);
  } else {
    threshold = alert.amount ?? 0;
  }
  const period = { start: fromSeconds(entry.period_start), end: typeof entry.resets_at === 'number' ? fromSeconds(entry.resets_at) : null };
  return { reached: entry.used >= threshold, threshold, value: entry.used, period, limit, mayFire: true };
}

export type Decision =
  /** Reached, not yet fired in this period (or this crossing): record a firing and raise the event. */
  | { kind: 'fire'; measure: Measure }
  /** Reached and already fired: shown in the snapshot, nothing raised. */
  | { kind: 'reached'; firing: Firing }
  /** A credit balance back at or above the amount: its firing is cleared, so the next crossing fires. */
  | { kind: 'rearm' }
  | { kind: 'quiet' };

const sameInstant = (a: Date, b: Date): boolean => a.getTime() === b.getTime();

/** What to do with an alert measured `m`, which last fired `latest`. */
export function decide(m: Measure | undefined, latest: Firing | undefined): Decision {
  if (!m) return { kind: 'quiet' };
  if (m.period === null) {
    // Once per crossing: a firing stands until the balance is back.
    if (!m.reached) return latest ? { kind: 'rearm' } : { kind: 'quiet' };
    if (latest) return { kind: 'reached', firing: latest };
    return m.mayFire ? { kind: 'fire', measure: m } : { kind: 'quiet' };
  }
  // Once per period. Shown only while still reached: a raised limit takes it away.
  if (!m.reached) return { kind: 'quiet' };
  if (latest?.period && sameInstant(latest.period.start, m.period.start)) return { kind: 'reached', firing: latest };
  return { kind: 'fire', measure: m };
}

const seconds = (date: Date): number => Math.floor(date.getTime() / 1000);

/** The snapshot's entry for an alert the customer is at. */
export function reachedAlert(alert: AlertRule, at: { threshold: number; value: number; period: Period | null; firedAt: Date }): ReachedAlert {
  return {
    alert: alert.id,
    type: alert.type,
    ...(alert.type === 'usage' ? { feature: alert.feature ?? '', percent: alert.percent } : { currency: alert.currency ?? '' }),
    threshold: at.threshold,
    value: at.value,
    reached_at: seconds(at.firedAt),
    period_start: at.period ? seconds(at.period.start) : null,
    period_end: at.period?.end ? seconds(at.period.end) : null,
  };
}

/** Currencies whose balance reached 0 from above: `credits.depleted`, with the balance before. */
export function depletedCurrencies(previous: Record<string, number> | null, current: Record<string, number>): Array<{ currency: string; previous: number }> {
  if (!previous) return [];
  return Object.entries(previous)
    .filter(([currency, balance]) => balance > 0 && (current[currency] ?? 0) <= 0)
    .map(([currency, balance]) => ({ currency, previous: balance }));
}
