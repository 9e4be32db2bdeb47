// What the reservation routes call. Every change takes the customer's row lock first, as usage
// ingestion and every entitlement change do, so concurrent reserves on any instance take turns
// and each decides on what the others committed: together they never hold more than the limit
// (or, for credit, more than the balance).
import { decideAccess, entitlementOf, type components, type operations } from '@nozle/openapi';
import { spendPlan } from '../billing/credit-spend.js';
import { grantsWithCredit } from '../billing/credits-store.js';
import { findFeature } from '../catalog/features-store.js';
import { findMeter, type Meter } from '../catalog/meters-store.js';
import { findCustomer, lockCustomer } from '../customers/store.js';
import type { Queryable } from '../db/database.js';
import type { Work } from '../db/work.js';
import type { StoredSnapshot } from '../entitlements/snapshot.js';
import { ApiError, invalidParam } from '../http/errors.js';
import { paginate, type ListEnvelope } from '../http/pagination.js';
import type { EventLimits } from '../usage/batch-rules.js';
import { ingestEvents, type IngestDeps } from '../usage/ingest.js';
import {
  checkReservableMeter,
  commitEvent,
  commitRefusal,
  committedQuantity,
  conflict,
  DEFAULT_EXPIRES_IN,
  holdAsked,
  isExpired,
  toReservation,
  type Reservation,
} from './rules.js';
import { availableCredits } from './credit-holds.js';
import {
  drawReservedCredit,
  findReservation,
  insertReservation,
  listReservationRows,
  reservationSeq,
  settleReservation,
  type ReservationRow,
} from './store.js';

type CreateParams = components['schemas']['ReservationCreateParams'];
type CommitParams = components['schemas']['ReservationCommitParams'];
type ListQuery = NonNullable<operations['listReservations']['parameters']['query']>;

/** What reservations are given at assembly: ingestion's ports (a commit is ingested usage) and its limits. */
export interface ReservationDeps extends IngestDeps {
  eventLimits: Omit<EventLimits, 'now'>;
}

/** A reference the request names that does not exist is a bad parameter here, not a missing resource. */
async function known<T>(param: string, find: () => Promise<T>): Promise<T> {
  try {
    return await find();
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) throw invalidParam(param, error.message, 'resource_missing');
    throw error;
  }
}

/** The metered feature by key or id, and the meter that records its commits. */
async function reservableFeature(db: Queryable, projectId: string, ref: string): Promise<{ key: string; meter: Meter & { property: string } }> {
  const feature = await known('feature', () => findFeature(db, projectId, ref));
  if (feature.type !== 'metered') throw invalidParam('feature', `The feature '${feature.key}' is ${feature.type}, not metered: it has no limit to reserve.`);
  const meter = feature.meter === null ? null : await findMeter(db, projectId, feature.meter);
  checkReservableMeter(feature.key, meter);
  return { key: feature.key, meter };
}

/**
 * Holds `quantity` if it fits. The hold is written first and the customer's snapshot stored
 * with it; that snapshot's numbers decide (the rule every check answers with), and a refusal
 * rolls both back.
 */
export async function createReservation(work: Work, deps: ReservationDeps, projectId: string, params: CreateParams): Promise<Reservation> {
  const hold = holdAsked(params);
  const customer = await known('customer', () => findCustomer(work.db, projectId, params.customer));
  const expiresAt = new Date(work.now.getTime() + (params.expires_in ?? DEFAULT_EXPIRES_IN) * 1000);
  const asked = { customerId: customer.id, quantity: params.quantity, expiresAt };
  return 'currency' in hold
    ? reserveCredit(work, deps, projectId, { ...asked, currency: hold.currency })
    : reserveUnits(work, deps, projectId, { ...asked, feature: hold.feature });
}

interface Asked {
  customerId: string;
  quantity: number;
  expiresAt: Date;
}

/** Holds a metered feature's units if they fit in what is left of its limit. */
async function reserveUnits(work: Work, deps: ReservationDeps, projectId: string, asked: Asked & { feature: string }): Promise<Reservation> {
  const { db, now } = work;
  const feature = await reservableFeature(db, projectId, asked.feature);
  const { snapshots } = deps.entitlements;
  await lockCustomer(db, asked.customerId);
  const result = await snapshots.compute(db, projectId, asked.customerId, now);
  const row = await insertReservation(
    db,
    projectId,
    { customerId: asked.customerId, hold: { feature: feature.key }, quantity: asked.quantity, expiresAt: asked.expiresAt },
    now,
  );
  const stored = await snapshots.store(db, projectId, asked.customerId, now, result);
  const entitlement = entitlementOf(stored.snapshot, feature.key);
  // With the hold counted in `reserved`, what fits leaves used + reserved within the limit.
  const decision = entitlement ? decideAccess(entitlement, 0) : { allowed: false, reason: 'no_access' as const };
  if (!decision.allowed) {
    const reason = decision.reason ?? 'no_access';
    throw conflict(
      reason,
      reason === 'limit_reached'
        ? `The quantity ${asked.quantity} does not fit in what is left of the customer's '${feature.key}' limit.`
        : `The customer has no access to '${feature.key}' (${reason}).`,
      reason === 'limit_reached' ? 'quantity' : 'feature',
    );
  }
  work.afterCommit(() => deps.entitlements.published(stored));
  return toReservation(row, now);
}

/** Holds credit if the balance left after the other holds covers it. */
async function reserveCredit(work: Work, deps: ReservationDeps, projectId: string, asked: Asked & { currency: string }): Promise<Reservation> {
  const { db, now } = work;
  await lockCustomer(db, asked.customerId);
  const { balances } = await availableCredits(db, asked.customerId, now);
  const available = balances[asked.currency] ?? 0;
  if (available < asked.quantity) {
    throw conflict(
      'insufficient_credits',
      `The customer has ${available} ${asked.currency} of credit free to reserve, less than ${asked.quantity}.`,
      'quantity',
    );
  }
  const row = await insertReservation(
    db,
    projectId,
    { customerId: asked.customerId, hold: { currency: asked.currency }, quantity: asked.quantity, expiresAt: asked.expiresAt },
    now,
  );
  await storeSnapshot(work, deps, projectId, asked.customerId);
  return toReservation(row, now);
}

export async function retrieveReservation(db: Queryable, projectId: string, id: string, now: Date): Promise<Reservation> {
  return toReservation(await findReservation(db, projectId, id), now);
}

/** The project's reservations, newest first; a customer's and one state's with the filters. */
export async function listReservations(db: Queryable, projectId: string, query: ListQuery, now: Date): Promise<ListEnvelope<Reservation>> {
  const customerId = query.customer ? (await findCustomer(db, projectId, query.customer)).id : undefined;
  const filter = { ...(customerId ? { customerId } : {}), ...(query.status ? { status: query.status } : {}) };
  return paginate(
    '/v1/reservations',
    query,
    'reservation',
    (id) => reservationSeq(db, projectId, id),
    async (limit, afterSeq) => (await listReservationRows(db, projectId, filter, now, limit, afterSeq)).map((row) => toReservation(row, now)),
  );
}

/** The reservation read again under its customer's lock, which every change of it takes. */
async function lockedReservation(db: Queryable, projectId: string, id: string): Promise<ReservationRow> {
  const { customer_id } = await findReservation(db, projectId, id);
  await lockCustomer(db, customer_id);
  return findReservation(db, projectId, id);
}

/**
 * Records the actual amount as usage, once: the event's id is the reservation's, and a
 * reservation already committed answers as it is.
 */
export async function commitReservation(work: Work, deps: ReservationDeps, projectId: string, id: string, params: CommitParams): Promise<Reservation> {
  const { db, now } = work;
  const row = await lockedReservation(db, projectId, id);
  if (row.status === 'committed') return toReservation(row, now);
  const refusal = commitRefusal(row, now);
  if (refusal) throw refusal;
  const quantity = committedQuantity(row, params.quantity);
  if (row.currency !== null) return commitCredit(work, deps, projectId, { ...row, currency: row.currency }, quantity);
  if (row.feature_key === null) throw new Error(`reservation ${row.id} holds neither a feature nor credit`);
  const feature = await reservableFeature(db, projectId, row.feature_key);
  const committed = await settleReservation(db, row.id, quantity, now);
  const recorded =
    quantity > 0
      ? await ingestEvents(work, deps, projectId, [commitEvent({ ...row, feature_key: row.feature_key }, feature.meter, quantity)], deps.eventLimits)
      : undefined;
  const outcome = recorded?.results[0];
  if (outcome?.status === 'rejected') {
    throw conflict(outcome.error?.code ?? 'usage_rejected', `The usage of this commit was refused: ${outcome.error?.message ?? 'rejected'}`);
  }
  // An accepted event stored the snapshot (without the hold); otherwise it is stored here.
  if (outcome?.status !== 'accepted') await storeSnapshot(work, deps, projectId, row.customer_id);
  return toReservation(committed, now);
}

/**
 * Draws the amount from the customer's grants at once, exactly once (the reservation settles in
 * the same transaction). Grants that expired under the hold and leave too little refuse it, and
 * the hold stays.
 */
async function commitCredit(
  work: Work,
  deps: ReservationDeps,
  projectId: string,
  row: ReservationRow & { currency: string },
  quantity: number,
): Promise<Reservation> {
  const { db, now } = work;
  const plan = quantity > 0 ? spendPlan(await grantsWithCredit(db, row.customer_id, row.currency), quantity, now) : [];
  if (plan === null) {
    throw conflict(
      'insufficient_credits',
      `The customer's grants no longer hold ${quantity} ${row.currency} of credit (some expired under the hold).`,
      'quantity',
    );
  }
  const committed = await settleReservation(db, row.id, quantity, now);
  await drawReservedCredit(db, row.id, plan);
  await storeSnapshot(work, deps, projectId, row.customer_id);
  return toReservation(committed, now);
}

/** Frees the hold; releasing again, or an expired reservation, answers it as it is. */
export async function releaseReservation(work: Work, deps: ReservationDeps, projectId: string, id: string): Promise<Reservation> {
  const { db, now } = work;
  const row = await lockedReservation(db, projectId, id);
  if (row.status === 'committed') throw conflict('reservation_committed', `The reservation '${row.id}' was committed; it cannot be released.`);
  if (row.status === 'released' || isExpired(row, now)) return toReservation(row, now);
  const released = await settleReservation(db, row.id, null, now);
  await storeSnapshot(work, deps, projectId, row.customer_id);
  return toReservation(released, now);
}

/** The customer's next snapshot (it is locked), published once the change commits. */
async function storeSnapshot(work: Work, deps: ReservationDeps, projectId: string, customerId: string): Promise<void> {
  const stored: StoredSnapshot = await deps.entitlements.snapshots.recompute(work.db, projectId, customerId, work.now);
  work.afterCommit(() => deps.entitlements.published(stored));
}
