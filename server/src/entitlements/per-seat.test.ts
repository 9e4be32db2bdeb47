import { describe, expect, it } from 'vitest';
import { termsForSeats } from './per-seat.js';
import type { FeatureTerms } from './types.js';

const messages: FeatureTerms = { feature: 'messages', limit: 1_000, reset: 'month', overage: false, per_seat: true };
const seats: FeatureTerms = { feature: 'seats', limit: 1, reset: 'never', overage: false, per_seat: true };
const flat: FeatureTerms = { feature: 'projects', limit: 10, reset: 'never', overage: false };
const unlimited: FeatureTerms = { feature: 'exports', limit: null, reset: 'month', overage: false, per_seat: true };

describe('termsForSeats', () => {
  // [what, terms, seats, limit]
  const cases: Array<[string, FeatureTerms, number, number | null]> = [
    ['5 seats × 1,000 messages', messages, 5, 5_000],
    ['1 seat: the limit itself', messages, 1, 1_000],
    ['a seats feature (1 per seat) is the quantity', seats, 3, 3],
    ['a limit not per seat is kept', flat, 5, 10],
    ['unlimited per seat stays unlimited', unlimited, 5, null],
  ];
  it.each(cases)('%s', (_, terms, quantity, limit) => {
    const [scaled] = termsForSeats([terms], quantity);
    expect(scaled!.limit).toBe(limit);
    expect(scaled).not.toHaveProperty('per_seat');
  });
});
