import { routesWith, workOf } from '../http/route.js';
import { createFeature, listFeatures, updateFeature, type FeatureDeps } from './features-service.js';
import { findFeature } from './features-store.js';

/** The services these routes need, handed in by the assembly. */
type Services = FeatureDeps;

const { defineRoute } = routesWith<Services>();

export const featureRoutes = [
  defineRoute('createFeature', async ({ body }, ctx) => ({ status: 200, body: await createFeature(workOf(ctx), ctx.services, ctx.caller.projectId, body) })),

  defineRoute('retrieveFeature', async ({ params }, { db, caller }) => ({ status: 200, body: await findFeature(db, caller.projectId, params.feature) })),

  defineRoute('updateFeature', async ({ params, body }, ctx) => ({
    status: 200,
    body: await updateFeature(workOf(ctx), ctx.services, ctx.caller.projectId, params.feature, body),
  })),

  defineRoute('listFeatures', async ({ query }, { db, caller }) => ({ status: 200, body: await listFeatures(db, caller.projectId, query) })),
];
