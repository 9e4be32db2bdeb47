// Which customer a client endpoint acts for: the body's with a secret key, the customer
// token's with a publishable key (and no other).
import { findCustomer, type Customer } from '../customers/store.js';
import type { Caller } from '../http/auth.js';
import { ApiError, invalidParam } from '../http/errors.js';
import type { HandlerContext } from '../http/route.js';

const TOKEN_HEADER = 'Nozle-Customer-Token';

export async function customerForCaller(
  ctx: HandlerContext<unknown> & { caller: Caller },
  requested: string | undefined,
  forUpdate = false,
): Promise<Customer & { seq: number }> {
  const { caller, db } = ctx;
  if (caller.keyType === 'secret') {
    if (!requested) throw invalidParam('customer', 'Missing required param: customer.', 'parameter_missing');
    return findCustomer(db, caller.projectId, requested, forUpdate);
  }
  const claims = ctx.customerToken;
  if (!claims) {
    throw new ApiError(401, 'authentication_error', 'customer_token_missing', `A publishable key needs a customer token in the ${TOKEN_HEADER} header.`);
  }
  if (typeof claims === 'string') {
    const message = claims === 'token_expired' ? 'The customer token has expired; mint a new one.' : 'The customer token is not valid for this project.';
    throw new ApiError(401, 'authentication_error', claims, message);
  }
  if (claims.projectId !== caller.projectId) throw new ApiError(401, 'authentication_error', 'token_invalid', 'The customer token is not valid for this project.');
  const customer = await findCustomer(db, caller.projectId, claims.customer, forUpdate);
  if (requested && requested !== customer.id && requested !== customer.external_id) {
    throw new ApiError(403, 'permission_error', 'customer_mismatch', 'The customer token names another customer.', 'customer');
  }
  return customer;
}
