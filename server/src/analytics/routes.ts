import { defineRoute, workOf } from '../http/route.js';
import { createCostModel, listCostModels, margins } from './service.js';

export const analyticsRoutes = [
  defineRoute('createCostModel', async ({ body }, ctx) => ({ status: 200, body: await createCostModel(workOf(ctx), ctx.caller.projectId, body) })),

  defineRoute('listCostModels', async ({ query }, { db, caller }) => ({ status: 200, body: await listCostModels(db, caller.projectId, query) })),

  defineRoute('retrieveMargin', async ({ query }, { db, caller }) => ({ status: 200, body: await margins(db, caller.projectId, query) })),
];
