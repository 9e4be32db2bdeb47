// SQL for tax rates. Every statement is scoped by project: another project's rate does not exist.
import type { components } from '@nozle/openapi';
import { unixSeconds } from '../clock.js';
import type { Queryable } from '../db/database.js';
import { notFound } from '../http/errors.js';
import { newId } from '../ids.js';

export type TaxRate = components['schemas']['TaxRate'];

interface TaxRateRow {
  id: string;
  display_name: string;
  description: string | null;
  percentage: string;
  inclusive: boolean;
  country: string | null;
  state: string | null;
  jurisdiction: string | null;
  active: boolean;
  created_at: Date;
}

const COLUMNS = 'id, display_name, description, percentage::text as percentage, inclusive, country, state, jurisdiction, active, created_at';

const toTaxRate = (row: TaxRateRow): TaxRate => ({
  id: row.id,
  object: 'tax_rate',
  display_name: row.display_name,
  description: row.description,
  // numeric(7, 4) → at most 7 significant digits: exact as a JS number.
  percentage: Number(row.percentage),
  inclusive: row.inclusive,
  country: row.country,
  state: row.state,
  jurisdiction: row.jurisdiction,
  active: row.active,
  created: unixSeconds(row.created_at),
});

export type NewTaxRate = Omit<TaxRate, 'id' | 'object' | 'created' | 'percentage'> & { percentage: string };

export async function insertTaxRate(db: Queryable, projectId: string, fields: NewTaxRate, now: Date): Promise<TaxRate> {
  const { rows } = await db.query<TaxRateRow>(
    `insert into tax_rates (id, project_id, display_name, description, percentage, inclusive, country, state, jurisdiction, active, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning ${COLUMNS}`,
    [
      newId('txr'),
      projectId,
      fields.display_name,
      fields.description,
      fields.percentage,
      fields.inclusive,
      fields.country,
      fields.state,
      fields.jurisdiction,
      fields.active,
      now,
    ],
  );
  return toTaxRate(rows[0]!);
}

export async function findTaxRate(db: Queryable, projectId: string, id: string, param = 'tax_rate'): Promise<TaxRate> {
  const { rows } = await db.query<TaxRateRow>(`select ${COLUMNS} from tax_rates where project_id = $1 and id = $2`, [projectId, id]);
  if (!rows[0]) throw notFound('tax rate', id, param);
  return toTaxRate(rows[0]);
}

/** The project's rates among `ids` (those it has), in no particular order. */
export async function taxRatesByIds(db: Queryable, projectId: string, ids: readonly string[]): Promise<TaxRate[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<TaxRateRow>(`select ${COLUMNS} from tax_rates where project_id = $1 and id = any($2)`, [projectId, [...ids]]);
  return rows.map(toTaxRate);
}

/** The project's active rates for `country` (any state): the candidates an address is matched against. */
export async function activeTaxRatesIn(db: Queryable, projectId: string, country: string): Promise<TaxRate[]> {
  const { rows } = await db.query<TaxRateRow>(`select ${COLUMNS} from tax_rates where project_id = $1 and active and country = $2 order by seq`, [
    projectId,
    country.toUpperCase(),
  ]);
  return rows.map(toTaxRate);
}

export async function updateTaxRateRow(
  db: Queryable,
  projectId: string,
  id: string,
  fields: Pick<TaxRate, 'display_name' | 'description' | 'active'>,
): Promise<TaxRate> {
  const { rows } = await db.query<TaxRateRow>(
    `update tax_rates set display_name = $3, description = $4, active = $5 where project_id = $1 and id = $2 returning ${COLUMNS}`,
    [projectId, id, fields.display_name, fields.description, fields.active],
  );
  if (!rows[0]) throw notFound('tax rate', id, 'tax_rate');
  return toTaxRate(rows[0]);
}

export async function listTaxRateRows(db: Queryable, projectId: string, active: boolean | undefined, limit: number, afterSeq?: number): Promise<TaxRate[]> {
  const { rows } = await db.query<TaxRateRow>(
    `select ${COLUMNS} from tax_rates where project_id = $1 and ($2::boolean is null or active = $2) and ($3::bigint is null or seq < $3)
     order by seq desc limit $4`,
    [projectId, active ?? null, afterSeq ?? null, limit],
  );
  return rows.map(toTaxRate);
}

export async function taxRateSeq(db: Queryable, projectId: string, id: string): Promise<number | undefined> {
  const { rows } = await db.query<{ seq: number }>('select seq from tax_rates where project_id = $1 and id = $2', [projectId, id]);
  return rows[0]?.seq;
}
