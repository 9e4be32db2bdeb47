// The margin report: reads invoice lines, rollups, cost models and subscriptions for a window
// and hands them to margin.ts.
import type { components } from '@nozle/openapi';
import { unixSeconds } from '../clock.js';
import type { Queryable } from '../db/database.js';
import { Exact } from '../billing/money.js';
import { costModelTerms } from './cost-models-store.js';
import { computeMargin, monthlyRecurring, percent, type GroupBy, type RevenueLine, type RollupRow } from './margin.js';
import { DAY_MS } from '../time/periods.js';

export type MarginReport = components['schemas']['MarginReport'];

export interface MarginQuery {
  start: Date;
  end: Date;
  groupBy: GroupBy;
  property?: string;
  currency: string;
}

interface SubscriptionRow {
  customer_id: string;
  plan_key: string;
  status: string;
  created_at: Date;
  canceled_at: Date | null;
  base_price: number | string;
  interval: string;
  currency: string;
}

export async function marginReport(db: Queryable, projectId: string, q: MarginQuery): Promise<MarginReport> {
  // Revenue: the lines of finalized invoices whose period ended in the window (start < end of period ≤ end).
  const { rows: lines } = await db.query<{ customer_id: string; plan_key: string; meter_key: string | null; type: string; amount: number | string }>(
    `select i.customer_id, p.key as plan_key, m.key as meter_key, l.type, l.amount
     from invoice_lines l join invoices i on i.id = l.invoice_id join plans p on p.id = i.plan_id left join meters m on m.id = l.meter_id
     where i.project_id = $1 and i.status in ('open', 'paid') and i.currency = $2 and i.period_end > $3 and i.period_end <= $4`,
    [projectId, q.currency, q.start, q.end],
  );
  const revenue: RevenueLine[] = lines.map((l) => ({ customerId: l.customer_id, planKey: l.plan_key, meterKey: l.type === 'usage' ? l.meter_key : null, amount: Number(l.amount) }));

  const models = await costModelTerms(db, projectId, q.currency);
  const meterIds = [...new Set(models.map((m) => m.meterId))];
  const properties = [...new Set([...models.flatMap((m) => (m.property ? [m.property] : [])), ...(q.property ? [q.property] : [])])];
  const { rows: rollups } = await db.query<{ customer_id: string; meter_id: string; day: string; property: string; value: string; quantity: string }>(
    `select customer_id, meter_id, to_char(day, 'YYYY-MM-DD') as day, property, value, quantity::text as quantity from usage_daily
     where project_id = $1 and meter_id = any($2) and day >= $3::date and day < $4::date and (property = '' or property = any($5))`,
    [projectId, meterIds, q.start.toISOString().slice(0, 10), q.end.toISOString().slice(0, 10), properties],
  );
  const rollupRows: RollupRow[] = rollups.map((r) => ({ customerId: r.customer_id, meterId: r.meter_id, day: r.day, property: r.property, value: r.value, quantity: r.quantity }));
  const { rows: meters } = await db.query<{ id: string; key: string }>('select id, key from meters where project_id = $1', [projectId]);

  const { rows: subs } = await db.query<SubscriptionRow>(
    `select s.customer_id, p.key as plan_key, s.status, s.created_at, s.canceled_at, v.base_price, v.interval, v.currency
     from subscriptions s join plans p on p.id = s.plan_id join plan_versions v on v.plan_id = s.plan_id and v.version = s.plan_version
     where s.project_id = $1 and s.status <> 'incomplete' order by s.seq desc`,
    [projectId],
  );
  const endedBy = (s: SubscriptionRow, at: Date) => s.status === 'canceled' && s.canceled_at !== null && s.canceled_at <= at;
  // The plan of the customer's newest subscription live at some point of the day.
  const planOn = (customerId: string, day: string) => {
    const dayStart = new Date(`${day}T00:00:00Z`);
    const dayEnd = new Date(dayStart.getTime() + DAY_MS);
    return subs.find((s) => s.customer_id === customerId && s.created_at < dayEnd && !endedBy(s, dayStart))?.plan_key ?? null;
  };

  const result = computeMargin({
    groupBy: q.groupBy,
    ...(q.property ? { property: q.property } : {}),
    revenue,
    rollups: rollupRows,
    models,
    meterKeys: new Map(meters.map((m) => [m.id, m.key])),
    planOn,
  });

  const liveAtStart = subs.filter((s) => s.created_at < q.start && !endedBy(s, q.start));
  const churned = liveAtStart.filter((s) => s.status === 'canceled' && s.canceled_at !== null && s.canceled_at < q.end);
  const paying = subs.filter((s) => (s.status === 'active' || s.status === 'past_due') && s.currency === q.currency && (s.interval === 'month' || s.interval === 'year'));
  return {
    object: 'margin_report',
    start: unixSeconds(q.start),
    end: unixSeconds(q.end),
    currency: q.currency,
    group_by: q.groupBy,
    groups: result.groups,
    totals: result.totals,
    active_subscriptions: subs.filter((s) => s.status === 'trialing' || s.status === 'active' || s.status === 'past_due').length,
    mrr: monthlyRecurring(paying.map((s) => ({ basePrice: Number(s.base_price), interval: s.interval as 'month' | 'year' }))),
    churn_rate: percent(new Exact(churned.length), liveAtStart.length),
  };
}
