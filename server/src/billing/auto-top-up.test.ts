import { describe, expect, it } from 'vitest';
import { topUpStep, type TopUpSetting, type TopUpStep } from './auto-top-up.js';

const setting = (armed: boolean, enabled = true): TopUpSetting => ({ enabled, threshold: 1_000, armed });

describe('topUpStep', () => {
  const cases: Array<[string, TopUpSetting, number, TopUpStep]> = [
    ['an armed setting whose balance fell below the threshold buys', setting(true), 999, 'buy'],
    ['a balance of 0 (no grant left) is below it', setting(true), 0, 'buy'],
    ['at the threshold exactly is not below it', setting(true), 1_000, 'none'],
    ['disarmed (a top-up recorded) and still below: nothing, however low', setting(false), 10, 'none'],
    ['disarmed and back at the threshold: armed again', setting(false), 1_000, 'arm'],
    ['disarmed and above it: armed again', setting(false), 6_000, 'arm'],
    ['armed and above it: nothing', setting(true), 6_000, 'none'],
    ['a disabled setting never buys', setting(true, false), 0, 'none'],
    ['nor is it armed', setting(false, false), 6_000, 'none'],
  ];
  it.each(cases)('%s', (_name, given, balance, step) => {
    expect(topUpStep(given, balance)).toBe(step);
  });

  it('a crossing, a rise, and a second crossing buy twice; two falls without a rise buy once', () => {
    let armed = true;
    const bought: number[] = [];
    // Balances as invoices draw and packs arrive: 1500 → 800 (buy) → 300 (still low) → 5300 (pack: arm) → 700 (buy).
    for (const balance of [1_500, 800, 300, 5_300, 700]) {
      const step = topUpStep({ enabled: true, threshold: 1_000, armed }, balance);
      if (step === 'buy') [armed, bought[bought.length]] = [false, balance];
      if (step === 'arm') armed = true;
    }
    expect(bought).toEqual([800, 700]);
  });
});
