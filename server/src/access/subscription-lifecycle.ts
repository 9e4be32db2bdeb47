// A subscription's life as one pure state machine: what each event does to its status, its
// period, its trial and its cancellation, or why the event is refused. No I/O: the API (the
// subscriptions service), the provider sync (payments/sync.ts), the sandbox's renewals, trial
// ends and dunning (payments/sandbox/sandbox.ts), and the scheduler's due work for self-billed
// subscriptions (access/due-work.ts: a trial converting at its end), all run at their instant
// by the scheduler or the test clock, decide here and store what it answers.
//
// Two kinds of renewal, as today:
// - a subscription Nozle bills itself is never stored renewed: its current period is the one
//   containing now (`renew`, which is entitlements/sources.ts's currentPeriod), counted from its
//   anchor;
// - a provider's subscription (the sandbox's own row) renews when its period ends
//   (`period_ended`): the next period starts where the last ended, then its payment decides.
//
// Two kinds of dunning: a provider's (its payments, `payment`, retried there), and Nozle's own
// for the invoices it bills itself (`invoice_overdue` at an open invoice's due date,
// `dunning_ended` when the past_due grace runs out, `invoices_settled` once nothing is overdue).
import type { PlanInterval } from '../catalog/plans-store.js';
import { currentPeriod } from '../entitlements/sources.js';
import type { SubscriptionStatus } from '../entitlements/types.js';
import { daysAfter, nextPeriodEnd } from '../time/periods.js';
import type { SubscriptionRow } from './subscriptions-store.js';

/** The part of a subscription its life changes. */
export type Lifecycle = Pick<
  SubscriptionRow,
  | 'status'
  | 'current_period_start'
  | 'current_period_end'
  | 'billing_cycle_anchor'
  | 'trial_end'
  | 'cancel_at_period_end'
  | 'canceled_at'
  | 'past_due_since'
  | 'provider'
>;

/** A status as a provider (Stripe) may report it; an expired incomplete subscription never started. */
export type ProviderStatus = SubscriptionStatus | 'incomplete_expired';

/** The provider's view of a subscription, which Nozle's copy mirrors. */
interface ProviderView {
  provider: NonNullable<SubscriptionRow['provider']>;
  status: ProviderStatus;
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
  billingCycleAnchor: Date;
  trialEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  canceledAt: Date | null;
}

export type LifecycleEvent =
  /** A new subscription to a plan of `interval`, with a trial of `trialDays` (0: none). */
  | { type: 'create'; interval: PlanInterval; trialDays: number }
  /**
   * The API's update: `interval` is the plan's after the change (the current one when the plan
   * stays); a status (activate, fall past due, recover) and the cancel-at-period-end flag, when given.
   */
  | { type: 'update'; interval: PlanInterval; status?: 'active' | 'past_due' | 'incomplete'; cancelAtPeriodEnd?: boolean }
  /**
   * Cancel now, or at the end of the current period. `interval`, the plan's, pins a subscription
   * Nozle bills itself to the period containing now (it is never stored renewed); a provider's
   * row renews on its own and needs none.
   */
  | { type: 'cancel'; atPeriodEnd: boolean; interval?: PlanInterval }
  /** Undo a cancellation at period end, or start a paused subscription again (a new period of `interval`). */
  | { type: 'resume'; interval: PlanInterval }
  /** A self-billed trial reached its end: it converts to active (its first paid period starts there), or ends when canceling. */
  | { type: 'trial_ended'; interval: PlanInterval }
  /** Time passed: a self-billed subscription's current period is the one containing now. */
  | { type: 'renew'; interval: PlanInterval }
  /** A provider's period ended: it ends with it when canceling, else the next period of `interval` starts. */
  | { type: 'period_ended'; interval: PlanInterval }
  /** A provider's charge for the period: paid, or refused (the last attempt ends the subscription). */
  | { type: 'payment'; paid: boolean; lastAttempt: boolean }
  /** The provider says how the subscription is now: Nozle's copy becomes that. */
  | { type: 'provider'; view: ProviderView }
  /** A self-billed invoice reached its due date unpaid: past due from that date (its grace counts from there). */
  | { type: 'invoice_overdue'; dueAt: Date }
  /** Nothing a self-billed subscription owes is overdue any more (paid, voided or marked uncollectible): it recovers. */
  | { type: 'invoices_settled' }
  /** The grace of a self-billed subscription with an overdue invoice ended unpaid: Nozle's dunning cancels it, as Stripe's default does. */
  | { type: 'dunning_ended' };

/** Why an event is refused; the service words it as an API error. */
export type Refusal =
  /** Anything but the provider's word, on a canceled subscription. */
  | 'canceled'
  /** A status set through the API on a subscription whose status follows the provider's payments. */
  | 'managed_by_provider'
  /** A resume with nothing to resume (neither canceling nor paused). */
  | 'not_resumable'
  /** A one-time plan where a recurring one is needed. */
  | 'one_time_plan'
  /** A period end or payment for a subscription that is not live, or a period not over yet. */
  | 'not_due';

export type Decision = { ok: true; state: Lifecycle } | { ok: false; refusal: Refusal };

const LIVE = new Set<SubscriptionStatus>(['trialing', 'active', 'past_due']);

const refuse = (refusal: Refusal): Decision => ({ ok: false, refusal });
const accept = (state: Lifecycle): Decision => ({ ok: true, state });

/** A recurring plan's interval; undefined for a one-time plan. */
const recurring = (interval: PlanInterval): 'month' | 'year' | undefined => (interval === 'one_time' ? undefined : interval);

/** Provider statuses in Nozle's terms. */
export const toNozleStatus = (status: ProviderStatus): SubscriptionStatus => (status === 'incomplete_expired' ? 'canceled' : status);

/** The grace runs from the first moment it fell past due, not from each change; it ends with the past due. */
const pastDueSince = (status: SubscriptionStatus, before: Lifecycle | undefined, now: Date): Date | null =>
  status === 'past_due' ? (before?.past_due_since ?? now) : null;

/**
 * What `event` does to a subscription in `state` (undefined: there is none yet) at `now`.
 * `now` is the project's time in whole seconds: period anchors are what the API shows.
 */
export function transition(state: Lifecycle | undefined, event: LifecycleEvent, now: Date): Decision {
  if (event.type === 'create') return create(event.interval, event.trialDays, now);
  if (event.type === 'provider') return accept(mirror(state, event.view, now));
  if (!state) throw new Error(`A subscription must exist for '${event.type}'.`);
  switch (event.type) {
    case 'update':
      return update(state, event, now);
    case 'cancel':
      return cancel(state, event, now);
    case 'resume':
      return resume(state, event.interval, now);
    case 'trial_ended':
      return trialEnded(state, event.interval, now);
    case 'renew':
      return accept({ ...state, ...renewedPeriod(state, event.interval, now) });
    case 'period_ended':
      return periodEnded(state, event.interval, now);
    case 'payment':
      return payment(state, event.paid, event.lastAttempt, now);
    case 'invoice_overdue':
      return invoiceOverdue(state, event.dueAt);
    case 'invoices_settled':
      return invoicesSettled(state);
    case 'dunning_ended':
      return dunningEnded(state, now);
  }
}

function create(planInterval: PlanInterval, trialDays: number, now: Date): Decision {
  const interval = recurring(planInterval);
  if (!interval) return refuse('one_time_plan');
  return accept(startedLifecycle(now, interval, trialDays));
}

/** A subscription started at `now`: trialing for `trialDays` when there are any, else active for one period. */
export function startedLifecycle(now: Date, interval: 'month' | 'year', trialDays = 0): Lifecycle {
  // A trial is its own first period, as in Stripe; billing periods start when it ends.
  const trialEnd = trialDays > 0 ? daysAfter(now, trialDays) : null;
  return {
    status: trialEnd ? 'trialing' : 'active',
    current_period_start: now,
    current_period_end: trialEnd ?? nextPeriodEnd(now, interval),
    billing_cycle_anchor: trialEnd ?? now,
    trial_end: trialEnd,
    cancel_at_period_end: false,
    canceled_at: null,
    past_due_since: null,
    provider: null,
  };
}

function update(state: Lifecycle, event: Extract<LifecycleEvent, { type: 'update' }>, now: Date): Decision {
  if (state.status === 'canceled') return refuse('canceled');
  if (state.provider !== null && event.status !== undefined) return refuse('managed_by_provider');
  const interval = recurring(event.interval);
  if (!interval) return refuse('one_time_plan');
  const status = event.status ?? state.status;
  const next: Lifecycle = {
    ...state,
    status,
    cancel_at_period_end: event.cancelAtPeriodEnd ?? state.cancel_at_period_end,
    canceled_at: null,
    past_due_since: pastDueSince(status, state, now),
  };
  if (state.status !== 'trialing' || status !== 'active') return accept(next);
  // Activated during its trial: the trial ends here, the first paid period starts now.
  const trialEnd = state.trial_end && state.trial_end < now ? state.trial_end : now;
  return accept({ ...next, current_period_start: now, current_period_end: nextPeriodEnd(now, interval), billing_cycle_anchor: now, trial_end: trialEnd });
}

function cancel(state: Lifecycle, event: Extract<LifecycleEvent, { type: 'cancel' }>, now: Date): Decision {
  if (state.status === 'canceled') return refuse('canceled');
  if (event.atPeriodEnd) {
    // Once canceling it renews no more, so the period it ends with is the one running now.
    const period = state.provider === null && event.interval ? renewedPeriod(state, event.interval, now) : {};
    return accept({ ...state, ...period, cancel_at_period_end: true, canceled_at: null });
  }
  return accept({ ...state, status: 'canceled', cancel_at_period_end: false, canceled_at: now });
}

function resume(state: Lifecycle, planInterval: PlanInterval, now: Date): Decision {
  if (state.status === 'canceled') return refuse('canceled');
  if (!state.cancel_at_period_end && state.status !== 'paused') return refuse('not_resumable');
  if (state.status !== 'paused') return accept({ ...state, cancel_at_period_end: false });
  const interval = recurring(planInterval);
  if (!interval) return refuse('one_time_plan');
  // As Stripe's resume with billing_cycle_anchor=now: a new period starts.
  return accept({
    ...state,
    status: 'active',
    cancel_at_period_end: false,
    current_period_start: now,
    current_period_end: nextPeriodEnd(now, interval),
    billing_cycle_anchor: now,
  });
}

function trialEnded(state: Lifecycle, planInterval: PlanInterval, now: Date): Decision {
  // A provider's trial converts when the provider says so (its events), never here.
  if (state.provider !== null) return refuse('managed_by_provider');
  if (state.status !== 'trialing' || state.trial_end === null || state.trial_end.getTime() > now.getTime()) return refuse('not_due');
  const interval = recurring(planInterval);
  if (!interval) return refuse('one_time_plan');
  const end = state.trial_end;
  // Canceling at period end: as in Stripe, the trial was its period, and it ends with it.
  if (state.cancel_at_period_end) return accept({ ...state, status: 'canceled', canceled_at: end });
  return accept({ ...state, status: 'active', current_period_start: end, current_period_end: nextPeriodEnd(end, interval), billing_cycle_anchor: end });
}

function renewedPeriod(state: Lifecycle, interval: PlanInterval, now: Date): Pick<Lifecycle, 'current_period_start' | 'current_period_end'> {
  const period = currentPeriod({ ...state, interval }, now);
  return { current_period_start: period.currentPeriodStart, current_period_end: period.currentPeriodEnd };
}

function periodEnded(state: Lifecycle, planInterval: PlanInterval, now: Date): Decision {
  const interval = recurring(planInterval);
  if (!interval) return refuse('one_time_plan');
  if (!LIVE.has(state.status) || state.current_period_end.getTime() > now.getTime()) return refuse('not_due');
  if (state.cancel_at_period_end) return accept({ ...state, status: 'canceled', canceled_at: state.current_period_end });
  const start = state.current_period_end;
  return accept({ ...state, current_period_start: start, current_period_end: nextPeriodEnd(start, interval) });
}

function payment(state: Lifecycle, paid: boolean, lastAttempt: boolean, now: Date): Decision {
  if (!LIVE.has(state.status)) return refuse('not_due');
  if (paid) return accept({ ...state, status: 'active', past_due_since: null });
  if (lastAttempt) return accept({ ...state, status: 'canceled', canceled_at: now, past_due_since: null });
  return accept({ ...state, status: 'past_due', past_due_since: pastDueSince('past_due', state, now) });
}

// Nozle's own dunning, for the invoices it bills itself (a provider's subscription follows the
// provider's retries instead): due date passed → past_due; grace over → canceled; settled → active.

function invoiceOverdue(state: Lifecycle, dueAt: Date): Decision {
  if (state.provider !== null) return refuse('managed_by_provider');
  // Already past due keeps the grace it started; a trial owes nothing yet.
  if (state.status !== 'active') return refuse('not_due');
  return accept({ ...state, status: 'past_due', past_due_since: dueAt });
}

function invoicesSettled(state: Lifecycle): Decision {
  if (state.provider !== null) return refuse('managed_by_provider');
  if (state.status !== 'past_due') return refuse('not_due');
  return accept({ ...state, status: 'active', past_due_since: null });
}

function dunningEnded(state: Lifecycle, now: Date): Decision {
  if (state.provider !== null) return refuse('managed_by_provider');
  if (state.status !== 'past_due') return refuse('not_due');
  return accept({ ...state, status: 'canceled', cancel_at_period_end: false, canceled_at: now, past_due_since: null });
}

function mirror(state: Lifecycle | undefined, view: ProviderView, now: Date): Lifecycle {
  const status = toNozleStatus(view.status);
  return {
    status,
    current_period_start: view.currentPeriodStart,
    current_period_end: view.currentPeriodEnd,
    billing_cycle_anchor: view.billingCycleAnchor,
    trial_end: view.trialEnd,
    cancel_at_period_end: view.cancelAtPeriodEnd,
    canceled_at: view.canceledAt,
    // The provider does not say when a subscription fell past due: the grace runs from when
    // Nozle first saw it so, and is kept while it stays past due.
    past_due_since: pastDueSince(status, state, now),
    provider: view.provider,
  };
}
