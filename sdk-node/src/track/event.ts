// Turns the arguments of `nozle.track()` into the event that will be sent, checking them at
// the call so that mistakes surface where they are made.
import { resolveCustomerData, type CustomerData } from '../check/options.js';
import type { EventInput } from './errors.js';

/** The arguments of `nozle.track()`. */
export interface TrackParams {
  /** The customer's `cus_…` id or your `external_id`. */
  customer: string;
  /** The event's name, matched by meters' `event_name`, e.g. `'export.created'`. */
  event: string;
  /**
   * Anything about the event; meters read numbers and values from it. Serialised to JSON when
   * `track()` is called: later changes to the object are not sent.
   */
  properties?: Record<string, unknown>;
  /**
   * When it happened: a `Date`, or a number of **milliseconds** since the epoch (what
   * `Date.now()` returns; the SDK converts to the API's Unix seconds).
   * @defaultValue the time of the `track()` call, so that retries and queueing delays do not
   *   move the event later
   */
  timestamp?: Date | number;
  /**
   * Your id for the event, 1 to 255 characters, unique in the project: the API counts an id
   * once, however often it is sent. Pass your own (an invoice line, a job id) when the same
   * event may be tracked again by another process.
   * @defaultValue a random UUID v4
   */
  id?: string;
  /**
   * Create the customer with these details (`{ email, name, metadata }`) if it does not exist
   * yet, its external id being `customer`; the event then counts for it. Given here, it applies
   * even without the client's `createCustomers`. Without either, an event for an unknown
   * customer is reported to `track.onError` (`rejected`, code `customer_not_found`).
   */
  customerData?: CustomerData;
}

/** An event waiting in the queue: what is sent, already serialised, and its position. */
export interface QueuedEvent {
  /** Order of arrival, 1 for the client's first event. */
  readonly seq: number;
  readonly input: EventInput;
  /** `JSON.stringify(input)`, made at the call. */
  readonly json: string;
}

const MAX_ID_LENGTH = 255;

function fail(message: string): never {
  throw new TypeError(`Nozle: track() ${message}`);
}

function requiredString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') fail(`needs \`${name}\`, a non-empty string.`);
  return value;
}

function toUnixSeconds(timestamp: Date | number): number {
  const ms = timestamp instanceof Date ? timestamp.getTime() : timestamp;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    fail('`timestamp` must be a valid Date or a number of milliseconds since the epoch.');
  }
  return ms / 1000;
}

/**
 * @throws TypeError for a missing `customer` or `event`, a bad `id`, `timestamp` or
 *   `properties`, or properties that cannot be serialised (a cycle, a BigInt)
 */
export function toEventInput(params: TrackParams, now: number, newId: () => string, createCustomers = false): EventInput {
  if (params === null || typeof params !== 'object') {
    fail('needs an object, e.g. nozle.track({ customer: "user_42", event: "export.created" }).');
  }
  const input: EventInput = {
    id: params.id === undefined ? newId() : requiredString(params.id, 'id'),
    customer: requiredString(params.customer, 'customer'),
    event: requiredString(params.event, 'event'),
    timestamp: params.timestamp === undefined ? now / 1000 : toUnixSeconds(params.timestamp),
  };
  if (input.id.length > MAX_ID_LENGTH) fail(`\`id\` must be at most ${MAX_ID_LENGTH} characters.`);
  if (params.properties !== undefined) {
    const { properties } = params;
    if (properties === null || typeof properties !== 'object' || Array.isArray(properties)) {
      fail('`properties` must be a plain object.');
    }
    input.properties = properties;
  }
  const customerData = resolveCustomerData(params.customerData) ?? (createCustomers ? {} : undefined);
  if (customerData !== undefined) input.customer_data = customerData;
  return input;
}

/** Serialises now, both to catch what JSON cannot carry and to send what the caller had. */
export function serialize(input: EventInput): string {
  try {
    return JSON.stringify(input);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`\`properties\` must be serialisable to JSON: ${reason}`);
  }
}

/** The events as they were sent (or would have been), for reports. */
export function sentEvents(events: readonly QueuedEvent[]): EventInput[] {
  return events.map((event) => JSON.parse(event.json) as EventInput);
}

/** The body of `POST /v1/events`, joined from the JSON made at each `track()` call. */
export function batchBody(events: readonly QueuedEvent[], sentAt: number): string {
  return `{"events":[${events.map((event) => event.json).join(',')}],"sent_at":${sentAt}}`;
}
