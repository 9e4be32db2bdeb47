// The reads the margin report makes across the tables of other slices (invoices, provider
// charges, rollups, meters, subscriptions), in the shapes margin.ts computes with.
import type { Queryable } from '../db/database.js';
import type { RevenueLine, RollupRow } from './margin.js';

export interface SubscriptionRow {
  customer_id: string;
  plan_key: string;
  status: string;
  created_at: Date;
  canceled_at: Date | null;
  base_price: number | string;
  interval: string;
  currency: string;
}

/** The lines of finalized invoices in `currency` whose period ended in the window (start < end of period ≤ end). */
export async function revenueLines(db: Queryable, projectId: string, currency: string, start: Date, end: Date): Promise<RevenueLine[]> {
  const { rows } = await db.query<{ customer_id: string; plan_key: string; meter_key: string | null; type: string; amount: number | string }>(
    `select i.customer_id, p.key as plan_key, m.key as meter_key, l.type, l.amount
     from invoice_lines l join invoices i on i.id = l.invoice_id join plans p on p.id = i.plan_id left join meters m on m.id = l.meter_id
     where i.project_id = $1 and i.status in ('open', 'paid') and i.currency = $2 and i.period_end > $3 and i.period_end <= $4`,
    [projectId, currency, start, end],
  );
  return rows.map((l) => ({ customerId: l.customer_id, planKey: l.plan_key, meterKey: l.type === 'usage' ? l.meter_key : null, amount: Number(l.amount) }));
}

/**
 * What the payment provider charged in `currency` in [start, end) outside Nozle's invoices (a
 * checkout's subscription, one-time payments), net of refunds: each charge one revenue line, a
 * base fee of the plan it paid for.
 */
export async function providerChargeLines(db: Queryable, projectId: string, currency: string, start: Date, end: Date): Promise<RevenueLine[]> {
  const { rows } = await db.query<{ customer_id: string; plan_key: string; amount: number | string }>(
    `select c.customer_id, p.key as plan_key, c.amount - c.amount_refunded as amount
     from provider_charges c join plans p on p.id = c.plan_id
     where c.project_id = $1 and c.currency = $2 and c.charged_at >= $3 and c.charged_at < $4
     order by c.seq`,
    [projectId, currency, start, end],
  );
  return rows.map((c) => ({ customerId: c.customer_id, planKey: c.plan_key, meterKey: null, amount: Number(c.amount) }));
}

/** The daily rollups of these meters in [start, end): totals, and the values of these properties. */
export async function rollupRows(db: Queryable, projectId: string, meterIds: string[], properties: string[], start: Date, end: Date): Promise<RollupRow[]> {
  const { rows } = await db.query<{ customer_id: string; meter_id: string; day: string; property: string; value: string; quantity: string }>(
    `select customer_id, meter_id, to_char(day, 'YYYY-MM-DD') as day, property, value, quantity::text as quantity from usage_daily
     where project_id = $1 and meter_id = any($2) and day >= $3::date and day < $4::date and (property = '' or property = any($5))`,
    [projectId, meterIds, start.toISOString().slice(0, 10), end.toISOString().slice(0, 10), properties],
  );
  return rows.map((r) => ({ customerId: r.customer_id, meterId: r.meter_id, day: r.day, property: r.property, value: r.value, quantity: r.quantity }));
}

/** Meter id → key, for every meter of the project. */
export async function meterKeys(db: Queryable, projectId: string): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; key: string }>('select id, key from meters where project_id = $1', [projectId]);
  return new Map(rows.map((m) => [m.id, m.key]));
}

/** Every subscription of the project that got past checkout, newest first, with its plan version's price. */
export async function subscriptionRows(db: Queryable, projectId: string): Promise<SubscriptionRow[]> {
  const { rows } = await db.query<SubscriptionRow>(
    `select s.customer_id, p.key as plan_key, s.status, s.created_at, s.canceled_at, v.base_price, v.interval, v.currency
     from subscriptions s join plans p on p.id = s.plan_id join plan_versions v on v.plan_id = s.plan_id and v.version = s.plan_version
     where s.project_id = $1 and s.status <> 'incomplete' order by s.seq desc`,
    [projectId],
  );
  return rows;
}
