import { describe, expect, it } from 'vitest';
import { draftInvoice, usageQuantity } from './invoice-lines.js';
import type { StoredPrice } from './prices.js';

const start = new Date('2026-03-01T00:00:00Z');
const end = new Date('2026-04-01T00:00:00Z');
const price = (fields: Partial<StoredPrice>): StoredPrice =>
  ({ key: 'p', meter_id: 'mtr_1', meter_key: 'm', model: 'per_unit', unit_amount: '1', ...fields }) as StoredPrice;

describe('draftInvoice', () => {
  // Each case worked by hand: [what, base fee, trial, usage, line amounts, total].
  const cases: Array<[string, number, boolean, Array<[Partial<StoredPrice>, string]>, string[], string]> = [
    ['the base fee alone', 2_900, false, [], ['2900'], '2900'],
    ['no base fee line in a trial period', 2_900, true, [[{}, '3']], ['3'], '3'],
    ['no zero line for a plan without a base fee', 0, false, [[{}, '3']], ['3'], '3'],
    ['a sub-cent price rounded once per line, half away from zero', 0, false, [[{ unit_amount: '0.0015' }, '1000000']], ['1500'], '1500'],
    ['0.5 of a cent rounds up', 0, false, [[{ unit_amount: '0.5' }, '1']], ['1'], '1'],
    ['two lines rounded apart, then added', 100, false, [[{ key: 'a', unit_amount: '0.4' }, '1'], [{ key: 'b', unit_amount: '0.4' }, '1']], ['100', '0', '0'], '100'],
    ['a minimum applies with no usage', 0, false, [[{ minimum_amount: '500' }, '0']], ['500'], '500'],
    ['a package price counts started packages', 0, false, [[{ model: 'package', package_size: 100, unit_amount: '250' }, '101']], ['500'], '500'],
    [
      'graduated tiers with a fractional quantity',
      2_900,
      false,
      [[{ model: 'graduated', unit_amount: undefined, tiers: [{ up_to: 1_000, unit_amount: '0' }, { up_to: 10_000, unit_amount: '0.5' }, { up_to: null, unit_amount: '0.25' }] }, '12345.5']],
      ['2900', '5086'],
      '7986',
    ],
  ];
  it.each(cases)('%s', (_, basePrice, trial, usage, amounts, total) => {
    const draft = draftInvoice({ planName: 'Pro', basePrice, trial, start, end, usage: usage.map(([fields, quantity]) => ({ price: price(fields), quantity })) });
    expect(draft.lines.map((line) => line.amount)).toEqual(amounts);
    expect(draft.total).toBe(total);
    expect(draft.subtotal).toBe(total);
  });

  it('shows a per-unit rate on the line and tier rates in the breakdown only', () => {
    const draft = draftInvoice({
      planName: 'Pro',
      basePrice: 0,
      trial: false,
      start,
      end,
      usage: [
        { price: price({ key: 'flat_rate', unit_amount: '2' }), quantity: '3' },
        { price: price({ key: 'tiered', model: 'volume', unit_amount: undefined, tiers: [{ up_to: null, unit_amount: '2' }] }), quantity: '3' },
      ],
    });
    expect(draft.lines.map((line) => [line.price_key, line.unit_amount, line.tiers.length])).toEqual([
      ['flat_rate', '2', 1],
      ['tiered', null, 1],
    ]);
  });
});

describe('usageQuantity', () => {
  it.each([
    [null, '0'],
    ['0', '0'],
    ['12345.500', '12345.5'],
    ['-3', '0'],
    ['123456789012345678901234567890', '123456789012345678901234567890'],
  ])('%s → %s', (value, expected) => {
    expect(usageQuantity(value)).toBe(expected);
  });
});
