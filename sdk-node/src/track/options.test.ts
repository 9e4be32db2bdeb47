import { describe, expect, it } from 'vitest';
import { resolveTrackOptions, type TrackOptions } from './options.js';
import { sleep } from './wait.js';

describe('resolveTrackOptions', () => {
  it('fills in the documented defaults', () => {
    const resolved = resolveTrackOptions(undefined);
    expect(resolved).toEqual({
      flushAt: 100,
      flushIntervalMs: 1000,
      maxQueueSize: 10_000,
      maxBatchSize: 1000,
      requestTimeoutMs: 10_000,
      retry: { maxRetries: 6, initialDelayMs: 200, maxDelayMs: 30_000 },
      onError: undefined,
      logger: expect.any(Function),
      sleep,
    });
    expect(resolveTrackOptions({})).toEqual(resolved);
  });

  it('logs through console.warn by default, one line per call', () => {
    const calls: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => calls.push(args);
    try {
      resolveTrackOptions(undefined).logger('hello', 1);
    } finally {
      console.warn = original;
    }
    expect(calls).toEqual([['[nozle] track: hello (1)']]);
  });

  it('keeps given values and fills the rest of retry', () => {
    const onError = () => {};
    const resolved = resolveTrackOptions({ flushAt: 5, maxBatchSize: 10, retry: { maxRetries: 0 }, onError });
    expect(resolved).toMatchObject({
      flushAt: 5,
      maxBatchSize: 10,
      retry: { maxRetries: 0, initialDelayMs: 200, maxDelayMs: 30_000 },
      onError,
    });
  });

  it('lowers the default flushAt to a smaller maxQueueSize', () => {
    expect(resolveTrackOptions({ maxQueueSize: 10 }).flushAt).toBe(10);
  });

  it.each<[string, TrackOptions, RegExp]>([
    ['maxBatchSize over the API limit', { maxBatchSize: 1001 }, /track\.maxBatchSize.*1 to 1000/],
    ['a flushAt of 0', { flushAt: 0 }, /track\.flushAt/],
    ['a flushAt above maxQueueSize', { flushAt: 50, maxQueueSize: 10 }, /track\.flushAt.*1 to 10\b/],
    ['a fractional maxQueueSize', { maxQueueSize: 1.5 }, /track\.maxQueueSize/],
    ['a negative interval', { flushIntervalMs: -1 }, /track\.flushIntervalMs/],
    ['maxDelayMs below initialDelayMs', { retry: { initialDelayMs: 500, maxDelayMs: 100 } }, /maxDelayMs/],
    ['an onError that is not a function', { onError: 'log' as never }, /track\.onError.*function/],
    ['a logger that is not a function', { logger: {} as never }, /track\.logger.*function/],
  ])('rejects %s', (_label, options, message) => {
    expect(() => resolveTrackOptions(options)).toThrow(TypeError);
    expect(() => resolveTrackOptions(options)).toThrow(message);
  });
});
