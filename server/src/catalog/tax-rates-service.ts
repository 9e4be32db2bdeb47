// What the tax rate routes call. A rate's percentage and inclusive are fixed once created (as
// Stripe's): invoices already made with it must keep meaning what they said.
import type { components } from '@nozle/openapi';
import type { Queryable } from '../db/database.js';
import type { Work } from '../db/work.js';
import { invalidParam } from '../http/errors.js';
import { paginate, type ListEnvelope, type PageRequest } from '../http/pagination.js';
import { findTaxRate, insertTaxRate, listTaxRateRows, taxRateSeq, taxRatesByIds, updateTaxRateRow, type TaxRate } from './tax-rates-store.js';

type TaxRateCreateParams = components['schemas']['TaxRateCreateParams'];
type TaxRateUpdateParams = components['schemas']['TaxRateUpdateParams'];

/**
 * The percentage as an exact decimal string, refused past 4 decimals. A JSON number reaches us
 * as a double; its shortest decimal form ("8.875") is what the caller wrote.
 */
function percentageOf(value: number): string {
  const text = String(value);
  if (!/^\d+(\.\d{1,4})?$/.test(text)) throw invalidParam('percentage', 'percentage takes at most 4 decimals, from 0 to 100 (e.g. 19 or 8.875).');
  return text;
}

export async function createTaxRate(work: Work, projectId: string, params: TaxRateCreateParams): Promise<TaxRate> {
  if (params.state !== undefined && params.country === undefined) throw invalidParam('state', 'A tax rate with a state needs its country.');
  return insertTaxRate(
    work.db,
    projectId,
    {
      display_name: params.display_name,
      description: params.description ?? null,
      percentage: percentageOf(params.percentage),
      inclusive: params.inclusive,
      country: params.country?.toUpperCase() ?? null,
      state: params.state?.trim() ?? null,
      jurisdiction: params.jurisdiction ?? null,
      active: params.active ?? true,
    },
    work.now,
  );
}

/** Sets what `update` names (`description: null` clears it); the rest is kept. */
export async function updateTaxRate(work: Work, projectId: string, id: string, update: TaxRateUpdateParams): Promise<TaxRate> {
  const current = await findTaxRate(work.db, projectId, id);
  return updateTaxRateRow(work.db, projectId, id, {
    display_name: update.display_name ?? current.display_name,
    description: update.description === undefined ? current.description : update.description,
    active: update.active ?? current.active,
  });
}

export function listTaxRates(db: Queryable, projectId: string, page: PageRequest & { active?: boolean }): Promise<ListEnvelope<TaxRate>> {
  return paginate(
    '/v1/tax_rates',
    page,
    'tax rate',
    (id) => taxRateSeq(db, projectId, id),
    (limit, afterSeq) => listTaxRateRows(db, projectId, page.active, limit, afterSeq),
  );
}

/**
 * The ids a subscription names as its `default_tax_rates`, checked: each an active rate of the
 * project (a 400 naming `param` otherwise), without repeats.
 */
export async function checkDefaultTaxRates(db: Queryable, projectId: string, ids: readonly string[], param = 'default_tax_rates'): Promise<string[]> {
  const unique = [...new Set(ids)];
  const found = new Map((await taxRatesByIds(db, projectId, unique)).map((rate) => [rate.id, rate]));
  for (const [index, id] of unique.entries()) {
    const rate = found.get(id);
    if (!rate) throw invalidParam(`${param}[${index}]`, `No such tax rate: '${id}'.`);
    if (!rate.active) throw invalidParam(`${param}[${index}]`, `Tax rate '${id}' is archived (active: false): it cannot be given to a subscription.`);
  }
  return unique;
}
