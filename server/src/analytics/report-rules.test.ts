import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/errors.js';
import { checkCostedMeter, effectiveWindow, marginQuery } from './report-rules.js';

const DAY = 86_400;
const paramOf = (fn: () => unknown) => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof ApiError ? error.param : 'not an ApiError';
  }
};

describe('marginQuery', () => {
  it.each([
    { name: 'a window of whole days', params: { start: 0, end: 30 * DAY }, param: undefined },
    { name: 'a start that is not midnight', params: { start: 1, end: 30 * DAY }, param: 'start' },
    { name: 'an end before the start', params: { start: 30 * DAY, end: 0 }, param: 'end' },
    { name: 'a window over 400 days', params: { start: 0, end: 401 * DAY }, param: 'end' },
    { name: 'grouping by property without one', params: { start: 0, end: DAY, group_by: 'property' as const }, param: 'property' },
  ])('$name', ({ params, param }) => {
    expect(paramOf(() => marginQuery(params))).toBe(param);
  });

  it('groups by customer in usd by default', () => {
    expect(marginQuery({ start: 0, end: DAY })).toEqual({ start: new Date(0), end: new Date(DAY * 1000), groupBy: 'customer', currency: 'usd' });
  });
});

describe('cost model rules', () => {
  it.each([
    { aggregation: 'sum' as const, param: undefined },
    { aggregation: 'count' as const, param: undefined },
    { aggregation: 'max' as const, param: 'meter' },
    { aggregation: 'unique_count' as const, param: 'meter' },
  ])('a $aggregation meter', ({ aggregation, param }) => {
    expect(paramOf(() => checkCostedMeter({ key: 'm', aggregation }))).toBe(param);
  });

  it.each([
    { params: {}, window: { effectiveFrom: new Date(0), effectiveTo: null } },
    { params: { property: 'model' }, param: 'value' },
    { params: { value: 'x' }, param: 'property' },
    { params: { effective_from: 2 * DAY, effective_to: DAY }, param: 'effective_to' },
    { params: { effective_to: DAY + 1 }, param: 'effective_to' },
  ])('effective window of $params', ({ params, window, param }) => {
    if (window) expect(effectiveWindow(params)).toEqual(window);
    else expect(paramOf(() => effectiveWindow(params))).toBe(param);
  });
});
