// Stripe objects for tests, each starting from Stripe's own published example of it
// (fixtures/stripe/fixtures3.json) with only the fields a test is about overridden.
import { readFileSync } from 'node:fs';
import Stripe from 'stripe';

const fixtures = (
  JSON.parse(readFileSync(new URL('../fixtures/stripe/fixtures3.json', import.meta.url), 'utf8')) as { resources: Record<string, Record<string, unknown>> }
).resources;

type Fields = Record<string, unknown>;

/** A deep copy of Stripe's example `resource`, with `overrides` laid over it. */
export function fromFixture<T = Fields>(resource: string, overrides: Fields = {}): T {
  const base = fixtures[resource];
  if (!base) throw new Error(`No Stripe fixture for ${resource}`);
  return { ...structuredClone(base), ...overrides } as T;
}

export interface SubscriptionState {
  id: string;
  customer: string;
  price: string;
  status: Stripe.Subscription.Status;
  periodStart: number;
  periodEnd: number;
  trialEnd?: number | null;
  cancelAtPeriodEnd?: boolean;
  canceledAt?: number | null;
  created: number;
  /** The subscription schedule that manages it, while one does. */
  schedule?: string | null;
  /** Its item's quantity (seats); 1 when absent. */
  quantity?: number;
}

export function stripeSubscription(state: SubscriptionState): Stripe.Subscription {
  const template = fromFixture<Stripe.Subscription>('subscription');
  const item = structuredClone(template.items.data[0]!);
  Object.assign(item, {
    id: `si_${state.id.slice(4)}`,
    subscription: state.id,
    current_period_start: state.periodStart,
    current_period_end: state.periodEnd,
    price: { ...item.price, id: state.price },
    quantity: state.quantity ?? 1,
  });
  return fromFixture<Stripe.Subscription>('subscription', {
    id: state.id,
    customer: state.customer,
    status: state.status,
    created: state.created,
    start_date: state.created,
    billing_cycle_anchor: state.periodStart,
    trial_start: state.trialEnd ? state.created : null,
    trial_end: state.trialEnd ?? null,
    cancel_at_period_end: state.cancelAtPeriodEnd ?? false,
    cancel_at: state.cancelAtPeriodEnd ? state.periodEnd : null,
    canceled_at: state.canceledAt ?? null,
    schedule: state.schedule ?? null,
    ended_at: state.status === 'canceled' ? (state.canceledAt ?? null) : null,
    metadata: {},
    items: { ...template.items, data: [item], url: `/v1/subscription_items?subscription=${state.id}` },
  });
}

export function stripeEvent(type: string, object: unknown, created: number, id: string): Stripe.Event {
  return fromFixture<Stripe.Event>('event', { id, type, created, data: { object }, livemode: false });
}

export function stripeInvoice(id: string, customer: string, subscription: string, paid: boolean): Stripe.Invoice {
  return fromFixture<Stripe.Invoice>('invoice', {
    id,
    customer,
    status: paid ? 'paid' : 'open',
    paid,
    parent: { type: 'subscription_details', quote_details: null, subscription_details: { metadata: {}, subscription } },
  });
}

/** The body and Stripe-Signature header of a webhook delivery, signed with Stripe's own helper. */
export function signedDelivery(event: Stripe.Event, secret: string, timestamp?: number): { body: string; signature: string } {
  const body = JSON.stringify(event);
  return { body, signature: Stripe.webhooks.generateTestHeaderString({ payload: body, secret, ...(timestamp ? { timestamp } : {}) }) };
}

/** A phase of a subscription schedule as the test account keeps it: a price from start to end (open-ended: null). */
interface SchedulePhase {
  price: string;
  start: number;
  end: number | null;
}

export interface ScheduleState {
  id: string;
  subscription: string;
  status: Stripe.SubscriptionSchedule.Status;
  phases: SchedulePhase[];
  endBehavior: string;
}

export function stripeSchedule(state: ScheduleState, now: number): Stripe.SubscriptionSchedule {
  const template = fromFixture<Stripe.SubscriptionSchedule>('subscription_schedule');
  const phaseTemplate = template.phases[0]!;
  const current = state.phases.find((phase) => phase.start <= now && (phase.end === null || now < phase.end)) ?? null;
  const live = state.status === 'active' || state.status === 'not_started';
  return fromFixture<Stripe.SubscriptionSchedule>('subscription_schedule', {
    id: state.id,
    status: state.status,
    subscription: live ? state.subscription : null,
    released_subscription: state.status === 'released' ? state.subscription : null,
    released_at: state.status === 'released' ? now : null,
    canceled_at: null,
    completed_at: null,
    end_behavior: state.endBehavior,
    current_phase: live && current ? { start_date: current.start, end_date: current.end ?? current.start } : null,
    phases: state.phases.map((phase) => ({
      ...structuredClone(phaseTemplate),
      start_date: phase.start,
      end_date: phase.end ?? phase.start,
      items: [{ ...structuredClone(phaseTemplate.items[0]!), price: phase.price, quantity: 1 }],
    })),
  });
}
