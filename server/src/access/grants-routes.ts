import type { EntitlementChanges } from '../entitlement-changes.js';
import { findFeature } from '../catalog/features-store.js';
import { wholeSecond } from '../clock.js';
import { findCustomer } from '../customers/store.js';
import type { JsonValue } from '../entitlements/types.js';
import { invalidParam } from '../http/errors.js';
import { paginate } from '../http/pagination.js';
import { routesWith, workOf } from '../http/route.js';
import { grantSeq, insertGrant, listGrantRows } from './grants-store.js';

/** The services these routes need, handed in by the assembly. */
interface Services { entitlements: EntitlementChanges }

const { defineRoute } = routesWith<Services>();

// Which terms a grant may carry, by the feature's type; a revoke carries none.
const TERMS_FOR = { boolean: [], metered: ['limit', 'reset', 'overage'], config: ['value'] } as const;

export const grantRoutes = [
  defineRoute('createGrant', async ({ params, body }, ctx) => {
    const { db, caller, clock } = ctx;
    const now = clock.now();
    // The customer's row first, always: changes to one customer take turns without deadlocks.
    const customer = await findCustomer(db, caller.projectId, params.customer, true);
    const feature = await findFeature(db, caller.projectId, body.feature);
    const kind = body.kind ?? 'grant';
    const allowed: readonly string[] = kind === 'revoke' ? [] : TERMS_FOR[feature.type];
    for (const term of ['limit', 'reset', 'overage', 'value'] as const) {
      if (body[term] !== undefined && !allowed.includes(term)) {
        const why = kind === 'revoke' ? 'a revoke' : `a grant of the ${feature.type} feature '${feature.key}'`;
        throw invalidParam(term, `'${term}' does not apply to ${why}.`, 'parameter_unknown');
      }
    }
    const startsAt = body.starts_at === undefined ? wholeSecond(now) : new Date(body.starts_at * 1000);
    const endsAt = body.ends_at === undefined ? null : new Date(body.ends_at * 1000);
    if (endsAt && endsAt <= startsAt) throw invalidParam('ends_at', 'ends_at must be after starts_at.');

    const grant = await insertGrant(
      db,
      caller.projectId,
      {
        customerId: customer.id,
        feature: feature.key,
        kind,
        startsAt,
        endsAt,
        limit: body.limit ?? null,
        reset: body.reset ?? null,
        overage: body.overage ?? null,
        // From JSON.parse, so JSON.
        value: (body.value ?? null) as JsonValue,
        reason: body.reason ?? null,
        actor: body.actor ?? caller.keyId,
      },
      now,
    );
    await ctx.services.entitlements.sourcesChanged(workOf(ctx), ctx.caller.projectId, customer.id);
    return { status: 200, body: grant };
  }),

  defineRoute('listGrants', async ({ params, query }, { db, caller }) => {
    const customer = await findCustomer(db, caller.projectId, params.customer);
    return {
      status: 200,
      body: await paginate(
        `/v1/customers/${customer.id}/grants`,
        query,
        'grant',
        (id) => grantSeq(db, caller.projectId, customer.id, id),
        (limit, afterSeq) => listGrantRows(db, caller.projectId, customer.id, query.feature, limit, afterSeq),
      ),
    };
  }),
];
