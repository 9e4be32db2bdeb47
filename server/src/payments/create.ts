// Picks the payment provider: Stripe when both of its settings are given, the sandbox otherwise.
import { receiveEvent } from './events.js';
import { Payments, type PaymentsDeps } from './payments.js';
import { Sandbox } from './sandbox/sandbox.js';
import { StripeProvider } from './stripe-provider.js';

export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  /** Where Stripe's API is (tests point it elsewhere only when not using msw). */
  host?: string;
}

export function createPayments(deps: Omit<PaymentsDeps, 'stripe' | 'sandbox'>, stripe?: StripeSettings): Payments {
  const payments = new Payments({
    ...deps,
    ...(stripe ? { stripe: new StripeProvider(stripe.secretKey, stripe.webhookSecret, stripe.host ? { host: stripe.host } : {}) } : { sandbox: new Sandbox(deps.clock) }),
  });
  payments.receiveEvents = async (events) => {
    for (const event of events) await receiveEvent(payments, event);
  };
  return payments;
}
