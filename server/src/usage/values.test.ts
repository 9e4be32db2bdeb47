import { describe, expect, it } from 'vitest';
import type { Meter } from '../catalog/meters-store.js';
import { readMeterValue } from './values.js';

type MeterShape = Pick<Meter, 'aggregation' | 'property' | 'allow_negative'>;
const sum: MeterShape = { aggregation: 'sum', property: 'v', allow_negative: false };
const signedSum: MeterShape = { ...sum, allow_negative: true };
const unique: MeterShape = { aggregation: 'unique_count', property: 'v', allow_negative: false };
const count: MeterShape = { aggregation: 'count', property: null, allow_negative: false };

const read = (meter: MeterShape, v: unknown) => {
  const reading = readMeterValue(meter, { v });
  if (reading.kind === 'number') return reading.amount.toFixed();
  if (reading.kind === 'refused') return reading.problem.code;
  return reading.kind === 'text' ? `text:${reading.value}` : 'none';
};

describe('readMeterValue', () => {
  it.each([
    { meter: sum, v: 12.5, expected: '12.5' },
    { meter: sum, v: ' 7 ', expected: '7' },
    { meter: sum, v: 1_000_000_000_000, expected: '1000000000000' },
    { meter: sum, v: '-1000000000000', expected: 'negative_value' },
    { meter: signedSum, v: '-1000000000000', expected: '-1000000000000' },
    { meter: signedSum, v: -1_000_000_000_001, expected: 'value_out_of_range' },
    { meter: sum, v: 1_000_000_000_001, expected: 'value_out_of_range' },
    { meter: sum, v: 1e21, expected: 'value_out_of_range' },
    { meter: sum, v: Infinity, expected: 'value_out_of_range' },
    { meter: sum, v: 0.000001, expected: '0.000001' },
    { meter: sum, v: '0.0000010', expected: '0.000001' },
    { meter: sum, v: 0.0000001, expected: 'value_out_of_range' },
    { meter: sum, v: 5e-324, expected: 'value_out_of_range' },
    { meter: sum, v: -1, expected: 'negative_value' },
    { meter: sum, v: -0, expected: '0' },
    { meter: sum, v: '-0', expected: '0' },
    { meter: sum, v: 'NaN', expected: 'none' },
    { meter: sum, v: '1e5', expected: 'none' },
    { meter: sum, v: true, expected: 'none' },
    { meter: sum, v: undefined, expected: 'none' },
    { meter: unique, v: 'ada', expected: 'text:ada' },
    { meter: unique, v: -3, expected: 'text:-3' },
    { meter: unique, v: 'x'.repeat(255), expected: `text:${'x'.repeat(255)}` },
    { meter: unique, v: 'x'.repeat(256), expected: 'value_out_of_range' },
    { meter: unique, v: { a: 1 }, expected: 'none' },
    { meter: count, v: 1e21, expected: 'none' },
  ])('$meter.aggregation (allow_negative $meter.allow_negative) reads $v as $expected', ({ meter, v, expected }) => {
    expect(read(meter, v)).toBe(expected);
  });
});
