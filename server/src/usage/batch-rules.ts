// The rules of a batch of usage events, pure: what each event answers (accepted, duplicate or
// rejected with why), the checks an event passes on its own (shape, time window, repeats in the
// batch), which value a meter refuses, and what the accepted events add to which counters.
import { DAY_MS } from '../time/periods.js';
import type { components } from '@nozle/openapi';
import type { Meter } from '../catalog/meters-store.js';
import type { EngineResult } from '../entitlements/types.js';
import type { ApiError } from '../http/errors.js';
import { isStorableText } from '../http/storable.js';
import { contribution, fold, matchesFilters, type CounterDelta, type Properties } from './aggregate.js';
import { counterKey, periodsFor } from './periods.js';
import { addToRollup, type RollupDelta } from './rollup.js';
import { readMeterValue, type ValueProblem } from './values.js';

export type EventBatchResult = components['schemas']['EventBatchResult'];
type EventResult = components['schemas']['EventResult'];
type EventInput = components['schemas']['EventInput'];

/** How far ahead of the server's clock an event may be (clocks drift). */
export const MAX_FUTURE_MS = 5 * 60 * 1000;

/**
 * How far to move a batch's timestamps so they read in the project's time. With its test clock
 * moved (`offsetMs` > 0), a batch whose `sent_at` reads the world's time (the server's base
 * time, within the clock drift, and nearer it than the project's) comes from a sender on the
 * world's clock: its timestamps move by exactly the offset. A sender on the project's time, or
 * on a clock of its own (a test's), is taken as it sent. No moved clock, no `sent_at`: nothing moves.
 */
export function senderShiftMs(offsetMs: number, sentAtSeconds: number | undefined, projectNow: Date): number {
  if (offsetMs === 0 || sentAtSeconds === undefined) return 0;
  const sentAt = sentAtSeconds * 1000;
  const fromWorld = Math.abs(sentAt - (projectNow.getTime() - offsetMs));
  return fromWorld <= MAX_FUTURE_MS && fromWorld < Math.abs(sentAt - projectNow.getTime()) ? offsetMs : 0;
}

/** What an event is judged against on its own. */
export interface EventLimits {
  now: Date;
  /** Events older than this are refused. */
  maxAgeMs: number;
  /** Added to each sent timestamp: how far the sender's clock is behind the project's moved test clock (senderShiftMs). */
  shiftMs?: number;
  /** Checks one event against the spec's EventInput. */
  checkEvent: (value: unknown) => ApiError | undefined;
}

/** An event that passed the checks on its own, with its instant. */
interface Candidate {
  index: number;
  event: EventInput;
  at: Date;
}

/** An event whose customer was found: what the later stages (and the store) work with. */
export interface ValidEvent {
  index: number;
  id: string;
  customerId: string;
  name: string;
  at: Date;
  properties: Properties;
}

/** The answer for each event of the batch; every stage settles some of them here. */
export class BatchResults {
  readonly #results: EventResult[];

  constructor(size: number) {
    this.#results = Array.from({ length: size }, (_, index) => ({ index, id: null, status: 'rejected' }));
  }

  echoId(index: number, id: string | null): void {
    this.#results[index]!.id = id;
  }

  reject(index: number, code: string, message: string, param: string | null): void {
    this.#results[index] = { index, id: this.#results[index]!.id, status: 'rejected', error: { code, message, param } };
  }

  duplicate(index: number, id: string): void {
    this.#results[index] = { index, id, status: 'duplicate' };
  }

  accept(index: number, id: string): void {
    this.#results[index] = { index, id, status: 'accepted' };
  }

  summary(): EventBatchResult {
    const results = this.#results;
    return {
      object: 'event_batch',
      accepted: results.filter((r) => r.status === 'accepted').length,
      duplicates: results.filter((r) => r.status === 'duplicate').length,
      rejected: results.filter((r) => r.status === 'rejected').length,
      results,
    };
  }
}

type Verdict = { kind: 'candidate'; event: EventInput; at: Date } | { kind: 'rejected'; code: string; message: string; param: string | null };

function judgeEvent(value: unknown, index: number, limits: EventLimits): Verdict {
  const rejected = (code: string, message: string, param: string | null): Verdict => ({ kind: 'rejected', code, message, param });
  const error = limits.checkEvent(value);
  // The event's own param (`properties[note]`) is named within the batch: `events[0][properties][note]`.
  if (error) return rejected(error.code, error.message, error.param === null ? null : `events[${index}]${error.param.replace(/^[^[]+/, '[$&]')}`);
  const event = value as EventInput;
  const at = event.timestamp === undefined ? limits.now : new Date(event.timestamp * 1000 + (limits.shiftMs ?? 0));
  const param = `events[${index}][timestamp]`;
  // The spec bounds the timestamp; this keeps an instant no Date holds out of the SQL anyway.
  if (!Number.isFinite(at.getTime())) return rejected('parameter_invalid', 'The timestamp is not a valid time.', param);
  if (at.getTime() > limits.now.getTime() + MAX_FUTURE_MS) {
    return rejected('timestamp_in_future', 'The timestamp is more than 5 minutes ahead of the server clock.', param);
  }
  if (at.getTime() < limits.now.getTime() - limits.maxAgeMs) {
    return rejected('timestamp_too_old', `The timestamp is more than ${Math.round(limits.maxAgeMs / DAY_MS)} days old.`, param);
  }
  return { kind: 'candidate', event, at };
}

/** Each event on its own: shape, time window, repeats within the batch. Answers those that passed. */
export function checkEvents(raw: readonly unknown[], limits: EventLimits, results: BatchResults): Candidate[] {
  const candidates: Candidate[] = [];
  const seenInBatch = new Set<string>();
  raw.forEach((value, index) => {
    const sentId = (value as { id?: unknown } | null)?.id;
    // Echoed only when the answer can carry it (an id with a NUL byte is rejected, as null).
    results.echoId(index, typeof sentId === 'string' && isStorableText(sentId) ? sentId : null);
    const verdict = judgeEvent(value, index, limits);
    if (verdict.kind === 'rejected') return results.reject(index, verdict.code, verdict.message, verdict.param);
    if (seenInBatch.has(verdict.event.id)) return results.duplicate(index, verdict.event.id);
    seenInBatch.add(verdict.event.id);
    candidates.push({ index, event: verdict.event, at: verdict.at });
  });
  return candidates;
}

/**
 * The customers to create before the batch is judged: each reference no customer answers to,
 * that can be an external_id, with the `customer_data` of its first event that brings some.
 */
export function firstSightCustomers(
  candidates: readonly Candidate[],
  customerIds: ReadonlyMap<string, string>,
  creatable: (ref: string) => boolean,
): Map<string, NonNullable<EventInput['customer_data']>> {
  const toCreate = new Map<string, NonNullable<EventInput['customer_data']>>();
  for (const { event } of candidates) {
    const data = event.customer_data;
    if (data === undefined || customerIds.has(event.customer) || toCreate.has(event.customer) || !creatable(event.customer)) continue;
    toCreate.set(event.customer, data);
  }
  return toCreate;
}

/** The candidates whose customer exists (by id or external_id, resolved in `customerIds`); the others are rejected. */
export function withCustomers(candidates: readonly Candidate[], customerIds: ReadonlyMap<string, string>, results: BatchResults): ValidEvent[] {
  return candidates.flatMap(({ index, event, at }) => {
    const customerId = customerIds.get(event.customer);
    if (!customerId) {
      results.reject(index, 'customer_not_found', `No such customer: '${event.customer}'.`, `events[${index}][customer]`);
      return [];
    }
    return [{ index, id: event.id, customerId, name: event.event, at, properties: event.properties ?? {} }];
  });
}

export type RefusedValue = ValueProblem & { property: string };

/** The first value of the event that a meter it counts for refuses, with the property. */
export function refusedValue(meters: readonly Meter[], event: ValidEvent): RefusedValue | undefined {
  for (const meter of meters) {
    if (meter.event_name !== event.name || meter.property === null || !matchesFilters(meter, event.properties)) continue;
    const reading = readMeterValue(meter, event.properties);
    if (reading.kind === 'refused') return { ...reading.problem, property: meter.property };
  }
  return undefined;
}

/** Each event with each meter it counts for. */
export function matchMeters(events: readonly ValidEvent[], meters: readonly Meter[]): Array<{ event: ValidEvent; meter: Meter }> {
  return events.flatMap((event) =>
    meters.filter((meter) => meter.event_name === event.name && matchesFilters(meter, event.properties)).map((meter) => ({ event, meter })),
  );
}

/**
 * What the matched events add: to each counter (the event's calendar month and the current
 * period of each feature tied to the meter, found in the customer's engine result) and to the
 * daily rollup.
 */
export function usageDeltas(
  matched: ReadonlyArray<{ event: ValidEvent; meter: Meter }>,
  results: ReadonlyMap<string, EngineResult>,
  featuresOf: (meter: Meter) => string[],
): { counters: CounterDelta[]; daily: RollupDelta[] } {
  const deltas = new Map<string, CounterDelta>();
  const daily = new Map<string, RollupDelta>();
  for (const { event, meter } of matched) {
    const part = contribution(meter, event.properties, event.at);
    if (!part) continue;
    if (part.kind === 'add') addToRollup(daily, event.customerId, meter.id, event.at, event.properties, part.amount);
    for (const period of periodsFor(results.get(event.customerId), featuresOf(meter), event.at)) {
      const key = counterKey(event.customerId, meter.id, period);
      let delta = deltas.get(key);
      if (!delta) {
        delta = { customerId: event.customerId, meterId: meter.id, start: period.start, end: period.end, value: null, latestAt: null, uniques: new Set() };
        deltas.set(key, delta);
      }
      fold(delta, part);
    }
  }
  return { counters: [...deltas.values()], daily: [...daily.values()] };
}
