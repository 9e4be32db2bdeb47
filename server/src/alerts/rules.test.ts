import { describe, expect, it } from 'vitest';
import { decide, depletedCurrencies, measure, type AlertRule, type CustomerState, type Firing } from './rules.js';

const START = 1_772_366_400; // 2026-03-01T12:00:00Z
const END = START + 31 * 86_400;
const at = (seconds: number) => new Date(seconds * 1000);

const messages = (used: number, limit: number | null, allowed = true): CustomerState['features'] => ({
  messages: {
    feature: 'messages',
    type: 'metered',
    allowed,
    reason: allowed ? null : 'no_access',
    source: null,
    limit,
    used,
    period_start: START,
    resets_at: END,
  },
});
const state = (overrides: Partial<CustomerState> = {}): CustomerState => ({ features: messages(0, 10), credits: {}, previousCredits: {}, ...overrides });
const usage = (percent: number | null, amount: number | null = null): AlertRule => ({
  id: 'alr_u',
  type: 'usage',
  feature: 'messages',
  percent,
  amount,
  currency: null,
});
const credit = (amount: number): AlertRule => ({ id: 'alr_c', type: 'credit_balance', feature: null, percent: null, amount, currency: 'usd' });
const spend = (amount: number, currency = 'usd'): AlertRule => ({ id: 'alr_s', type: 'spend', feature: null, percent: null, amount, currency });
const spent = (total: number): CustomerState['spend'] => ({ currency: 'usd', total, subscription: 'sub_1', periodStart: at(START), periodEnd: at(END) });

describe('measure', () => {
  it.each([
    ['80% of 10, at 8', usage(80), state({ features: messages(8, 10) }), { reached: true, threshold: 8, value: 8 }],
    ['80% of 10, at 7', usage(80), state({ features: messages(7, 10) }), { reached: false, threshold: 8, value: 7 }],
    ['a percentage rounds up (75% of 10 is 8)', usage(75), state({ features: messages(7, 10) }), { reached: false, threshold: 8 }],
    ['an amount of units', usage(null, 5), state({ features: messages(5, null) }), { reached: true, threshold: 5, value: 5 }],
    ['120% of a limit with overage', usage(120), state({ features: messages(12, 10) }), { reached: true, threshold: 12 }],
    ['a balance below the amount', credit(500), state({ credits: { usd: 499 } }), { reached: true, threshold: 500, value: 499, mayFire: true }],
    ['a balance at the amount', credit(500), state({ credits: { usd: 500 } }), { reached: false }],
    ['no credit now or before: may not fire', credit(500), state(), { reached: true, value: 0, mayFire: false }],
    ['credit just used up: may fire', credit(500), state({ previousCredits: { usd: 200 } }), { reached: true, value: 0, mayFire: true }],
    ['spend at the amount', spend(1_000), state({ spend: spent(1_000) }), { reached: true, threshold: 1_000, value: 1_000 }],
    ['spend below it', spend(1_000), state({ spend: spent(999) }), { reached: false }],
  ])('%s', (_, alert, customer, expected) => {
    expect(measure(alert, customer)).toMatchObject(expected);
  });

  it.each([
    ['a percentage of an unlimited feature', usage(80), state({ features: messages(1_000, null) })],
    ['a percentage of a limit of 0', usage(80), state({ features: messages(0, 0) })],
    ['a feature the customer has no access to', usage(80), state({ features: messages(9, 10, false) })],
    ['a feature not in the snapshot', { ...usage(80), feature: 'seats' }, state()],
    ['a feature named like an Object property', { ...usage(80), feature: 'constructor' }, state()],
    ['spend with no upcoming invoice', spend(1_000), state()],
    ['spend in another currency', spend(1_000, 'eur'), state({ spend: spent(5_000) })],
  ])('measures nothing for %s', (_, alert, customer) => {
    expect(measure(alert, customer)).toBeUndefined();
  });

  it('a usage period is the feature’s, ending at its resets_at', () => {
    expect(measure(usage(80), state({ features: messages(8, 10) }))?.period).toEqual({ start: at(START), end: at(END) });
  });
});

describe('decide', () => {
  const firedIn = (start: number | null): Firing => ({
    period: start === null ? null : { start: at(start), end: null },
    threshold: 8,
    value: 8,
    firedAt: at(START),
  });
  const reachedUsage = measure(usage(80), state({ features: messages(8, 10) }));
  const belowUsage = measure(usage(80), state({ features: messages(7, 10) }));
  const low = measure(credit(500), state({ credits: { usd: 300 } }));
  const toppedUp = measure(credit(500), state({ credits: { usd: 900 } }));
  const neverHeld = measure(credit(500), state());

  it.each([
    ['reached, never fired', reachedUsage, undefined, 'fire'],
    ['reached, fired in this period', reachedUsage, firedIn(START), 'reached'],
    ['reached, fired in the period before', reachedUsage, firedIn(START - 31 * 86_400), 'fire'],
    ['not reached (a raised limit), fired in this period', belowUsage, firedIn(START), 'quiet'],
    ['credit below, not fired', low, undefined, 'fire'],
    ['credit below, fired at this crossing', low, firedIn(null), 'reached'],
    ['credit back above, fired', toppedUp, firedIn(null), 'rearm'],
    ['credit above, never fired', toppedUp, undefined, 'quiet'],
    ['no credit ever held', neverHeld, undefined, 'quiet'],
    ['nothing measured', undefined, firedIn(START), 'quiet'],
  ])('%s: %s', (_, m, latest, kind) => {
    expect(decide(m, latest).kind).toBe(kind);
  });
});

describe('depletedCurrencies', () => {
  it.each([
    ['a balance gone to 0', { usd: 250, eur: 10 }, { eur: 10 }, [{ currency: 'usd', previous: 250 }]],
    ['a balance that only went down', { usd: 250 }, { usd: 1 }, []],
    ['none before', {}, {}, []],
    ['the customer’s first snapshot', null, {}, []],
  ])('%s', (_, previous, current, expected) => {
    expect(depletedCurrencies(previous, current)).toEqual(expected);
  });
});
