import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { addToRollup, MAX_PROPERTIES, rollupKeys, type RollupDelta } from './rollup.js';

describe('rollupKeys', () => {
  it('keeps the total and each short string value; numbers, booleans and long values stay in the total only', () => {
    expect(rollupKeys({ model: 'gpt-4o', tokens: 12, cached: true, note: 'x'.repeat(101), region: 'eu', empty: '' })).toEqual([
      { property: '', value: '' },
      { property: 'model', value: 'gpt-4o' },
      { property: 'region', value: 'eu' },
    ]);
  });

  it('bounds the rows one event writes', () => {
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`p${i}`, 'v']));
    expect(rollupKeys(many)).toHaveLength(MAX_PROPERTIES + 1);
  });
});

describe('addToRollup', () => {
  it('adds a batch into one row per customer, meter, UTC day and key', () => {
    const deltas = new Map<string, RollupDelta>();
    addToRollup(deltas, 'c', 'm', new Date('2026-03-01T23:59:59Z'), { model: 'a' }, new Decimal(2));
    addToRollup(deltas, 'c', 'm', new Date('2026-03-01T00:00:00Z'), { model: 'b' }, new Decimal(3));
    addToRollup(deltas, 'c', 'm', new Date('2026-03-02T00:00:00Z'), { model: 'a' }, new Decimal(5));
    expect([...deltas.values()].map((d) => [d.day, d.property, d.value, d.quantity.toString()])).toEqual([
      ['2026-03-01', '', '', '5'],
      ['2026-03-01', 'model', 'a', '2'],
      ['2026-03-01', 'model', 'b', '3'],
      ['2026-03-02', '', '', '5'],
      ['2026-03-02', 'model', 'a', '5'],
    ]);
  });
});
