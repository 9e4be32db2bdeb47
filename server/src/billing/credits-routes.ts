import type { EntitlementChanges } from '../entitlement-changes.js';
import { findCustomer } from '../customers/store.js';
import { invalidParam } from '../http/errors.js';
import { routesWith, workOf } from '../http/route.js';
import { creditBalances, insertCreditGrant, listCreditGrants } from './credits-store.js';

/** The services these routes need, handed in by the assembly. */
interface Services { entitlements: EntitlementChanges }

const { defineRoute } = routesWith<Services>();

export const creditRoutes = [
  defineRoute('createCreditGrant', async ({ params, body }, ctx) => {
    const { db, caller, clock } = ctx;
    const now = clock.now();
    // The customer's row first: grants and invoice drawdowns of one customer take turns.
    const customer = await findCustomer(db, caller.projectId, params.customer, true);
    const expiresAt = body.expires_at === undefined ? null : new Date(body.expires_at * 1000);
    if (expiresAt && expiresAt <= now) throw invalidParam('expires_at', 'expires_at must be in the future.');
    const grant = await insertCreditGrant(
      db,
      caller.projectId,
      { customerId: customer.id, currency: body.currency, amount: body.amount, expiresAt, description: body.description ?? null },
      now,
    );
    // The balance is in the snapshot.
    await ctx.services.entitlements.sourcesChanged(workOf(ctx), ctx.caller.projectId, customer.id);
    return { status: 200, body: grant };
  }),

  defineRoute('listCredits', async ({ params }, { db, caller, clock }) => {
    const customer = await findCustomer(db, caller.projectId, params.customer);
    const { balances } = await creditBalances(db, customer.id, clock.now());
    return {
      status: 200,
      body: { object: 'credit_balance', customer: customer.id, balances, grants: await listCreditGrants(db, caller.projectId, customer.id) },
    };
  }),
];
