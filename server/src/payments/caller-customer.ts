// Which customer a client endpoint acts for: the body's with a secret key, the customer
// token's with a publishable key (and no other). The request binding has checked the token;
// this decides what its claims (or why they failed) mean for the customer asked for.
import { findCustomer, type Customer } from '../customers/store.js';
import type { Queryable } from '../db/database.js';
import type { Caller } from '../http/auth.js';
import type { CustomerTokenClaims, TokenProblem } from '../http/customer-token.js';
import { ApiError, invalidParam } from '../http/errors.js';

const TOKEN_HEADER = 'Nozle-Customer-Token';

/** Who asks: the caller's key, and the customer token it showed, as checked (absent without one). */
export interface CustomerCaller {
  caller: Caller;
  customerToken: CustomerTokenClaims | TokenProblem | undefined;
}

export async function customerForCaller(
  db: Queryable,
  who: CustomerCaller,
  requested: string | undefined,
  forUpdate = false,
): Promise<Customer & { seq: number }> {
  const { caller, customerToken: claims } = who;
  if (caller.keyType === 'secret') {
    if (!requested) throw invalidParam('customer', 'Missing required param: customer.', 'parameter_missing');
    return findCustomer(db, caller.projectId, requested, forUpdate);
  }
  if (!claims) {
    throw new ApiError(401, 'authentication_error', 'customer_token_missing', `A publishable key needs a customer token in the ${TOKEN_HEADER} header.`);
  }
  if (typeof claims === 'string') {
    const message = claims === 'token_expired' ? 'The customer token has expired; mint a new one.' : 'The customer token is not valid for this project.';
    throw new ApiError(401, 'authentication_error', claims, message);
  }
  if (claims.projectId !== caller.projectId)
    throw new ApiError(401, 'authentication_error', 'token_invalid', 'The customer token is not valid for this project.');
  const customer = await findCustomer(db, caller.projectId, claims.customer, forUpdate);
  if (requested && requested !== customer.id && requested !== customer.external_id) {
    throw new ApiError(403, 'permission_error', 'customer_mismatch', 'The customer token names another customer.', 'customer');
  }
  return customer;
}
