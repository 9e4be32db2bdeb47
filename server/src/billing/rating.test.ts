import DecimalJs from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { rate, validatePrice, type DecimalInput, type Price, type PriceTier, type Rating } from './rating.js';

// All amounts are in cents. The tiers used by both tiered models:
//   units 1–5:   500¢ each, plus 100¢ once
//   units 6–10:  400¢ each
//   units 11+:   300¢ each, plus 50¢ once
const TIERS: PriceTier[] = [
  { up_to: 5, unit_amount: '500', flat_amount: '100' },
  { up_to: 10, unit_amount: '400' },
  { up_to: null, unit_amount: '300', flat_amount: '50' },
];
const graduated: Price = { model: 'graduated', tiers: TIERS };
const volume: Price = { model: 'volume', tiers: TIERS };
/** $0.000015 per token is 0.0015¢. */
const perToken: Price = { model: 'per_unit', unit_amount: '0.0015' };
const halfCent: Price = { model: 'per_unit', unit_amount: '0.5' };
const per100: Price = { model: 'package', package_size: 100, unit_amount: '500' };
const flat: Price = { model: 'flat', amount: '4900' };
// The default Decimal keeps 20 significant digits, too few to add up the 10^22 case.
const Decimal = DecimalJs.clone({ precision: 200 });
const tenCents = (options: Omit<Extract<Price, { model: 'per_unit' }>, 'model' | 'unit_amount'>): Price => ({
  model: 'per_unit',
  unit_amount: '10',
  ...options,
});

type Part = [tier: number | null, quantity: string, unit_amount: string, flat_amount: string, amount: string];

interface RatingCase {
  name: string;
  price: Price;
  quantity: DecimalInput;
  /** exact_amount */
  exact: string;
  /** amount, rounded */
  amount: string;
  breakdown?: Part[];
  free?: string;
  adjustment?: Rating['adjustment'];
}

const cases: RatingCase[] = [
  // flat
  {
    name: 'a flat price charges its amount with no usage',
    price: flat,
    quantity: 0,
    exact: '4900',
    amount: '4900',
    breakdown: [[null, '1', '4900', '0', '4900']],
  },
  { name: 'a flat price charges the same whatever the usage', price: flat, quantity: '1000000', exact: '4900', amount: '4900' },

  // per_unit
  {
    name: 'a per-unit price charges nothing for zero usage',
    price: perToken,
    quantity: 0,
    exact: '0',
    amount: '0',
    breakdown: [[null, '0', '0.0015', '0', '0']],
  },
  {
    // 1,234,567 × 15 = 18,518,505, so × 0.0015 = 1851.8505¢ → 1852¢
    name: 'a sub-cent unit price is exact: 1,234,567 tokens at $0.000015',
    price: perToken,
    quantity: 1_234_567,
    exact: '1851.8505',
    amount: '1852',
    breakdown: [[null, '1234567', '0.0015', '0', '1851.8505']],
  },
  // 10^15 × 0.0015 = 1.5 × 10^12 ¢ = $15 billion
  { name: '10^15 tokens at $0.000015 cost exactly $15 billion', price: perToken, quantity: 1e15, exact: '1500000000000', amount: '1500000000000' },
  {
    // 123456789012345678901 × 15 = 1851851835185185183515, × 10^-4 → …518.3515 → …518
    name: 'a quantity beyond 2^53 given as a string is priced exactly',
    price: perToken,
    quantity: '123456789012345678901',
    exact: '185185183518518518.3515',
    amount: '185185183518518518',
  },
  // 12.75 × 1.2 = 15.3¢ → 15¢
  {
    name: 'fractional usage is priced exactly: 12.75 GB-hours at 1.2¢',
    price: { model: 'per_unit', unit_amount: '1.2' },
    quantity: '12.75',
    exact: '15.3',
    amount: '15',
  },

  // rounding: half away from zero, once, at the end
  { name: 'half a cent rounds up to a cent', price: halfCent, quantity: 1, exact: '0.5', amount: '1' },
  { name: '1.5¢ rounds up to 2¢', price: halfCent, quantity: 3, exact: '1.5', amount: '2' },
  { name: '2.5¢ rounds up to 3¢, not to the even 2¢', price: halfCent, quantity: 5, exact: '2.5', amount: '3' },
  // 100 × 0.0049999 = 0.49999¢ → 0¢
  { name: 'just under half a cent rounds down', price: { model: 'per_unit', unit_amount: '0.0049999' }, quantity: 100, exact: '0.49999', amount: '0' },
  {
    // 2^54 + 1 = 18014398509481985; × 0.5 = 9007199254740992.5 → 9007199254740993, which no double can hold
    name: 'a half above 2^53 rounds up exactly',
    price: halfCent,
    quantity: '18014398509481985',
    exact: '9007199254740992.5',
    amount: '9007199254740993',
  },

  // graduated
  { name: 'a graduated price charges nothing for zero usage, not even a flat amount', price: graduated, quantity: 0, exact: '0', amount: '0', breakdown: [] },
  // 5 × 500 + 100 = 2600
  {
    name: 'graduated: usage exactly at the first up_to stays in the first tier',
    price: graduated,
    quantity: 5,
    exact: '2600',
    amount: '2600',
    breakdown: [[0, '5', '500', '100', '2600']],
  },
  {
    // 2600 + 1 × 400 = 3000
    name: 'graduated: one unit above the first up_to is priced at the second tier',
    price: graduated,
    quantity: 6,
    exact: '3000',
    amount: '3000',
    breakdown: [
      [0, '5', '500', '100', '2600'],
      [1, '1', '400', '0', '400'],
    ],
  },
  // 2600 + 5 × 400 = 4600
  { name: 'graduated: usage exactly at the second up_to fills the second tier', price: graduated, quantity: 10, exact: '4600', amount: '4600' },
  {
    // 2600 + 2000 + (1 × 300 + 50) = 4950
    name: "graduated: one unit into the last tier adds that tier's flat amount once",
    price: graduated,
    quantity: 11,
    exact: '4950',
    amount: '4950',
    breakdown: [
      [0, '5', '500', '100', '2600'],
      [1, '5', '400', '0', '2000'],
      [2, '1', '300', '50', '350'],
    ],
  },
  // 2.5 × 500 + 100 = 1350
  {
    name: 'graduated: a fractional quantity is priced in its tier',
    price: graduated,
    quantity: '2.5',
    exact: '1350',
    amount: '1350',
    breakdown: [[0, '2.5', '500', '100', '1350']],
  },
  {
    // 2600 + 2000 + (10^22 − 10) × 300 + 50 = 3 × 10^24 − 3000 + 4650
    name: 'graduated: 10^22 units are priced exactly',
    price: graduated,
    quantity: '10000000000000000000000',
    exact: '3000000000000000000001650',
    amount: '3000000000000000000001650',
    breakdown: [
      [0, '5', '500', '100', '2600'],
      [1, '5', '400', '0', '2000'],
      [2, '9999999999999999999990', '300', '50', '2999999999999999999997050'],
    ],
  },

  // volume
  { name: 'a volume price charges nothing for zero usage, not even the first flat amount', price: volume, quantity: 0, exact: '0', amount: '0', breakdown: [] },
  // 5 × 500 + 100 = 2600
  {
    name: 'volume: usage exactly at an up_to is priced in that tier',
    price: volume,
    quantity: 5,
    exact: '2600',
    amount: '2600',
    breakdown: [[0, '5', '500', '100', '2600']],
  },
  // 6 × 400 = 2400: cheaper than 5 units, the cliff of volume pricing
  {
    name: 'volume: one unit above an up_to prices every unit at the next tier',
    price: volume,
    quantity: 6,
    exact: '2400',
    amount: '2400',
    breakdown: [[1, '6', '400', '0', '2400']],
  },
  // 10 × 400 = 4000
  { name: 'volume: usage exactly at the second up_to is priced in the second tier', price: volume, quantity: 10, exact: '4000', amount: '4000' },
  // 11 × 300 + 50 = 3350
  {
    name: 'volume: the last tier adds its flat amount',
    price: volume,
    quantity: 11,
    exact: '3350',
    amount: '3350',
    breakdown: [[2, '11', '300', '50', '3350']],
  },
  // 5.000001 × 400 = 2000.0004 → 2000
  {
    name: 'volume: a fraction above an up_to moves the whole quantity up a tier',
    price: volume,
    quantity: '5.000001',
    exact: '2000.0004',
    amount: '2000',
    breakdown: [[1, '5.000001', '400', '0', '2000.0004']],
  },

  // package
  { name: 'a package price charges nothing for zero usage', price: per100, quantity: 0, exact: '0', amount: '0', breakdown: [[null, '0', '500', '0', '0']] },
  {
    name: 'package: a single unit is billed as a whole package',
    price: per100,
    quantity: 1,
    exact: '500',
    amount: '500',
    breakdown: [[null, '1', '500', '0', '500']],
  },
  { name: 'package: exactly one package is one package', price: per100, quantity: 100, exact: '500', amount: '500' },
  {
    name: 'package: one unit over starts a second package',
    price: per100,
    quantity: 101,
    exact: '1000',
    amount: '1000',
    breakdown: [[null, '2', '500', '0', '1000']],
  },
  // 250.5 / 100 = 2.505 → 3 packages × 500
  { name: 'package: a fractional quantity rounds up to whole packages', price: per100, quantity: '250.5', exact: '1500', amount: '1500' },
  {
    // (2^53 + 1) / 2 = 4503599627370496.5 → 4503599627370497 packages × 1¢
    name: 'package: packages beyond 2^53 are counted exactly',
    price: { model: 'package', package_size: 2, unit_amount: '1' },
    quantity: '9007199254740993',
    exact: '4503599627370497',
    amount: '4503599627370497',
  },

  // free_units
  { name: 'a free allowance larger than the usage makes it free', price: tenCents({ free_units: 100 }), quantity: 60, free: '60', exact: '0', amount: '0' },
  { name: 'a free allowance equal to the usage makes it free', price: tenCents({ free_units: 100 }), quantity: 100, free: '100', exact: '0', amount: '0' },
  // (130 − 100) × 10 = 300
  {
    name: 'a free allowance smaller than the usage leaves the rest billable',
    price: tenCents({ free_units: '100' }),
    quantity: 130,
    free: '100',
    exact: '300',
    amount: '300',
  },
  // 8 − 3 = 5 units, exactly the first tier: 5 × 500 + 100 = 2600
  { name: 'free units come off before the tiers are applied', price: { ...graduated, free_units: 3 }, quantity: 8, free: '3', exact: '2600', amount: '2600' },
  // 151 − 50 = 101 units → 2 packages
  { name: 'free units come off before packages are counted', price: { ...per100, free_units: 50 }, quantity: 151, free: '50', exact: '1000', amount: '1000' },
  // (2.25 − 0.5) × 10 = 17.5 → 18
  {
    name: 'a fractional free allowance is subtracted exactly',
    price: tenCents({ free_units: '0.5' }),
    quantity: '2.25',
    free: '0.5',
    exact: '17.5',
    amount: '18',
  },

  // minimum_amount and maximum_amount
  {
    name: 'a minimum applies even with no usage',
    price: tenCents({ minimum_amount: '1000', maximum_amount: '5000' }),
    quantity: 0,
    exact: '1000',
    amount: '1000',
    adjustment: { reason: 'minimum', amount: '1000' },
  },
  {
    // 50 × 10 = 500, raised to 1000
    name: 'usage below the minimum is raised to it',
    price: tenCents({ minimum_amount: '1000', maximum_amount: '5000' }),
    quantity: 50,
    exact: '1000',
    amount: '1000',
    adjustment: { reason: 'minimum', amount: '500' },
  },
  {
    name: 'usage exactly at the minimum needs no adjustment',
    price: tenCents({ minimum_amount: '1000', maximum_amount: '5000' }),
    quantity: 100,
    exact: '1000',
    amount: '1000',
  },
  {
    name: 'usage exactly at the maximum needs no adjustment',
    price: tenCents({ minimum_amount: '1000', maximum_amount: '5000' }),
    quantity: 500,
    exact: '5000',
    amount: '5000',
  },
  {
    // 600 × 10 = 6000, capped at 5000
    name: 'usage above the maximum is capped',
    price: tenCents({ minimum_amount: '1000', maximum_amount: '5000' }),
    quantity: 600,
    exact: '5000',
    amount: '5000',
    adjustment: { reason: 'maximum', amount: '-1000' },
  },
  {
    // (150 − 100) × 10 = 500: the allowance is applied first, then the minimum raises it to 1000
    name: 'the minimum is checked after the free allowance',
    price: tenCents({ free_units: 100, minimum_amount: '1000' }),
    quantity: 150,
    free: '100',
    exact: '1000',
    amount: '1000',
    adjustment: { reason: 'minimum', amount: '500' },
  },
  {
    // 1851.8505 capped at 1000: the adjustment keeps the sub-cent part so the lines add up
    name: 'a cap on a sub-cent subtotal takes off the exact difference',
    price: { ...perToken, maximum_amount: '1000' },
    quantity: 1_234_567,
    exact: '1000',
    amount: '1000',
    adjustment: { reason: 'maximum', amount: '-851.8505' },
  },
  {
    name: 'a volume price with no usage is charged its minimum',
    price: { ...volume, minimum_amount: '2000' },
    quantity: 0,
    exact: '2000',
    amount: '2000',
    breakdown: [],
    adjustment: { reason: 'minimum', amount: '2000' },
  },
];

describe('rate', () => {
  it.each(cases)('$name', ({ price, quantity, exact, amount, breakdown, free, adjustment = null }) => {
    const rating = rate(price, quantity);
    expect(rating.exact_amount).toBe(exact);
    expect(rating.amount).toBe(amount);
    expect(rating.adjustment).toEqual(adjustment);
    if (breakdown) {
      expect(rating.breakdown).toEqual(breakdown.map(([tier, q, unit_amount, flat_amount, a]) => ({ tier, quantity: q, unit_amount, flat_amount, amount: a })));
    }
    if (free !== undefined) expect(rating.free_quantity).toBe(free);
  });

  // Added up independently of the code under test: an invoice built from the breakdown and the
  // adjustment must add up to the line, cent for cent.
  it.each(cases)('$name: the breakdown and adjustment add up to the exact amount', ({ price, quantity }) => {
    const rating = rate(price, quantity);
    const parts = rating.breakdown.reduce((sum, part) => sum.plus(part.amount), new Decimal(0));
    expect(parts.toFixed()).toBe(new Decimal(rating.subtotal).toFixed());
    const withAdjustment = parts.plus(rating.adjustment?.amount ?? 0);
    expect(withAdjustment.eq(rating.exact_amount)).toBe(true);
    expect(new Decimal(rating.free_quantity).plus(rating.billable_quantity).eq(rating.quantity)).toBe(true);
  });

  it('reports the usage, the free part and the billable part', () => {
    expect(rate(tenCents({ free_units: 100 }), '130.5')).toMatchObject({ quantity: '130.5', free_quantity: '100', billable_quantity: '30.5' });
  });

  it.each<[string, DecimalInput]>([
    ['a negative number', -1],
    ['a negative string', '-1'],
    ['exponent notation', '1e3'],
    ['hex', '0x10'],
    ['padding', ' 1'],
    ['an empty string', ''],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a number above 2^53, whose digits may already be lost', 2 ** 53 + 2],
  ])('refuses a quantity given as %s', (_, quantity) => {
    expect(() => rate(perToken, quantity)).toThrow(RangeError);
  });

  it('refuses to rate a price that does not validate, naming the field', () => {
    expect(() => rate({ model: 'package', package_size: 0, unit_amount: '1' }, 1)).toThrow(/package_size/);
  });
});

interface ProblemCase {
  name: string;
  price: unknown;
  params: string[];
}

const tier = (up_to: unknown, unit_amount: unknown = '1', flat_amount?: unknown) =>
  flat_amount === undefined ? { up_to, unit_amount } : { up_to, unit_amount, flat_amount };

const problemCases: ProblemCase[] = [
  { name: 'a model it does not know', price: { model: 'tiered', unit_amount: '1' }, params: ['model'] },
  { name: 'a flat amount that is not a decimal string', price: { model: 'flat', amount: '' }, params: ['amount'] },
  {
    name: 'usage options on a flat price',
    price: { model: 'flat', amount: '100', free_units: 5, minimum_amount: '1' },
    params: ['free_units', 'minimum_amount'],
  },
  { name: 'a unit amount in exponent notation', price: { model: 'per_unit', unit_amount: '1e3' }, params: ['unit_amount'] },
  { name: 'a unit amount given as a number', price: { model: 'per_unit', unit_amount: 5 }, params: ['unit_amount'] },
  { name: 'a negative unit amount', price: { model: 'per_unit', unit_amount: '-0.5' }, params: ['unit_amount'] },
  { name: 'a package size of 0', price: { model: 'package', package_size: 0, unit_amount: '1' }, params: ['package_size'] },
  { name: 'a fractional package size', price: { model: 'package', package_size: 1.5, unit_amount: '1' }, params: ['package_size'] },
  { name: 'a package without a unit amount', price: { model: 'package', package_size: 10 }, params: ['unit_amount'] },
  { name: 'no tiers', price: { model: 'graduated', tiers: [] }, params: ['tiers'] },
  { name: 'tiers whose up_to repeats', price: { model: 'volume', tiers: [tier(5), tier(5), tier(null)] }, params: ['tiers[1][up_to]'] },
  { name: 'tiers out of order', price: { model: 'graduated', tiers: [tier(10), tier(5), tier(null)] }, params: ['tiers[1][up_to]'] },
  { name: 'a null up_to before the last tier', price: { model: 'graduated', tiers: [tier(null), tier(10)] }, params: ['tiers[0][up_to]', 'tiers[1][up_to]'] },
  { name: 'a last tier with a bound', price: { model: 'volume', tiers: [tier(5), tier(10)] }, params: ['tiers[1][up_to]'] },
  { name: 'an up_to of 0', price: { model: 'graduated', tiers: [tier(0), tier(null)] }, params: ['tiers[0][up_to]'] },
  { name: 'an infinite up_to', price: { model: 'graduated', tiers: [tier(Number.POSITIVE_INFINITY), tier(null)] }, params: ['tiers[0][up_to]'] },
  { name: 'an up_to given as a string', price: { model: 'graduated', tiers: [tier('5'), tier(null)] }, params: ['tiers[0][up_to]'] },
  { name: 'a negative tier unit amount', price: { model: 'graduated', tiers: [tier(5, '-1'), tier(null)] }, params: ['tiers[0][unit_amount]'] },
  { name: 'a tier flat amount that is not a number', price: { model: 'volume', tiers: [tier(5), tier(null, '1', 'abc')] }, params: ['tiers[1][flat_amount]'] },
  { name: 'negative free units', price: { model: 'per_unit', unit_amount: '1', free_units: '-1' }, params: ['free_units'] },
  { name: 'a negative minimum', price: { model: 'per_unit', unit_amount: '1', minimum_amount: '-5' }, params: ['minimum_amount'] },
  {
    name: 'a maximum below the minimum',
    price: { model: 'per_unit', unit_amount: '1', minimum_amount: '500', maximum_amount: '499.99' },
    params: ['maximum_amount'],
  },
  {
    name: 'several problems at once, in the order of the fields',
    price: { model: 'graduated', tiers: [tier(5, '-1'), tier(3, '1', 'x')], free_units: -1, minimum_amount: '10', maximum_amount: '1' },
    params: ['tiers[0][unit_amount]', 'tiers[1][up_to]', 'tiers[1][up_to]', 'tiers[1][flat_amount]', 'free_units', 'maximum_amount'],
  },
];

const validPrices: Array<[string, Price]> = [
  ['a flat price', flat],
  ['a free flat price', { model: 'flat', amount: '0' }],
  ['a sub-cent per-unit price', perToken],
  ['graduated tiers', graduated],
  ['volume tiers', volume],
  ['a single unbounded tier', { model: 'volume', tiers: [{ up_to: null, unit_amount: '2' }] }],
  ['fractional tier bounds', { model: 'graduated', tiers: [tier(0.5), tier(1.5), tier(null)] as PriceTier[] }],
  ['a package price', per100],
  ['equal minimum and maximum', tenCents({ free_units: '0.5', minimum_amount: '100', maximum_amount: '100' })],
];

describe('validatePrice', () => {
  it.each(validPrices)('accepts %s', (_, price) => {
    expect(validatePrice(price)).toEqual([]);
  });

  it.each(problemCases)('finds $name', ({ price, params }) => {
    expect(validatePrice(price as Price).map((problem) => problem.param)).toEqual(params);
  });

  it('says what is wrong in words a caller can act on', () => {
    expect(validatePrice({ model: 'graduated', tiers: [tier(10), tier(5), tier(null)] as PriceTier[] })).toEqual([
      { param: 'tiers[1][up_to]', message: "must be greater than the previous tier's up_to (10)" },
    ]);
  });
});
