// What the credit routes call: grants of prepaid credit, and a customer's balances.
import type { components } from '@nozle/openapi';
import { findCustomer } from '../customers/store.js';
import type { Queryable } from '../db/database.js';
import type { Work } from '../db/work.js';
import type { EntitlementChanges } from '../entitlement-changes.js';
import { invalidParam } from '../http/errors.js';
import { creditBalances, insertCreditGrant, listCreditGrants, type CreditGrant } from './credits-store.js';

type CreditGrantCreateParams = components['schemas']['CreditGrantCreateParams'];
type CreditBalance = components['schemas']['CreditBalance'];

/** When a grant expires: never without `expires_at`, which must be in the future. */
function grantExpiry(expiresAt: number | undefined, now: Date): Date | null {
  const at = expiresAt === undefined ? null : new Date(expiresAt * 1000);
  if (at && at <= now) throw invalidParam('expires_at', 'expires_at must be in the future.');
  return at;
}

export async function grantCredits(
  work: Work,
  entitlements: EntitlementChanges,
  projectId: string,
  customerRef: string,
  params: CreditGrantCreateParams,
): Promise<CreditGrant> {
  // The customer's row first: grants and invoice drawdowns of one customer take turns.
  const customer = await findCustomer(work.db, projectId, customerRef, true);
  const expiresAt = grantExpiry(params.expires_at, work.now);
  const grant = await insertCreditGrant(
    work.db,
    projectId,
    { customerId: customer.id, currency: params.currency, amount: params.amount, expiresAt, description: params.description ?? null },
    work.now,
  );
  // The balance is in the snapshot.
  await entitlements.sourcesChanged(work, projectId, customer.id);
  return grant;
}

export async function customerCredits(db: Queryable, projectId: string, customerRef: string, now: Date): Promise<CreditBalance> {
  const customer = await findCustomer(db, projectId, customerRef);
  const { balances } = await creditBalances(db, customer.id, now);
  return { object: 'credit_balance', customer: customer.id, balances, grants: await listCreditGrants(db, projectId, customer.id) };
}
