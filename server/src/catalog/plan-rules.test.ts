import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/errors.js';
import { changesTerms, checkOneTime, checkPlacement, migrationTarget, planChangeTiming, toPlanCredits } from './plan-rules.js';
import type { PlanTerms } from './plans-store.js';

const terms = (over: Partial<PlanTerms>): PlanTerms => ({
  name: 'Pro',
  interval: 'month',
  currency: 'usd',
  base_price: 0,
  trial_days: 0,
  entitlements: [],
  ...over,
});
const paramOf = (fn: () => unknown) => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof ApiError ? error.param : 'not an ApiError';
  }
};

describe('checkOneTime', () => {
  it.each([
    { name: 'a monthly plan with a trial and prices', terms: terms({ trial_days: 7, prices: [] }), param: undefined },
    { name: 'credits on a monthly plan', terms: terms({ credits: { amount: 1, currency: 'usd', expires_in_days: null } }), param: undefined },
    {
      name: 'credits on a monthly plan with a rollover cap',
      terms: terms({ credits: { amount: 1, currency: 'usd', expires_in_days: null, rollover: { cap: 0 } } }),
      param: undefined,
    },
    {
      name: 'a monthly plan whose credits say when they expire',
      terms: terms({ credits: { amount: 1, currency: 'usd', expires_in_days: 30 } }),
      param: 'credits',
    },
    {
      name: 'a one_time plan whose credits roll over',
      terms: terms({ interval: 'one_time', credits: { amount: 1, currency: 'usd', expires_in_days: null, rollover: { cap: 5 } } }),
      param: 'credits',
    },
    {
      name: 'a one_time plan with credits',
      terms: terms({ interval: 'one_time', credits: { amount: 1, currency: 'usd', expires_in_days: null } }),
      param: undefined,
    },
    { name: 'a one_time plan with a trial', terms: terms({ interval: 'one_time', trial_days: 3 }), param: 'trial_days' },
    {
      name: 'a one_time plan with usage prices',
      terms: terms({ interval: 'one_time', prices: [{ key: 'k', meter_id: 'm', meter_key: 'm', model: 'per_unit', unit_amount: '1' }] }),
      param: 'prices',
    },
  ])('$name: refused on $param', ({ terms, param }) => {
    expect(paramOf(() => checkOneTime(terms))).toBe(param);
  });
});

describe('migrationTarget', () => {
  const plan = { key: 'pro', version: 3 };
  it.each([
    { to: undefined, from: undefined, target: 3 },
    { to: 2, from: 1, target: 2 },
    { to: 4, from: undefined, param: 'to_version' },
    { to: undefined, from: 4, param: 'from_version' },
  ])('to $to from $from', ({ to, from, target, param }) => {
    if (param) expect(paramOf(() => migrationTarget(plan, to, from))).toBe(param);
    else expect(migrationTarget(plan, to, from)).toBe(target);
  });
});

describe('changesTerms and toPlanCredits', () => {
  it('tells terms from metadata', () => {
    expect(changesTerms({ metadata: { a: 'b' } })).toBe(false);
    expect(changesTerms({ trial_days: 0 })).toBe(true);
  });

  it('stores a credit pack that never expires with a null expiry', () => {
    expect(toPlanCredits({ amount: 5, currency: 'usd' })).toEqual({ amount: 5, currency: 'usd', expires_in_days: null });
    expect(toPlanCredits(null)).toBeNull();
  });
});

describe('planChangeTiming', () => {
  it.each([
    { name: 'a dearer monthly plan (upgrade)', from: { interval: 'month', base_price: 900 }, to: { interval: 'month', base_price: 2900 }, at: 'now' },
    { name: 'a cheaper monthly plan (downgrade)', from: { interval: 'month', base_price: 2900 }, to: { interval: 'month', base_price: 900 }, at: 'period_end' },
    { name: 'free to paid', from: { interval: 'month', base_price: 0 }, to: { interval: 'month', base_price: 100 }, at: 'now' },
    { name: 'paid to free', from: { interval: 'month', base_price: 100 }, to: { interval: 'month', base_price: 0 }, at: 'period_end' },
    { name: 'the same price (a tie)', from: { interval: 'month', base_price: 1000 }, to: { interval: 'month', base_price: 1000 }, at: 'now' },
    {
      name: 'monthly to yearly at the same rate (a tie)',
      from: { interval: 'month', base_price: 1000 },
      to: { interval: 'year', base_price: 12000 },
      at: 'now',
    },
    { name: 'monthly to a discounted yearly', from: { interval: 'month', base_price: 1000 }, to: { interval: 'year', base_price: 10000 }, at: 'period_end' },
    { name: 'yearly to a dearer monthly', from: { interval: 'year', base_price: 10000 }, to: { interval: 'month', base_price: 900 }, at: 'now' },
    { name: 'yearly to a cheaper monthly', from: { interval: 'year', base_price: 12000 }, to: { interval: 'month', base_price: 900 }, at: 'period_end' },
  ] as const)('$name: $at', ({ from, to, at }) => {
    expect(planChangeTiming(from, to)).toBe(at);
  });

  it('is only between recurring plans', () => {
    expect(() => planChangeTiming({ interval: 'one_time', base_price: 1 }, { interval: 'month', base_price: 1 })).toThrow(/recurring/);
  });
});

describe('checkPlacement', () => {
  const free = { interval: 'month', base_price: 0, prices: [] } as const;
  it.each([
    { name: 'a group plan', placement: { group: 'main', add_on: false, default: false, groupNamed: true }, terms: free, param: undefined },
    { name: 'a free default', placement: { group: 'main', add_on: false, default: true, groupNamed: true }, terms: free, param: undefined },
    { name: 'an add-on', placement: { group: 'default', add_on: true, default: false, groupNamed: false }, terms: free, param: undefined },
    { name: 'an add-on naming a group', placement: { group: 'main', add_on: true, default: false, groupNamed: true }, terms: free, param: 'group' },
    { name: 'an add-on as default', placement: { group: 'default', add_on: true, default: true, groupNamed: false }, terms: free, param: 'default' },
    {
      name: 'a one_time default',
      placement: { group: 'main', add_on: false, default: true, groupNamed: true },
      terms: { ...free, interval: 'one_time' },
      param: 'default',
    },
    {
      name: 'a paid default',
      placement: { group: 'main', add_on: false, default: true, groupNamed: true },
      terms: { ...free, base_price: 100 },
      param: 'default',
    },
  ] as const)('$name: refused on $param', ({ placement, terms, param }) => {
    expect(paramOf(() => checkPlacement(placement, terms))).toBe(param);
  });
});
