// The subscriptions service: what the API's subscription operations do, in the request's
// transaction. Each decision is the lifecycle's (subscription-lifecycle.ts); rows are the
// store's; a subscription billed by a provider changes there first (the SubscriptionProvider port).
import { findPlan, type Plan } from '../catalog/plans-store.js';
import { applyDiscountRefs, type DiscountRefs } from '../coupons/service.js';
import { checkDefaultTaxRates } from '../catalog/tax-rates-service.js';
import { wholeSecond } from '../clock.js';
import { cleanMetadata, mergeMetadata, type Metadata } from '../customers/metadata.js';
import { findCustomer, lockCustomer } from '../customers/store.js';
import type { Queryable } from '../db/database.js';
import type { Work } from '../db/work.js';
import type { EntitlementChanges } from '../entitlement-changes.js';
import type { SubscriptionStatus } from '../entitlements/types.js';
import { alreadyExists, invalidParam } from '../http/errors.js';
import { paginate, type ListEnvelope, type PageRequest } from '../http/pagination.js';
import { replaceDefault, restoreDefaultPlans } from './default-plans.js';
import { changePlan, changeTiming, periodEndOf, swapPlan, type Effective } from './group-changes.js';
import { decide } from './lifecycle-decisions.js';
import { quantityChangeTiming } from './seat-changes.js';
import type { ProrationBehavior, ProviderChange, SubscriptionProvider } from './ports.js';
import {
  assertNotSubscribed,
  findSubscription,
  insertSubscription,
  liveSubscriptionInGroup,
  listSubscriptionRows,
  setCancelProrate,
  setScheduledChange,
  subscriptionSeq,
  toSubscription,
  updateSubscriptionMetadata,
  updateSubscriptionRow,
  setDefaultTaxRates,
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
  /** For a customer who holds another plan of the group: when the change takes effect. */
  effective?: Effective;
  proration?: ProrationBehavior;
  /** Seats (1 when absent); on a change within the group, the seats of the new plan. */
  quantity?: number;
  /** A coupon or a promotion code to apply to the subscription (coupons/service.ts). */
  discount?: DiscountRefs;
  /** Tax rate ids its invoices apply instead of those matching the customer's address. */
  defaultTaxRates?: string[];
}

export interface UpdateInput {
  plan?: string;
  status?: 'active' | 'past_due' | 'incomplete';
  cancelAtPeriodEnd?: boolean;
  proration?: ProrationBehavior;
  effective?: Effective;
  metadata?: Metadata | null;
  /** A new number of seats: prorated like a plan change (seat-changes.ts says when). */
  quantity?: number;
  /** A coupon or a promotion code to apply ("" removes the discount). */
  discount?: DiscountRefs;
  /** Replaces its tax rates from its next invoice on; [] matches by address again. */
  defaultTaxRates?: string[];
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

/**
 * A subscription to `plan`; for a customer who already holds another plan of its group, a change
 * of that subscription instead (group-changes.ts), or, when what it holds is the group's default
 * plan, a new subscription that replaces it (its own cycle and trial, the usage carried over).
 */
export async function createSubscription(ports: SubscriptionPorts, work: Work, projectId: string, input: CreateInput): Promise<Subscription> {
  // Whole seconds: period anchors must be exactly what the API shows (and usage keys on them).
  const now = wholeSecond(work.now);
  // The customer's row first, always: changes to one customer take turns without deadlocks.
  const customer = await findCustomer(work.db, projectId, input.customer, true);
  const plan = await findPlan(work.db, projectId, input.plan);
  const taxRates = input.defaultTaxRates && (await checkDefaultTaxRates(work.db, projectId, input.defaultTaxRates));
  const lifecycle = decide(undefined, { type: 'create', interval: plan.interval, trialDays: input.trialDays ?? plan.trial_days }, now, plan);
  const held = plan.add_on ? undefined : await liveSubscriptionInGroup(work.db, projectId, customer.id, plan.group, true);
  if (held?.plan_id === plan.id) throw alreadyHeld(held, plan);
  let usageCarry;
  if (held && !(await isDefaultPlan(work, projectId, held))) {
    await applyToSubscription(work, projectId, held, plan, input.discount);
    if (taxRates) await assertTaxedHere(work, held, taxRates, now);
    const didChange = await changePlan(ports.subscriptionProvider, work, projectId, held, plan, input, now);
    return changed(ports, work, projectId, held, now, didChange);
  }
  if (held) usageCarry = await replaceDefault(work, projectId, held, now);
  const row = await insertSubscription(
    work.db,
    projectId,
    {
      customerId: customer.id,
      planId: plan.id,
      planVersion: plan.version,
      usageCarry,
      lifecycle,
      metadata: cleanMetadata(input.metadata),
      quantity: input.quantity ?? 1,
      defaultTaxRates: taxRates ?? [],
    },
    now,
  );
  await applyToSubscription(work, projectId, row, plan, input.discount);
  await ports.entitlements.sourcesChanged(work, projectId, customer.id);
  return toSubscription(row, now);
}

/**
 * Applies the coupon or promotion code asked for to a subscription, checked against its plan
 * and recorded here; one Stripe bills takes it there too (`discounts` on its subscription). The
 * sandbox's charges know no discount: refused there (apply it at checkout instead).
 */
async function applyToSubscription(
  work: Work,
  projectId: string,
  row: SubscriptionRow,
  plan: Plan,
  refs: DiscountRefs | undefined,
  provider?: SubscriptionProvider,
): Promise<boolean> {
  if (!refs || (refs.coupon === undefined && refs.promotion_code === undefined)) return false;
  if (row.provider_subscription_id && (row.provider !== 'stripe' || !provider)) {
    throw invalidParam(
      refs.coupon !== undefined ? 'coupon' : 'promotion_code',
      `This subscription is billed by ${row.provider}: apply the discount at checkout.`,
    );
  }
  const amount = Number(plan.base_price) * (plan.per_seat ? row.quantity : 1);
  const applied = await applyDiscountRefs(
    work,
    projectId,
    { customerId: row.customer_id, subscriptionId: row.id, plan: { id: plan.id, key: plan.key, currency: plan.currency, amount } },
    refs,
  );
  if (!row.provider_subscription_id || !provider || applied === undefined) return false;
  const billed = { projectId, providerSubscriptionId: row.provider_subscription_id };
  return provider.discount(work, billed, applied && { couponId: applied.coupon_id, promotionCodeId: applied.promotion_code_id }, wholeSecond(work.now));
}

/**
 * Sets the tax rates of a subscription whose invoices Nozle taxes (billed by Nozle or the
 * sandbox); one Stripe bills is taxed by Stripe (Stripe Tax): a 400 naming default_tax_rates.
 */
async function assertTaxedHere(work: Work, row: SubscriptionRow, taxRates: string[], now: Date): Promise<void> {
  if (row.provider === 'stripe') {
    throw invalidParam(
      'default_tax_rates',
      "This subscription is billed by Stripe: Stripe taxes its invoices (the project's automatic_tax), not Nozle's tax rates.",
    );
  }
  await setDefaultTaxRates(work.db, row.id, taxRates, now);
}

/** Whether the row has a change of plan scheduled (not only of seats): seats added now keep it. */
const scheduledPlanChange = (row: SubscriptionRow): boolean =>
  row.scheduled_plan_id !== null && (row.scheduled_plan_id !== row.plan_id || row.scheduled_plan_version !== row.plan_version);

const alreadyHeld = (held: SubscriptionRow, plan: Plan) =>
  alreadyExists('plan', `The customer already holds plan '${plan.key}' (subscription ${held.id}): change or cancel that one instead.`);

const isDefaultPlan = async (work: Work, projectId: string, row: SubscriptionRow): Promise<boolean> =>
  (await findPlan(work.db, projectId, row.plan_id, row.plan_version)).default;

export async function retrieveSubscription(db: Queryable, projectId: string, id: string, now: Date): Promise<Subscription> {
  return toSubscription(await findSubscription(db, projectId, id), now);
}

export async function updateSubscription(ports: SubscriptionPorts, work: Work, projectId: string, id: string, input: UpdateInput): Promise<Subscription> {
  const now = wholeSecond(work.now);
  const row = await lockSubscription(work.db, projectId, id);
  // Refused before any plan is looked up: a canceled subscription, a status set on a provider's.
  decide(row, { type: 'update', interval: row.interval, status: input.status, cancelAtPeriodEnd: input.cancelAtPeriodEnd }, now);
  if (input.defaultTaxRates) await assertTaxedHere(work, row, await checkDefaultTaxRates(work.db, projectId, input.defaultTaxRates), now);
  if (row.provider_subscription_id) return updateAtProvider(ports, work, projectId, row, input, now);
  const plan = await findPlan(work.db, projectId, input.plan ?? row.plan_id, input.plan ? undefined : row.plan_version);
  await applyToSubscription(work, projectId, row, plan, input.discount);
  const quantity = input.quantity ?? row.quantity;
  const seatsOnly = !input.plan && quantity !== row.quantity;
  const at = input.plan
    ? await changeTiming(work, projectId, row, plan, input.effective)
    : seatsOnly
      ? quantityChangeTiming(row.quantity, quantity, input.effective)
      : 'now';
  // A change at period end keeps the plan until then: the rest of the update is made now.
  const nowPlan = at === 'now' ? plan : await findPlan(work.db, projectId, row.plan_id, row.plan_version);
  const lifecycle = decide(row, { type: 'update', interval: nowPlan.interval, status: input.status, cancelAtPeriodEnd: input.cancelAtPeriodEnd }, now, plan);
  const metadata = mergeMetadata(row.metadata, input.metadata);
  const updated = await updateSubscriptionRow(work.db, projectId, row.id, { planId: row.plan_id, planVersion: row.plan_version, lifecycle, metadata }, now);
  if (at === 'period_end') {
    // Fewer seats alone keep a plan change already scheduled, and go with it.
    const target =
      seatsOnly && row.scheduled_plan_id !== null
        ? { planId: row.scheduled_plan_id, planVersion: row.scheduled_plan_version! }
        : { planId: plan.id, planVersion: plan.version };
    decide(row, { type: 'update', interval: plan.interval }, now, plan);
    // Only seats asked for are scheduled: a plan change alone takes the seats held when it applies.
    await setScheduledChange(work.db, row.id, { ...target, at: periodEndOf(updated, now), quantity: input.quantity }, now);
  } else if (input.plan || seatsOnly) {
    // Billed here: the period's invoice prorates the change (billing/plan-changes.ts).
    const keepScheduled = seatsOnly && scheduledPlanChange(row);
    await swapPlan(work, projectId, updated, plan, now, now, quantity, keepScheduled);
    // The plan change kept, without the seats it was to set: these seats are the newer word.
    if (keepScheduled && row.scheduled_quantity !== null) {
      await setScheduledChange(
        work.db,
        row.id,
        { planId: row.scheduled_plan_id!, planVersion: row.scheduled_plan_version!, at: row.scheduled_change_at! },
        now,
      );
    }
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
  const discounted =
    input.discount !== undefined &&
    (await applyToSubscription(
      work,
      projectId,
      row,
      await findPlan(work.db, projectId, row.plan_id, row.plan_version),
      input.discount,
      ports.subscriptionProvider,
    ));
  if (input.quantity !== undefined && input.quantity !== row.quantity) {
    // Seats of a provider's subscription change there (Stripe's portal, checkout's adjustable quantity); its webhook brings them back.
    throw invalidParam('quantity', `This subscription is billed by ${row.provider}: change its quantity there; its webhook updates the subscription here.`);
  }
  if (input.plan) {
    const plan = await findPlan(work.db, projectId, input.plan);
    decide(row, { type: 'update', interval: plan.interval }, now, plan);
    // Refused before the provider is asked: its change could not be mirrored.
    await assertNotSubscribed(work.db, projectId, row.customer_id, plan.id, row.id);
    change.plan = { plan, proration: input.proration ?? 'create_prorations', at: await changeTiming(work, projectId, row, plan, input.effective) };
  }
  if (input.cancelAtPeriodEnd === true && !row.cancel_at_period_end) change.cancelAtPeriodEnd = true;
  if (input.cancelAtPeriodEnd === false && row.cancel_at_period_end) change.cancelAtPeriodEnd = false;
  const asked = change.plan !== undefined || change.cancelAtPeriodEnd !== undefined;
  const billed = { projectId, providerSubscriptionId: row.provider_subscription_id! };
  const didChange = (asked && (await ports.subscriptionProvider.change(work, billed, change, now))) || discounted;
  if (input.metadata) await updateSubscriptionMetadata(work.db, row.id, mergeMetadata(row.metadata, input.metadata), now);
  return changed(ports, work, projectId, row, now, didChange);
}

export async function cancelSubscription(
  ports: SubscriptionPorts,
  work: Work,
  projectId: string,
  id: string,
  { atPeriodEnd, prorate }: { atPeriodEnd: boolean; prorate: boolean },
): Promise<Subscription> {
  const now = wholeSecond(work.now);
  const row = await lockSubscription(work.db, projectId, id);
  const lifecycle = decide(row, { type: 'cancel', atPeriodEnd, interval: row.interval }, now);
  if (prorate && atPeriodEnd) throw invalidParam('prorate', 'prorate credits the unused time of a cancel now: it cannot go with at_period_end.');
  if (prorate && row.provider_subscription_id) {
    throw invalidParam('prorate', `This subscription is billed by ${row.provider}: prorate applies to subscriptions Nozle bills itself.`);
  }
  if (row.provider_subscription_id) {
    const didChange = await ports.subscriptionProvider.cancel(work, { projectId, providerSubscriptionId: row.provider_subscription_id }, atPeriodEnd, now);
    const restored = await restoreDefaultPlans(work, projectId, row.customer_id, now);
    return changed(ports, work, projectId, row, now, didChange || restored.length > 0);
  }
  await updateSubscriptionRow(work.db, projectId, row.id, { planId: row.plan_id, planVersion: row.plan_version, lifecycle }, now);
  // The final invoice (billing) credits the unused time when asked.
  if (prorate) await setCancelProrate(work.db, row.id);
  // Its group's default plan comes back once it has ended (now; at period end, when that is reached).
  await restoreDefaultPlans(work, projectId, row.customer_id, now);
  return changed(ports, work, projectId, row, now);
}

/** Takes back a scheduled plan change (at the provider for its subscription); none scheduled: the subscription as it is. */
export async function cancelScheduledChange(ports: SubscriptionPorts, work: Work, projectId: string, id: string): Promise<Subscription> {
  const now = wholeSecond(work.now);
  const row = await lockSubscription(work.db, projectId, id);
  if (row.scheduled_plan_id === null) return toSubscription(row, now);
  if (row.provider_subscription_id) {
    const billed = { projectId, providerSubscriptionId: row.provider_subscription_id };
    const didChange = await ports.subscriptionProvider.change(work, billed, { cancelScheduledChange: true }, now);
    return changed(ports, work, projectId, row, now, didChange);
  }
  await setScheduledChange(work.db, row.id, null, now);
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
