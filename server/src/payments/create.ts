// Picks the payment provider: Stripe when both of its settings are given, the sandbox otherwise.
import { PaymentEvents } from './events.js';
import { Payments, type PaymentsDeps } from './payments.js';
import { Sandbox } from './sandbox/sandbox.js';
import { StripeProvider } from './stripe-provider.js';

export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  /** Where Stripe's API is (tests point it elsewhere only when not using msw). */
  host?: string;
}

export function createPayments(deps: Omit<PaymentsDeps, 'provider' | 'events'>, stripe?: StripeSettings): Payments {
  const provider = stripe ? new StripeProvider(stripe.secretKey, stripe.webhookSecret, stripe.host ? { host: stripe.host } : {}) : new Sandbox(deps.clock);
  // Processing first: the service hands it what the provider raises (it needs nothing of the service).
  return new Payments({ ...deps, provider, events: new PaymentEvents({ ...deps, provider }) });
}
