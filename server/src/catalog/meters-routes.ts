import { defineRoute, workOf } from '../http/route.js';
import { createMeter, listMeters } from './meters-service.js';
import { findMeter } from './meters-store.js';

export const meterRoutes = [
  defineRoute('createMeter', async ({ body }, ctx) => ({ status: 200, body: await createMeter(workOf(ctx), ctx.caller.projectId, body) })),

  defineRoute('retrieveMeter', async ({ params }, { db, caller }) => ({ status: 200, body: await findMeter(db, caller.projectId, params.meter) })),

  defineRoute('listMeters', async ({ query }, { db, caller }) => ({ status: 200, body: await listMeters(db, caller.projectId, query) })),
];
