// The one error type `track()` reports through `onError`: events that did not make it, and why.
import type { Schemas } from '@nozle/openapi';

/** One event as it is sent to `POST /v1/events`. */
export type EventInput = Schemas['EventInput'];

/**
 * Why events were given up on:
 * - `rejected`: the API refused this one event (bad field, unknown customer, timestamp out of
 *   range, a property value a meter refuses: `value_out_of_range`, `negative_value`); the rest
 *   of its batch was recorded. Not retried: the same event would fail again. `cause.code` and
 *   `cause.param` (`events[3][properties][tokens]`) say why.
 * - `client_error`: the API refused the whole batch (400, 401, 403 or another 4xx). Not retried.
 * - `dropped_after_retries`: network errors, 429 or 5xx outlasted `retry.maxRetries`.
 * - `too_large`: one event alone is still over the API's body limit (413).
 * - `queue_full`: pushed out of a full queue by a newer event (the API was too slow or down).
 * - `shutdown_timeout`: still queued or in flight when `shutdown(timeoutMs)` gave up.
 */
export type TrackErrorReason = 'rejected' | 'client_error' | 'dropped_after_retries' | 'too_large' | 'queue_full' | 'shutdown_timeout';

export interface NozleTrackErrorInit {
  reason: TrackErrorReason;
  message: string;
  events: readonly EventInput[];
  cause?: unknown;
}

/**
 * Events that were not recorded, handed to the `track.onError` option. Never thrown: `track()`
 * only throws a `TypeError` for bad arguments.
 *
 * `cause` is the `NozleError` the API answered with (for `rejected`, one built from the event's
 * own `error`), a `NozleConnectionError` for network failures, and undefined for `queue_full`
 * and `shutdown_timeout`.
 */
export class NozleTrackError extends Error {
  override readonly name = 'NozleTrackError';
  readonly reason: TrackErrorReason;
  /** The events given up on, as they were sent (or would have been). */
  readonly events: readonly EventInput[];

  constructor(init: NozleTrackErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.reason = init.reason;
    this.events = init.events;
  }

  /** The ids of {@link events}, e.g. to log or to re-send later with the same ids. */
  get eventIds(): string[] {
    return this.events.map((event) => event.id);
  }
}
