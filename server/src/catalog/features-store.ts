// SQL for features. A feature's key and type are fixed once created.
import { unixSeconds } from '../clock.js';
import { isUniqueViolation, type Queryable } from '../db/database.js';
import type { Metadata } from '../customers/metadata.js';
import type { FeatureDefinition, FeatureType } from '../entitlements/types.js';
import { alreadyExists, notFound } from '../http/errors.js';
import { newId } from '../ids.js';

export interface Feature {
  id: string;
  object: 'feature';
  key: string;
  name: string;
  type: FeatureType;
  metadata: Metadata;
  created: number;
}

interface FeatureRow {
  id: string;
  key: string;
  name: string;
  type: FeatureType;
  metadata: Metadata;
  created_at: Date;
}

const COLUMNS = 'id, key, name, type, metadata, created_at';

const toFeature = (row: FeatureRow): Feature => ({
  id: row.id,
  object: 'feature',
  key: row.key,
  name: row.name,
  type: row.type,
  metadata: row.metadata,
  created: unixSeconds(row.created_at),
});

export async function insertFeature(
  db: Queryable,
  projectId: string,
  fields: { key: string; name: string; type: FeatureType; metadata: Metadata },
  now: Date,
): Promise<Feature> {
  try {
    const { rows } = await db.query<FeatureRow>(
      `insert into features (id, project_id, key, name, type, metadata, created_at)
       values ($1, $2, $3, $4, $5, $6, $7) returning ${COLUMNS}`,
      [newId('feat'), projectId, fields.key, fields.name, fields.type, JSON.stringify(fields.metadata), now],
    );
    return toFeature(rows[0]!);
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyExists('key', `A feature with key '${fields.key}' already exists.`);
    throw error;
  }
}

/** By id (`feat_…`) or key. */
export async function findFeature(db: Queryable, projectId: string, ref: string): Promise<Feature> {
  const { rows } = await db.query<FeatureRow>(
    `select ${COLUMNS} from features where project_id = $1 and (id = $2 or key = $2) order by (id = $2) desc limit 1`,
    [projectId, ref],
  );
  if (!rows[0]) throw notFound('feature', ref, 'feature');
  return toFeature(rows[0]);
}

export async function updateFeatureRow(db: Queryable, projectId: string, id: string, name: string, metadata: Metadata): Promise<Feature> {
  const { rows } = await db.query<FeatureRow>(
    `update features set name = $3, metadata = $4 where project_id = $1 and id = $2 returning ${COLUMNS}`,
    [projectId, id, name, JSON.stringify(metadata)],
  );
  if (!rows[0]) throw notFound('feature', id, 'feature');
  return toFeature(rows[0]);
}

export async function listFeatureRows(db: Queryable, projectId: string, limit: number, afterSeq?: number): Promise<Feature[]> {
  const { rows } = await db.query<FeatureRow>(
    `select ${COLUMNS} from features where project_id = $1 and ($2::bigint is null or seq < $2) order by seq desc limit $3`,
    [projectId, afterSeq ?? null, limit],
  );
  return rows.map(toFeature);
}

export async function featureSeq(db: Queryable, projectId: string, id: string): Promise<number | undefined> {
  const { rows } = await db.query<{ seq: number }>('select seq from features where project_id = $1 and id = $2', [projectId, id]);
  return rows[0]?.seq;
}

/** Every feature's key and type: what the engine needs to know of the catalog. */
export async function featureDefinitions(db: Queryable, projectId: string): Promise<FeatureDefinition[]> {
  const { rows } = await db.query<FeatureDefinition>('select key, type from features where project_id = $1 order by key', [projectId]);
  return rows;
}
