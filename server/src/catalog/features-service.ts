// What the feature routes call. A new meter tie changes what `used` means: the current periods
// are counted from the events once (usage, through the ports), and every customer's entitlements
// are recomputed as they are next read.
import type { components } from '@nozle/openapi';
import { cleanMetadata, mergeMetadata } from '../customers/metadata.js';
import type { Queryable } from '../db/database.js';
import type { Work } from '../db/work.js';
import type { EntitlementChanges } from '../entitlement-changes.js';
import { ApiError, invalidParam } from '../http/errors.js';
import { paginate, type ListEnvelope, type PageRequest } from '../http/pagination.js';
import { featureSeq, findFeature, insertFeature, listFeatureRows, updateFeatureRow, type Feature } from './features-store.js';
import { findMeter } from './meters-store.js';
import type { CatalogPorts } from './ports.js';
import type { FeatureType } from './types.js';

type FeatureCreateParams = components['schemas']['FeatureCreateParams'];
type FeatureUpdateParams = components['schemas']['FeatureUpdateParams'];

/** What a feature change tells the slices above the catalog. */
export interface FeatureDeps {
  entitlements: EntitlementChanges;
  catalog: Pick<CatalogPorts, 'meterTied'>;
}

/** The meter a feature of `type` may be tied to, by id or key; a bad reference in the body is a 400, not a missing URL. */
async function meterFor(db: Queryable, projectId: string, type: FeatureType, ref: string): Promise<string> {
  if (type !== 'metered') throw invalidParam('meter', `Only a metered feature can be tied to a meter; this one is ${type}.`);
  const meter = await findMeter(db, projectId, ref).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) {
      throw invalidParam('meter', `No such meter: '${ref}'. Create it first with POST /v1/meters.`, 'resource_missing');
    }
    throw error;
  });
  return meter.id;
}

export async function createFeature(work: Work, deps: Pick<FeatureDeps, 'entitlements'>, projectId: string, params: FeatureCreateParams): Promise<Feature> {
  const meterId = params.meter === undefined ? null : await meterFor(work.db, projectId, params.type, params.meter);
  const feature = await insertFeature(
    work.db,
    projectId,
    { key: params.key, name: params.name ?? params.key, type: params.type, meterId, metadata: cleanMetadata(params.metadata) },
    work.now,
  );
  work.afterCommit(() => deps.entitlements.featuresChanged(projectId));
  return feature;
}

export async function updateFeature(work: Work, deps: FeatureDeps, projectId: string, ref: string, params: FeatureUpdateParams): Promise<Feature> {
  const { db } = work;
  const current = await findFeature(db, projectId, ref);
  const currentMeterId = current.meter ? (await findMeter(db, projectId, current.meter)).id : null;
  const meterId = params.meter === undefined ? currentMeterId : params.meter === null ? null : await meterFor(db, projectId, current.type, params.meter);
  const feature = await updateFeatureRow(db, projectId, current.id, {
    name: params.name ?? current.name,
    meterId,
    metadata: mergeMetadata(current.metadata, params.metadata),
  });
  if (meterId !== currentMeterId) {
    if (meterId !== null) await deps.catalog.meterTied(work, projectId, feature.key, await findMeter(db, projectId, meterId));
    await deps.entitlements.projectChanged(work, projectId);
  }
  return feature;
}

export function listFeatures(db: Queryable, projectId: string, page: PageRequest): Promise<ListEnvelope<Feature>> {
  return paginate(
    '/v1/features',
    page,
    'feature',
    (id) => featureSeq(db, projectId, id),
    (limit, afterSeq) => listFeatureRows(db, projectId, limit, afterSeq),
  );
}
