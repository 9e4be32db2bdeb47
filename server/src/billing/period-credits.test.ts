import { describe, expect, it } from 'vitest';
import { rolledOver, type Rollover } from './period-credits.js';

describe('rolledOver', () => {
  // Each row: the period's grant, what its invoice used, the rollover; left = grant − used.
  const cases: Array<[string, number, number, Rollover | null, number]> = [
    // 100 − 30 = 70 left, capped at 50.
    ['grant 100, used 30, cap 50: rolls 50', 100, 30, { cap: 50 }, 50],
    // 100 − 80 = 20 left, under the cap.
    ['grant 100, used 80, cap 50: rolls 20', 100, 80, { cap: 50 }, 20],
    // No rollover: the grant expires with its 70.
    ['grant 100, used 30, no rollover: rolls 0', 100, 30, null, 0],
    // A cap of 0 rolls nothing.
    ['grant 100, used 30, cap 0: rolls 0', 100, 30, { cap: 0 }, 0],
    // All used: nothing left to roll.
    ['grant 100, used 100, cap 50: rolls 0', 100, 100, { cap: 50 }, 0],
    // A cap above the grant: everything left, 100 − 0.
    ['grant 100, used 0, cap 500: rolls 100', 100, 0, { cap: 500 }, 100],
  ];
  it.each(cases)('%s', (_name, grant, used, rollover, rolled) => {
    expect(rolledOver(grant - used, rollover)).toBe(rolled);
  });
});
