import type { EntitlementChanges } from '../entitlement-changes.js';
import { routesWith, workOf } from '../http/route.js';
import { paginate } from '../http/pagination.js';
import { cleanMetadata, mergeMetadata } from './metadata.js';
import { customerSeq, findCustomer, insertCustomer, listCustomerRows, markCustomerDeleted, updateCustomerRow } from './store.js';

/** The services these routes need, handed in by the assembly. */
interface Services { entitlements: EntitlementChanges }

const { defineRoute } = routesWith<Services>();

export const customerRoutes = [
  defineRoute('createCustomer', async ({ body }, { db, caller, clock }) => {
    const customer = await insertCustomer(
      db,
      caller.projectId,
      {
        external_id: body.external_id ?? null,
        email: body.email ?? null,
        name: body.name ?? null,
        metadata: cleanMetadata(body.metadata),
      },
      clock.now(),
    );
    return { status: 200, body: customer };
  }),

  defineRoute('retrieveCustomer', async ({ params }, { db, caller }) => {
    const { seq: _seq, ...customer } = await findCustomer(db, caller.projectId, params.customer);
    return { status: 200, body: customer };
  }),

  defineRoute('updateCustomer', async ({ params, body }, ctx) => {
    const { db, caller, clock, services, afterCommit } = ctx;
    const current = await findCustomer(db, caller.projectId, params.customer, true);
    const customer = await updateCustomerRow(
      db,
      caller.projectId,
      current.id,
      {
        external_id: body.external_id ?? current.external_id,
        email: body.email === undefined ? current.email : body.email,
        name: body.name === undefined ? current.name : body.name,
        metadata: mergeMetadata(current.metadata, body.metadata),
      },
      clock.now(),
    );
    // Lookups by the old external_id must stop finding it on every instance, and snapshots
    // (which carry the external_id for copies kept by it) move to a new version.
    if (customer.external_id !== current.external_id) {
      await ctx.services.entitlements.sourcesChanged(workOf(ctx), ctx.caller.projectId, customer.id);
      afterCommit(() => services.entitlements.customerChanged(caller.projectId, customer.id));
    }
    return { status: 200, body: customer };
  }),

  defineRoute('deleteCustomer', async ({ params }, { db, caller, clock, services, afterCommit }) => {
    const customer = await findCustomer(db, caller.projectId, params.customer, true);
    await markCustomerDeleted(db, caller.projectId, customer.id, clock.now());
    // Its snapshot goes too: streamed copies drop it, and no reconnect brings it back.
    await db.query('delete from entitlement_snapshots where customer_id = $1', [customer.id]);
    afterCommit(() => services.entitlements.customerChanged(caller.projectId, customer.id, true));
    return { status: 200, body: { id: customer.id, object: 'customer', deleted: true } };
  }),

  defineRoute('listCustomers', async ({ query }, { db, caller }) => {
    const filter = {
      ...(query.email !== undefined ? { email: query.email } : {}),
      ...(query.external_id !== undefined ? { external_id: query.external_id } : {}),
    };
    const list = await paginate(
      '/v1/customers',
      query,
      'customer',
      (id) => customerSeq(db, caller.projectId, id),
      (limit, afterSeq) => listCustomerRows(db, caller.projectId, filter, limit, afterSeq),
    );
    return { status: 200, body: list };
  }),
];
