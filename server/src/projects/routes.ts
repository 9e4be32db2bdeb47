import { routesWith, workOf } from '../http/route.js';
import { createApiKey, listApiKeys, revokeApiKey, type KeyChanges } from './service.js';
import { getProject, updateProject } from './store.js';

/** The services these routes need, handed in by the assembly. */
interface Services {
  keys: KeyChanges;
}

const { defineRoute } = routesWith<Services>();

export const projectRoutes = [
  defineRoute('getProject', async (_input, { db, caller }) => ({ status: 200, body: await getProject(db, caller.projectId) })),

  defineRoute('updateProject', async ({ body }, { db, caller }) => ({ status: 200, body: await updateProject(db, caller.projectId, body) })),

  defineRoute('createApiKey', async ({ body }, ctx) => ({ status: 200, body: await createApiKey(workOf(ctx), ctx.services.keys, ctx.caller.projectId, body) })),

  defineRoute('listApiKeys', async ({ query }, { db, caller }) => ({ status: 200, body: await listApiKeys(db, caller.projectId, query) })),

  defineRoute('revokeApiKey', async ({ params }, ctx) => ({
    status: 200,
    body: await revokeApiKey(workOf(ctx), ctx.services.keys, ctx.caller.projectId, params.key),
  })),
];
