import { describe, expect, it } from 'vitest';
import { periodTerms, type PlanTerms, type RecordedChange } from './plan-changes.js';

const plan = (version: number): PlanTerms => ({ plan_id: 'plan_1', plan_version: version, plan_name: `v${version}`, base_price: version * 100, prices: [] });
const d = (iso: string) => new Date(iso);
const change = (iso: string, from: number, to: number): RecordedChange => ({ changed_at: d(iso), from: plan(from), to: plan(to) });
const start = d('2026-03-01T00:00:00Z');
const end = d('2026-04-01T00:00:00Z');

describe('periodTerms', () => {
  // [what, current plan version, changes, versions at start and end, changes prorated (as "from→to")]
  const cases: Array<[string, number, RecordedChange[], [number, number], string[]]> = [
    ['no changes: the current plan throughout', 1, [], [1, 1], []],
    ['a change mid-period: the old at the start, the new at the end, prorated', 2, [change('2026-03-16T00:00:00Z', 1, 2)], [1, 2], ['1→2']],
    ['a change at the start exactly: in effect at the start, not prorated', 2, [change('2026-03-01T00:00:00Z', 1, 2)], [2, 2], []],
    ['a change at the end exactly: the next period’s (periods are half-open)', 2, [change('2026-04-01T00:00:00Z', 1, 2)], [1, 1], []],
    ['a change before the period: its new plan throughout', 2, [change('2026-02-10T00:00:00Z', 1, 2)], [2, 2], []],
    ['a change after the period: its old plan throughout', 3, [change('2026-02-10T00:00:00Z', 1, 2), change('2026-05-10T00:00:00Z', 2, 3)], [2, 2], []],
    [
      'several changes, each prorated, oldest first',
      3,
      [change('2026-02-10T00:00:00Z', 4, 1), change('2026-03-05T00:00:00Z', 1, 2), change('2026-03-20T00:00:00Z', 2, 3)],
      [1, 3],
      ['1→2', '2→3'],
    ],
  ];
  it.each(cases)('%s', (_, current, changes, [atStart, atEnd], prorated) => {
    const terms = periodTerms(plan(current), changes, start, end);
    expect([terms.atStart.plan_version, terms.atEnd.plan_version]).toEqual([atStart, atEnd]);
    expect(terms.changes.map((c) => `${c.from.plan_version}→${c.to.plan_version}`)).toEqual(prorated);
  });
});
