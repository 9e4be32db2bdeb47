import { describe, expect, it } from 'vitest';
import { afterDiscount } from './discount.js';

const percent = (percent_off: string) => ({ percent_off, amount_off: null, currency: null, currency_options: {} });
const fixed = (amount_off: number, currency: string, currency_options: Record<string, { amount_off: number }> = {}) => ({
  percent_off: null,
  amount_off,
  currency,
  currency_options,
});

describe('what a coupon takes off a sandbox charge', () => {
  it('takes a percentage exactly, rounded half away from zero', () => {
    // 1000 × 16.15% = 161.5 → 162 (floating point makes it 161.4999… → 161).
    expect(afterDiscount(1_000, 'usd', percent('16.15'))).toBe(838);
    // 2900 × 50% = 1450.
    expect(afterDiscount(2_900, 'usd', percent('50'))).toBe(1_450);
    expect(afterDiscount(2_900, 'usd', undefined)).toBe(2_900);
  });

  it('takes a fixed amount in the charge currency, never below zero', () => {
    expect(afterDiscount(2_900, 'usd', fixed(1_000, 'usd'))).toBe(1_900);
    expect(afterDiscount(500, 'usd', fixed(1_000, 'usd'))).toBe(0);
    expect(afterDiscount(2_900, 'eur', fixed(1_000, 'usd', { eur: { amount_off: 900 } }))).toBe(2_000);
    expect(afterDiscount(2_900, 'gbp', fixed(1_000, 'usd'))).toBe(2_900);
  });
});
