// The margin report: reads invoice lines, provider charges, rollups, cost models and subscriptions for a window
// (margin-store.ts) and hands them to margin.ts.
import { DAY_MS } from '../time/periods.js';
import type { components } from '@nozle/openapi';
import { unixSeconds } from '../clock.js';
import type { Queryable } from '../db/database.js';
import { Exact } from '../billing/money.js';
import { costModelTerms } from './cost-models-store.js';
import { computeMargin, monthlyRecurring, percent, type GroupBy } from './margin.js';
import { meterKeys, providerChargeLines, revenueLines, rollupRows, subscriptionRows, type SubscriptionRow } from './margin-store.js';

export type MarginReport = components['schemas']['MarginReport'];

export interface MarginQuery {
  start: Date;
  end: Date;
  groupBy: GroupBy;
  property?: string;
  currency: string;
}

const endedBy = (s: SubscriptionRow, at: Date) => s.status === 'canceled' && s.canceled_at !== null && s.canceled_at <= at;

/** The plan of the customer's newest subscription live at some point of the day. */
const planOnDay = (subs: SubscriptionRow[]) => (customerId: string, day: string) => {
  const dayStart = new Date(`${day}T00:00:00Z`);
  const dayEnd = new Date(dayStart.getTime() + DAY_MS);
  return subs.find((s) => s.customer_id === customerId && s.created_at < dayEnd && !endedBy(s, dayStart))?.plan_key ?? null;
};

/** Active subscriptions, MRR and churn over the window. */
function subscriptionFigures(subs: SubscriptionRow[], q: MarginQuery): Pick<MarginReport, 'active_subscriptions' | 'mrr' | 'churn_rate'> {
  const liveAtStart = subs.filter((s) => s.created_at < q.start && !endedBy(s, q.start));
  const churned = liveAtStart.filter((s) => s.status === 'canceled' && s.canceled_at !== null && s.canceled_at < q.end);
  const paying = subs.filter(
    (s) => (s.status === 'active' || s.status === 'past_due') && s.currency === q.currency && (s.interval === 'month' || s.interval === 'year'),
  );
  return {
    active_subscriptions: subs.filter((s) => s.status === 'trialing' || s.status === 'active' || s.status === 'past_due').length,
    mrr: monthlyRecurring(paying.map((s) => ({ basePrice: Number(s.base_price), interval: s.interval as 'month' | 'year' }))),
    churn_rate: percent(new Exact(churned.length), liveAtStart.length),
  };
}

export async function marginReport(db: Queryable, projectId: string, q: MarginQuery): Promise<MarginReport> {
  const models = await costModelTerms(db, projectId, q.currency);
  const meterIds = [...new Set(models.map((m) => m.meterId))];
  const properties = [...new Set([...models.flatMap((m) => (m.property ? [m.property] : [])), ...(q.property ? [q.property] : [])])];
  // Nozle's own invoices and what the provider charged besides them: all the revenue, each counted once.
  const revenue = [
    ...(await revenueLines(db, projectId, q.currency, q.start, q.end)),
    ...(await providerChargeLines(db, projectId, q.currency, q.start, q.end)),
  ];
  const rollups = await rollupRows(db, projectId, meterIds, properties, q.start, q.end);
  const subs = await subscriptionRows(db, projectId);
  const result = computeMargin({
    groupBy: q.groupBy,
    ...(q.property ? { property: q.property } : {}),
    revenue,
    rollups,
    models,
    meterKeys: await meterKeys(db, projectId),
    planOn: planOnDay(subs),
  });
  return {
    object: 'margin_report',
    start: unixSeconds(q.start),
    end: unixSeconds(q.end),
    currency: q.currency,
    group_by: q.groupBy,
    groups: result.groups,
    totals: result.totals,
    ...subscriptionFigures(subs, q),
  };
}
