// The grant operations: each parses its input, calls the grants service, replies.
import type { EntitlementChanges } from '../entitlement-changes.js';
import { routesWith, workOf } from '../http/route.js';
import { createGrant, listGrants } from './grants-service.js';

/** The services these routes need, handed in by the assembly. */
interface Services {
  entitlements: EntitlementChanges;
}

const { defineRoute } = routesWith<Services>();

export const grantRoutes = [
  defineRoute('createGrant', async ({ params, body }, ctx) => ({
    status: 200,
    body: await createGrant(ctx.services, workOf(ctx), ctx.caller, params.customer, {
      feature: body.feature,
      kind: body.kind,
      startsAt: body.starts_at,
      endsAt: body.ends_at,
      limit: body.limit,
      reset: body.reset,
      overage: body.overage,
      value: body.value,
      reason: body.reason,
      actor: body.actor,
    }),
  })),

  defineRoute('listGrants', async ({ params, query }, { db, caller }) => ({
    status: 200,
    body: await listGrants(db, caller.projectId, params.customer, query),
  })),
];
