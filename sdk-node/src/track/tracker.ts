// The machinery behind `nozle.track()`: the queue, the count and interval triggers, one
// request in flight at a time, flush and shutdown.
import type { NozleClient } from '@nozle/openapi';
import { NozleTrackError } from './errors.js';
import { sentEvents, serialize, toEventInput, type QueuedEvent, type TrackParams } from './event.js';
import type { ResolvedTrackOptions } from './options.js';
import { BoundedQueue } from './queue.js';
import { deliver, type SendCounters, type SenderContext } from './sender.js';

/** Counters since the client was made, e.g. to measure throughput in a benchmark. */
export interface TrackStats extends SendCounters {
  /** Events `track()` took (not counting calls after shutdown). */
  tracked: number;
  /** Events waiting in the queue now, not counting the batch in flight. */
  queued: number;
  /** Events given up on for any reason but `rejected` (see `NozleTrackError.reason`). */
  dropped: number;
}

export class Tracker {
  readonly #options: ResolvedTrackOptions;
  readonly #queue: BoundedQueue<QueuedEvent>;
  readonly #abort = new AbortController();
  readonly #sender: SenderContext;
  readonly #stats = { tracked: 0, dropped: 0, requests: 0, retries: 0, accepted: 0, duplicates: 0, rejected: 0 };

  /** `seq` of the last queued event. */
  #seq = 0;
  /** Every queued event with `seq` up to this one is owed a send now (by flush or the timer). */
  #flushThrough = 0;
  #draining: Promise<void> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Set from the first event pushed out of a full queue until the queue has room again. */
  #overflowing = false;
  #closed = false;
  #warnedClosed = false;
  #shutdown: Promise<void> | undefined;

  readonly #now: () => number;
  /** The client's `createCustomers`: every event carries `customer_data`. */
  readonly #createCustomers: boolean;

  /** `now`: the clock events (and batches' `sent_at`) are stamped with. */
  constructor(client: NozleClient, options: ResolvedTrackOptions, now: () => number = Date.now, createCustomers = false) {
    this.#createCustomers = createCustomers;
    this.#options = options;
    this.#now = now;
    this.#queue = new BoundedQueue(options.maxQueueSize);
    this.#sender = {
      client,
      options,
      signal: this.#abort.signal,
      report: (error) => this.#report(error),
      counters: this.#stats,
      now,
    };
  }

  track(params: TrackParams): string {
    const input = toEventInput(params, this.#now(), () => globalThis.crypto.randomUUID(), this.#createCustomers);
    if (this.#closed) {
      if (!this.#warnedClosed) {
        this.#warnedClosed = true;
        this.#options.logger(`Nozle: track() after shutdown() is ignored; event ${input.id} (and any later one) is not sent.`);
      }
      return input.id;
    }
    const json = serialize(input);
    this.#seq += 1;
    this.#stats.tracked += 1;
    const dropped = this.#queue.push({ seq: this.#seq, input, json });
    if (dropped !== undefined) this.#overflow(dropped);
    if (this.#queue.length >= this.#options.flushAt) void this.#kick();
    else this.#armTimer();
    return input.id;
  }

  flush(): Promise<void> {
    this.#flushThrough = this.#seq;
    return this.#kick();
  }

  shutdown(timeoutMs: number): Promise<void> {
    if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs < 0) {
      throw new TypeError('Nozle: shutdown(timeoutMs) needs a number of milliseconds, 0 or more.');
    }
    this.#shutdown ??= this.#close(timeoutMs);
    return this.#shutdown;
  }

  stats(): TrackStats {
    return { ...this.#stats, queued: this.#queue.length };
  }

  async #close(timeoutMs: number): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    // Not unref'd, unlike the other timers: it is bounded, and the caller awaits the report.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<true>((resolve) => {
      timer = setTimeout(() => resolve(true), timeoutMs);
    });
    const gaveUp = await Promise.race([this.flush().then(() => false), timedOut]);
    clearTimeout(timer);
    if (gaveUp) {
      this.#abort.abort(new Error(`Nozle: shutdown() timed out after ${timeoutMs} ms.`));
      // Settles at once: every wait of the sender also ends on the abort, reporting its batch.
      await this.#draining;
      const left = this.#queue.takeAll();
      if (left.length > 0) {
        this.#report(
          new NozleTrackError({
            reason: 'shutdown_timeout',
            message: `Nozle: ${left.length === 1 ? '1 event' : `${left.length} events`} not sent: shutdown() timed out after ${timeoutMs} ms.`,
            events: sentEvents(left),
          }),
        );
      }
    }
    this.#overflowing = false;
  }

  #hasWork(): boolean {
    if (this.#abort.signal.aborted) return false;
    const head = this.#queue.peek();
    if (head === undefined) return false;
    return this.#queue.length >= this.#options.flushAt || head.seq <= this.#flushThrough;
  }

  /** Starts sending unless a send loop already runs; resolves when the loop has nothing left. */
  #kick(): Promise<void> {
    if (this.#draining === undefined && this.#hasWork()) this.#draining = this.#drain();
    return this.#draining ?? Promise.resolve();
  }

  async #drain(): Promise<void> {
    // Lets #kick store this promise before the loop can end and clear it.
    await Promise.resolve();
    try {
      while (this.#hasWork()) {
        const batch = this.#queue.take(this.#options.maxBatchSize);
        // The queue has room again: a later overflow is a new episode, with a new warning.
        this.#overflowing = false;
        await deliver(batch, this.#sender);
      }
    } catch (error) {
      // deliver() reports rather than throws; this is a bug, and must not stop later sends.
      this.#options.logger('Nozle: unexpected error while sending events.', error);
    } finally {
      // In the same synchronous step as the last #hasWork(): no flush can slip in between.
      this.#draining = undefined;
      this.#armTimer();
    }
  }

  /** Sends what is queued `flushIntervalMs` after the first event that found no timer. */
  #armTimer(): void {
    if (this.#timer !== undefined || this.#closed || this.#queue.length === 0) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.flush();
    }, this.#options.flushIntervalMs);
    // A queued event does not keep a script alive: scripts must await nozle.shutdown().
    this.#timer.unref?.();
  }

  #overflow(dropped: QueuedEvent): void {
    if (!this.#overflowing) {
      this.#overflowing = true;
      this.#options.logger(
        `Nozle: the event queue is full (${this.#options.maxQueueSize} events); dropping the oldest events until it drains. Is the API reachable?`,
      );
    }
    this.#report(
      new NozleTrackError({
        reason: 'queue_full',
        message: `Nozle: dropped event ${dropped.input.id}: the queue is full.`,
        events: sentEvents([dropped]),
      }),
    );
  }

  #report(error: NozleTrackError): void {
    if (error.reason !== 'rejected') this.#stats.dropped += error.events.length;
    const { onError, logger } = this.#options;
    if (onError === undefined) {
      // The message and the API's error (status, request id); not the events, which may be many.
      if (error.reason === 'queue_full') return;
      if (error.cause === undefined) logger(error.message);
      else logger(error.message, error.cause);
      return;
    }
    try {
      onError(error);
    } catch (thrown) {
      logger('Nozle: track.onError threw; ignored.', thrown);
    }
  }
}
