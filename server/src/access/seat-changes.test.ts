import { describe, expect, it } from 'vitest';
import { quantityChangeTiming } from './seat-changes.js';

describe('quantityChangeTiming', () => {
  it.each([
    // from, to, asked, takes effect
    [3, 5, undefined, 'now'],
    [5, 3, undefined, 'period_end'],
    [5, 3, 'now', 'now'],
    [3, 5, 'period_end', 'period_end'],
    [4, 4, undefined, 'now'],
  ] as const)('%i → %i seats, effective %s: %s', (from, to, effective, expected) => {
    expect(quantityChangeTiming(from, to, effective)).toBe(expected);
  });
});
