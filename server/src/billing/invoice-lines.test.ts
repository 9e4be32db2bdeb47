import { describe, expect, it } from 'vitest';
import { draftInvoice, usageQuantity } from './invoice-lines.js';
import type { StoredPrice } from '../catalog/prices.js';

const start = new Date('2026-03-01T00:00:00Z');
const end = new Date('2026-04-01T00:00:00Z');
const price = (fields: Partial<StoredPrice>): StoredPrice => ({ key: 'p', meter_id: 'mtr_1', meter_key: 'm', model: 'per_unit', unit_amount: '1', ...fields });

describe('draftInvoice', () => {
  // Each case worked by hand: [what, base fee, trial, usage, line amounts, total].
  const cases: Array<[string, number, boolean, Array<[Partial<StoredPrice>, string]>, string[], string]> = [
    ['the base fee alone', 2_900, false, [], ['2900'], '2900'],
    ['no base fee line in a trial period', 2_900, true, [[{}, '3']], ['3'], '3'],
    ['no zero line for a plan without a base fee', 0, false, [[{}, '3']], ['3'], '3'],
    ['a sub-cent price rounded once per line, half away from zero', 0, false, [[{ unit_amount: '0.0015' }, '1000000']], ['1500'], '1500'],
    ['0.5 of a cent rounds up', 0, false, [[{ unit_amount: '0.5' }, '1']], ['1'], '1'],
    [
      'two lines rounded apart, then added',
      100,
      false,
      [
        [{ key: 'a', unit_amount: '0.4' }, '1'],
        [{ key: 'b', unit_amount: '0.4' }, '1'],
      ],
      ['100', '0', '0'],
      '100',
    ],
    ['a minimum applies with no usage', 0, false, [[{ minimum_amount: '500' }, '0']], ['500'], '500'],
    ['a package price counts started packages', 0, false, [[{ model: 'package', package_size: 100, unit_amount: '250' }, '101']], ['500'], '500'],
    [
      'graduated tiers with a fractional quantity',
      2_900,
      false,
      [
        [
          {
            model: 'graduated',
            unit_amount: undefined,
            tiers: [
              { up_to: 1_000, unit_amount: '0' },
              { up_to: 10_000, unit_amount: '0.5' },
              { up_to: null, unit_amount: '0.25' },
            ],
          },
          '12345.5',
        ],
      ],
      ['2900', '5086'],
      '7986',
    ],
  ];
  it.each(cases)('%s', (_, basePrice, trial, usage, amounts, total) => {
    const draft = draftInvoice({
      planName: 'Pro',
      basePrice,
      trial,
      start,
      end,
      usage: usage.map(([fields, quantity]) => ({ price: price(fields), quantity })),
    });
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

describe('draftInvoice with plan changes', () => {
  // A 31-day period (2,678,400 s). Each case worked by hand: [what, base fee, trial, changes
  // as [day of March changed, from, to], scheduled end, line types and amounts, total].
  const march = (day: number) => new Date(Date.UTC(2026, 2, day));
  type Case = [string, number, boolean, Array<[number, number, number]>, Date | undefined, Array<[string, string]>, string];
  const cases: Case[] = [
    // Changed Mar 16 00:00: 16 of 31 days remain. 2,900 × 16/31 = 1,496.77… → 1,497;
    // 9,900 × 16/31 = 5,109.67… → 5,110. Total 2,900 − 1,497 + 5,110 = 6,513.
    [
      'an upgrade mid-period',
      2_900,
      false,
      [[16, 2_900, 9_900]],
      undefined,
      [
        ['base_fee', '2900'],
        ['proration', '-1497'],
        ['proration', '5110'],
      ],
      '6513',
    ],
    // Mar 1 + 30 days (Mar 31): 1 of 31 days remains. 9,900/31 = 319.35… → 319; 2,900/31 = 93.54… → 94.
    [
      'a downgrade on the last day',
      9_900,
      false,
      [[31, 9_900, 2_900]],
      undefined,
      [
        ['base_fee', '9900'],
        ['proration', '-319'],
        ['proration', '94'],
      ],
      '9675',
    ],
    // Two changes chain: 0 → 3,100 on Mar 11 (21 days left: 2,100), 3,100 → 6,200 on Mar 21
    // (11 days left: −1,100 and +2,200). No base fee line for the free plan at the start, nor
    // a zero credit line for its unused time.
    [
      'two changes, from a free plan',
      0,
      false,
      [
        [11, 0, 3_100],
        [21, 3_100, 6_200],
      ],
      undefined,
      [
        ['proration', '2100'],
        ['proration', '-1100'],
        ['proration', '2200'],
      ],
      '3200',
    ],
    ['none in a trial period', 0, true, [[16, 2_900, 9_900]], undefined, [], '0'],
    // Cut short on Mar 21, scheduled to Apr 1: proration still counts the 16 of 31 days left.
    [
      'a period cut short prorates against its scheduled end',
      2_900,
      false,
      [[16, 2_900, 9_900]],
      end,
      [
        ['base_fee', '2900'],
        ['proration', '-1497'],
        ['proration', '5110'],
      ],
      '6513',
    ],
  ];
  it.each(cases)('%s', (_, basePrice, trial, changes, scheduledEnd, lines, total) => {
    const draft = draftInvoice({
      planName: 'Pro',
      basePrice,
      trial,
      start,
      end: scheduledEnd ? march(21) : end,
      usage: [],
      changes: changes.map(([day, from, to]) => ({
        changed_at: march(day),
        from: { name: `P${from}`, amount: String(from) },
        to: { name: `P${to}`, amount: String(to) },
      })),
      ...(scheduledEnd ? { scheduledEnd } : {}),
    });
    expect(draft.lines.map((line) => [line.type, line.amount])).toEqual(lines);
    expect(draft.total).toBe(total);
  });

  it('puts the proration lines after usage, over [change, period end), named for Stripe', () => {
    const draft = draftInvoice({
      planName: 'Basic',
      basePrice: 2_900,
      trial: false,
      start,
      end,
      usage: [{ price: price({}), quantity: '3' }],
      changes: [{ changed_at: march(16), from: { name: 'Basic', amount: '2900' }, to: { name: 'Pro', amount: '9900' } }],
    });
    expect(draft.lines.map((line) => [line.type, line.description, line.period_start.toISOString(), line.period_end.toISOString()])).toEqual([
      ['base_fee', 'Basic', start.toISOString(), end.toISOString()],
      ['usage', 'p (m)', start.toISOString(), end.toISOString()],
      ['proration', 'Unused time on Basic after 16 Mar 2026', march(16).toISOString(), end.toISOString()],
      ['proration', 'Remaining time on Pro after 16 Mar 2026', march(16).toISOString(), end.toISOString()],
    ]);
    expect(draft.total).toBe(String(2_900 + 3 - 1_497 + 5_110));
  });
});

describe('draftInvoice for a cancel now with prorate', () => {
  // A 31-day period from Mar 1, canceled on Mar 21: 11 of 31 days unused.
  const march = (day: number) => new Date(Date.UTC(2026, 2, day));
  // [what, base fee, trial, line types and amounts, total]
  const cases: Array<[string, number, boolean, Array<[string, string]>, string]> = [
    // 2,900 × 11/31 = 1,029.03… → 1,029 credited; 2,900 − 1,029 = 1,871.
    [
      'credits the unused time of the base fee',
      2_900,
      false,
      [
        ['base_fee', '2900'],
        ['proration', '-1029'],
      ],
      '1871',
    ],
    ['credits nothing on a free plan', 0, false, [], '0'],
    ['credits nothing on a trial (no base fee was billed)', 2_900, true, [], '0'],
  ];
  it.each(cases)('%s', (_, basePrice, trial, lines, total) => {
    const draft = draftInvoice({
      planName: 'Pro',
      basePrice,
      trial,
      start: march(1),
      end: march(21),
      scheduledEnd: new Date(Date.UTC(2026, 3, 1)),
      usage: [],
      cancelCredit: { name: 'Pro', amount: String(basePrice) },
    });
    expect(draft.lines.map((line) => [line.type, line.amount])).toEqual(lines);
    expect(draft.total).toBe(total);
  });
});
