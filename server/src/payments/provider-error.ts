import { ApiError } from '../http/errors.js';
import { isStripeFailure } from './stripe-provider.js';

/** Stripe refused or could not be reached: a 502 that says so (the request's transaction rolled back). */
export function providerError(error: unknown): ApiError | undefined {
  if (!isStripeFailure(error)) return undefined;
  return new ApiError(502, 'api_error', 'payment_provider_error', `The payment provider answered: ${error.message}`);
}
