import { describe, expect, it } from 'vitest';
import { createBackoff } from './backoff.js';

describe('createBackoff()', () => {
  it('doubles the ceiling from the initial delay up to the maximum', () => {
    const backoff = createBackoff({ initialDelayMs: 250, maxDelayMs: 2_000, random: () => 0.999_999 });
    const delays = Array.from({ length: 6 }, () => backoff.next());
    expect(delays).toEqual([249, 499, 999, 1_999, 1_999, 1_999]);
  });

  it('draws each delay at random below the ceiling (full jitter)', () => {
    const draws = [0, 0.5, 0.25];
    const backoff = createBackoff({ initialDelayMs: 100, maxDelayMs: 10_000, random: () => draws.shift()! });
    expect([backoff.next(), backoff.next(), backoff.next()]).toEqual([0, 100, 100]);
  });

  it('starts again from the initial delay after reset()', () => {
    const backoff = createBackoff({ initialDelayMs: 100, maxDelayMs: 10_000, random: () => 0.5 });
    backoff.next();
    backoff.next();
    backoff.reset();
    expect(backoff.next()).toBe(50);
  });

  it('stays at the maximum however many attempts failed', () => {
    const backoff = createBackoff({ initialDelayMs: 250, maxDelayMs: 30_000, random: () => 0.5 });
    for (let attempt = 0; attempt < 2_000; attempt += 1) backoff.next();
    expect(backoff.next()).toBe(15_000);
  });
});
