// Validates and fills in the `track` options of `new Nozle(...)` once.
import type { ResolvedRetryOptions, RetryOptions } from './backoff.js';
import type { NozleTrackError } from './errors.js';
import { sleep } from './wait.js';
import { consoleLine } from '../log-line.js';

/** Where the tracker writes warnings, and by default its `onError` reports. */
export type TrackLogger = (message: string, ...details: unknown[]) => void;

/** Options of `nozle.track()`, given as `new Nozle({ secretKey, track: { … } })`. */
export interface TrackOptions {
  /**
   * Send as soon as this many events are queued.
   * @defaultValue `100`
   */
  flushAt?: number;
  /**
   * Send whatever is queued this long after the first queued event, even short of `flushAt`.
   * @defaultValue `1000`
   */
  flushIntervalMs?: number;
  /**
   * Events kept in memory while the API is slow or down. When full, each new event pushes the
   * oldest out (reported as `queue_full`, with one warning through `logger` per episode).
   * @defaultValue `10000`
   */
  maxQueueSize?: number;
  /**
   * Most events in one request, at most 1000 (the API's limit).
   * @defaultValue `1000`
   */
  maxBatchSize?: number;
  /**
   * A request with no answer after this long counts as a network error (and is retried).
   * @defaultValue `10000`
   */
  requestTimeoutMs?: number;
  /**
   * Retries of a batch after a network error, a 429 or a 5xx; never after another 4xx. Every
   * event keeps its id across retries, so the API counts it once.
   * @defaultValue `{ maxRetries: 6, initialDelayMs: 200, maxDelayMs: 30000 }`
   */
  retry?: RetryOptions;
  /**
   * Called with the events that were not recorded and why (see `NozleTrackError.reason`).
   * Should not throw; what it throws is logged and ignored.
   * @defaultValue the top-level `onError` of `new Nozle(...)`; without either, each report's
   *   message and `cause` go through `logger`, except `queue_full`, which the once-per-episode
   *   warning already covers
   */
  onError?: (error: NozleTrackError) => void;
  /**
   * Where warnings (and, without `onError`, reports) are written: a message, then details such
   * as the `NozleError` behind it, for a structured logger to keep.
   * @defaultValue one line per call on `console.warn`: `[nozle] track: <message> (<status> <code>, request <id>)`
   */
  logger?: TrackLogger;
  /**
   * Waits before a retry. Inject one in tests to skip or record the waits; it should settle
   * early when `signal` aborts (the SDK stops waiting for it anyway).
   * @defaultValue a `setTimeout` that is `unref()`'d
   */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface ResolvedTrackOptions {
  readonly flushAt: number;
  readonly flushIntervalMs: number;
  readonly maxQueueSize: number;
  readonly maxBatchSize: number;
  readonly requestTimeoutMs: number;
  readonly retry: ResolvedRetryOptions;
  /** Undefined: report through `logger` (the default). */
  readonly onError: ((error: NozleTrackError) => void) | undefined;
  readonly logger: TrackLogger;
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** The API takes at most this many events per request. */
const MAX_BATCH_SIZE = 1000;
/** Longest delay `setTimeout` honours; longer ones fire at once. */
const MAX_TIMER_MS = 2_147_483_647;

const TRACK_DEFAULTS = {
  flushAt: 100,
  flushIntervalMs: 1000,
  maxQueueSize: 10_000,
  maxBatchSize: MAX_BATCH_SIZE,
  requestTimeoutMs: 10_000,
  retry: { maxRetries: 6, initialDelayMs: 200, maxDelayMs: 30_000 },
} as const;

// One line per problem on console.warn, looked up at each call (a spy installed later applies).
const consoleWarn: TrackLogger = consoleLine('track');

function integer(name: string, value: unknown, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new TypeError(`Nozle: \`track.${name}\` must be an integer from ${min} to ${max}.`);
  }
  return value;
}

function callback<F>(name: string, value: unknown): F | undefined {
  if (value !== undefined && typeof value !== 'function') {
    throw new TypeError(`Nozle: \`track.${name}\` must be a function.`);
  }
  return value as F | undefined;
}

function resolveRetry(retry: RetryOptions | undefined): ResolvedRetryOptions {
  if (retry !== undefined && (retry === null || typeof retry !== 'object')) {
    throw new TypeError('Nozle: `track.retry` must be an object.');
  }
  const defaults = TRACK_DEFAULTS.retry;
  const initialDelayMs = integer('retry.initialDelayMs', retry?.initialDelayMs, defaults.initialDelayMs, 0, MAX_TIMER_MS);
  const maxDelayMs = integer('retry.maxDelayMs', retry?.maxDelayMs, Math.max(defaults.maxDelayMs, initialDelayMs), 0, MAX_TIMER_MS);
  if (maxDelayMs < initialDelayMs) {
    throw new TypeError('Nozle: `track.retry.maxDelayMs` must be at least `track.retry.initialDelayMs`.');
  }
  return {
    maxRetries: integer('retry.maxRetries', retry?.maxRetries, defaults.maxRetries, 0, 100),
    initialDelayMs,
    maxDelayMs,
  };
}

/** @throws TypeError when an option is malformed */
export function resolveTrackOptions(options: TrackOptions | undefined): ResolvedTrackOptions {
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw new TypeError('Nozle: the `track` option must be an object.');
  }
  const d = TRACK_DEFAULTS;
  const maxBatchSize = integer('maxBatchSize', options?.maxBatchSize, d.maxBatchSize, 1, MAX_BATCH_SIZE);
  const maxQueueSize = integer('maxQueueSize', options?.maxQueueSize, d.maxQueueSize, 1, Number.MAX_SAFE_INTEGER);
  const flushAt = integer('flushAt', options?.flushAt, Math.min(d.flushAt, maxQueueSize), 1, maxQueueSize);
  return {
    flushAt,
    flushIntervalMs: integer('flushIntervalMs', options?.flushIntervalMs, d.flushIntervalMs, 0, MAX_TIMER_MS),
    maxQueueSize,
    maxBatchSize,
    requestTimeoutMs: integer('requestTimeoutMs', options?.requestTimeoutMs, d.requestTimeoutMs, 1, MAX_TIMER_MS),
    retry: resolveRetry(options?.retry),
    onError: callback('onError', options?.onError),
    logger: callback<TrackLogger>('logger', options?.logger) ?? consoleWarn,
    sleep: callback<ResolvedTrackOptions['sleep']>('sleep', options?.sleep) ?? sleep,
  };
}
