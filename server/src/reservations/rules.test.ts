import { describe, expect, it } from 'vitest';
import type { Meter } from '../catalog/meters-store.js';
import { ApiError } from '../http/errors.js';
import { checkReservableMeter, commitEvent, commitRefusal, committedQuantity, holdAsked, toReservation } from './rules.js';
import type { ReservationRow } from './store.js';

const expiresAt = new Date('2026-03-01T12:05:00Z');
const row = (fields: Partial<ReservationRow> & { feature_key?: string } = {}): ReservationRow & { feature_key: string } => ({
  id: 'rsv_1',
  customer_id: 'cus_1',
  feature_key: 'tokens',
  currency: null,
  quantity: 100,
  status: 'held',
  committed_quantity: null,
  expires_at: expiresAt,
  created_at: new Date('2026-03-01T12:00:00Z'),
  ...fields,
});
const meter = (fields: Partial<Meter> = {}): Meter => ({
  id: 'mtr_1',
  object: 'meter',
  key: 'tokens',
  name: 'Tokens',
  event_name: 'completion',
  aggregation: 'sum',
  property: 'tokens',
  filters: {},
  allow_negative: false,
  created: 0,
  ...fields,
});

describe('a reservation at an instant', () => {
  it.each([
    ['a millisecond before expires_at', -1, 'held'],
    ['at expires_at', 0, 'expired'],
    ['after expires_at', 1, 'expired'],
  ])('held, %s, reads %s', (_, offsetMs, status) => {
    expect(toReservation(row(), new Date(expiresAt.getTime() + offsetMs)).status).toBe(status);
  });

  it('settled, reads as it settled whatever the time', () => {
    const later = new Date(expiresAt.getTime() + 60_000);
    expect(toReservation(row({ status: 'committed', committed_quantity: 5 }), later)).toMatchObject({ status: 'committed', committed_quantity: 5 });
    expect(toReservation(row({ status: 'released' }), later).status).toBe('released');
  });
});

describe('committing', () => {
  it.each([
    [undefined, 100],
    [0, 0],
    [100, 100],
    [37, 37],
  ])('sent %s, records %s', (requested, recorded) => {
    expect(committedQuantity(row(), requested)).toBe(recorded);
  });

  it('refuses more than was reserved, naming quantity', () => {
    expect(() => committedQuantity(row(), 101)).toThrow(expect.objectContaining({ status: 400, param: 'quantity' }));
  });

  it('refuses a released or expired reservation with 409s of their own', () => {
    expect(commitRefusal(row({ status: 'released' }), new Date(0))).toMatchObject({ status: 409, code: 'reservation_released' });
    expect(commitRefusal(row(), expiresAt)).toMatchObject({ status: 409, code: 'reservation_expired' });
    expect(commitRefusal(row(), new Date(expiresAt.getTime() - 1))).toBeUndefined();
  });

  it("records one event: the reservation's id, the meter's event, the amount in its property and its filters' values", () => {
    const filtered = meter({ filters: { model: ['gpt', 'claude'], region: 'eu' } }) as Meter & { property: string };
    expect(commitEvent(row(), filtered, 42)).toEqual({
      id: 'rsv_1',
      customer: 'cus_1',
      event: 'completion',
      properties: { model: 'gpt', region: 'eu', tokens: 42 },
    });
  });
});

describe('which meters can record a commit', () => {
  it('takes a sum meter with a property', () => {
    expect(() => checkReservableMeter('tokens', meter())).not.toThrow();
  });

  it.each([
    ['no meter', null],
    ['a count meter', meter({ aggregation: 'count', property: null })],
    ['a max meter', meter({ aggregation: 'max' })],
    ['a unique_count meter', meter({ aggregation: 'unique_count' })],
  ])('refuses %s with a 400 naming feature', (_, candidate) => {
    let thrown: unknown;
    try {
      checkReservableMeter('tokens', candidate);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    expect(thrown).toMatchObject({ status: 400, param: 'feature' });
  });
});

describe('what a reservation holds', () => {
  it('is a feature or a currency of credit, exactly one of them', () => {
    expect(holdAsked({ feature: 'tokens' })).toEqual({ feature: 'tokens' });
    expect(holdAsked({ currency: 'usd' })).toEqual({ currency: 'usd' });
    expect(() => holdAsked({})).toThrow(expect.objectContaining({ status: 400, param: 'feature' }));
    expect(() => holdAsked({ feature: 'tokens', currency: 'usd' })).toThrow(expect.objectContaining({ status: 400, param: 'currency' }));
  });
});
