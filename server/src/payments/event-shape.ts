// What a provider event is about, read from its Stripe-shaped payload. The sandbox raises its
// events in the same shape, so one reader serves both.
import type Stripe from 'stripe';
import type { ProviderEvent } from './provider.js';

const fromUnix = (seconds: number): Date => new Date(seconds * 1000);
const idOf = (value: string | { id: string } | null | undefined): string | null => (value == null ? null : typeof value === 'string' ? value : value.id);

/** What a Stripe event is about; the object named is re-read before anything changes. */
export function describeEvent(event: Stripe.Event): ProviderEvent {
  const object = event.data.object as unknown as Record<string, unknown>;
  const kind = object['object'];
  const base = { id: event.id, type: event.type, created: fromUnix(event.created), customer: idOf(object['customer'] as string | null), subscription: null, payment: null, invoice: null, checkoutSession: null };
  switch (kind) {
    case 'subscription':
      return { ...base, subscription: String(object['id']) };
    case 'invoice': {
      const invoice = object as unknown as Stripe.Invoice;
      return { ...base, invoice: invoice.id ?? null, subscription: idOf(invoice.parent?.subscription_details?.subscription) };
    }
    case 'checkout.session': {
      const session = object as unknown as Stripe.Checkout.Session;
      return { ...base, checkoutSession: session.id, subscription: idOf(session.subscription), payment: idOf(session.payment_intent) };
    }
    case 'charge':
      return { ...base, payment: idOf((object as unknown as Stripe.Charge).payment_intent) };
    default:
      return base;
  }
}

