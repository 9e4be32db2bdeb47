// Records a batch of usage events exactly once and keeps the usage counters (and the
// entitlement snapshots that show them) current, all in the caller's transaction.
import type { components } from '@nozle/openapi';
import type { Queryable } from '../db/database.js';
import { TransactionConflict } from '../db/transaction.js';
import { meteredFeatureMeters } from '../catalog/features-store.js';
import { lockCustomer } from '../customers/store.js';
import { computeForCustomer, storeSnapshot, type StoredSnapshot } from '../entitlements/snapshot.js';
import type { EngineResult } from '../entitlements/types.js';
import type { ApiError } from '../http/errors.js';
import { isStorableText } from '../http/storable.js';
import { contribution, fold, matchesFilters, type CounterDelta, type Properties } from './aggregate.js';
import { metersForEvents, type Meter } from './meters-store.js';
import { periodsFor } from './periods.js';
import { addToRollup, type RollupDelta } from './rollup.js';
import { readMeterValue, UsageDecimal as Decimal, type ValueProblem } from './values.js';
import { eventsInInvoicedPeriods } from '../billing/invoices-store.js';

export type EventBatchResult = components['schemas']['EventBatchResult'];
type EventResult = components['schemas']['EventResult'];
type EventInput = components['schemas']['EventInput'];

/** How far ahead of the server's clock an event may be (clocks drift). */
export const MAX_FUTURE_MS = 5 * 60 * 1000;

export interface IngestOptions {
  projectId: string;
  now: Date;
  maxAgeMs: number;
  pastDueGraceMs: number;
  /** Checks one event against the spec's EventInput. */
  checkEvent: (value: unknown) => ApiError | undefined;
}

interface ValidEvent {
  index: number;
  id: string;
  customerId: string;
  name: string;
  at: Date;
  properties: Properties;
}

export interface IngestOutcome {
  result: EventBatchResult;
  /** Snapshots stored at a new version (usage of a metered feature moved). */
  snapshots: StoredSnapshot[];
}

export async function ingestEvents(tx: Queryable, raw: unknown[], options: IngestOptions): Promise<IngestOutcome> {
  const results: EventResult[] = raw.map((_, index) => ({ index, id: null, status: 'rejected' }));
  const reject = (index: number, code: string, message: string, param: string | null) => {
    results[index] = { index, id: results[index]!.id, status: 'rejected', error: { code, message, param } };
  };

  // 1. Each event on its own: shape, time window, repeats within the batch.
  const candidates: Array<{ index: number; event: EventInput; at: Date }> = [];
  const seenInBatch = new Set<string>();
  raw.forEach((value, index) => {
    const sentId = (value as { id?: unknown } | null)?.id;
    // Echoed only when the answer can carry it (an id with a NUL byte is rejected, as null).
    const id = typeof sentId === 'string' && isStorableText(sentId) ? sentId : null;
    results[index]!.id = id;
    const error = options.checkEvent(value);
    // The event's own param (`properties[note]`) is named within the batch: `events[0][properties][note]`.
    if (error) return reject(index, error.code, error.message, error.param === null ? null : `events[${index}]${error.param.replace(/^[^[]+/, '[$&]')}`);
    const event = value as EventInput;
    const at = event.timestamp === undefined ? options.now : new Date(event.timestamp * 1000);
    // The spec bounds the timestamp; this keeps an instant no Date holds out of the SQL anyway.
    if (!Number.isFinite(at.getTime())) {
      return reject(index, 'parameter_invalid', 'The timestamp is not a valid time.', `events[${index}][timestamp]`);
    }
    if (at.getTime() > options.now.getTime() + MAX_FUTURE_MS) {
      return reject(index, 'timestamp_in_future', 'The timestamp is more than 5 minutes ahead of the server clock.', `events[${index}][timestamp]`);
    }
    if (at.getTime() < options.now.getTime() - options.maxAgeMs) {
      const days = Math.round(options.maxAgeMs / 86_400_000);
      return reject(index, 'timestamp_too_old', `The timestamp is more than ${days} days old.`, `events[${index}][timestamp]`);
    }
    if (seenInBatch.has(event.id)) {
      results[index] = { index, id: event.id, status: 'duplicate' };
      return;
    }
    seenInBatch.add(event.id);
    candidates.push({ index, event, at });
  });

  // 2. Customers, by id or external_id, in one query.
  const customerIds = await resolveCustomers(tx, options.projectId, [...new Set(candidates.map((c) => c.event.customer))]);
  let valid: ValidEvent[] = [];
  for (const { index, event, at } of candidates) {
    const customerId = customerIds.get(event.customer);
    if (!customerId) {
      reject(index, 'customer_not_found', `No such customer: '${event.customer}'.`, `events[${index}][customer]`);
      continue;
    }
    valid.push({ index, id: event.id, customerId, name: event.event, at, properties: (event.properties ?? {}) as Properties });
  }

  // 2a. Each value a meter of the event reads must make sense for that meter (values.ts).
  const meters = valid.length === 0 ? [] : await metersForEvents(tx, options.projectId, [...new Set(valid.map((e) => e.name))]);
  valid = await withoutRefusedValues(tx, options.projectId, meters, valid, {
    duplicate: (event) => {
      results[event.index] = { index: event.index, id: event.id, status: 'duplicate' };
    },
    reject: (event, problem) =>
      reject(event.index, problem.code, `The property '${problem.property}' ${problem.message}`, `events[${event.index}][properties][${problem.property}]`),
  });

  // 2b. An event in a billing period already invoiced would change a bill already made; a
  // repeat of one accepted before the invoice stays a duplicate, so the sender's retry is safe.
  // Checked here without a lock (batches of one customer then overlap while they insert), and
  // again in count() once the customers are locked.
  const late = await eventsInInvoicedPeriods(tx, options.projectId, valid);
  if (late.size > 0) {
    const lateEvents = valid.filter((event) => late.has(event.index));
    const known = await knownIds(tx, options.projectId, lateEvents.map((event) => event.id));
    for (const event of lateEvents) {
      if (known.has(event.id)) results[event.index] = { index: event.index, id: event.id, status: 'duplicate' };
      else reject(event.index, 'period_invoiced', "The customer's billing period containing this timestamp has already been invoiced.", `events[${event.index}][timestamp]`);
    }
    valid = valid.filter((event) => !late.has(event.index));
  }

  // 3. One statement: ids this project has not seen are recorded with their events.
  const fresh = await insertFresh(tx, options.projectId, valid, options.now);
  for (const event of valid) results[event.index] = { index: event.index, id: event.id, status: fresh.has(event.id) ? 'accepted' : 'duplicate' };
  const accepted = valid.filter((event) => fresh.has(event.id));

  // 4. Counters, and the snapshots of customers whose metered features they feed.
  const snapshots = accepted.length > 0 ? await count(tx, accepted, meters, options) : [];
  return {
    result: {
      object: 'event_batch',
      accepted: results.filter((r) => r.status === 'accepted').length,
      duplicates: results.filter((r) => r.status === 'duplicate').length,
      rejected: results.filter((r) => r.status === 'rejected').length,
      results,
    },
    snapshots,
  };
}

async function resolveCustomers(tx: Queryable, projectId: string, refs: string[]): Promise<Map<string, string>> {
  if (refs.length === 0) return new Map();
  const { rows } = await tx.query<{ id: string; external_id: string | null }>(
    `select id, external_id from customers where project_id = $1 and deleted_at is null and (id = any($2) or external_id = any($2))`,
    [projectId, refs],
  );
  const byRef = new Map<string, string>();
  for (const row of rows) if (row.external_id) byRef.set(row.external_id, row.id);
  for (const row of rows) byRef.set(row.id, row.id); // an id wins over an external_id that looks like one
  return byRef;
}

async function knownIds(tx: Queryable, projectId: string, ids: string[]): Promise<Set<string>> {
  const { rows } = await tx.query<{ id: string }>('select id from event_ids where project_id = $1 and id = any($2)', [projectId, ids]);
  return new Set(rows.map((row) => row.id));
}

async function insertFresh(tx: Queryable, projectId: string, events: ValidEvent[], now: Date): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const rows = events.map((e) => ({ id: e.id, customer_id: e.customerId, event_name: e.name, ts: e.at.toISOString(), properties: e.properties }));
  const { rows: inserted } = await tx.query<{ id: string }>(
    `with incoming as (
       select * from jsonb_to_recordset($2::jsonb) as x(id text, customer_id text, event_name text, ts timestamptz, properties jsonb)
     ), fresh as (
       insert into event_ids (project_id, id, received_at) select $1, id, $3 from incoming on conflict do nothing returning id
     )
     insert into events (project_id, id, customer_id, event_name, timestamp, properties, received_at)
     select $1, i.id, i.customer_id, i.event_name, i.ts, i.properties, $3 from incoming i join fresh f on f.id = i.id
     returning id`,
    [projectId, JSON.stringify(rows), now],
  );
  return new Set(inserted.map((row) => row.id));
}

type RefusedValue = ValueProblem & { property: string };

/**
 * The events whose values every meter they count for takes; the others are rejected, but a
 * repeat of an event taken before the meter (or this rule) existed stays a duplicate.
 */
async function withoutRefusedValues(
  tx: Queryable,
  projectId: string,
  meters: Meter[],
  events: ValidEvent[],
  settle: { duplicate: (event: ValidEvent) => void; reject: (event: ValidEvent, problem: RefusedValue) => void },
): Promise<ValidEvent[]> {
  const refused = new Map<ValidEvent, RefusedValue>();
  for (const event of events) {
    const problem = refusedValue(meters, event);
    if (problem) refused.set(event, problem);
  }
  if (refused.size === 0) return events;
  const known = await knownIds(tx, projectId, [...refused.keys()].map((event) => event.id));
  for (const [event, problem] of refused) {
    if (known.has(event.id)) settle.duplicate(event);
    else settle.reject(event, problem);
  }
  return events.filter((event) => !refused.has(event));
}

/** The first value of the event that a meter it counts for refuses, with the property. */
function refusedValue(meters: Meter[], event: ValidEvent): RefusedValue | undefined {
  for (const meter of meters) {
    if (meter.event_name !== event.name || meter.property === null || !matchesFilters(meter, event.properties)) continue;
    const reading = readMeterValue(meter, event.properties);
    if (reading.kind === 'refused') return { ...reading.problem, property: meter.property };
  }
  return undefined;
}

async function count(tx: Queryable, events: ValidEvent[], meters: Meter[], options: IngestOptions): Promise<StoredSnapshot[]> {
  if (meters.length === 0) return [];
  const featureMeters = await meteredFeatureMeters(tx, options.projectId);
  const featuresOf = (meter: Meter) => [...featureMeters].filter(([, meterId]) => meterId === meter.id).map(([feature]) => feature);

  const matched = events.flatMap((event) =>
    meters.filter((meter) => meter.event_name === event.name && matchesFilters(meter, event.properties)).map((meter) => ({ event, meter })),
  );
  // Customers first, in id order: the lock order every change uses, so batches cannot deadlock.
  const customers = [...new Set(matched.map((m) => m.event.customerId))].sort();
  const tied = new Set(customers.filter((customerId) => matched.some((m) => m.event.customerId === customerId && featuresOf(m.meter).length > 0)));
  const results = new Map<string, EngineResult>();
  for (const customerId of customers) {
    await lockCustomer(tx, customerId);
    if (tied.has(customerId)) results.set(customerId, await computeForCustomer(tx, options.projectId, customerId, options.now, options.pastDueGraceMs));
  }
  // The billing job reads a period's usage holding these same locks. If it invoiced a period
  // while this batch was inserting, these events would be in no invoice: start the batch over
  // (the request's transaction runs again), and the first check refuses them.
  if ((await eventsInInvoicedPeriods(tx, options.projectId, matched.map((m) => m.event))).size > 0) {
    throw new TransactionConflict('A billing period this batch writes into was invoiced meanwhile.');
  }

  const deltas = new Map<string, CounterDelta>();
  const daily = new Map<string, RollupDelta>();
  for (const { event, meter } of matched) {
    const part = contribution(meter, event.properties, event.at);
    if (!part) continue;
    if (part.kind === 'add') addToRollup(daily, event.customerId, meter.id, event.at, event.properties, part.amount);
    for (const period of periodsFor(results.get(event.customerId), featuresOf(meter), event.at)) {
      const key = [event.customerId, meter.id, period.start.toISOString(), period.end.toISOString()].join('|');
      let delta = deltas.get(key);
      if (!delta) {
        delta = { customerId: event.customerId, meterId: meter.id, start: period.start, end: period.end, value: null, latestAt: null, uniques: new Set() };
        deltas.set(key, delta);
      }
      fold(delta, part);
    }
  }
  await writeCounters(tx, options.projectId, [...deltas.values()], options.now);
  await writeRollup(tx, options.projectId, [...daily.values()]);

  const snapshots: StoredSnapshot[] = [];
  for (const customerId of tied) snapshots.push(await storeSnapshot(tx, options.projectId, customerId, options.now, results.get(customerId)!));
  return snapshots;
}

async function writeCounters(tx: Queryable, projectId: string, deltas: CounterDelta[], now: Date): Promise<void> {
  if (deltas.length === 0) return;
  const keyOf = (d: { customer_id: string; meter_id: string; period_start: string; period_end: string }) =>
    [d.customer_id, d.meter_id, d.period_start, d.period_end].join('|');
  const rows = deltas
    .map((d) => ({ customer_id: d.customerId, meter_id: d.meterId, period_start: d.start.toISOString(), period_end: d.end.toISOString(), d }))
    .sort((a, b) => keyOf(a).localeCompare(keyOf(b)));

  // Distinct values first: only the ones this period had not seen add to a unique count.
  const uniques = rows.flatMap((r) => [...r.d.uniques].map((value) => ({ ...r, d: undefined, value })));
  if (uniques.length > 0) {
    const { rows: added } = await tx.query<{ customer_id: string; meter_id: string; period_start: Date; period_end: Date }>(
      `insert into usage_unique_values (customer_id, meter_id, period_start, period_end, value)
       select customer_id, meter_id, period_start, period_end, value
       from jsonb_to_recordset($1::jsonb) as x(customer_id text, meter_id text, period_start timestamptz, period_end timestamptz, value text)
       on conflict do nothing
       returning customer_id, meter_id, period_start, period_end`,
      [JSON.stringify(uniques)],
    );
    for (const row of added) {
      const match = rows.find(
        (r) => r.customer_id === row.customer_id && r.meter_id === row.meter_id && r.d.start.getTime() === row.period_start.getTime() && r.d.end.getTime() === row.period_end.getTime(),
      );
      if (match) match.d.value = (match.d.value ?? new Decimal(0)).plus(1);
    }
  }

  await tx.query(
    `insert into usage_counters as c (project_id, customer_id, meter_id, period_start, period_end, value, latest_at, updated_at)
     select $1, customer_id, meter_id, period_start, period_end, value, latest_at, $3
     from jsonb_to_recordset($2::jsonb) as x(customer_id text, meter_id text, period_start timestamptz, period_end timestamptz, value numeric, latest_at timestamptz)
     on conflict (customer_id, meter_id, period_start, period_end) do update set
       value = case (select aggregation from meters m where m.id = c.meter_id)
         when 'max' then greatest(c.value, excluded.value)
         when 'latest' then case when excluded.latest_at >= coalesce(c.latest_at, excluded.latest_at) then excluded.value else c.value end
         else c.value + excluded.value
       end,
       latest_at = greatest(c.latest_at, excluded.latest_at),
       updated_at = excluded.updated_at`,
    [projectId, JSON.stringify(rows.map(({ d, ...key }) => ({ ...key, value: (d.value ?? new Decimal(0)).toString(), latest_at: d.latestAt?.toISOString() ?? null }))), now],
  );
}

/** One upsert per batch, in key order (the order concurrent batches lock rows in). */
async function writeRollup(tx: Queryable, projectId: string, deltas: RollupDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  const keyOf = (d: RollupDelta) => JSON.stringify([d.customer_id, d.meter_id, d.day, d.property, d.value]);
  const rows = [...deltas].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0)).map((d) => ({ ...d, quantity: d.quantity.toFixed() }));
  await tx.query(
    `insert into usage_daily as u (project_id, customer_id, meter_id, day, property, value, quantity)
     select $1, customer_id, meter_id, day, property, value, quantity
     from jsonb_to_recordset($2::jsonb) as x(customer_id text, meter_id text, day date, property text, value text, quantity numeric)
     on conflict (customer_id, meter_id, day, property, value) do update set quantity = u.quantity + excluded.quantity`,
    [projectId, JSON.stringify(rows)],
  );
}
