import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter, retryDelay } from './backoff.js';

const retry = { maxRetries: 6, initialDelayMs: 200, maxDelayMs: 30_000 };

describe('backoffDelay', () => {
  it.each([
    [0, 200],
    [1, 400],
    [4, 3_200],
    [8, 30_000], // 200 * 2^8 = 51 200, capped
  ])('waits less than the cap for retry %i (%i ms), with full jitter', (attempt, cap) => {
    expect(backoffDelay(attempt, retry, () => 0)).toBe(0);
    expect(backoffDelay(attempt, retry, () => 0.5)).toBe(cap / 2);
    expect(backoffDelay(attempt, retry, () => 0.999_999)).toBe(cap - 1);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it.each([
    ['3', 3_000],
    ['0', 0],
    ['1.5', 1_500],
    [' 10 ', 10_000],
    ['Thu, 01 Jan 2026 00:00:30 GMT', 30_000],
    ['Wed, 31 Dec 2025 23:59:00 GMT', 0],
  ])('reads %j as %i ms', (header, ms) => {
    expect(parseRetryAfter(header, now)).toBe(ms);
  });

  it.each([null, undefined, '', 'soon', '-5'])('ignores %j', (header) => {
    expect(parseRetryAfter(header, now)).toBeUndefined();
  });
});

describe('retryDelay', () => {
  it('uses Retry-After instead of the backoff, capped at maxDelayMs', () => {
    expect(retryDelay(0, 5_000, retry, () => 0)).toBe(5_000);
    expect(retryDelay(0, 120_000, retry, () => 0)).toBe(30_000);
  });

  it('falls back to the backoff without Retry-After', () => {
    expect(retryDelay(2, undefined, retry, () => 0.5)).toBe(400);
  });
});
