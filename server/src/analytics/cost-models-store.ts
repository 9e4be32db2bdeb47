// SQL for cost models.
import type { components } from '@nozle/openapi';
import { unixSeconds } from '../clock.js';
import type { Queryable } from '../db/database.js';
import { newId } from '../ids.js';
import type { CostModelTerms } from './margin.js';

export type CostModel = components['schemas']['CostModel'];

interface CostModelRow {
  id: string;
  meter_id: string;
  meter_key: string;
  property: string | null;
  value: string | null;
  unit_cost: string;
  currency: string;
  effective_from: Date;
  effective_to: Date | null;
  created_at: Date;
}

const toCostModel = (row: CostModelRow): CostModel => ({
  id: row.id,
  object: 'cost_model',
  meter: row.meter_key,
  property: row.property,
  value: row.value,
  unit_cost: row.unit_cost,
  currency: row.currency,
  effective_from: unixSeconds(row.effective_from),
  effective_to: row.effective_to ? unixSeconds(row.effective_to) : null,
  created: unixSeconds(row.created_at),
});

const SELECT = `select c.id, c.meter_id, m.key as meter_key, c.property, c.value, c.unit_cost, c.currency, c.effective_from, c.effective_to, c.created_at
  from cost_models c join meters m on m.id = c.meter_id`;

export interface NewCostModel {
  meterId: string;
  property: string | null;
  value: string | null;
  unitCost: string;
  currency: string;
  effectiveFrom: Date;
  effectiveTo: Date | null;
}

/** Why a new model cannot sit beside the meter's others, or null. Call with the meter's row locked. */
export async function costModelConflict(db: Queryable, model: NewCostModel): Promise<{ param: string; message: string } | null> {
  const { rows: other } = await db.query<{ property: string }>(
    'select property from cost_models where meter_id = $1 and property is not null and property is distinct from $2 limit 1',
    [model.meterId, model.property],
  );
  if (model.property !== null && other[0]) {
    return { param: 'property', message: `This meter's cost models are per '${other[0].property}'; one meter's models name one property.` };
  }
  const { rows: overlap } = await db.query<{ id: string }>(
    `select id from cost_models where meter_id = $1 and currency = $2 and property is not distinct from $3 and value is not distinct from $4
       and effective_from < coalesce($6::timestamptz, 'infinity') and $5 < coalesce(effective_to, 'infinity') limit 1`,
    [model.meterId, model.currency, model.property, model.value, model.effectiveFrom, model.effectiveTo],
  );
  if (overlap[0]) return { param: 'effective_from', message: `The cost model ${overlap[0].id} prices the same usage over part of this time.` };
  return null;
}

export async function insertCostModel(db: Queryable, projectId: string, model: NewCostModel, now: Date): Promise<CostModel> {
  const id = newId('cm');
  await db.query(
    `insert into cost_models (id, project_id, meter_id, property, value, unit_cost, currency, effective_from, effective_to, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [id, projectId, model.meterId, model.property, model.value, model.unitCost, model.currency, model.effectiveFrom, model.effectiveTo, now],
  );
  const { rows } = await db.query<CostModelRow>(`${SELECT} where c.id = $1`, [id]);
  return toCostModel(rows[0]!);
}

export async function listCostModelRows(db: Queryable, projectId: string, meterId: string | undefined, limit: number, afterSeq?: number): Promise<CostModel[]> {
  const { rows } = await db.query<CostModelRow>(
    `${SELECT} where c.project_id = $1 and ($2::text is null or c.meter_id = $2) and ($3::bigint is null or c.seq < $3) order by c.seq desc limit $4`,
    [projectId, meterId ?? null, afterSeq ?? null, limit],
  );
  return rows.map(toCostModel);
}

export async function costModelSeq(db: Queryable, projectId: string, id: string): Promise<number | undefined> {
  const { rows } = await db.query<{ seq: number }>('select seq from cost_models where project_id = $1 and id = $2', [projectId, id]);
  return rows[0]?.seq;
}

export async function costModelTerms(db: Queryable, projectId: string, currency: string): Promise<CostModelTerms[]> {
  const { rows } = await db.query<CostModelRow>(`${SELECT} where c.project_id = $1 and c.currency = $2`, [projectId, currency]);
  return rows.map((row) => ({
    meterId: row.meter_id,
    property: row.property,
    value: row.value,
    unitCost: row.unit_cost,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
  }));
}
