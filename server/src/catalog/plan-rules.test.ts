import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/errors.js';
import { changesTerms, checkOneTime, migrationTarget, toPlanCredits } from './plan-rules.js';
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
    { name: 'credits on a monthly plan', terms: terms({ credits: { amount: 1, currency: 'usd', expires_in_days: null } }), param: 'credits' },
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
