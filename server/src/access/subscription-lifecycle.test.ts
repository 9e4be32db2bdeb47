import { describe, expect, it } from 'vitest';
import { transition, type Lifecycle, type LifecycleEvent, type Refusal } from './subscription-lifecycle.js';

const d = (iso: string) => new Date(iso);
const NOW = d('2026-03-10T12:00:00Z');

/** An active monthly subscription billed by Nozle, in its first period (Jan 31 → Feb 28 → Mar 31). */
const active: Lifecycle = {
  status: 'active',
  current_period_start: d('2026-02-28T00:00:00Z'),
  current_period_end: d('2026-03-31T00:00:00Z'),
  billing_cycle_anchor: d('2026-01-31T00:00:00Z'),
  trial_end: null,
  cancel_at_period_end: false,
  canceled_at: null,
  past_due_since: null,
  provider: null,
};
const trialing: Lifecycle = {
  ...active,
  status: 'trialing',
  current_period_start: d('2026-03-01T00:00:00Z'),
  current_period_end: d('2026-03-15T00:00:00Z'),
  trial_end: d('2026-03-15T00:00:00Z'),
};
const pastDue: Lifecycle = { ...active, status: 'past_due', past_due_since: d('2026-03-05T00:00:00Z') };
const canceling: Lifecycle = { ...active, cancel_at_period_end: true };
const canceled: Lifecycle = { ...active, status: 'canceled', canceled_at: d('2026-03-01T00:00:00Z') };
const paused: Lifecycle = { ...active, status: 'paused' };
const atStripe: Lifecycle = { ...active, provider: 'stripe' };
/** A self-billed trial that ended at NOW's instant exactly. */
const trialOver: Lifecycle = {
  ...trialing,
  current_period_start: d('2026-02-24T12:00:00Z'),
  current_period_end: NOW,
  trial_end: NOW,
  billing_cycle_anchor: NOW,
};
/** A period that ended at NOW's instant exactly (periods are half-open). */
const endedNow: Lifecycle = { ...active, current_period_start: d('2026-02-10T12:00:00Z'), current_period_end: NOW };

interface Accepted {
  name: string;
  state: Lifecycle | undefined;
  event: LifecycleEvent;
  /** The fields that differ from `state` (all of them for a new subscription). */
  expect: Partial<Lifecycle>;
}

const accepted: Accepted[] = [
  {
    name: 'trial ended: a self-billed trial converts to active, its first paid period starting at the trial end',
    state: trialOver,
    event: { type: 'trial_ended', interval: 'month' },
    expect: { status: 'active', current_period_start: NOW, current_period_end: d('2026-04-10T12:00:00Z') },
  },
  {
    name: 'trial ended long ago (a test clock moved): the first paid period still starts at the trial end',
    state: { ...trialing, trial_end: d('2026-01-10T12:00:00Z'), current_period_end: d('2026-01-10T12:00:00Z') },
    event: { type: 'trial_ended', interval: 'year' },
    expect: {
      status: 'active',
      current_period_start: d('2026-01-10T12:00:00Z'),
      current_period_end: d('2027-01-10T12:00:00Z'),
      billing_cycle_anchor: d('2026-01-10T12:00:00Z'),
    },
  },
  {
    name: 'trial ended while canceling at period end: it ends with its trial',
    state: { ...trialOver, cancel_at_period_end: true },
    event: { type: 'trial_ended', interval: 'month' },
    expect: { status: 'canceled', canceled_at: NOW },
  },
  {
    name: 'create without a trial: active for one period from now',
    state: undefined,
    event: { type: 'create', interval: 'month', trialDays: 0 },
    expect: { ...active, current_period_start: NOW, current_period_end: d('2026-04-10T12:00:00Z'), billing_cycle_anchor: NOW },
  },
  {
    name: 'create yearly',
    state: undefined,
    event: { type: 'create', interval: 'year', trialDays: 0 },
    expect: { ...active, current_period_start: NOW, current_period_end: d('2027-03-10T12:00:00Z'), billing_cycle_anchor: NOW },
  },
  {
    name: 'create with a trial: the trial is its own first period',
    state: undefined,
    event: { type: 'create', interval: 'month', trialDays: 14 },
    expect: {
      ...active,
      status: 'trialing',
      current_period_start: NOW,
      current_period_end: d('2026-03-24T12:00:00Z'),
      trial_end: d('2026-03-24T12:00:00Z'),
      billing_cycle_anchor: d('2026-03-24T12:00:00Z'),
    },
  },
  { name: 'update with nothing: unchanged', state: active, event: { type: 'update', interval: 'month' }, expect: {} },
  { name: 'change plan (another interval) keeps the period', state: active, event: { type: 'update', interval: 'year' }, expect: {} },
  {
    name: 'fall past due: the grace starts now',
    state: active,
    event: { type: 'update', interval: 'month', status: 'past_due' },
    expect: { status: 'past_due', past_due_since: NOW },
  },
  { name: 'stay past due: the grace keeps its start', state: pastDue, event: { type: 'update', interval: 'month', status: 'past_due' }, expect: {} },
  {
    name: 'recover from past due: the grace ends',
    state: pastDue,
    event: { type: 'update', interval: 'month', status: 'active' },
    expect: { status: 'active', past_due_since: null },
  },
  { name: 'incomplete', state: active, event: { type: 'update', interval: 'month', status: 'incomplete' }, expect: { status: 'incomplete' } },
  {
    name: 'activate during the trial: the trial ends now, a paid period of the (new) plan starts',
    state: trialing,
    event: { type: 'update', interval: 'year', status: 'active' },
    expect: { status: 'active', current_period_start: NOW, current_period_end: d('2027-03-10T12:00:00Z'), trial_end: NOW, billing_cycle_anchor: NOW },
  },
  {
    name: 'activate after the trial ended: its end stays',
    state: { ...trialing, trial_end: d('2026-03-09T00:00:00Z') },
    event: { type: 'update', interval: 'month', status: 'active' },
    expect: { status: 'active', current_period_start: NOW, current_period_end: d('2026-04-10T12:00:00Z'), billing_cycle_anchor: NOW },
  },
  {
    name: 'a trial fallen past due keeps its trial period',
    state: trialing,
    event: { type: 'update', interval: 'month', status: 'past_due' },
    expect: { status: 'past_due', past_due_since: NOW },
  },
  {
    name: 'schedule the cancellation through update',
    state: active,
    event: { type: 'update', interval: 'month', cancelAtPeriodEnd: true },
    expect: { cancel_at_period_end: true },
  },
  {
    name: 'take it back through update',
    state: canceling,
    event: { type: 'update', interval: 'month', cancelAtPeriodEnd: false },
    expect: { cancel_at_period_end: false },
  },
  { name: "a provider's plan change (no status) is accepted", state: atStripe, event: { type: 'update', interval: 'month' }, expect: {} },
  { name: 'cancel at period end', state: active, event: { type: 'cancel', atPeriodEnd: true }, expect: { cancel_at_period_end: true } },
  {
    // Stored with its first period (Jan 31 → Feb 28), never renewed: it ends with the one running now.
    name: 'cancel at period end a self-billed one stored in an earlier period: pinned to the period containing now',
    state: { ...active, current_period_start: d('2026-01-31T00:00:00Z'), current_period_end: d('2026-02-28T00:00:00Z') },
    event: { type: 'cancel', atPeriodEnd: true, interval: 'month' },
    expect: { cancel_at_period_end: true, current_period_start: d('2026-02-28T00:00:00Z'), current_period_end: d('2026-03-31T00:00:00Z') },
  },
  {
    name: "cancel at period end a provider's: its period is the provider's",
    state: { ...atStripe, current_period_start: d('2026-01-31T00:00:00Z'), current_period_end: d('2026-02-28T00:00:00Z') },
    event: { type: 'cancel', atPeriodEnd: true, interval: 'month' },
    expect: { cancel_at_period_end: true, current_period_end: d('2026-02-28T00:00:00Z') },
  },
  { name: 'cancel now', state: active, event: { type: 'cancel', atPeriodEnd: false }, expect: { status: 'canceled', canceled_at: NOW } },
  {
    name: 'cancel now what was canceling: the schedule is moot',
    state: canceling,
    event: { type: 'cancel', atPeriodEnd: false },
    expect: { status: 'canceled', canceled_at: NOW, cancel_at_period_end: false },
  },
  {
    name: 'cancel now keeps the past due start',
    state: pastDue,
    event: { type: 'cancel', atPeriodEnd: false },
    expect: { status: 'canceled', canceled_at: NOW },
  },
  {
    name: 'resume what was canceling: the period stays',
    state: canceling,
    event: { type: 'resume', interval: 'month' },
    expect: { cancel_at_period_end: false },
  },
  {
    name: 'resume a paused one: a new period starts now',
    state: paused,
    event: { type: 'resume', interval: 'month' },
    expect: { status: 'active', current_period_start: NOW, current_period_end: d('2026-04-10T12:00:00Z'), billing_cycle_anchor: NOW },
  },
  { name: 'renew inside the period: unchanged', state: active, event: { type: 'renew', interval: 'month' }, expect: {} },
  {
    name: 'renew after the period: the period containing now, counted from the anchor',
    state: { ...active, current_period_start: d('2026-01-31T00:00:00Z'), current_period_end: d('2026-02-28T00:00:00Z') },
    event: { type: 'renew', interval: 'month' },
    expect: { current_period_start: d('2026-02-28T00:00:00Z'), current_period_end: d('2026-03-31T00:00:00Z') },
  },
  {
    name: 'renew: a canceling one does not renew',
    state: { ...canceling, current_period_end: d('2026-03-01T00:00:00Z') },
    event: { type: 'renew', interval: 'month' },
    expect: {},
  },
  {
    name: "period ended: the next period starts at the last one's end (a provider's renewal)",
    state: endedNow,
    event: { type: 'period_ended', interval: 'month' },
    expect: { current_period_start: NOW, current_period_end: d('2026-04-10T12:00:00Z') },
  },
  {
    name: 'period ended: a trial ends into its first period',
    state: { ...trialing, current_period_end: NOW, trial_end: NOW },
    event: { type: 'period_ended', interval: 'month' },
    expect: { current_period_start: NOW, current_period_end: d('2026-04-10T12:00:00Z') },
  },
  {
    name: 'period ended while canceling: canceled at the period end',
    state: { ...endedNow, cancel_at_period_end: true },
    event: { type: 'period_ended', interval: 'month' },
    expect: { status: 'canceled', canceled_at: NOW },
  },
  { name: 'payment paid: active', state: trialing, event: { type: 'payment', paid: true, lastAttempt: false }, expect: { status: 'active' } },
  {
    name: 'payment paid: recovered from past due',
    state: pastDue,
    event: { type: 'payment', paid: true, lastAttempt: false },
    expect: { status: 'active', past_due_since: null },
  },
  {
    name: 'payment refused: past due (dunning)',
    state: active,
    event: { type: 'payment', paid: false, lastAttempt: false },
    expect: { status: 'past_due', past_due_since: NOW },
  },
  { name: 'payment refused again: still past due since the first', state: pastDue, event: { type: 'payment', paid: false, lastAttempt: false }, expect: {} },
  {
    name: 'last attempt refused: canceled',
    state: pastDue,
    event: { type: 'payment', paid: false, lastAttempt: true },
    expect: { status: 'canceled', canceled_at: NOW, past_due_since: null },
  },
  {
    name: "Nozle's dunning: an invoice overdue makes it past due from the invoice's due date",
    state: active,
    event: { type: 'invoice_overdue', dueAt: d('2026-03-08T00:00:00Z') },
    expect: { status: 'past_due', past_due_since: d('2026-03-08T00:00:00Z') },
  },
  {
    name: "Nozle's dunning: nothing overdue any more, it recovers",
    state: pastDue,
    event: { type: 'invoices_settled' },
    expect: { status: 'active', past_due_since: null },
  },
  {
    name: "Nozle's dunning: the grace ran out unpaid, it is canceled",
    state: { ...pastDue, cancel_at_period_end: true },
    event: { type: 'dunning_ended' },
    expect: { status: 'canceled', cancel_at_period_end: false, canceled_at: NOW, past_due_since: null },
  },
  {
    name: "provider: a new subscription is the provider's",
    state: undefined,
    event: {
      type: 'provider',
      view: {
        provider: 'stripe',
        status: 'active',
        currentPeriodStart: NOW,
        currentPeriodEnd: d('2026-04-10T12:00:00Z'),
        billingCycleAnchor: NOW,
        trialEnd: null,
        cancelAtPeriodEnd: false,
        canceledAt: null,
      },
    },
    expect: { ...active, provider: 'stripe', current_period_start: NOW, current_period_end: d('2026-04-10T12:00:00Z'), billing_cycle_anchor: NOW },
  },
  {
    name: 'provider: past due from when Nozle first saw it',
    state: atStripe,
    event: {
      type: 'provider',
      view: {
        provider: 'stripe',
        status: 'past_due',
        currentPeriodStart: atStripe.current_period_start,
        currentPeriodEnd: atStripe.current_period_end,
        billingCycleAnchor: atStripe.billing_cycle_anchor,
        trialEnd: null,
        cancelAtPeriodEnd: false,
        canceledAt: null,
      },
    },
    expect: { status: 'past_due', past_due_since: NOW },
  },
  {
    name: 'provider: still past due keeps the start',
    state: { ...pastDue, provider: 'stripe' },
    event: {
      type: 'provider',
      view: {
        provider: 'stripe',
        status: 'past_due',
        currentPeriodStart: pastDue.current_period_start,
        currentPeriodEnd: pastDue.current_period_end,
        billingCycleAnchor: pastDue.billing_cycle_anchor,
        trialEnd: null,
        cancelAtPeriodEnd: false,
        canceledAt: null,
      },
    },
    expect: {},
  },
  {
    name: 'provider: an expired incomplete subscription is canceled; the word of the provider even on a canceled one',
    state: { ...canceled, provider: 'stripe' },
    event: {
      type: 'provider',
      view: {
        provider: 'stripe',
        status: 'incomplete_expired',
        currentPeriodStart: NOW,
        currentPeriodEnd: NOW,
        billingCycleAnchor: atStripe.billing_cycle_anchor,
        trialEnd: null,
        cancelAtPeriodEnd: false,
        canceledAt: null,
      },
    },
    expect: { current_period_start: NOW, current_period_end: NOW, canceled_at: null },
  },
];

interface Refused {
  name: string;
  state: Lifecycle | undefined;
  event: LifecycleEvent;
  refusal: Refusal;
}

const refused: Refused[] = [
  { name: 'create with a one-time plan', state: undefined, event: { type: 'create', interval: 'one_time', trialDays: 0 }, refusal: 'one_time_plan' },
  { name: 'update a canceled one', state: canceled, event: { type: 'update', interval: 'month' }, refusal: 'canceled' },
  { name: "set a provider's status", state: atStripe, event: { type: 'update', interval: 'month', status: 'past_due' }, refusal: 'managed_by_provider' },
  { name: 'change to a one-time plan', state: active, event: { type: 'update', interval: 'one_time' }, refusal: 'one_time_plan' },
  {
    name: 'canceled before managed: a canceled provider one',
    state: { ...canceled, provider: 'stripe' },
    event: { type: 'update', interval: 'month', status: 'active' },
    refusal: 'canceled',
  },
  { name: 'cancel a canceled one', state: canceled, event: { type: 'cancel', atPeriodEnd: false }, refusal: 'canceled' },
  { name: 'cancel at period end a canceled one', state: canceled, event: { type: 'cancel', atPeriodEnd: true }, refusal: 'canceled' },
  { name: 'resume a canceled one', state: canceled, event: { type: 'resume', interval: 'month' }, refusal: 'canceled' },
  { name: 'resume what is neither canceling nor paused', state: active, event: { type: 'resume', interval: 'month' }, refusal: 'not_resumable' },
  { name: 'resume a past due one', state: pastDue, event: { type: 'resume', interval: 'month' }, refusal: 'not_resumable' },
  { name: 'period ended before its end', state: active, event: { type: 'period_ended', interval: 'month' }, refusal: 'not_due' },
  {
    name: 'period ended of a canceled one',
    state: { ...canceled, current_period_end: NOW },
    event: { type: 'period_ended', interval: 'month' },
    refusal: 'not_due',
  },
  {
    name: 'period ended of a paused one',
    state: { ...paused, current_period_end: NOW },
    event: { type: 'period_ended', interval: 'month' },
    refusal: 'not_due',
  },
  { name: 'period ended of a one-time plan', state: endedNow, event: { type: 'period_ended', interval: 'one_time' }, refusal: 'one_time_plan' },
  { name: 'trial ended before its end', state: trialing, event: { type: 'trial_ended', interval: 'month' }, refusal: 'not_due' },
  { name: 'trial ended of one not trialing', state: { ...active, trial_end: NOW }, event: { type: 'trial_ended', interval: 'month' }, refusal: 'not_due' },
  {
    name: "trial ended of a provider's trial: the provider converts it",
    state: { ...trialOver, provider: 'stripe' },
    event: { type: 'trial_ended', interval: 'month' },
    refusal: 'managed_by_provider',
  },
  { name: 'trial ended of a one-time plan', state: trialOver, event: { type: 'trial_ended', interval: 'one_time' }, refusal: 'one_time_plan' },
  {
    name: 'invoice overdue of one already past due: its grace keeps its start',
    state: pastDue,
    event: { type: 'invoice_overdue', dueAt: NOW },
    refusal: 'not_due',
  },
  { name: 'invoice overdue during a trial', state: trialing, event: { type: 'invoice_overdue', dueAt: NOW }, refusal: 'not_due' },
  { name: 'invoice overdue of a canceled one', state: canceled, event: { type: 'invoice_overdue', dueAt: NOW }, refusal: 'not_due' },
  {
    name: "invoice overdue of a provider's: the provider collects",
    state: atStripe,
    event: { type: 'invoice_overdue', dueAt: NOW },
    refusal: 'managed_by_provider',
  },
  { name: 'invoices settled of one not past due', state: active, event: { type: 'invoices_settled' }, refusal: 'not_due' },
  { name: "invoices settled of a provider's", state: { ...pastDue, provider: 'stripe' }, event: { type: 'invoices_settled' }, refusal: 'managed_by_provider' },
  { name: 'dunning ended of one not past due', state: active, event: { type: 'dunning_ended' }, refusal: 'not_due' },
  {
    name: "dunning ended of a provider's: its retries decide",
    state: { ...pastDue, provider: 'sandbox' },
    event: { type: 'dunning_ended' },
    refusal: 'managed_by_provider',
  },
  { name: 'payment for a canceled one', state: canceled, event: { type: 'payment', paid: true, lastAttempt: false }, refusal: 'not_due' },
  { name: 'payment for a paused one', state: paused, event: { type: 'payment', paid: false, lastAttempt: true }, refusal: 'not_due' },
];

describe('the subscription lifecycle', () => {
  it.each(accepted)('$name', ({ state, event, expect: changes }) => {
    const decision = transition(state, event, NOW);
    expect(decision).toEqual({ ok: true, state: { ...(state ?? {}), ...changes } });
  });

  it.each(refused)('refuses: $name', ({ state, event, refusal }) => {
    expect(transition(state, event, NOW)).toEqual({ ok: false, refusal });
  });

  it('needs a subscription for every event but create and the provider', () => {
    expect(() => transition(undefined, { type: 'cancel', atPeriodEnd: false }, NOW)).toThrow(/must exist/);
  });

  it('never changes the state it is given', () => {
    const before = structuredClone(trialing);
    transition(trialing, { type: 'update', interval: 'month', status: 'active' }, NOW);
    expect(trialing).toEqual(before);
  });
});
