// SQL for features. A feature's key and type are fixed once created.
import { unixSeconds } from '../clock.js';
import { isUniqueViolation, type Queryable } from '../db/database.js';
import type { Metadata } from '../customers/metadata.js';
import type { FeatureDefinition, FeatureType } from './types.js';
import { alreadyExists, notFound } from '../http/errors.js';
import { newId } from '../ids.js';

export interface Feature {
  id: string;
  object: 'feature';
  key: string;
  name: string;
  type: FeatureType;
  /** The key of the meter counted against a metered feature's limit. */
  meter: string | null;
  metadata: Metadata;
  created: number;
}

interface FeatureRow {
  id: string;
  key: string;
  name: string;
  type: FeatureType;
  meter_key: string | null;
  metadata: Metadata;
  created_at: Date;
}

const SELECT = `select f.id, f.key, f.name, f.type, m.key as meter_key, f.metadata, f.created_at
  from features f left join meters m on m.id = f.meter_id`;

const toFeature = (row: FeatureRow): Feature => ({
  id: row.id,
  object: 'feature',
  key: row.key,
  name: row.name,
  type: row.type,
  meter: row.meter_key,
  metadata: row.metadata,
  created: unixSeconds(row.created_at),
});

export async function insertFeature(
  db: Queryable,
  projectId: string,
  fields: { key: string; name: string; type: FeatureType; meterId: string | null; metadata: Metadata },
  now: Date,
): Promise<Feature> {
  const id = newId('feat');
  try {
    await db.query(
      `insert into features (id, project_id, key, name, type, meter_id, metadata, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, projectId, fields.key, fields.name, fields.type, fields.meterId, JSON.stringify(fields.metadata), now],
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyExists('key', `A feature with key '${fields.key}' already exists.`);
    throw error;
  }
  return findFeature(db, projectId, id);
}

/** By id (`feat_…`) or key. */
export async function findFeature(db: Queryable, projectId: string, ref: string): Promise<Feature> {
  const { rows } = await db.query<FeatureRow>(`${SELECT} where f.project_id = $1 and (f.id = $2 or f.key = $2) order by (f.id = $2) desc limit 1`, [
    projectId,
    ref,
  ]);
  if (!rows[0]) throw notFound('feature', ref, 'feature');
  return toFeature(rows[0]);
}

export async function updateFeatureRow(
  db: Queryable,
  projectId: string,
  id: string,
  fields: { name: string; meterId: string | null; metadata: Metadata },
): Promise<Feature> {
  await db.query('update features set name = $3, meter_id = $4, metadata = $5 where project_id = $1 and id = $2', [
    projectId,
    id,
    fields.name,
    fields.meterId,
    JSON.stringify(fields.metadata),
  ]);
  return findFeature(db, projectId, id);
}

export async function listFeatureRows(db: Queryable, projectId: string, limit: number, afterSeq?: number): Promise<Feature[]> {
  const { rows } = await db.query<FeatureRow>(`${SELECT} where f.project_id = $1 and ($2::bigint is null or f.seq < $2) order by f.seq desc limit $3`, [
    projectId,
    afterSeq ?? null,
    limit,
  ]);
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

/** Metered features tied to a meter: feature key → meter id. */
export async function meteredFeatureMeters(db: Queryable, projectId: string): Promise<Map<string, string>> {
  const { rows } = await db.query<{ key: string; meter_id: string }>(
    `select key, meter_id from features where project_id = $1 and type = 'metered' and meter_id is not null`,
    [projectId],
  );
  return new Map(rows.map((row) => [row.key, row.meter_id]));
}
