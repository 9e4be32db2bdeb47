import { describe, expect, it } from 'vitest';
import { checkMeterDefinition } from './meter-rules.js';

describe('checkMeterDefinition', () => {
  it.each([
    { meter: { aggregation: 'count' as const }, param: undefined },
    { meter: { aggregation: 'sum' as const }, param: 'property' },
    { meter: { aggregation: 'sum' as const, property: 'tokens', allow_negative: true }, param: undefined },
    { meter: { aggregation: 'latest' as const, property: 'level', allow_negative: true }, param: undefined },
    { meter: { aggregation: 'unique_count' as const, property: 'user', allow_negative: true }, param: 'allow_negative' },
    { meter: { aggregation: 'count' as const, allow_negative: true }, param: 'allow_negative' },
  ])('$meter', ({ meter, param }) => {
    let refused: { param?: string } | undefined;
    try {
      checkMeterDefinition(meter);
    } catch (error) {
      refused = error as { param?: string };
    }
    expect(refused?.param).toBe(param);
  });
});
