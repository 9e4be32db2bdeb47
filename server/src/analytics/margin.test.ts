import { describe, expect, it } from 'vitest';
import { Exact } from '../billing/money.js';
import { computeMargin, dayCost, monthlyRecurring, percent, type CostModelTerms, type RollupRow } from './margin.js';

const from = new Date('2026-01-01T00:00:00Z');
const model = (unitCost: string, property: string | null = null, value: string | null = null, effectiveTo: Date | null = null): CostModelTerms => ({
  meterId: 'm',
  property,
  value,
  unitCost,
  effectiveFrom: from,
  effectiveTo,
});
const row = (quantity: string, property = '', value = '', day = '2026-03-01', customerId = 'c'): RollupRow => ({
  customerId,
  meterId: 'm',
  day,
  property,
  value,
  quantity,
});
const costs = (parts: Array<{ value: string | null; cost: Exact }>) => parts.map((p) => [p.value, p.cost.toFixed()]);

describe('dayCost', () => {
  const rows = [row('100'), row('60', 'model', 'big'), row('30', 'model', 'small'), row('80', 'region', 'eu')];
  it.each([
    ['a meter-wide model prices the total', [model('0.5')], undefined, [[null, '50']]],
    [
      'a per-value model prices its usage, the meter-wide one the rest',
      [model('0.5'), model('2', 'model', 'big')],
      undefined,
      [
        ['big', '120'],
        ['small', '15'],
        [null, '5'],
      ],
    ],
    [
      'usage no model prices costs nothing',
      [model('2', 'model', 'big')],
      undefined,
      [
        ['big', '120'],
        ['small', '0'],
        [null, '0'],
      ],
    ],
    [
      'split by another property with meter-wide pricing',
      [model('0.5')],
      'region',
      [
        ['eu', '40'],
        [null, '10'],
      ],
    ],
    ['priced per model, asked per region: not told apart', [model('0.5'), model('2', 'model', 'big')], 'region', [[null, '140']]],
    ['sub-cent costs stay exact', [model('0.0000015')], undefined, [[null, '0.00015']]],
  ] as const)('%s', (_name, models, group, expected) => {
    expect(costs(dayCost(rows, models, group))).toEqual(expected);
  });
});

describe('percent', () => {
  it.each([
    ['1', 3, '33.33'],
    ['2', 3, '66.67'],
    ['1', 8, '12.50'],
    ['0.00005', 1, '0.01'], // 0.005% rounds half away from zero
    ['-0.00005', 1, '-0.01'],
    ['-95', 100, '-95.00'],
  ])('%s of %i is %s%%', (part, whole, expected) => {
    expect(percent(new Exact(part), whole)).toBe(expected);
  });
  it('is null when the whole is zero', () => expect(percent(new Exact(5), 0)).toBeNull());
});

describe('monthlyRecurring', () => {
  it('counts a twelfth of a yearly price and rounds the exact sum once', () => {
    // 1,000 + 1,000 / 12 + 1,000 / 12 = 1,166.67 → 1,167 (rounding each twelfth first would give 1,166).
    expect(
      monthlyRecurring([
        { basePrice: 1_000, interval: 'month' },
        { basePrice: 1_000, interval: 'year' },
        { basePrice: 1_000, interval: 'year' },
      ]),
    ).toBe(1_167);
    expect(monthlyRecurring([])).toBe(0);
  });
});

describe('computeMargin', () => {
  it('uses only the models in effect each day and adds the groups up to the totals', () => {
    const models = [model('1', null, null, new Date('2026-03-02T00:00:00Z')), { ...model('3'), effectiveFrom: new Date('2026-03-02T00:00:00Z') }];
    const result = computeMargin({
      groupBy: 'customer',
      revenue: [{ customerId: 'c', planKey: 'p', meterKey: null, amount: 100 }],
      rollups: [row('10', '', '', '2026-03-01'), row('10', '', '', '2026-03-02'), row('1', '', '', '2026-03-02', 'd')],
      models,
      meterKeys: new Map([['m', 'tokens']]),
    });
    // c: 10 × 1 + 10 × 3 = 40; d: 1 × 3 = 3.
    expect(result.groups).toEqual([
      { key: 'c', revenue: 100, cost: '40', margin: '60', margin_percent: '60.00' },
      { key: 'd', revenue: 0, cost: '3', margin: '-3', margin_percent: null },
    ]);
    expect(result.totals).toEqual({ revenue: 100, cost: '43', margin: '57', margin_percent: '57.00' });
  });
});
