// SQL for alert_firings, and the one read every snapshot store makes: the alerts that may apply
// to a customer, each with when it last fired for them.
import type { Queryable } from '../db/database.js';
import { ALERT_COLUMNS, type AlertRow, type AlertType } from './alerts-store.js';
import type { Firing, Period } from './rules.js';

/** The period key of a credit balance alert's firing, which is per crossing, not per period. */
const CROSSING = new Date(0);

/** An alert that may apply to `customerId` (a plan's still has to be checked against the customer's plans). */
export interface CandidateAlert {
  customerId: string;
  alert: AlertRow;
  latest: Firing | undefined;
}

interface CandidateRow extends AlertRow {
  for_customer: string;
  f_period_start: Date | null;
  f_period_end: Date | null;
  f_threshold: number | string | null;
  f_value: number | string | null;
  f_fired_at: Date | null;
}

const periodOf = (start: Date, end: Date | null): Period | null => (start.getTime() === CROSSING.getTime() ? null : { start, end });

/**
 * The enabled alerts of the project for every customer, for one of `customerIds`, or for a plan
 * (of any type, or of `type`), each with its latest firing for that customer. One indexed query
 * (alerts_applying); with no alerts in the project it finds nothing.
 */
export async function candidateAlerts(db: Queryable, projectId: string, customerIds: readonly string[], type?: AlertType): Promise<CandidateAlert[]> {
  const { rows } = await db.query<CandidateRow>(
    `select c.id as for_customer, ${ALERT_COLUMNS},
       f.period_start as f_period_start, f.period_end as f_period_end, f.threshold as f_threshold, f.value as f_value, f.fired_at as f_fired_at
     from unnest($2::text[]) as c(id)
     join alerts a on a.project_id = $1 and a.enabled and a.deleted_at is null and (a.customer_id is null or a.customer_id = c.id)
       and ($3::text is null or a.type = $3)
     left join plans p on p.id = a.plan_id
     left join lateral (
       select period_start, period_end, threshold, value, fired_at from alert_firings
       where alert_id = a.id and customer_id = c.id order by period_start desc limit 1
     ) f on true
     order by c.id, a.seq`,
    [projectId, customerIds, type ?? null],
  );
  return rows.map(({ for_customer, f_period_start, f_period_end, f_threshold, f_value, f_fired_at, ...alert }) => ({
    customerId: for_customer,
    alert,
    latest:
      f_period_start && f_fired_at
        ? { period: periodOf(f_period_start, f_period_end), threshold: Number(f_threshold), value: Number(f_value), firedAt: f_fired_at }
        : undefined,
  }));
}

/**
 * Records that the alert fired for the customer in `period` (null: this crossing of a credit
 * balance). Answers false when it had already (a concurrent batch won): then no event is raised.
 */
export async function insertFiring(
  db: Queryable,
  alertId: string,
  customerId: string,
  fired: { period: Period | null; threshold: number; value: number },
  now: Date,
): Promise<boolean> {
  const { rows } = await db.query(
    `insert into alert_firings (alert_id, customer_id, period_start, period_end, threshold, value, fired_at) values ($1, $2, $3, $4, $5, $6, $7)
     on conflict do nothing returning alert_id`,
    [alertId, customerId, fired.period?.start ?? CROSSING, fired.period?.end ?? null, fired.threshold, fired.value, now],
  );
  return rows.length > 0;
}

/** A credit balance back at or above the amount: the next crossing fires again. */
export async function rearm(db: Queryable, alertId: string, customerId: string): Promise<void> {
  await db.query('delete from alert_firings where alert_id = $1 and customer_id = $2 and period_start = $3', [alertId, customerId, CROSSING]);
}

/** A new threshold starts afresh: the alert may fire again for everyone in the current period. */
export async function clearFirings(db: Queryable, alertId: string): Promise<void> {
  await db.query('delete from alert_firings where alert_id = $1', [alertId]);
}
