// SQL for meters.
import { unixSeconds } from '../clock.js';
import { isUniqueViolation, type Queryable } from '../db/database.js';
import { alreadyExists, notFound } from '../http/errors.js';
import { newId } from '../ids.js';

export type Aggregation = 'count' | 'sum' | 'max' | 'unique_count' | 'latest';
type FilterValue = string | number | boolean;
type MeterFilters = Record<string, FilterValue | FilterValue[]>;

export interface Meter {
  id: string;
  object: 'meter';
  key: string;
  name: string;
  event_name: string;
  aggregation: Aggregation;
  property: string | null;
  filters: MeterFilters;
  /** Whether events may carry a negative value for `property`. */
  allow_negative: boolean;
  created: number;
}

interface MeterRow {
  id: string;
  key: string;
  name: string;
  event_name: string;
  aggregation: Aggregation;
  property: string | null;
  filters: MeterFilters;
  allow_negative: boolean;
  created_at: Date;
}

const COLUMNS = 'id, key, name, event_name, aggregation, property, filters, allow_negative, created_at';

const toMeter = (row: MeterRow): Meter => ({
  id: row.id,
  object: 'meter',
  key: row.key,
  name: row.name,
  event_name: row.event_name,
  aggregation: row.aggregation,
  property: row.property,
  filters: row.filters,
  allow_negative: row.allow_negative,
  created: unixSeconds(row.created_at),
});

export async function insertMeter(
  db: Queryable,
  projectId: string,
  fields: Omit<Meter, 'id' | 'object' | 'created' | 'allow_negative'> & { allow_negative?: boolean },
  now: Date,
): Promise<Meter> {
  try {
    const { rows } = await db.query<MeterRow>(
      `insert into meters (id, project_id, key, name, event_name, aggregation, property, filters, allow_negative, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning ${COLUMNS}`,
      [
        newId('mtr'),
        projectId,
        fields.key,
        fields.name,
        fields.event_name,
        fields.aggregation,
        fields.property,
        JSON.stringify(fields.filters),
        fields.allow_negative ?? false,
        now,
      ],
    );
    return toMeter(rows[0]!);
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyExists('key', `A meter with key '${fields.key}' already exists.`);
    throw error;
  }
}

/** By id or key. */
export async function findMeter(db: Queryable, projectId: string, ref: string, param = 'meter'): Promise<Meter> {
  const { rows } = await db.query<MeterRow>(`select ${COLUMNS} from meters where project_id = $1 and (id = $2 or key = $2) order by (id = $2) desc limit 1`, [
    projectId,
    ref,
  ]);
  if (!rows[0]) throw notFound('meter', ref, param);
  return toMeter(rows[0]);
}

export async function metersForEvents(db: Queryable, projectId: string, eventNames: string[]): Promise<Meter[]> {
  const { rows } = await db.query<MeterRow>(`select ${COLUMNS} from meters where project_id = $1 and event_name = any($2) order by id`, [
    projectId,
    eventNames,
  ]);
  return rows.map(toMeter);
}

export async function listMeterRows(db: Queryable, projectId: string, limit: number, afterSeq?: number): Promise<Meter[]> {
  const { rows } = await db.query<MeterRow>(
    `select ${COLUMNS} from meters where project_id = $1 and ($2::bigint is null or seq < $2) order by seq desc limit $3`,
    [projectId, afterSeq ?? null, limit],
  );
  return rows.map(toMeter);
}

export async function meterSeq(db: Queryable, projectId: string, id: string): Promise<number | undefined> {
  const { rows } = await db.query<{ seq: number }>('select seq from meters where project_id = $1 and id = $2', [projectId, id]);
  return rows[0]?.seq;
}

/** Locks the meter's row for the rest of the transaction: changes that depend on the meter take turns. */
export async function lockMeter(db: Queryable, meterId: string): Promise<void> {
  await db.query('select id from meters where id = $1 for update', [meterId]);
}
