// The entitlement reads behind `nozle.can()` and `nozle.entitlements()`.
import { callOptions, unwrap, type CallOptions, type NozleClient, type Schemas } from '@nozle/openapi';
import type { CheckCallOptions } from './check/options.js';
import { pathParam } from './resources/request.js';

/** The answer of `nozle.can()`: `allowed`, and for metered features `limit`, `used`, `remaining`. */
export type Check = Schemas['Check'];
/** Every feature of the project for one customer, as one versioned snapshot. */
export type Entitlements = Schemas['Entitlements'];
/** One feature in an {@link Entitlements} snapshot. */
export type Entitlement = Schemas['Entitlement'];

/**
 * Options of `nozle.can()`: what to ask, and (from {@link CheckCallOptions}) `timeoutMs`,
 * `maxRetries`, `signal`, `failureMode` and `customerData` for this call.
 */
export interface CanOptions extends CheckCallOptions {
  /**
   * For a metered feature, how many units you are about to use.
   * @defaultValue 1 (applied by the server)
   */
  quantity?: Schemas['CheckParams']['quantity'];
  /**
   * Also require prepaid credit: allowed only when the customer's balance in `currency` is at
   * least `amount` (whole minor units); otherwise `reason: 'insufficient_credits'`.
   */
  credits?: Schemas['CreditRequirement'];
}

export async function retrieveEntitlements(client: NozleClient, customer: string, options?: CallOptions): Promise<Entitlements> {
  return unwrap(
    await client.GET('/v1/customers/{customer}/entitlements', {
      params: { path: { customer: pathParam(customer, 'customer') } },
      ...callOptions(client, options),
    }),
  );
}
