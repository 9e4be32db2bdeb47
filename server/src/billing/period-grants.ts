// A recurring plan's credits granted at each period of a subscription, by the billing cycle once
// the invoices of its ended periods are built (they drew on the old period's grants first): the
// old period's grants are closed, what they left rolls over as the plan says (period-credits.ts),
// and the new period's grants are made, expiring at its end. Once per subscription and period:
// the unique (subscription, period_start, kind) of credit_grants and the check under the
// customer's lock make a second run, another instance or a retry grant nothing twice.
import { planVersionCredits } from '../catalog/plans-store.js';
import { lockCustomer } from '../customers/store.js';
import type { Queryable } from '../db/database.js';
import type { StoredSnapshot } from '../entitlements/snapshot.js';
import type { Snapshots } from '../entitlements/snapshots.js';
import { currentPeriod } from '../entitlements/sources.js';
import { closePeriodGrants, insertCreditGrant, periodGranted } from './credits-store.js';
import type { BillableSubscription } from './invoices-store.js';
import { rolledOver } from './period-credits.js';

const LIVE = new Set(['active', 'trialing', 'past_due']);

/** What granting a period's credits reads of a subscription (a billable one, or one of a plan that only grants credits). */
export type PeriodGrantSubscription = Pick<
  BillableSubscription,
  | 'id'
  | 'project_id'
  | 'customer_id'
  | 'plan_id'
  | 'plan_version'
  | 'status'
  | 'provider'
  | 'interval'
  | 'current_period_start'
  | 'current_period_end'
  | 'cancel_at_period_end'
>;

/** Grants the current period's credits of `sub` if not granted yet; answers the customer's new snapshot when credit changed. */
export async function grantPeriodCredits(
  tx: Queryable,
  sub: PeriodGrantSubscription,
  now: Date,
  snapshots: Pick<Snapshots, 'recompute'>,
): Promise<StoredSnapshot | undefined> {
  const plan = await planVersionCredits(tx, sub.plan_id, sub.plan_version);
  if (!plan?.credits) return undefined;
  const { currentPeriodStart: start, currentPeriodEnd: end } = sub.provider
    ? { currentPeriodStart: sub.current_period_start, currentPeriodEnd: sub.current_period_end }
    : currentPeriod(sub, now);
  const live = LIVE.has(sub.status) && end > now;
  if (live && (await periodGranted(tx, sub.id, start))) return undefined;
  await lockCustomer(tx, sub.customer_id);
  if (live && (await periodGranted(tx, sub.id, start))) return undefined;
  // What the ended periods' grants left (their invoices have drawn on them), closed now.
  const left = await closePeriodGrants(tx, sub.id, live ? start : end, now);
  if (!live) return Object.keys(left).length > 0 ? snapshots.recompute(tx, sub.project_id, sub.customer_id, now) : undefined;
  const { amount, currency } = plan.credits;
  const grant = (kind: 'period' | 'rollover', value: number, description: string) =>
    insertCreditGrant(
      tx,
      sub.project_id,
      { customerId: sub.customer_id, currency, amount: value, expiresAt: end, description, period: { subscriptionId: sub.id, start, kind } },
      now,
    );
  await grant('period', amount, plan.name);
  const rolled = rolledOver(left[currency] ?? 0, plan.credits.rollover ?? null);
  if (rolled > 0) await grant('rollover', rolled, `${plan.name} (rolled over)`);
  return snapshots.recompute(tx, sub.project_id, sub.customer_id, now);
}
