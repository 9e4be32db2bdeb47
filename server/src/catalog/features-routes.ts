import { cleanMetadata, mergeMetadata } from '../customers/metadata.js';
import { paginate } from '../http/pagination.js';
import { defineRoute } from '../http/route.js';
import { featureSeq, findFeature, insertFeature, listFeatureRows, updateFeatureRow } from './features-store.js';

export const featureRoutes = [
  defineRoute('createFeature', async ({ body }, { db, caller, clock, app, afterCommit }) => {
    const feature = await insertFeature(
      db,
      caller.projectId,
      { key: body.key, name: body.name ?? body.key, type: body.type, metadata: cleanMetadata(body.metadata) },
      clock.now(),
    );
    afterCommit(() => app.entitlements.featuresChanged(caller.projectId));
    return { status: 200, body: feature };
  }),

  defineRoute('retrieveFeature', async ({ params }, { db, caller }) => ({
    status: 200,
    body: await findFeature(db, caller.projectId, params.feature),
  })),

  defineRoute('updateFeature', async ({ params, body }, { db, caller }) => {
    const current = await findFeature(db, caller.projectId, params.feature);
    return {
      status: 200,
      body: await updateFeatureRow(db, caller.projectId, current.id, body.name ?? current.name, mergeMetadata(current.metadata, body.metadata)),
    };
  }),

  defineRoute('listFeatures', async ({ query }, { db, caller }) => ({
    status: 200,
    body: await paginate(
      '/v1/features',
      query,
      'feature',
      (id) => featureSeq(db, caller.projectId, id),
      (limit, afterSeq) => listFeatureRows(db, caller.projectId, limit, afterSeq),
    ),
  })),
];
