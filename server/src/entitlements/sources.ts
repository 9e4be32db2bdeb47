// Reads one customer's access sources and the catalog into the engine's input.
import type { Queryable } from '../db/database.js';
import { featureDefinitions } from '../catalog/features-store.js';
import type { PlanInterval } from '../catalog/plans-store.js';
import { wholeSecond } from '../clock.js';
import { readUsageCarry, usagePeriod, type StoredUsageCarry } from '../time/periods.js';
import { trialNoticeAt } from '../time/trial-notice.js';
import type { EngineInput, FeatureTerms, JsonValue, ManualEntry, PurchaseSource, ResetInterval, SubscriptionSource, SubscriptionStatus } from './types.js';

interface SubscriptionSourceRow {
  id: string;
  plan_key: string;
  interval: PlanInterval;
  status: SubscriptionStatus;
  current_period_start: Date;
  current_period_end: Date;
  trial_end: Date | null;
  cancel_at_period_end: boolean;
  past_due_since: Date | null;
  billing_cycle_anchor: Date;
  usage_carry: StoredUsageCarry | null;
  add_on: boolean;
  /** Who bills it; null when Nozle does. */
  provider: string | null;
  scheduled_change_at: Date | null;
  payment_due_at: Date | null;
  trial_will_end_sent_for: Date | null;
  quantity: number;
  entitlements: FeatureTerms[];
}

interface PurchaseSourceRow {
  id: string;
  plan_key: string;
  purchased_at: Date;
  expires_at: Date | null;
  refunded_at: Date | null;
  add_on: boolean;
  entitlements: FeatureTerms[];
}

interface GrantSourceRow {
  id: string;
  seq: number;
  kind: 'grant' | 'revoke';
  feature_key: string;
  starts_at: Date;
  ends_at: Date | null;
  created_at: Date;
  limit_value: number | null;
  reset: ResetInterval | null;
  overage: boolean | null;
  value: JsonValue;
}

export async function loadEngineInput(db: Queryable, projectId: string, customerId: string, now: Date, pastDueGraceMs: number): Promise<EngineInput> {
  // One after another: inside a transaction they share one connection anyway.
  const features = await featureDefinitions(db, projectId);
  const customer = await db.query<{ created_at: Date }>('select created_at from customers where project_id = $1 and id = $2', [projectId, customerId]);
  const subscriptions = await db.query<SubscriptionSourceRow>(
    `select s.id, p.key as plan_key, v.interval, s.status, s.current_period_start, s.current_period_end, s.trial_end,
       s.cancel_at_period_end, s.past_due_since, s.billing_cycle_anchor, s.usage_carry, p.add_on, s.provider, s.scheduled_change_at, s.payment_due_at,
       s.trial_will_end_sent_for, s.quantity, v.entitlements
     from subscriptions s join plans p on p.id = s.plan_id
     join plan_versions v on v.plan_id = s.plan_id and v.version = s.plan_version
     where s.project_id = $1 and s.customer_id = $2 and s.status <> 'canceled'
     order by s.seq`,
    [projectId, customerId],
  );
  const purchases = await db.query<PurchaseSourceRow>(
    `select u.id, p.key as plan_key, u.purchased_at, u.expires_at, u.refunded_at, p.add_on, v.entitlements
     from purchases u join plans p on p.id = u.plan_id
     join plan_versions v on v.plan_id = u.plan_id and v.version = u.plan_version
     where u.project_id = $1 and u.customer_id = $2
     order by u.seq`,
    [projectId, customerId],
  );
  const grants = await db.query<GrantSourceRow>(
    `select id, seq, kind, feature_key, starts_at, ends_at, created_at, limit_value, reset, overage, value
     from grants where project_id = $1 and customer_id = $2 order by seq`,
    [projectId, customerId],
  );
  return {
    now,
    pastDueGraceMs,
    // Whole seconds, like every anchor: usage counters key on the periods counted from it.
    customerCreatedAt: wholeSecond(customer.rows[0]?.created_at ?? now),
    features,
    subscriptions: subscriptions.rows.map((row) => toSubscriptionSource(row, now)),
    purchases: purchases.rows.map(toPurchaseSource),
    manual: grants.rows.map(toManualEntry),
  };
}

function toSubscriptionSource(row: SubscriptionSourceRow, now: Date): SubscriptionSource {
  return {
    id: row.id,
    planKey: row.plan_key,
    status: row.status,
    ...currentPeriod(row, now),
    // A provider's trial ends when the provider says it converted (or not): its trial_end is the
    // provider's plan, not an instant at which Nozle cuts access on its own.
    trialEnd: row.provider === null ? row.trial_end : null,
    cancelAtPeriodEnd: row.cancel_at_period_end,
    pastDueSince: row.past_due_since,
    billingCycleAnchor: row.billing_cycle_anchor,
    usageCarry: readUsageCarry(row.usage_carry),
    addOn: row.add_on,
    scheduledChangeAt: row.scheduled_change_at,
    paymentDueAt: row.provider === null ? row.payment_due_at : null,
    // Every trial's end is announced, whoever bills it: the notice cuts no access.
    trialNoticeAt: row.status === 'trialing' ? trialNoticeAt(row.trial_end, row.trial_will_end_sent_for) : null,
    quantity: row.quantity,
    terms: row.entitlements,
  };
}

/**
 * A subscription billed outside Stripe renews by itself: once its stored period has ended
 * (and it is not ending), the current period is the one of the same length containing now.
 */
export function currentPeriod(
  row: Pick<SubscriptionSourceRow, 'interval' | 'status' | 'current_period_start' | 'current_period_end' | 'cancel_at_period_end'>,
  now: Date,
): { currentPeriodStart: Date; currentPeriodEnd: Date } {
  const renews = (row.status === 'active' || row.status === 'past_due') && !row.cancel_at_period_end && row.interval !== 'one_time';
  if (!renews || now < row.current_period_end) {
    return { currentPeriodStart: row.current_period_start, currentPeriodEnd: row.current_period_end };
  }
  const period = usagePeriod(row.current_period_start, row.interval as 'month' | 'year', now);
  return { currentPeriodStart: period.periodStart, currentPeriodEnd: period.resetsAt ?? row.current_period_end };
}

const toPurchaseSource = (row: PurchaseSourceRow): PurchaseSource => ({
  id: row.id,
  planKey: row.plan_key,
  purchasedAt: row.purchased_at,
  expiresAt: row.expires_at,
  refundedAt: row.refunded_at,
  addOn: row.add_on,
  terms: row.entitlements,
});

function toManualEntry(row: GrantSourceRow): ManualEntry {
  return {
    id: row.id,
    kind: row.kind,
    feature: row.feature_key,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    createdAt: row.created_at,
    sequence: row.seq,
    ...(row.limit_value !== null ? { limit: row.limit_value } : {}),
    ...(row.reset !== null ? { reset: row.reset } : {}),
    ...(row.overage !== null ? { overage: row.overage } : {}),
    ...(row.value !== null ? { value: row.value } : {}),
  };
}
