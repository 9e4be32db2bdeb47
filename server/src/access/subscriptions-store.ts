// SQL for subscriptions.
import { unixSeconds } from '../clock.js';
import { isUniqueViolation, type Queryable } from '../db/database.js';
import type { Metadata } from '../customers/metadata.js';
import type { PlanInterval } from '../catalog/plans-store.js';
import { currentPeriod } from '../entitlements/sources.js';
import type { SubscriptionStatus } from '../entitlements/types.js';
import { alreadyExists, notFound } from '../http/errors.js';
import { newId } from '../ids.js';
import { recordOutboxEvent } from '../outbox.js';
import type { StoredUsageCarry } from '../time/periods.js';
import { TRIAL_NOTICE_MS, trialNoticeAt } from '../time/trial-notice.js';
import type { Lifecycle } from './subscription-lifecycle.js';

/** Who bills a subscription, when not Nozle itself (payments/provider.ts names its providers with this). */
export type ProviderName = 'stripe' | 'sandbox';

export interface Subscription {
  id: string;
  object: 'subscription';
  customer: string;
  plan: string;
  plan_version: number;
  plan_group: string | null;
  status: SubscriptionStatus;
  current_period_start: number;
  current_period_end: number;
  billing_cycle_anchor: number;
  trial_end: number | null;
  cancel_at_period_end: boolean;
  canceled_at: number | null;
  past_due_since: number | null;
  scheduled_change: { plan: string; plan_version: number; quantity: number; at: number } | null;
  quantity: number;
  default_tax_rates: string[];
  provider: ProviderName | null;
  provider_subscription_id: string | null;
  metadata: Metadata;
  created: number;
}

/** A row of the `subscriptions` table, with its plan's key and interval: the one type every slice reads it as. */
export interface SubscriptionRow {
  id: string;
  project_id: string;
  interval: PlanInterval;
  customer_id: string;
  plan_id: string;
  plan_key: string;
  plan_version: number;
  /** The plan's group, copied at write; null for an add-on. */
  plan_group: string | null;
  status: SubscriptionStatus;
  current_period_start: Date;
  current_period_end: Date;
  /** Where its periods are counted from (a trial's end, or the start; a change of interval moves it). */
  billing_cycle_anchor: Date;
  trial_end: Date | null;
  /** The trial end whose `subscription.trial_will_end` was sent (announceTrialEnds). */
  trial_will_end_sent_for: Date | null;
  cancel_at_period_end: boolean;
  canceled_at: Date | null;
  past_due_since: Date | null;
  /** Where each reset's usage period started, when it replaced another subscription of its group inside a period. */
  usage_carry: StoredUsageCarry | null;
  /** A plan change that takes effect at `scheduled_change_at` (a period-end downgrade). */
  scheduled_plan_id: string | null;
  scheduled_plan_key: string | null;
  scheduled_plan_version: number | null;
  scheduled_change_at: Date | null;
  /** The quantity a scheduled change sets (a period-end decrease of seats); null keeps it. */
  scheduled_quantity: number | null;
  /** Seats: a per-seat plan's base price and per-seat limits are × this. */
  quantity: number;
  /** Tax rate ids its invoices apply instead of those matching the customer's address (billing/taxes.ts). */
  default_tax_rates: string[];
  /** The earliest due date of the open invoices Nozle billed it (billing keeps it: billing/payment-due.ts). */
  payment_due_at: Date | null;
  provider: ProviderName | null;
  provider_subscription_id: string | null;
  metadata: Metadata;
  created_at: Date;
}

const seconds = (date: Date | null) => (date ? unixSeconds(date) : null);

/** The subscription as the API shows it, with a renewing period rolled forward to `now`. */
export function toSubscription(row: SubscriptionRow, now: Date): Subscription {
  const period = currentPeriod(row, now);
  return {
    id: row.id,
    object: 'subscription',
    customer: row.customer_id,
    plan: row.plan_key,
    plan_version: row.plan_version,
    plan_group: row.plan_group,
    status: row.status,
    current_period_start: unixSeconds(period.currentPeriodStart),
    current_period_end: unixSeconds(period.currentPeriodEnd),
    billing_cycle_anchor: unixSeconds(row.billing_cycle_anchor),
    trial_end: seconds(row.trial_end),
    cancel_at_period_end: row.cancel_at_period_end,
    canceled_at: seconds(row.canceled_at),
    past_due_since: seconds(row.past_due_since),
    scheduled_change: scheduledChange(row),
    quantity: row.quantity,
    default_tax_rates: row.default_tax_rates,
    provider: row.provider,
    provider_subscription_id: row.provider_subscription_id,
    metadata: row.metadata,
    created: unixSeconds(row.created_at),
  };
}

const scheduledChange = (row: SubscriptionRow): Subscription['scheduled_change'] =>
  row.scheduled_plan_key !== null && row.scheduled_plan_version !== null && row.scheduled_change_at !== null
    ? {
        plan: row.scheduled_plan_key,
        plan_version: row.scheduled_plan_version,
        quantity: row.scheduled_quantity ?? row.quantity,
        at: unixSeconds(row.scheduled_change_at),
      }
    : null;

const SELECT = `select s.id, s.project_id, v.interval, s.customer_id, s.plan_id, p.key as plan_key, s.plan_version, s.plan_group, s.status,
  s.current_period_start, s.current_period_end, s.billing_cycle_anchor, s.trial_end, s.trial_will_end_sent_for, s.cancel_at_period_end, s.canceled_at, s.past_due_since,
  s.usage_carry, s.scheduled_plan_id, sp.key as scheduled_plan_key, s.scheduled_plan_version, s.scheduled_change_at, s.payment_due_at,
  s.scheduled_quantity, s.quantity, s.default_tax_rates, s.provider, s.provider_subscription_id, s.metadata, s.created_at
  from subscriptions s join plans p on p.id = s.plan_id
  join plan_versions v on v.plan_id = s.plan_id and v.version = s.plan_version
  left join plans sp on sp.id = s.scheduled_plan_id`;

export interface NewSubscription {
  customerId: string;
  planId: string;
  planVersion: number;
  /** Where each reset's usage period started, when it replaces another subscription of its group inside a period. */
  usageCarry?: StoredUsageCarry | null;
  /** Its status, period, trial and cancellation, as the lifecycle began it (or a provider reported it). */
  lifecycle: Lifecycle;
  metadata: Metadata;
  /** Its id at the provider in `lifecycle.provider`, for one billed there. */
  providerSubscriptionId?: string;
  /** When it was created, when not `now` (a provider's subscription: when it was created there). */
  createdAt?: Date;
  /** Seats; 1 when absent. */
  quantity?: number;
  /** Tax rate ids its invoices apply (none when absent: matched by address). */
  defaultTaxRates?: string[];
}

// A customer holds at most one live (not canceled) subscription to a plan, and at most one live
// (trialing, active, past_due) subscription per plan group: the partial unique indexes of
// migrations 0013 and 0016 enforce them under any concurrency; a breach is the caller's 409.
const ONE_LIVE_PER_PLAN = 'subscriptions_one_live_per_plan';
const ONE_LIVE_PER_GROUP = 'subscriptions_one_live_per_group';

/** The statuses that hold a customer's place in a plan group (migration 0016 says why these). */
const HOLDS_GROUP: readonly SubscriptionStatus[] = ['trialing', 'active', 'past_due'];
const HOLDS_GROUP_SQL = `(${HOLDS_GROUP.map((status) => `'${status}'`).join(', ')})`;

const alreadySubscribed = (planId: string) =>
  alreadyExists('plan', `The customer already has a live subscription to plan ${planId}: change or cancel that one instead.`);

const groupTaken = (planId: string) =>
  alreadyExists(
    'plan',
    `The customer already holds a live subscription in the group of plan ${planId} (one per group): change that subscription's plan, or cancel it, instead.`,
  );

/** Runs a write that may make a second live subscription to one plan or in one group; that breach is a 409. */
async function oneLivePerPlan<T>(planId: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, ONE_LIVE_PER_PLAN)) throw alreadySubscribed(planId);
    if (isUniqueViolation(error, ONE_LIVE_PER_GROUP)) throw groupTaken(planId);
    throw error;
  }
}

/** The customer's subscription holding its place in `group` (trialing, active or past_due), if any; `forUpdate` locks it. */
export async function liveSubscriptionInGroup(
  db: Queryable,
  projectId: string,
  customerId: string,
  group: string,
  forUpdate = false,
): Promise<SubscriptionRow | undefined> {
  const { rows } = await db.query<SubscriptionRow>(
    `${SELECT} where s.project_id = $1 and s.customer_id = $2 and s.plan_group = $3 and s.status in ${HOLDS_GROUP_SQL}${forUpdate ? ' for update of s' : ''}`,
    [projectId, customerId, group],
  );
  return rows[0];
}

/** A plan change to make at `at` (a period-end downgrade); null takes a scheduled one back. */
export interface ScheduledPlanChange {
  planId: string;
  planVersion: number;
  at: Date;
  /** The quantity from the change on; the current one when absent. */
  quantity?: number;
}

export async function setScheduledChange(db: Queryable, id: string, change: ScheduledPlanChange | null, now: Date): Promise<void> {
  await db.query(
    `update subscriptions set scheduled_plan_id = $2, scheduled_plan_version = $3, scheduled_change_at = $4, updated_at = $5, scheduled_quantity = $6
     where id = $1`,
    [id, change?.planId ?? null, change?.planVersion ?? null, change?.at ?? null, now, change?.quantity ?? null],
  );
}

/** The project's customers with a scheduled change due at `now` on a live subscription billed here, in id order. */
export async function customersWithDueScheduledChanges(db: Queryable, projectId: string, now: Date): Promise<string[]> {
  const { rows } = await db.query<{ customer_id: string }>(
    `select distinct customer_id from subscriptions
     where project_id = $1 and provider is null and status in ${HOLDS_GROUP_SQL} and scheduled_change_at <= $2 order by customer_id`,
    [projectId, now],
  );
  return rows.map((row) => row.customer_id);
}

/** Asks the final invoice of a subscription canceled now to credit the unused time of its period. */
export async function setCancelProrate(db: Queryable, id: string): Promise<void> {
  await db.query('update subscriptions set cancel_prorate = true where id = $1', [id]);
}

/** The customer's live subscriptions billed here whose scheduled change is due at `now`, locked, in order. */
export async function dueScheduledChanges(db: Queryable, projectId: string, customerId: string, now: Date): Promise<SubscriptionRow[]> {
  const { rows } = await db.query<SubscriptionRow>(
    `${SELECT} where s.project_id = $1 and s.customer_id = $2 and s.provider is null and s.status in ${HOLDS_GROUP_SQL}
       and s.scheduled_change_at is not null and s.scheduled_change_at <= $3
     order by s.seq for update of s`,
    [projectId, customerId, now],
  );
  return rows;
}

/** Where each reset's usage period started when this subscription replaced another of its group (null: it replaced none). */
export async function setUsageCarry(db: Queryable, id: string, carry: StoredUsageCarry | null, now: Date): Promise<void> {
  await db.query('update subscriptions set usage_carry = $2, updated_at = $3 where id = $1', [id, carry ? JSON.stringify(carry) : null, now]);
}

/** The id of the customer's live subscription to the plan (other than `except`), if any. */
export async function liveSubscriptionTo(db: Queryable, projectId: string, customerId: string, planId: string, except?: string): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `select id from subscriptions where project_id = $1 and customer_id = $2 and plan_id = $3 and status <> 'canceled' and id <> $4`,
    [projectId, customerId, planId, except ?? ''],
  );
  return rows[0]?.id;
}

/** Refuses (409) a change that would give the customer a second live subscription to the plan. */
export async function assertNotSubscribed(db: Queryable, projectId: string, customerId: string, planId: string, except?: string): Promise<void> {
  if (await liveSubscriptionTo(db, projectId, customerId, planId, except)) throw alreadySubscribed(planId);
}

/** The group a subscription to the plan in parameter `param` is held in: the plan's, or none for an add-on (copied for the one-live-per-group index). */
const PLAN_GROUP_OF = (param: string) => `(select case when add_on then null else plan_group end from plans where id = ${param})`;

/** The lifecycle's columns, in the order both statements below name them (status … billing_cycle_anchor). */
const lifecycleColumns = (life: Lifecycle): unknown[] => [
  life.status,
  life.current_period_start,
  life.current_period_end,
  life.trial_end,
  life.cancel_at_period_end,
  life.canceled_at,
  life.past_due_since,
  life.billing_cycle_anchor,
];

export async function insertSubscription(db: Queryable, projectId: string, fields: NewSubscription, now: Date): Promise<SubscriptionRow> {
  const id = newId('sub');
  const life = fields.lifecycle;
  await oneLivePerPlan(fields.planId, () =>
    db.query(
      `insert into subscriptions (id, project_id, customer_id, plan_id, plan_version, status, current_period_start, current_period_end,
       trial_end, cancel_at_period_end, canceled_at, past_due_since, billing_cycle_anchor, plan_group, usage_carry, provider,
       provider_subscription_id, metadata, created_at, updated_at, quantity, default_tax_rates)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, ${PLAN_GROUP_OF('$4')}, $14, $15, $16, $17, $18, $19, $20, $21)`,
      [
        id,
        projectId,
        fields.customerId,
        fields.planId,
        fields.planVersion,
        ...lifecycleColumns(life),
        fields.usageCarry ? JSON.stringify(fields.usageCarry) : null,
        life.provider,
        fields.providerSubscriptionId ?? null,
        JSON.stringify(fields.metadata),
        fields.createdAt ?? now,
        now,
        fields.quantity ?? 1,
        JSON.stringify(fields.defaultTaxRates ?? []),
      ],
    ),
  );
  const row = await findSubscription(db, projectId, id);
  // Here, where every path that makes one passes (the API, a provider's sync, a default given), in its transaction.
  await recordOutboxEvent(db, projectId, 'subscription.created', toSubscription(row, now), now);
  // A trial shorter than the notice is announced at once.
  if (trialNoticeDue(row, now)) await announceTrialEnds(db, projectId, { subscriptionId: id }, now);
  return row;
}

export async function findSubscription(db: Queryable, projectId: string, id: string, forUpdate = false): Promise<SubscriptionRow> {
  const { rows } = await db.query<SubscriptionRow>(`${SELECT} where s.project_id = $1 and s.id = $2${forUpdate ? ' for update of s' : ''}`, [projectId, id]);
  if (!rows[0]) throw notFound('subscription', id, 'subscription');
  return rows[0];
}

/** The subscription held by the provider as `providerSubscriptionId`, locked, if Nozle has it. */
export async function findProviderSubscription(db: Queryable, provider: ProviderName, providerSubscriptionId: string): Promise<SubscriptionRow | undefined> {
  const { rows } = await db.query<SubscriptionRow>(`${SELECT} where s.provider = $1 and s.provider_subscription_id = $2 for update of s`, [
    provider,
    providerSubscriptionId,
  ]);
  return rows[0];
}

/** The customer's self-billed trials that have reached their end at `now`, locked (the customer is locked already). */
export async function endedTrials(db: Queryable, projectId: string, customerId: string, now: Date): Promise<SubscriptionRow[]> {
  const { rows } = await db.query<SubscriptionRow>(
    `${SELECT} where s.project_id = $1 and s.customer_id = $2 and s.provider is null and s.status = 'trialing' and s.trial_end <= $3
     order by s.seq for update of s`,
    [projectId, customerId, now],
  );
  return rows;
}

/** Self-billed active subscriptions of the customer with an invoice overdue at `now`, locked. */
export async function overdueSubscriptions(db: Queryable, projectId: string, customerId: string, now: Date): Promise<SubscriptionRow[]> {
  const { rows } = await db.query<SubscriptionRow>(
    `${SELECT} where s.project_id = $1 and s.customer_id = $2 and s.provider is null and s.status = 'active' and s.payment_due_at <= $3
     order by s.seq for update of s`,
    [projectId, customerId, now],
  );
  return rows;
}

/** Self-billed past_due subscriptions of the customer, still owing an overdue invoice, whose grace ended by `now`, locked. */
export async function dunningOver(db: Queryable, projectId: string, customerId: string, now: Date, graceMs: number): Promise<SubscriptionRow[]> {
  const { rows } = await db.query<SubscriptionRow>(
    `${SELECT} where s.project_id = $1 and s.customer_id = $2 and s.provider is null and s.status = 'past_due' and s.payment_due_at <= $3
       and s.past_due_since + $4 * interval '1 millisecond' <= $3
     order by s.seq for update of s`,
    [projectId, customerId, now, graceMs],
  );
  return rows;
}

/** Stores the earliest due date of what the subscription owes (null: nothing open with a due date). */
export async function setPaymentDueAt(db: Queryable, subscriptionId: string, dueAt: Date | null): Promise<void> {
  await db.query('update subscriptions set payment_due_at = $2 where id = $1', [subscriptionId, dueAt]);
}

export interface SubscriptionChanges {
  planId: string;
  planVersion: number;
  lifecycle: Lifecycle;
  /** Kept as it is when absent. */
  metadata?: Metadata;
  /** Seats; kept as they are when absent. */
  quantity?: number;
}

/** Writes a subscription's plan and lifecycle (and metadata); a second live subscription to the plan is a 409. */
export async function updateSubscriptionRow(db: Queryable, projectId: string, id: string, changes: SubscriptionChanges, now: Date): Promise<SubscriptionRow> {
  const beforeRow = await findSubscription(db, projectId, id);
  // A trial's notice due but not sent yet (time jumped past it: a test clock's advance renews the
  // sandbox before the due work runs) goes out before the trial changes, as it was.
  if (trialNoticeDue(beforeRow, now)) await announceTrialEnds(db, projectId, { subscriptionId: id }, now);
  const before = toSubscription(beforeRow, now);
  const life = changes.lifecycle;
  await oneLivePerPlan(changes.planId, () =>
    db.query(
      `update subscriptions set plan_id = $3, plan_version = $4, status = $5, current_period_start = $6, current_period_end = $7, trial_end = $8,
       cancel_at_period_end = $9, canceled_at = $10, past_due_since = $11, billing_cycle_anchor = $12, metadata = coalesce($13::jsonb, metadata),
       updated_at = $14, plan_group = ${PLAN_GROUP_OF('$3')}, quantity = coalesce($15::int, quantity)
     where project_id = $1 and id = $2`,
      [
        projectId,
        id,
        changes.planId,
        changes.planVersion,
        ...lifecycleColumns(life),
        changes.metadata ? JSON.stringify(changes.metadata) : null,
        now,
        changes.quantity ?? null,
      ],
    ),
  );
  const row = await findSubscription(db, projectId, id);
  await recordSubscriptionChange(db, projectId, before, toSubscription(row, now), now);
  // A trial moved to end within the notice is announced at once (once per trial end).
  if (trialNoticeDue(row, now)) await announceTrialEnds(db, projectId, { subscriptionId: id }, now);
  return row;
}

/** Whether announceTrialEnds would send this subscription's notice at `now`: checked first, so most writes (no trial) skip its UPDATE. */
const trialNoticeDue = (row: SubscriptionRow, now: Date): boolean => {
  const at = row.status === 'trialing' ? trialNoticeAt(row.trial_end, row.trial_will_end_sent_for) : null;
  return at !== null && at.getTime() <= now.getTime();
};

/**
 * Sends `subscription.trial_will_end` for each trialing subscription (of the customer, or the one
 * named) whose notice is due at `now` (time/trial-notice.ts, the same rule in SQL), marking it sent
 * for its trial end in the same statement: once per trial end, whichever instance or path gets
 * there first. Answers how many were sent. One whose end already passed unconverted (a test clock
 * moved past it, a provider's trial awaiting its word) is still announced, before it changes:
 * late rather than never.
 */
export async function announceTrialEnds(
  db: Queryable,
  projectId: string,
  which: { customerId: string } | { subscriptionId: string },
  now: Date,
): Promise<number> {
  const { rows } = await db.query<{ id: string }>(
    `update subscriptions set trial_will_end_sent_for = trial_end
     where project_id = $1 and ${'customerId' in which ? 'customer_id' : 'id'} = $2 and status = 'trialing' and trial_end is not null
       and (trial_will_end_sent_for is null or trial_will_end_sent_for < trial_end)
       and trial_end - $4 * interval '1 millisecond' <= $3
     returning id`,
    [projectId, 'customerId' in which ? which.customerId : which.subscriptionId, now, TRIAL_NOTICE_MS],
  );
  for (const { id } of rows) {
    await recordOutboxEvent(db, projectId, 'subscription.trial_will_end', toSubscription(await findSubscription(db, projectId, id), now), now);
  }
  return rows.length;
}

/** The webhook of a change to a subscription, when the API would show one: canceled, or updated. */
async function recordSubscriptionChange(db: Queryable, projectId: string, before: Subscription, after: Subscription, now: Date): Promise<void> {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  const type = after.status === 'canceled' && before.status !== 'canceled' ? 'subscription.canceled' : 'subscription.updated';
  await recordOutboxEvent(db, projectId, type, after, now);
}

export async function updateSubscriptionMetadata(db: Queryable, id: string, metadata: Metadata, now: Date): Promise<void> {
  await db.query('update subscriptions set metadata = $2, updated_at = $3 where id = $1', [id, JSON.stringify(metadata), now]);
}

/** A plan version and a quantity, before or after a change. */
interface PlanAndQuantity {
  planId: string;
  planVersion: number;
  quantity: number;
}

/** Records that a subscription moved from one plan version (or quantity) to another at `at` (billing prorates it: billing/plan-changes.ts). */
export async function recordPlanChange(db: Queryable, subscriptionId: string, from: PlanAndQuantity, to: PlanAndQuantity, at: Date): Promise<void> {
  await db.query(
    `insert into subscription_changes (subscription_id, changed_at, from_plan_id, from_plan_version, to_plan_id, to_plan_version, from_quantity, to_quantity)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [subscriptionId, at, from.planId, from.planVersion, to.planId, to.planVersion, from.quantity, to.quantity],
  );
}

export interface SubscriptionFilter {
  customerId?: string;
  status?: SubscriptionStatus;
}

export async function listSubscriptionRows(
  db: Queryable,
  projectId: string,
  filter: SubscriptionFilter,
  limit: number,
  afterSeq: number | undefined,
  now: Date,
): Promise<Subscription[]> {
  const { rows } = await db.query<SubscriptionRow>(
    `${SELECT} where s.project_id = $1 and ($2::text is null or s.customer_id = $2) and ($3::text is null or s.status = $3)
       and ($4::bigint is null or s.seq < $4)
     order by s.seq desc limit $5`,
    [projectId, filter.customerId ?? null, filter.status ?? null, afterSeq ?? null, limit],
  );
  return rows.map((row) => toSubscription(row, now));
}

export async function subscriptionSeq(db: Queryable, projectId: string, id: string): Promise<number | undefined> {
  const { rows } = await db.query<{ seq: number }>('select seq from subscriptions where project_id = $1 and id = $2', [projectId, id]);
  return rows[0]?.seq;
}

/** The customers whose live subscriptions to the plan would move to `toVersion`, sorted. */
export async function customersToMigrate(db: Queryable, planId: string, toVersion: number, fromVersion: number | undefined): Promise<string[]> {
  const { rows } = await db.query<{ customer_id: string }>(
    `select distinct customer_id from subscriptions
     where plan_id = $1 and status <> 'canceled' and plan_version <> $2 and ($3::int is null or plan_version = $3)
     order by customer_id`,
    [planId, toVersion, fromVersion ?? null],
  );
  return rows.map((row) => row.customer_id);
}

/** Moves a plan's live subscriptions to `toVersion`; returns how many moved. */
export async function moveSubscriptionsToVersion(
  db: Queryable,
  planId: string,
  toVersion: number,
  fromVersion: number | undefined,
  now: Date,
): Promise<number> {
  const { rowCount } = await db.query(
    `update subscriptions set plan_version = $2, updated_at = $4
     where plan_id = $1 and status <> 'canceled' and plan_version <> $2 and ($3::int is null or plan_version = $3)`,
    [planId, toVersion, fromVersion ?? null, now],
  );
  return rowCount;
}

/** Sets the tax rates a subscription's invoices apply (checked by the caller: catalog/tax-rates-service.ts). */
export async function setDefaultTaxRates(db: Queryable, id: string, taxRates: readonly string[], now: Date): Promise<void> {
  await db.query('update subscriptions set default_tax_rates = $2::jsonb, updated_at = $3 where id = $1', [id, JSON.stringify(taxRates), now]);
}
