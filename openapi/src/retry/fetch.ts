// One logical call as one or more attempts: a deadline over all of them, retries with backoff
// for what may succeed later, and the same request (same Idempotency-Key) on every attempt.
import { NozleTimeoutError } from '../errors.js';
import { backoffDelay, parseRetryAfter } from './backoff.js';
import type { ResolvedCallPolicy } from './policy.js';
/* eslint-disable @typescript-eslint/prefer-promise-reject-errors -- waits reject with the signal's own reason, as fetch does */

export type FetchLike = (request: Request) => Promise<Response>;

/** What tests may replace: the jitter's random numbers, and the wait between attempts. */
export interface RetryHooks {
  /** A number in [0, 1); `Math.random` by default. */
  random?: () => number;
  /** Waits `ms`, rejecting with `signal.reason` once it aborts; {@link sleep} by default. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** Statuses whose response has no body (a Response with one cannot be made). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * Whether running `request` twice does what running it once does: GET, HEAD, OPTIONS, PUT and
 * DELETE by HTTP's rules, a POST only with an `Idempotency-Key` (the server replays its answer).
 */
export function isIdempotent(request: Request): boolean {
  return ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'].includes(request.method) || request.headers.has('Idempotency-Key');
}

/**
 * Whether the server may answer differently later: 429, 5xx, or a 409 saying the first
 * request with this Idempotency-Key still runs.
 */
async function retryableStatus(response: Response): Promise<boolean> {
  if (response.status === 429 || response.status >= 500) return true;
  if (response.status !== 409) return false;
  const body = (await response
    .clone()
    .json()
    .catch(() => undefined)) as { error?: { code?: unknown } } | undefined;
  return body?.error?.code === 'idempotency_key_in_use';
}

/**
 * Sends `request` through `fetchImpl` until it gets an answer worth returning, within
 * `policy.timeoutMs` in all: a network error, 429 or 5xx of an idempotent request is tried
 * again after a jittered exponential wait (or the server's `Retry-After`), at most
 * `policy.maxRetries` times, and never when the wait would pass the deadline. Each attempt is
 * a copy of `request`, its headers included: a POST's Idempotency-Key is the same on all.
 *
 * @returns the last response, with its body already read (the deadline covers the body too)
 * @throws NozleTimeoutError once the deadline passes; the reason of `request.signal` when the
 *   caller aborts; the last network error when no retry is left
 */
export async function fetchWithRetries(request: Request, fetchImpl: FetchLike, policy: ResolvedCallPolicy, hooks: RetryHooks = {}): Promise<Response> {
  const { random = Math.random, sleep: wait = sleep } = hooks;
  const caller = request.signal;
  if (caller.aborted) throw caller.reason;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new NozleTimeoutError(policy.timeoutMs)), policy.timeoutMs);
  (timer as { unref?: () => void }).unref?.();
  const onAbort = () => deadline.abort(caller.reason);
  caller.addEventListener('abort', onAbort, { once: true });
  const startedAt = Date.now();
  const idempotent = isIdempotent(request);
  try {
    // Read once: every attempt sends these bytes, and `request` stays unread to copy from.
    const body = request.body === null ? undefined : await request.clone().arrayBuffer();
    for (let retry = 0; ; retry += 1) {
      const attempt = new Request(request, { body, signal: deadline.signal });
      let delay: number;
      try {
        const response = await abortable(
          fetchImpl(attempt).then((answer) => buffered(answer)),
          deadline.signal,
        );
        if (!idempotent || retry >= policy.maxRetries || !(await retryableStatus(response))) return response;
        delay = parseRetryAfter(response.headers.get('Retry-After')) ?? backoffDelay(retry, policy, random);
        // Another attempt could not end in time: the answer in hand says more than a timeout.
        if (Date.now() - startedAt + delay >= policy.timeoutMs) return response;
      } catch (error) {
        if (deadline.signal.aborted) throw deadline.signal.reason;
        if (!idempotent || retry >= policy.maxRetries) throw error;
        delay = backoffDelay(retry, policy, random);
      }
      await abortable(wait(delay, deadline.signal), deadline.signal);
    }
  } finally {
    clearTimeout(timer);
    caller.removeEventListener('abort', onAbort);
  }
}

/** The response with its body read, so a stalled body counts against the deadline too. */
async function buffered(response: Response): Promise<Response> {
  const body = NULL_BODY.has(response.status) ? null : await response.arrayBuffer();
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/** Waits `ms`, or rejects with `signal.reason` once it aborts. The timer does not keep Node alive. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    (timer as { unref?: () => void }).unref?.();
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Settles like `promise`, or rejects with `signal.reason` once it aborts, even if what `promise` waits for ignores the signal (a custom fetch). */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
