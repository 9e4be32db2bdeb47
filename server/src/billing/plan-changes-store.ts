// Reads the plan changes of subscriptions Nozle bills itself (migration 0009; the subscriptions
// service records them: access/subscriptions-store.ts), with both versions' terms.
import type { Queryable } from '../db/database.js';
import type { PlanTerms, RecordedChange } from './plan-changes.js';

interface ChangeRow {
  changed_at: Date;
  from_plan_id: string;
  from_plan_version: number;
  from_name: string;
  from_base_price: number | string;
  from_prices: PlanTerms['prices'];
  from_per_seat: boolean;
  from_quantity: number;
  to_plan_id: string;
  to_plan_version: number;
  to_name: string;
  to_base_price: number | string;
  to_prices: PlanTerms['prices'];
  to_per_seat: boolean;
  to_quantity: number;
}

/** A subscription's plan changes, oldest first, each with both versions' terms. */
export async function planChanges(db: Queryable, subscriptionId: string): Promise<RecordedChange[]> {
  const { rows } = await db.query<ChangeRow>(
    `select c.changed_at, c.from_plan_id, c.from_plan_version, f.name as from_name, f.base_price as from_base_price, f.prices as from_prices,
       c.to_plan_id, c.to_plan_version, t.name as to_name, t.base_price as to_base_price, t.prices as to_prices,
       f.per_seat as from_per_seat, c.from_quantity, t.per_seat as to_per_seat, c.to_quantity
     from subscription_changes c
     join plan_versions f on f.plan_id = c.from_plan_id and f.version = c.from_plan_version
     join plan_versions t on t.plan_id = c.to_plan_id and t.version = c.to_plan_version
     where c.subscription_id = $1 order by c.changed_at, c.seq`,
    [subscriptionId],
  );
  return rows.map((row) => ({
    changed_at: new Date(row.changed_at),
    from: {
      plan_id: row.from_plan_id,
      plan_version: Number(row.from_plan_version),
      plan_name: row.from_name,
      base_price: row.from_base_price,
      prices: row.from_prices,
      per_seat: row.from_per_seat,
      quantity: Number(row.from_quantity),
    },
    to: {
      plan_id: row.to_plan_id,
      plan_version: Number(row.to_plan_version),
      plan_name: row.to_name,
      base_price: row.to_base_price,
      prices: row.to_prices,
      per_seat: row.to_per_seat,
      quantity: Number(row.to_quantity),
    },
  }));
}
