// Rating: what one price charges for one period's usage, with every part of the sum shown.
//
// Amounts are decimal strings in the currency's minor unit (cents), so unit prices may be
// fractions of a cent ("0.0015" = $0.000015 per token). Nothing is rounded until the very end,
// and then once, half away from zero (money.ts says why). In order:
//   1. `free_units` come off the usage, never below zero;
//   2. the model prices what is left, part by part, exactly;
//   3. `minimum_amount` / `maximum_amount` clamp that subtotal; the difference is kept as an
//      adjustment so an invoice can show it as its own line (Lago's "true-up fee");
//   4. the clamped amount is rounded to whole minor units.
// A minimum applies even when nothing was used: it is a commitment to spend at least that much
// per period, not a fee on usage (as Lago's charge spending minimum). A price that should cost
// nothing when unused should have no minimum.
import { Exact, formatDecimal, readDecimal, roundMinor, type DecimalInput } from './money.js';

export type { DecimalInput } from './money.js';

export interface PriceTier {
  /** The last unit of the tier, inclusive; null on the last tier, which has no end. */
  up_to: number | null;
  /** Minor units per unit in this tier. */
  unit_amount: string;
  /** Minor units added once for the tier (see the models below for when). */
  flat_amount?: string;
}

/** Options shared by the usage-based models. */
interface UsageOptions {
  /** Units per period that cost nothing; taken off the usage before pricing. */
  free_units?: DecimalInput;
  /** The least the price charges per period, in minor units, even with no usage. */
  minimum_amount?: string;
  /** The most the price charges per period, in minor units. */
  maximum_amount?: string;
}

export type Price =
  /** A fixed `amount` per period, whatever the usage. */
  | { model: 'flat'; amount: string; free_units?: never; minimum_amount?: never; maximum_amount?: never }
  /** `unit_amount` per unit. */
  | (UsageOptions & { model: 'per_unit'; unit_amount: string })
  /**
   * Each tier's units at that tier's rate, like Stripe's graduated tiers; a tier's
   * flat_amount is added when any unit falls in it, so zero usage costs nothing.
   */
  | (UsageOptions & { model: 'graduated'; tiers: PriceTier[] })
  /**
   * Every unit at the rate of the tier the total falls in, plus that tier's flat_amount.
   * Zero usage falls in no tier and costs nothing, the first tier's flat_amount included: a
   * charge for being subscribed at all belongs in minimum_amount or a flat price.
   */
  | (UsageOptions & { model: 'volume'; tiers: PriceTier[] })
  /** `unit_amount` per started package of `package_size` units: 101 units in packages of 100 is 2. */
  | (UsageOptions & { model: 'package'; package_size: number; unit_amount: string });

type PriceModel = Price['model'];

/** One part of a rated amount: `amount` = `quantity` × `unit_amount` + `flat_amount`, exactly. */
export interface RatedPart {
  /** Index into `tiers` for graduated and volume prices; null for the other models. */
  tier: number | null;
  /** Units priced in this part; packages for `package`, 1 (the period) for `flat`. */
  quantity: string;
  unit_amount: string;
  flat_amount: string;
  amount: string;
}

export interface Rating {
  /** The usage as given. */
  quantity: string;
  /** The part of the usage covered by free_units. */
  free_quantity: string;
  /** quantity − free_quantity: what the model priced. */
  billable_quantity: string;
  /** The parts that cost something (or, for flat, per_unit and package, the single part). */
  breakdown: RatedPart[];
  /** The sum of the breakdown, exact. */
  subtotal: string;
  /** What minimum_amount added (positive) or maximum_amount took off (negative). */
  adjustment: { reason: 'minimum' | 'maximum'; amount: string } | null;
  /** subtotal + adjustment, exact and unrounded. */
  exact_amount: string;
  /** exact_amount rounded to whole minor units, as a string so it stays exact above 2^53. */
  amount: string;
}

export interface PriceProblem {
  /** Where the problem is, in the API's notation: `tiers[1][up_to]`. */
  param: string;
  message: string;
}

const MODELS: readonly PriceModel[] = ['flat', 'per_unit', 'graduated', 'volume', 'package'];
const USAGE_OPTIONS = ['free_units', 'minimum_amount', 'maximum_amount'] as const;
const AMOUNT_RULE = 'must be a non-negative decimal string in minor units, such as "1500" or "0.0015"';

// Amounts are strings on purpose: a price is stored and sent as text, and 0.1 as a float
// is not 0.1.
const readAmount = (value: unknown) => (typeof value === 'string' ? readDecimal(value) : null);

/** Everything wrong with a price definition; empty when it can be rated. */
export function validatePrice(price: Price): PriceProblem[] {
  const problems: PriceProblem[] = [];
  const problem = (param: string, message: string) => problems.push({ param, message });
  const amountAt = (param: string, value: unknown) => {
    const amount = readAmount(value);
    if (amount === null) problem(param, AMOUNT_RULE);
    return amount;
  };

  switch (price.model) {
    case 'flat':
      amountAt('amount', price.amount);
      for (const option of USAGE_OPTIONS) {
        if (price[option] !== undefined) problem(option, 'does not apply to a flat price, which does not depend on usage');
      }
      return problems;
    case 'per_unit':
      amountAt('unit_amount', price.unit_amount);
      break;
    case 'package':
      amountAt('unit_amount', price.unit_amount);
      if (!Number.isSafeInteger(price.package_size) || price.package_size < 1) {
        problem('package_size', 'must be a whole number of units, at least 1');
      }
      break;
    case 'graduated':
    case 'volume':
      checkTiers(price.tiers, problem, amountAt);
      break;
    default:
      problem('model', `must be one of ${MODELS.join(', ')}`);
      return problems;
  }

  if (price.free_units !== undefined && readDecimal(price.free_units) === null) {
    problem('free_units', 'must be a non-negative number of units, as a decimal string or a number');
  }
  const minimum = price.minimum_amount === undefined ? null : amountAt('minimum_amount', price.minimum_amount);
  const maximum = price.maximum_amount === undefined ? null : amountAt('maximum_amount', price.maximum_amount);
  if (minimum !== null && maximum !== null && maximum.lt(minimum)) {
    problem('maximum_amount', 'must not be less than minimum_amount');
  }
  return problems;
}

function checkTiers(tiers: PriceTier[], problem: (param: string, message: string) => void, amountAt: (param: string, value: unknown) => unknown): void {
  if (!Array.isArray(tiers) || tiers.length === 0) {
    problem('tiers', 'needs at least one tier');
    return;
  }
  let previous: Exact | null = null;
  tiers.forEach((tier, index) => {
    const at = (field: string) => `tiers[${index}][${field}]`;
    const last = index === tiers.length - 1;
    if (tier.up_to === null) {
      if (!last) problem(at('up_to'), 'may be null only on the last tier');
    } else {
      const upTo = typeof tier.up_to === 'number' ? readDecimal(tier.up_to) : null;
      if (upTo === null || upTo.isZero()) {
        problem(at('up_to'), 'must be a positive number of units up to 2^53, or null on the last tier');
      } else {
        if (previous !== null && upTo.lte(previous)) {
          problem(at('up_to'), `must be greater than the previous tier's up_to (${formatDecimal(previous)})`);
        }
        // Without an unbounded last tier, usage above the last bound would have no price.
        if (last) problem(at('up_to'), 'must be null on the last tier, so that every quantity has a price');
        previous = upTo;
      }
    }
    amountAt(at('unit_amount'), tier.unit_amount);
    if (tier.flat_amount !== undefined) amountAt(at('flat_amount'), tier.flat_amount);
  });
}

/**
 * Rates `quantity` units of usage in one period against `price`. Throws a RangeError for a
 * price with problems (see validatePrice) or a quantity that is not a non-negative decimal.
 */
export function rate(price: Price, quantity: DecimalInput): Rating {
  const [first] = validatePrice(price);
  if (first) throw new RangeError(`Invalid price: ${first.param} ${first.message}`);
  const used = readDecimal(quantity);
  if (used === null) {
    throw new RangeError(`The quantity must be a non-negative decimal string, or a number up to 2^53; got ${String(quantity)}`);
  }

  const allowance = price.free_units === undefined ? ZERO : checked(readDecimal(price.free_units));
  const free = Exact.min(used, allowance);
  const billable = used.minus(free);

  const parts = priceParts(price, billable);
  const amounts = parts.map((part) => part.quantity.times(part.unit_amount).plus(part.flat_amount));
  const subtotal = amounts.reduce((sum, amount) => sum.plus(amount), ZERO);

  let total = subtotal;
  let adjustment: Rating['adjustment'] = null;
  const minimum = price.minimum_amount === undefined ? null : checked(readAmount(price.minimum_amount));
  const maximum = price.maximum_amount === undefined ? null : checked(readAmount(price.maximum_amount));
  if (minimum !== null && total.lt(minimum)) {
    adjustment = { reason: 'minimum', amount: formatDecimal(minimum.minus(total)) };
    total = minimum;
  } else if (maximum !== null && total.gt(maximum)) {
    adjustment = { reason: 'maximum', amount: formatDecimal(maximum.minus(total)) };
    total = maximum;
  }

  return {
    quantity: formatDecimal(used),
    free_quantity: formatDecimal(free),
    billable_quantity: formatDecimal(billable),
    breakdown: parts.map((part, index) => ({
      tier: part.tier,
      quantity: formatDecimal(part.quantity),
      unit_amount: formatDecimal(part.unit_amount),
      flat_amount: formatDecimal(part.flat_amount),
      amount: formatDecimal(checked(amounts[index])),
    })),
    subtotal: formatDecimal(subtotal),
    adjustment,
    exact_amount: formatDecimal(total),
    amount: formatDecimal(roundMinor(total)),
  };
}

interface Part {
  tier: number | null;
  quantity: Exact;
  unit_amount: Exact;
  flat_amount: Exact;
}

const ZERO = new Exact(0);
const ONE = new Exact(1);

/** For values validatePrice has already vouched for. */
function checked<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('rating: a validated value failed to read');
  return value;
}

const amountOf = (value: string | undefined) => (value === undefined ? ZERO : checked(readAmount(value)));

function priceParts(price: Price, billable: Exact): Part[] {
  switch (price.model) {
    case 'flat':
      return [{ tier: null, quantity: ONE, unit_amount: amountOf(price.amount), flat_amount: ZERO }];
    case 'per_unit':
      return [{ tier: null, quantity: billable, unit_amount: amountOf(price.unit_amount), flat_amount: ZERO }];
    case 'package': {
      // divToInt and a remainder rather than div().ceil(): exact for any quantity.
      const size = new Exact(price.package_size);
      const whole = billable.divToInt(size);
      const packages = whole.times(size).eq(billable) ? whole : whole.plus(1);
      return [{ tier: null, quantity: packages, unit_amount: amountOf(price.unit_amount), flat_amount: ZERO }];
    }
    case 'graduated':
      return graduatedParts(price.tiers, billable);
    case 'volume':
      return volumeParts(price.tiers, billable);
  }
}

function graduatedParts(tiers: PriceTier[], billable: Exact): Part[] {
  const parts: Part[] = [];
  let floor = ZERO; // units already priced by earlier tiers
  for (const [index, tier] of tiers.entries()) {
    if (billable.lte(floor)) break;
    const ceiling = tier.up_to === null ? billable : Exact.min(billable, tier.up_to);
    parts.push({
      tier: index,
      quantity: ceiling.minus(floor),
      unit_amount: amountOf(tier.unit_amount),
      flat_amount: amountOf(tier.flat_amount),
    });
    if (tier.up_to === null) break;
    floor = new Exact(tier.up_to);
  }
  return parts;
}

function volumeParts(tiers: PriceTier[], billable: Exact): Part[] {
  if (billable.isZero()) return [];
  // up_to is inclusive: exactly 1000 units is in the tier that goes up to 1000.
  const index = tiers.findIndex((tier) => tier.up_to === null || billable.lte(tier.up_to));
  const tier = checked(tiers[index]);
  return [{ tier: index, quantity: billable, unit_amount: amountOf(tier.unit_amount), flat_amount: amountOf(tier.flat_amount) }];
}
