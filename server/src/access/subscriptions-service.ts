// The subscriptions service: what the API's subscription operations do, in the request's
// transaction. Each decision is the lifecycle's (subscription-lifecycle.ts); rows are the
// store's; a subscription billed by a provider changes there first (the SubscriptionProvider port).
import { findPlan, type Plan } from '../catalog/plans-store.js';
import { wholeSecond } from '../clock.js';
import { cleanMetadata, mergeMetadata, type Metadata } from '../customers/metadata.js';
import { findCustomer, lockCustomer } from '../customers/store.js';
import type { Queryable } from '../db/database.js';
import type { Work } from '../db/work.js';
import type { EntitlementChanges } from '../entitlement-changes.js';
import type { SubscriptionStatus } from '../entitlements/types.js';
import { invalidParam, type ApiError } from '../http/errors.js';
import { paginate, type ListEnvelope, type PageRequest } from '../http/pagination.js';
import type { ProrationBehavior, ProviderChange, SubscriptionProvider } from './ports.js';
import { transition, type Decision, type LifecycleEvent, type Lifecycle, type Refusal } from './subscription-lifecycle.js';
import {
  assertNotSubscribed,
  findSubscription,
  insertSubscription,
  listSubscriptionRows,
  recordPlanChange,
  subscriptionSeq,
  toSubscription,
  updateSubscriptionMetadata,
  updateSubscriptionRow,
  type Subscription,
  type SubscriptionRow,
} from './subscriptions-store.js';

/** What the service is handed by the assembly. */
export interface SubscriptionPorts {
  entitlements: EntitlementChanges;
  subscriptionProvider: SubscriptionProvider;
}

export interface CreateInput {
  customer: string;
  plan: string;
  trialDays?: number;
  metadata?: Metadata;
}

export interface UpdateInput {
  plan?: string;
  status?: 'active' | 'past_due' | 'incomplete';
  cancelAtPeriodEnd?: boolean;
  proration?: ProrationBehavior;
  metadata?: Metadata | null;
}

/** The refusal as the API error the caller gets. */
function refusalError(refusal: Refusal, row: Pick<SubscriptionRow, 'id' | 'provider'> | undefined, plan: Pick<Plan, 'key'> | undefined): ApiError {
  switch (refusal) {
    case 'canceled':
      return invalidParam('subscription', `Subscription ${row?.id} is canceled; create a new one instead.`, 'subscription_canceled');
    case 'managed_by_provider':
      return invalidParam('status', `Subscription ${row?.id} is billed by ${row?.provider}: its status follows the payments there.`, 'managed_by_provider');
    case 'not_resumable':
      return invalidParam('subscription', `Subscription ${row?.id} is not canceling or paused: there is nothing to resume.`, 'subscription_not_resumable');
    case 'one_time_plan':
      return invalidParam('plan', `Plan '${plan?.key}' is one_time: record it with POST /v1/purchases instead.`);
    case 'not_due':
      return invalidParam('subscription', `Subscription ${row?.id} has nothing due.`);
  }
}

/** The lifecycle's answer, or its refusal thrown as the API error. */
function decide(row: SubscriptionRow | undefined, event: LifecycleEvent, now: Date, plan?: Plan): Lifecycle {
  const decision: Decision = transition(row, event, now);
  if (!decision.ok) throw refusalError(decision.refusal, row, plan);
  return decision.state;
}

/** Locks the subscription's customer, then the subscription: the order every change uses. */
async function lockSubscription(db: Queryable, projectId: string, id: string): Promise<SubscriptionRow> {
  const { customer_id } = await findSubscription(db, projectId, id);
  await lockCustomer(db, customer_id);
  return findSubscription(db, projectId, id, true);
}

/** The row as the API shows it now, after its entitlements are told it changed (when it did). */
async function changed(ports: SubscriptionPorts, work: Work, projectId: string, row: SubscriptionRow, now: Date, didChange = true): Promise<Subscription> {
  if (didChange) await ports.entitlements.sourcesChanged(work, projectId, row.customer_id);
  return toSubscription(await findSubscription(work.db, projectId, row.id), now);
}

export async function createSubscription(ports: SubscriptionPorts, work: Work, projectId: string, input: CreateInput): Promise<Subscription> {
  // Whole seconds: period anchors must be exactly what the API shows (and usage keys on them).
  const now = wholeSecond(work.now);
  // The customer's row first, always: changes to one customer take turns without deadlocks.
  const customer = await findCustomer(work.db, projectId, input.customer, true);
  const plan = await findPlan(work.db, projectId, input.plan);
  const lifecycle = decide(undefined, { type: 'create', interval: plan.interval, trialDays: input.trialDays ?? plan.trial_days }, now, plan);
  const row = await insertSubscription(
    work.db,
    projectId,
    { customerId: customer.id, planId: plan.id, planVersion: plan.version, lifecycle, metadata: cleanMetadata(input.metadata) },
    now,
  );
  await ports.entitlements.sourcesChanged(work, projectId, customer.id);
  return toSubscription(row, now);
}

export async function retrieveSubscription(db: Queryable, projectId: string, id: string, now: Date): Promise<Subscription> {
  return toSubscription(await findSubscription(db, projectId, id), now);
}

export async function updateSubscription(ports: SubscriptionPorts, work: Work, projectId: string, id: string, input: UpdateInput): Promise<Subscription> {
  const now = wholeSecond(work.now);
  const row = await lockSubscription(work.db, projectId, id);
  // Refused before any plan is looked up: a canceled subscription, a status set on a provider's.
  decide(row, { type: 'update', interval: row.interval, status: input.status, cancelAtPeriodEnd: input.cancelAtPeriodEnd }, now);
  if (row.provider_subscription_id) return updateAtProvider(ports, work, projectId, row, input, now);
  const plan = await findPlan(work.db, projectId, input.plan ?? row.plan_id, input.plan ? undefined : row.plan_version);
  const lifecycle = decide(row, { type: 'update', interval: plan.interval, status: input.status, cancelAtPeriodEnd: input.cancelAtPeriodEnd }, now, plan);
  const metadata = mergeMetadata(row.metadata, input.metadata);
  await updateSubscriptionRow(work.db, projectId, row.id, { planId: plan.id, planVersion: plan.version, lifecycle, metadata }, now);
  if (plan.id !== row.plan_id || plan.version !== row.plan_version) {
    // Billed here: the period's invoice prorates the change (billing/plan-changes.ts).
    await recordPlanChange(work.db, row.id, { planId: row.plan_id, planVersion: row.plan_version }, { planId: plan.id, planVersion: plan.version }, now);
  }
  return changed(ports, work, projectId, row, now);
}

/** A provider's subscription: the plan and the cancellation change there; the metadata is Nozle's own. */
async function updateAtProvider(
  ports: SubscriptionPorts,
  work: Work,
  projectId: string,
  row: SubscriptionRow,
  input: UpdateInput,
  now: Date,
): Promise<Subscription> {
  const change: ProviderChange = {};
  if (input.plan) {
    const plan = await findPlan(work.db, projectId, input.plan);
    decide(row, { type: 'update', interval: plan.interval }, now, plan);
    // Refused before the provider is asked: its change could not be mirrored.
    await assertNotSubscribed(work.db, projectId, row.customer_id, plan.id, row.id);
    change.plan = { plan, proration: input.proration ?? 'create_prorations', at: 'now' };
  }
  if (input.cancelAtPeriodEnd === true && !row.cancel_at_period_end) change.cancelAtPeriodEnd = true;
  if (input.cancelAtPeriodEnd === false && row.cancel_at_period_end) change.cancelAtPeriodEnd = false;
  const asked = change.plan !== undefined || change.cancelAtPeriodEnd !== undefined;
  const billed = { projectId, providerSubscriptionId: row.provider_subscription_id! };
  const didChange = asked && (await ports.subscriptionProvider.change(work, billed, change, now));
  if (input.metadata) await updateSubscriptionMetadata(work.db, row.id, mergeMetadata(row.metadata, input.metadata), now);
  return changed(ports, work, projectId, row, now, didChange);
}

export async function cancelSubscription(ports: SubscriptionPorts, work: Work, projectId: string, id: string, atPeriodEnd: boolean): Promise<Subscription> {
  const now = wholeSecond(work.now);
  const row = await lockSubscription(work.db, projectId, id);
  const lifecycle = decide(row, { type: 'cancel', atPeriodEnd }, now);
  if (row.provider_subscription_id) {
    const didChange = await ports.subscriptionProvider.cancel(work, { projectId, providerSubscriptionId: row.provider_subscription_id }, atPeriodEnd, now);
    return changed(ports, work, projectId, row, now, didChange);
  }
  await updateSubscriptionRow(work.db, projectId, row.id, { planId: row.plan_id, planVersion: row.plan_version, lifecycle }, now);
  return changed(ports, work, projectId, row, now);
}

export async function resumeSubscription(ports: SubscriptionPorts, work: Work, projectId: string, id: string): Promise<Subscription> {
  const now = wholeSecond(work.now);
  const row = await lockSubscription(work.db, projectId, id);
  const lifecycle = decide(row, { type: 'resume', interval: row.interval }, now);
  if (row.provider_subscription_id) {
    const didChange = await ports.subscriptionProvider.resume(work, { projectId, providerSubscriptionId: row.provider_subscription_id }, now);
    return changed(ports, work, projectId, row, now, didChange);
  }
  await updateSubscriptionRow(work.db, projectId, row.id, { planId: row.plan_id, planVersion: row.plan_version, lifecycle }, now);
  return changed(ports, work, projectId, row, now);
}

export interface ListQuery extends PageRequest {
  customer?: string;
  status?: SubscriptionStatus;
}

export async function listSubscriptions(db: Queryable, projectId: string, query: ListQuery, now: Date): Promise<ListEnvelope<Subscription>> {
  const customerId = query.customer ? (await findCustomer(db, projectId, query.customer)).id : undefined;
  const filter = { ...(customerId ? { customerId } : {}), ...(query.status ? { status: query.status } : {}) };
  return paginate(
    '/v1/subscriptions',
    query,
    'subscription',
    (id) => subscriptionSeq(db, projectId, id),
    (limit, afterSeq) => listSubscriptionRows(db, projectId, filter, limit, afterSeq, now),
  );
}
