// Delivers one batch to `POST /v1/events`: retries what may succeed later, halves what is too
// large, and reports every event that is given up on.
import { NozleConnectionError, NozleError, NozleInvalidRequestError, callOptions, errorFromResponse, type NozleClient, type Schemas } from '@nozle/openapi';
import { parseRetryAfter, retryDelay } from './backoff.js';
import { NozleTrackError, type TrackErrorReason } from './errors.js';
import { batchBody, sentEvents, type QueuedEvent } from './event.js';
import type { ResolvedTrackOptions } from './options.js';
import { abortable, requestSignal } from './wait.js';

type EventBatchResult = Schemas['EventBatchResult'];

/** What the sender counts, read by `nozle.trackStats()`. */
export interface SendCounters {
  requests: number;
  retries: number;
  accepted: number;
  duplicates: number;
  rejected: number;
}

export interface SenderContext {
  readonly client: NozleClient;
  readonly options: ResolvedTrackOptions;
  /** Aborts when `shutdown()` gives up: stop at once and report the batch as unsent. */
  readonly signal: AbortSignal;
  readonly report: (error: NozleTrackError) => void;
  readonly counters: SendCounters;
  /** For tests of the jitter; `Math.random` by default. */
  readonly random?: () => number;
  /** The clock each attempt's `sent_at` is stamped with; `Date.now` by default. */
  readonly now?: () => number;
}

type Attempt =
  | { kind: 'sent'; data: EventBatchResult | undefined; requestId: string | undefined }
  | { kind: 'retry'; error: NozleError; retryAfterMs: number | undefined }
  | { kind: 'too_large'; error: NozleError }
  | { kind: 'refused'; error: NozleError }
  | { kind: 'aborted' };

function plural(count: number): string {
  return count === 1 ? '1 event' : `${count} events`;
}

function giveUp(ctx: SenderContext, reason: TrackErrorReason, batch: readonly QueuedEvent[], message: string, cause?: unknown): void {
  ctx.report(new NozleTrackError({ reason, message, events: sentEvents(batch), cause }));
}

async function post(batch: readonly QueuedEvent[], ctx: SenderContext): Promise<Attempt> {
  if (ctx.signal.aborted) return { kind: 'aborted' };
  ctx.counters.requests += 1;
  const { signal, release } = requestSignal(ctx.signal, ctx.options.requestTimeoutMs);
  let result;
  try {
    const request = ctx.client.POST('/v1/events', {
      body: { events: batch.map((event) => event.input) },
      // The JSON made at each track() call: what the caller had then, serialised only once.
      // `sent_at` at each attempt: the server measures the sender's clock by it (a moved test clock).
      bodySerializer: () => batchBody(batch, (ctx.now ?? Date.now)() / 1000),
      // One attempt per request: deliver() retries batches itself (413 halves them, and
      // `sent_at` is stamped again at each attempt).
      ...callOptions(ctx.client, { maxRetries: 0, timeoutMs: ctx.options.requestTimeoutMs, signal }),
    });
    result = await abortable(request, ctx.signal);
  } catch (error) {
    if (ctx.signal.aborted) return { kind: 'aborted' };
    // No answer (the client turns fetch failures and timeouts into NozleConnectionError), or
    // an answer that could not be read: both may succeed on a retry, and ids make it safe.
    const cause =
      error instanceof NozleError ? error : new NozleConnectionError(`Could not send events: ${error instanceof Error ? error.message : String(error)}`, error);
    return { kind: 'retry', error: cause, retryAfterMs: undefined };
  } finally {
    release();
  }
  const { response } = result;
  const requestId = response.headers.get('Request-Id') ?? undefined;
  if (response.ok) return { kind: 'sent', data: result.data, requestId };
  const error = errorFromResponse(response.status, result.error, requestId);
  if (response.status === 413) return { kind: 'too_large', error };
  if (response.status === 429 || response.status >= 500) {
    return { kind: 'retry', error, retryAfterMs: parseRetryAfter(response.headers.get('Retry-After')) };
  }
  return { kind: 'refused', error };
}

/** Counts the answer and reports each event the API rejected (not retried: it would fail again). */
function settle(batch: readonly QueuedEvent[], data: EventBatchResult | undefined, requestId: string | undefined, ctx: SenderContext): void {
  const results = Array.isArray(data?.results) ? data.results : undefined;
  if (results === undefined) {
    // A 200 comes only after the batch is committed; without details, count it all as accepted.
    ctx.counters.accepted += batch.length;
    return;
  }
  for (const result of results) {
    if (result.status === 'accepted') ctx.counters.accepted += 1;
    else if (result.status === 'duplicate') ctx.counters.duplicates += 1;
    else if (result.status === 'rejected') {
      ctx.counters.rejected += 1;
      const event = batch[result.index] ?? batch.find((queued) => queued.input.id === result.id);
      if (event === undefined) continue;
      const cause = new NozleInvalidRequestError({
        message: result.error?.message ?? 'The event was rejected.',
        type: 'invalid_request_error',
        code: result.error?.code,
        param: result.error?.param ?? undefined,
        requestId,
        raw: result,
      });
      giveUp(ctx, 'rejected', [event], `Nozle: event ${event.input.id} was rejected: ${cause.message}`, cause);
    }
  }
}

/**
 * Sends `batch` until it is recorded or given up on. Never rejects: every event either reaches
 * the API or is reported through `ctx.report`. Events keep their ids across retries, so a
 * batch that reached the API before its answer was lost is counted once.
 */
export async function deliver(batch: readonly QueuedEvent[], ctx: SenderContext): Promise<void> {
  const { retry, sleep } = ctx.options;
  let delay = 0;
  for (let retries = 0; ; retries += 1) {
    if (retries > 0) {
      ctx.counters.retries += 1;
      try {
        await abortable(
          Promise.resolve().then(() => sleep(delay, ctx.signal)),
          ctx.signal,
        );
      } catch {
        // Only an abort matters here; a custom sleep that failed means retry now.
      }
    }
    const outcome = await post(batch, ctx);
    switch (outcome.kind) {
      case 'aborted':
        return giveUp(ctx, 'shutdown_timeout', batch, `Nozle: ${plural(batch.length)} not sent: shutdown() timed out.`);
      case 'sent':
        return settle(batch, outcome.data, outcome.requestId, ctx);
      case 'refused':
        return giveUp(
          ctx,
          'client_error',
          batch,
          `Nozle: dropped ${plural(batch.length)}: the API answered ${outcome.error.status}: ${outcome.error.message}`,
          outcome.error,
        );
      case 'too_large': {
        if (batch.length === 1) {
          return giveUp(ctx, 'too_large', batch, `Nozle: dropped event ${batch[0]?.input.id}: too large for the API (413).`, outcome.error);
        }
        const half = Math.ceil(batch.length / 2);
        await deliver(batch.slice(0, half), ctx);
        await deliver(batch.slice(half), ctx);
        return;
      }
      case 'retry':
        if (retries >= retry.maxRetries) {
          return giveUp(
            ctx,
            'dropped_after_retries',
            batch,
            `Nozle: dropped ${plural(batch.length)} after ${retries} ${retries === 1 ? 'retry' : 'retries'}: ${outcome.error.message}`,
            outcome.error,
          );
        }
        delay = retryDelay(retries, outcome.retryAfterMs, retry, ctx.random);
    }
  }
}
