import type { EntitlementChanges } from '../entitlement-changes.js';
import { routesWith, workOf } from '../http/route.js';
import { createAlert, deleteAlert, listAlerts, retrieveAlert, updateAlert } from './service.js';

/** The services these routes need, handed in by the assembly. */
interface Services {
  entitlements: EntitlementChanges;
}

const { defineRoute } = routesWith<Services>();

export const alertRoutes = [
  defineRoute('listAlerts', async ({ query }, { db, caller }) => ({ status: 200, body: await listAlerts(db, caller.projectId, query) })),

  defineRoute('createAlert', async ({ body }, ctx) => ({
    status: 200,
    body: await createAlert(workOf(ctx), ctx.services.entitlements, ctx.caller.projectId, body),
  })),

  defineRoute('retrieveAlert', async ({ params }, { db, caller }) => ({ status: 200, body: await retrieveAlert(db, caller.projectId, params.alert) })),

  defineRoute('updateAlert', async ({ params, body }, ctx) => ({
    status: 200,
    body: await updateAlert(workOf(ctx), ctx.services.entitlements, ctx.caller.projectId, params.alert, body),
  })),

  defineRoute('deleteAlert', async ({ params }, ctx) => ({
    status: 200,
    body: await deleteAlert(workOf(ctx), ctx.services.entitlements, ctx.caller.projectId, params.alert),
  })),
];
