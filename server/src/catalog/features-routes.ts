import type { EntitlementChanges } from '../entitlement-changes.js';
import { cleanMetadata, mergeMetadata } from '../customers/metadata.js';
import type { Queryable } from '../db/database.js';
import { expireSnapshots } from '../entitlements/snapshot.js';
import type { FeatureType } from '../entitlements/types.js';
import { ApiError, invalidParam } from '../http/errors.js';
import { paginate } from '../http/pagination.js';
import { backfillFeatureCounters } from '../usage/backfill.js';
import { findMeter } from '../usage/meters-store.js';
import { routesWith } from '../http/route.js';
import { featureSeq, findFeature, insertFeature, listFeatureRows, updateFeatureRow } from './features-store.js';

/** The services these routes need, handed in by the assembly. */
interface Services { entitlements: EntitlementChanges; pastDueGraceMs: number }

const { defineRoute } = routesWith<Services>();

async function meterFor(db: Queryable, projectId: string, type: FeatureType, ref: string): Promise<string> {
  if (type !== 'metered') throw invalidParam('meter', `Only a metered feature can be tied to a meter; this one is ${type}.`);
  const meter = await findMeter(db, projectId, ref).catch((error: unknown) => {
    // As for a price's meter: a bad reference in the body is a 400, not a missing URL.
    if (error instanceof ApiError && error.status === 404) {
      throw invalidParam('meter', `No such meter: '${ref}'. Create it first with POST /v1/meters.`, 'resource_missing');
    }
    throw error;
  });
  return meter.id;
}

export const featureRoutes = [
  defineRoute('createFeature', async ({ body }, { db, caller, clock, services, afterCommit }) => {
    const meterId = body.meter === undefined ? null : await meterFor(db, caller.projectId, body.type, body.meter);
    const feature = await insertFeature(
      db,
      caller.projectId,
      { key: body.key, name: body.name ?? body.key, type: body.type, meterId, metadata: cleanMetadata(body.metadata) },
      clock.now(),
    );
    afterCommit(() => services.entitlements.featuresChanged(caller.projectId));
    return { status: 200, body: feature };
  }),

  defineRoute('retrieveFeature', async ({ params }, { db, caller }) => ({
    status: 200,
    body: await findFeature(db, caller.projectId, params.feature),
  })),

  // A new meter tie changes what `used` means: the current periods are counted from the events
  // once, and every customer's entitlements are recomputed as they are next read.
  defineRoute('updateFeature', async ({ params, body }, { db, caller, clock, services, afterCommit }) => {
    const current = await findFeature(db, caller.projectId, params.feature);
    const currentMeterId = current.meter ? (await findMeter(db, caller.projectId, current.meter)).id : null;
    const meterId = body.meter === undefined ? currentMeterId : body.meter === null ? null : await meterFor(db, caller.projectId, current.type, body.meter);
    const feature = await updateFeatureRow(db, caller.projectId, current.id, {
      name: body.name ?? current.name,
      meterId,
      metadata: mergeMetadata(current.metadata, body.metadata),
    });
    if (meterId !== currentMeterId) {
      if (meterId !== null) {
        const meter = await findMeter(db, caller.projectId, meterId);
        await backfillFeatureCounters(db, caller.projectId, feature.key, meter, clock.now(), services.pastDueGraceMs);
      }
      await expireSnapshots(db, caller.projectId);
      afterCommit(() => services.entitlements.projectChanged(caller.projectId));
    }
    return { status: 200, body: feature };
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
