// The sandbox's events: plain objects in the shape of Stripe's (so the stored payloads read the
// same whichever provider sent them), each with Nozle's description of what it is about.
import { unixSeconds } from '../../clock.js';
import type { ProviderEvent, ReceivedEvent } from '../provider.js';

/** The object an event carries, as the sandbox raises it (the fields processing reads are named). */
export interface SandboxObject extends Record<string, unknown> {
  id: string;
  object: 'subscription' | 'invoice' | 'checkout.session' | 'charge';
  customer: string;
  subscription?: string | null;
  payment_intent?: string | null;
  parent?: { type: 'subscription_details'; subscription_details: { subscription: string } };
}

interface SandboxEventPayload {
  id: string;
  object: 'event';
  type: string;
  created: number;
  api_version: null;
  livemode: false;
  pending_webhooks: 0;
  request: { id: null; idempotency_key: null };
  data: { object: SandboxObject };
}

/** An event of `type` about `object`, raised at `at`. */
export function sandboxEvent(id: string, type: string, object: SandboxObject, at: Date): ReceivedEvent {
  const payload: SandboxEventPayload = {
    id,
    object: 'event',
    type,
    created: unixSeconds(at),
    api_version: null,
    livemode: false,
    pending_webhooks: 0,
    request: { id: null, idempotency_key: null },
    data: { object },
  };
  return { event: readSandboxEvent(payload), payload };
}

/** What a stored sandbox event is about; the object named is re-read before anything changes. */
export function readSandboxEvent(payload: object): ProviderEvent {
  const { id, type, created, data } = payload as SandboxEventPayload;
  const object = data.object;
  const base = {
    id,
    type,
    created: new Date(created * 1000),
    customer: object.customer ?? null,
    subscription: null,
    payment: null,
    invoice: null,
    checkoutSession: null,
  };
  switch (object.object) {
    case 'subscription':
      return { ...base, subscription: object.id };
    case 'invoice':
      return { ...base, invoice: object.id, subscription: object.parent?.subscription_details.subscription ?? null };
    case 'checkout.session':
      return { ...base, checkoutSession: object.id, subscription: object.subscription ?? null, payment: object.payment_intent ?? null };
    case 'charge':
      return { ...base, payment: object.payment_intent ?? null };
    default:
      return base;
  }
}
