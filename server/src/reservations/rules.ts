// The rules of a reservation, pure: how it reads at an instant, which meters can record one,
// what a commit may record, and the usage event a commit records.
import type { components } from '@nozle/openapi';
import type { Meter } from '../catalog/meters-store.js';
import { unixSeconds } from '../clock.js';
import { ApiError, invalidParam } from '../http/errors.js';
import type { ReservationRow } from './store.js';

export type Reservation = components['schemas']['Reservation'];
type EventInput = components['schemas']['EventInput'];

/** How long a hold lasts when the request names no `expires_in` (seconds). */
export const DEFAULT_EXPIRES_IN = 300;

/** A held reservation past its expiry holds nothing and reads `expired`. */
export const isExpired = (row: ReservationRow, now: Date): boolean => row.status === 'held' && row.expires_at <= now;

export function toReservation(row: ReservationRow, now: Date): Reservation {
  return {
    id: row.id,
    object: 'reservation',
    customer: row.customer_id,
    feature: row.feature_key,
    currency: row.currency,
    quantity: row.quantity,
    status: isExpired(row, now) ? 'expired' : row.status,
    committed_quantity: row.committed_quantity,
    expires_at: unixSeconds(row.expires_at),
    created: unixSeconds(row.created_at),
  };
}

/** Which of the two a reservation asks for: exactly one of `feature` and `currency`. */
export function holdAsked(params: { feature?: string; currency?: string }): { feature: string } | { currency: string } {
  if (params.feature !== undefined && params.currency !== undefined) throw invalidParam('currency', 'Give a feature or a currency of credit, not both.');
  if (params.currency !== undefined) return { currency: params.currency };
  if (params.feature === undefined) throw invalidParam('feature', 'Give the metered feature to reserve, or a currency of credit.');
  return { feature: params.feature };
}

/** A commit records the quantity as one event's value, so the feature's meter must sum a property. */
export function checkReservableMeter(feature: string, meter: Meter | null): asserts meter is Meter & { property: string } {
  if (meter === null) throw invalidParam('feature', `The feature '${feature}' has no meter: nothing would record a commit.`);
  if (meter.aggregation !== 'sum' || meter.property === null) {
    throw invalidParam('feature', `The feature '${feature}' is counted by a '${meter.aggregation}' meter; reservations need a meter that sums a property.`);
  }
}

/** Why a reservation in this state cannot be committed (undefined: it can). */
export function commitRefusal(row: ReservationRow, now: Date): ApiError | undefined {
  if (row.status === 'released') return conflict('reservation_released', `The reservation '${row.id}' was released; it cannot be committed.`);
  if (isExpired(row, now)) return conflict('reservation_expired', `The reservation '${row.id}' expired; it cannot be committed.`);
  return undefined;
}

/** What a commit records: the amount sent, at most the amount held; the amount held when none is sent. */
export function committedQuantity(row: ReservationRow, requested: number | undefined): number {
  const quantity = requested ?? row.quantity;
  if (quantity > row.quantity) {
    throw invalidParam('quantity', `The quantity ${quantity} is more than the ${row.quantity} reserved: reserve the most you may use.`);
  }
  return quantity;
}

/** The usage event a commit records: the reservation's id, the meter's event, the amount in its property (and its filters' values, so it matches). */
export function commitEvent(row: ReservationRow & { feature_key: string }, meter: Meter & { property: string }, quantity: number): EventInput {
  const properties: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(meter.filters)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) properties[key] = first;
  }
  properties[meter.property] = quantity;
  return { id: row.id, customer: row.customer_id, event: meter.event_name, properties };
}

export const conflict = (code: string, message: string, param: string | null = null) => new ApiError(409, 'invalid_request_error', code, message, param);
