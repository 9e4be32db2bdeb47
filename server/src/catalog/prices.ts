// Usage prices on a plan version: checked against the catalog and billing's rating rule when a
// plan is written, and stored with their meter resolved (billing rates them, billing/prices.ts).
import type { components } from '@nozle/openapi';
import type { Queryable } from '../db/database.js';
import { ApiError, invalidParam } from '../http/errors.js';
import { findMeter } from './meters-store.js';

type PriceParams = components['schemas']['PriceParams'];
export type ApiPrice = components['schemas']['Price'];
type UsageModel = PriceParams['model'];

/** A tier of a graduated or volume price, as the API takes it. */
interface StoredTier {
  up_to: number | null;
  unit_amount: string;
  flat_amount?: string;
}

/** What is wrong with a price, where: `tiers[1][up_to]` (the rating rule's notation). */
interface PriceProblem {
  param: string;
  message: string;
}

/** Billing's rating rule on a price definition: everything wrong with it, empty when it can be rated (a port: billing is above the catalog). */
export type PriceCheck = (price: StoredPrice) => PriceProblem[];

/** A price as plan_versions.prices keeps it: the meter by id (for joins) and by key (to show). */
export interface StoredPrice {
  key: string;
  meter_id: string;
  meter_key: string;
  model: UsageModel;
  unit_amount?: string;
  tiers?: StoredTier[];
  package_size?: number;
  free_units?: string;
  minimum_amount?: string;
  maximum_amount?: string;
}

// Which of the optional fields each model reads; any other is refused rather than ignored.
const FIELDS: Record<UsageModel, ReadonlyArray<keyof PriceParams>> = {
  per_unit: ['unit_amount'],
  graduated: ['tiers'],
  volume: ['tiers'],
  package: ['unit_amount', 'package_size'],
};
const COMMON: ReadonlyArray<keyof PriceParams> = ['key', 'meter', 'model', 'free_units', 'minimum_amount', 'maximum_amount'];

/** Checks the prices of a plan being written; throws a 400 naming `prices[i][field]`. */
export async function normalizePrices(db: Queryable, projectId: string, input: PriceParams[], checkPrice: PriceCheck): Promise<StoredPrice[]> {
  const seen = new Set<string>();
  const stored: StoredPrice[] = [];
  for (const [index, price] of input.entries()) {
    // `tiers[1][up_to]` from validatePrice becomes `prices[0][tiers][1][up_to]`.
    const at = (param: string) => {
      const bracket = param.indexOf('[');
      return bracket < 0 ? `prices[${index}][${param}]` : `prices[${index}][${param.slice(0, bracket)}]${param.slice(bracket)}`;
    };
    if (seen.has(price.key)) throw invalidParam(at('key'), `Price '${price.key}' is listed twice.`);
    seen.add(price.key);
    for (const field of Object.keys(price) as Array<keyof PriceParams>) {
      if (!COMMON.includes(field) && !FIELDS[price.model].includes(field)) {
        throw invalidParam(at(field), `'${field}' does not apply to a ${price.model} price.`, 'parameter_unknown');
      }
    }
    for (const field of FIELDS[price.model]) {
      if (price[field] === undefined) throw invalidParam(at(field), `A ${price.model} price needs '${field}'.`, 'parameter_missing');
    }
    const candidate: StoredPrice = {
      key: price.key,
      meter_id: '',
      meter_key: '',
      model: price.model,
      ...(price.unit_amount !== undefined ? { unit_amount: price.unit_amount } : {}),
      ...(price.tiers !== undefined ? { tiers: price.tiers.map((tier) => ({ ...tier })) } : {}),
      ...(price.package_size !== undefined ? { package_size: price.package_size } : {}),
      ...(price.free_units !== undefined ? { free_units: price.free_units } : {}),
      ...(price.minimum_amount !== undefined ? { minimum_amount: price.minimum_amount } : {}),
      ...(price.maximum_amount !== undefined ? { maximum_amount: price.maximum_amount } : {}),
    };
    const [problem] = checkPrice(candidate);
    if (problem) throw invalidParam(at(problem.param), `Price '${price.key}': ${problem.param} ${problem.message}.`);
    const meter = await findMeter(db, projectId, price.meter, at('meter')).catch((error: unknown) => {
      // Like a plan's unknown feature: a bad reference in the body is a 400, not a missing URL.
      if (error instanceof ApiError && error.status === 404) {
        throw invalidParam(at('meter'), `No such meter: '${price.meter}'. Create it first with POST /v1/meters.`, 'resource_missing');
      }
      throw error;
    });
    stored.push({ ...candidate, meter_id: meter.id, meter_key: meter.key });
  }
  return stored;
}

/** A stored price as the API shows it: every field present, `null` where the model has none. */
export const toApiPrice = (price: StoredPrice): ApiPrice => ({
  key: price.key,
  meter: price.meter_key,
  model: price.model,
  unit_amount: price.unit_amount ?? null,
  tiers: price.tiers ?? null,
  package_size: price.package_size ?? null,
  free_units: price.free_units ?? null,
  minimum_amount: price.minimum_amount ?? null,
  maximum_amount: price.maximum_amount ?? null,
});
