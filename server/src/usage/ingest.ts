// Records a batch of usage events exactly once and keeps the usage counters (and the
// entitlement snapshots that show them) current, all in the caller's transaction. The rules are
// in batch-rules.ts, the SQL in events-store.ts and counters-store.ts.
import { meteredFeatureMeters } from '../catalog/features-store.js';
import { metersForEvents, type Meter } from '../catalog/meters-store.js';
import { createOnFirstSight, creatableRef } from '../customers/first-sight.js';
import type { NewCustomerPlans } from '../customers/service.js';
import { lockCustomer, resolveCustomerRefs } from '../customers/store.js';
import type { Queryable } from '../db/database.js';
import { TransactionConflict } from '../db/transaction.js';
import type { Work } from '../db/work.js';
import type { StoredSnapshot } from '../entitlements/snapshot.js';
import type { Snapshots } from '../entitlements/snapshots.js';
import type { EngineResult } from '../entitlements/types.js';
import {
  BatchResults,
  checkEvents,
  firstSightCustomers,
  matchMeters,
  refusedValue,
  usageDeltas,
  withCustomers,
  type EventBatchResult,
  type EventLimits,
  type RefusedValue,
  type ValidEvent,
} from './batch-rules.js';
import { countMissingFeaturePeriods } from './counter-backfill.js';
import { writeCounters, writeRollup } from './counters-store.js';
import { insertFresh, knownIds } from './events-store.js';
import { counterKey } from './periods.js';

/**
 * Which of these events fall in a billing period already invoiced for their customer (their
 * indexes): a port, since billing (above usage) keeps the invoices; handed in at assembly.
 */
export type InvoicedPeriods = (db: Queryable, projectId: string, events: ValidEvent[]) => Promise<Set<number>>;

/**
 * Customers whose usage a batch counted on meters tied to no feature (their snapshots do not
 * move): their spend alerts are evaluated there (a port, since alerts sit above usage; handed in
 * at assembly). Answers those an alert fired for, whose snapshots are then stored to show it.
 */
export type UntiedUsage = (db: Queryable, projectId: string, customerIds: string[], now: Date) => Promise<string[]>;

/** What ingestion is given at assembly. */
export interface IngestDeps {
  entitlements: { readonly snapshots: Snapshots; published(stored: StoredSnapshot): Promise<void> };
  invoicedPeriods: InvoicedPeriods;
  untiedUsage: UntiedUsage;
  /** What a customer created on first sight is given (each group's default plan). */
  newCustomerPlans: NewCustomerPlans;
}

/** One batch in `work`; the snapshots it moves are published once it commits. */
export async function ingestEvents(
  work: Work,
  deps: IngestDeps,
  projectId: string,
  raw: unknown[],
  limits: Omit<EventLimits, 'now'>,
): Promise<EventBatchResult> {
  const { db, now } = work;
  const results = new BatchResults(raw.length);
  const candidates = checkEvents(raw, { ...limits, now }, results);
  const customerIds = await resolveCustomerRefs(db, projectId, [...new Set(candidates.map((c) => c.event.customer))]);
  // In reference order, the order concurrent batches meet them in: a batch that loses the race
  // for one runs again (TransactionConflict) and finds it.
  const toCreate = [...firstSightCustomers(candidates, customerIds, creatableRef)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [ref, data] of toCreate) customerIds.set(ref, await createOnFirstSight(work, deps.newCustomerPlans, projectId, ref, data));
  let valid = withCustomers(candidates, customerIds, results);
  const meters = valid.length === 0 ? [] : await metersForEvents(db, projectId, [...new Set(valid.map((e) => e.name))]);
  valid = await withoutRefusedValues(db, projectId, meters, valid, results);
  valid = await withoutInvoiced(db, deps.invoicedPeriods, projectId, valid, results);

  // One statement: ids this project has not seen are recorded with their events.
  const fresh = await insertFresh(db, projectId, valid, now);
  for (const event of valid) {
    if (fresh.has(event.id)) results.accept(event.index, event.id);
    else results.duplicate(event.index, event.id);
  }
  const accepted = valid.filter((event) => fresh.has(event.id));
  const snapshots = accepted.length > 0 && meters.length > 0 ? await count(work, deps, projectId, accepted, meters) : [];
  for (const stored of snapshots) work.afterCommit(() => deps.entitlements.published(stored));
  return results.summary();
}

/**
 * The events whose values every meter they count for takes (values.ts); the others are rejected,
 * but a repeat of an event taken before the meter (or this rule) existed stays a duplicate.
 */
async function withoutRefusedValues(db: Queryable, projectId: string, meters: Meter[], events: ValidEvent[], results: BatchResults): Promise<ValidEvent[]> {
  const refused = new Map<ValidEvent, RefusedValue>();
  for (const event of events) {
    const problem = refusedValue(meters, event);
    if (problem) refused.set(event, problem);
  }
  if (refused.size === 0) return events;
  const known = await knownIds(
    db,
    projectId,
    [...refused.keys()].map((event) => event.id),
  );
  for (const [event, problem] of refused) {
    if (known.has(event.id)) results.duplicate(event.index, event.id);
    else
      results.reject(
        event.index,
        problem.code,
        `The property '${problem.property}' ${problem.message}`,
        `events[${event.index}][properties][${problem.property}]`,
      );
  }
  return events.filter((event) => !refused.has(event));
}

/**
 * An event in a billing period already invoiced would change a bill already made; a repeat of
 * one accepted before the invoice stays a duplicate, so the sender's retry is safe. Checked here
 * without a lock (batches of one customer then overlap while they insert), and again in count()
 * once the customers are locked.
 */
async function withoutInvoiced(
  db: Queryable,
  invoicedPeriods: InvoicedPeriods,
  projectId: string,
  events: ValidEvent[],
  results: BatchResults,
): Promise<ValidEvent[]> {
  const late = await invoicedPeriods(db, projectId, events);
  if (late.size === 0) return events;
  const lateEvents = events.filter((event) => late.has(event.index));
  const known = await knownIds(
    db,
    projectId,
    lateEvents.map((event) => event.id),
  );
  for (const event of lateEvents) {
    if (known.has(event.id)) results.duplicate(event.index, event.id);
    else
      results.reject(
        event.index,
        'period_invoiced',
        "The customer's billing period containing this timestamp has already been invoiced.",
        `events[${event.index}][timestamp]`,
      );
  }
  return events.filter((event) => !late.has(event.index));
}

/** Counters, and the snapshots of customers whose metered features they feed (stored at their next version). */
async function count(work: Work, deps: IngestDeps, projectId: string, events: ValidEvent[], meters: Meter[]): Promise<StoredSnapshot[]> {
  const { db, now } = work;
  const { snapshots } = deps.entitlements;
  const featureMeters = await meteredFeatureMeters(db, projectId);
  const featuresOf = (meter: Meter) => [...featureMeters].filter(([, meterId]) => meterId === meter.id).map(([feature]) => feature);
  const matched = matchMeters(events, meters);
  // Customers first, in id order: the lock order every change uses, so batches cannot deadlock.
  const customers = [...new Set(matched.map((m) => m.event.customerId))].sort();
  const tied = new Set(customers.filter((customerId) => matched.some((m) => m.event.customerId === customerId && featuresOf(m.meter).length > 0)));
  const results = new Map<string, EngineResult>();
  for (const customerId of customers) {
    await lockCustomer(db, customerId);
    if (tied.has(customerId)) results.set(customerId, await snapshots.compute(db, projectId, customerId, now));
  }
  // The billing job reads a period's usage holding these same locks. If it invoiced a period
  // while this batch was inserting, these events would be in no invoice: start the batch over
  // (the request's transaction runs again), and the first check refuses them.
  if (
    (
      await deps.invoicedPeriods(
        db,
        projectId,
        matched.map((m) => m.event),
      )
    ).size > 0
  ) {
    throw new TransactionConflict('A billing period this batch writes into was invoiced meanwhile.');
  }
  // A feature period with no counter yet is counted from the events (this batch's among them), so its delta is left out.
  const counted = await countMissingFeaturePeriods(db, projectId, matched, results, featuresOf, now);
  const deltas = usageDeltas(matched, results, featuresOf);
  const toAdd = deltas.counters.filter((d) => !counted.has(counterKey(d.customerId, d.meterId, d)));
  await writeCounters(db, projectId, toAdd, now);
  await writeRollup(db, projectId, deltas.daily);
  const stored: StoredSnapshot[] = [];
  for (const customerId of tied) stored.push(await snapshots.store(db, projectId, customerId, now, results.get(customerId)!));
  // Billed usage that moved no snapshot may still reach a spend alert; one that fires is shown in a new one.
  const untied = customers.filter((customerId) => !tied.has(customerId));
  const alerted = untied.length > 0 ? await deps.untiedUsage(db, projectId, untied, now) : [];
  for (const customerId of alerted) stored.push(await snapshots.store(db, projectId, customerId, now, await snapshots.compute(db, projectId, customerId, now)));
  return stored;
}
