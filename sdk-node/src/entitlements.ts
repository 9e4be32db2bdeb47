// The entitlement reads behind `nozle.can()` and `nozle.entitlements()`.
import { unwrap, type NozleClient, type Schemas } from '@nozle/openapi';
import { pathParam } from './resources/request.js';

/** The answer of `nozle.can()`: `allowed`, and for metered features `limit`, `used`, `remaining`. */
export type Check = Schemas['Check'];
/** Every feature of the project for one customer, as one versioned snapshot. */
export type Entitlements = Schemas['Entitlements'];
/** One feature in an {@link Entitlements} snapshot. */
export type Entitlement = Schemas['Entitlement'];

/** Options of `nozle.can()`. */
export interface CanOptions {
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

export async function check(client: NozleClient, customer: string, feature: string, options: CanOptions = {}): Promise<Check> {
  const body: Schemas['CheckParams'] = { customer, feature };
  // Without a quantity the server counts 1.
  if (options.quantity !== undefined) body.quantity = options.quantity;
  if (options.credits !== undefined) body.credits = options.credits;
  return unwrap(await client.POST('/v1/check', { body }));
}

export async function retrieveEntitlements(client: NozleClient, customer: string): Promise<Entitlements> {
  return unwrap(
    await client.GET('/v1/customers/{customer}/entitlements', {
      params: { path: { customer: pathParam(customer, 'customer') } },
    }),
  );
}
