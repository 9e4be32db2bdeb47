import { describe, expect, it } from 'vitest';
import { endedPeriods, type PeriodSource } from './periods.js';

const d = (iso: string) => new Date(iso);
const local = (fields: Partial<PeriodSource> = {}): PeriodSource => ({
  interval: 'month',
  status: 'active',
  current_period_start: d('2026-01-31T00:00:00Z'),
  current_period_end: d('2026-02-28T00:00:00Z'),
  trial_end: null,
  cancel_at_period_end: false,
  canceled_at: null,
  created_at: d('2026-01-31T00:00:00.400Z'),
  provider: null,
  ...fields,
});
const show = (periods: ReturnType<typeof endedPeriods>) =>
  periods.map(
    (p) =>
      `${p.start.toISOString().slice(0, 10)}..${p.end.toISOString().slice(0, 10)}${p.trial ? ' trial' : ''}${p.scheduled_end ? ` of ..${p.scheduled_end.toISOString().slice(0, 10)}` : ''}`,
  );

describe('endedPeriods of a subscription billed through the API alone', () => {
  const cases: Array<[string, Partial<PeriodSource>, string | null, string, string[]]> = [
    ['none before the first period ends', {}, null, '2026-02-27T23:59:59Z', []],
    ['the first period at its end exactly (periods are half-open)', {}, null, '2026-02-28T00:00:00Z', ['2026-01-31..2026-02-28']],
    [
      'every ended period, each counted from the anchor (Jan 31 → Feb 28 → Mar 31)',
      {},
      null,
      '2026-04-29T23:59:59Z',
      ['2026-01-31..2026-02-28', '2026-02-28..2026-03-31'],
    ],
    ['only those after the last invoiced one', {}, '2026-02-28T00:00:00Z', '2026-05-01T00:00:00Z', ['2026-02-28..2026-03-31', '2026-03-31..2026-04-30']],
    ['one period when it does not renew', { cancel_at_period_end: true }, null, '2026-06-01T00:00:00Z', ['2026-01-31..2026-02-28']],
    [
      'full periods up to a cancellation, then the period it cut short, ending at it',
      { status: 'canceled', canceled_at: d('2026-03-15T00:00:00Z') },
      null,
      '2026-06-01T00:00:00Z',
      ['2026-01-31..2026-02-28', '2026-02-28..2026-03-15 of ..2026-03-31'],
    ],
    [
      'the cut-short period once only: nothing after it is invoiced',
      { status: 'canceled', canceled_at: d('2026-03-15T00:00:00Z') },
      '2026-03-15T00:00:00Z',
      '2026-06-01T00:00:00Z',
      [],
    ],
    [
      'the cut-short period not before the cancellation has happened',
      { status: 'canceled', canceled_at: d('2026-03-15T00:00:00Z') },
      '2026-02-28T00:00:00Z',
      '2026-03-14T00:00:00Z',
      [],
    ],
    [
      'a cancellation at a period boundary cuts nothing short',
      { status: 'canceled', canceled_at: d('2026-02-28T00:00:00Z') },
      null,
      '2026-06-01T00:00:00Z',
      ['2026-01-31..2026-02-28'],
    ],
    [
      'a trial canceled at once: the trial cut short, nothing after it',
      {
        status: 'canceled',
        created_at: d('2026-01-01T00:00:00Z'),
        current_period_start: d('2026-01-01T00:00:00Z'),
        current_period_end: d('2026-01-15T00:00:00Z'),
        trial_end: d('2026-01-15T00:00:00Z'),
        canceled_at: d('2026-01-10T00:00:00Z'),
      },
      null,
      '2026-03-01T00:00:00Z',
      ['2026-01-01..2026-01-10 trial of ..2026-01-15'],
    ],
    ['nothing for an incomplete one', { status: 'incomplete' }, null, '2026-06-01T00:00:00Z', []],
    [
      'a trial period, then paid periods from the anchor set when the trial ended',
      { created_at: d('2026-01-01T00:00:00Z'), trial_end: d('2026-01-31T00:00:00Z') },
      null,
      '2026-03-01T00:00:00Z',
      ['2026-01-01..2026-01-31 trial', '2026-01-31..2026-02-28'],
    ],
    [
      'a trial that has not ended yet: nothing',
      {
        status: 'trialing',
        created_at: d('2026-01-01T00:00:00Z'),
        current_period_start: d('2026-01-01T00:00:00Z'),
        current_period_end: d('2026-01-15T00:00:00Z'),
        trial_end: d('2026-01-15T00:00:00Z'),
      },
      null,
      '2026-01-14T00:00:00Z',
      [],
    ],
    [
      'an ended trial still marked trialing: the trial period alone',
      {
        status: 'trialing',
        created_at: d('2026-01-01T00:00:00Z'),
        current_period_start: d('2026-01-01T00:00:00Z'),
        current_period_end: d('2026-01-15T00:00:00Z'),
        trial_end: d('2026-01-15T00:00:00Z'),
      },
      null,
      '2026-03-01T00:00:00Z',
      ['2026-01-01..2026-01-15 trial'],
    ],
    [
      'yearly periods',
      {
        interval: 'year',
        current_period_start: d('2024-02-29T00:00:00Z'),
        current_period_end: d('2025-02-28T00:00:00Z'),
        created_at: d('2024-02-29T00:00:00Z'),
      },
      null,
      '2026-03-01T00:00:00Z',
      ['2024-02-29..2025-02-28', '2025-02-28..2026-02-28'],
    ],
  ];
  it.each(cases)('%s', (_, fields, lastEnd, now, expected) => {
    expect(show(endedPeriods(local(fields), lastEnd ? d(lastEnd) : null, d(now)))).toEqual(expected);
  });

  it('stops at the limit per run; the next run goes on from the last invoiced end', () => {
    const first = endedPeriods(local(), null, d('2030-01-01T00:00:00Z'), 3);
    expect(first).toHaveLength(3);
    const next = endedPeriods(local(), first[2]!.end, d('2030-01-01T00:00:00Z'), 3);
    expect(next[0]!.start).toEqual(first[2]!.end);
  });
});

describe('endedPeriods of a subscription billed by a provider', () => {
  const provider = (fields: Partial<PeriodSource> = {}) =>
    local({
      provider: 'sandbox',
      current_period_start: d('2026-03-01T12:00:00Z'),
      current_period_end: d('2026-04-01T12:00:00Z'),
      created_at: d('2026-02-01T12:00:00Z'),
      ...fields,
    });
  const cases: Array<[string, Partial<PeriodSource>, string | null, string, string[]]> = [
    ['from creation to the current period the provider started', {}, null, '2026-03-01T13:00:00Z', ['2026-02-01..2026-03-01']],
    ['nothing more once that is invoiced', {}, '2026-03-01T12:00:00Z', '2026-03-20T00:00:00Z', []],
    [
      'each missed renewal as its own period',
      { current_period_start: d('2026-05-01T12:00:00Z') },
      null,
      '2026-05-02T00:00:00Z',
      ['2026-02-01..2026-03-01', '2026-03-01..2026-04-01', '2026-04-01..2026-05-01'],
    ],
    [
      'a provider boundary a little off ours stays one period',
      { current_period_start: d('2026-03-01T12:00:05Z') },
      null,
      '2026-03-02T00:00:00Z',
      ['2026-02-01..2026-03-01'],
    ],
    [
      'a trial, then the first paid period',
      { trial_end: d('2026-02-15T12:00:00Z'), current_period_start: d('2026-03-15T12:00:00Z') },
      null,
      '2026-03-16T00:00:00Z',
      ['2026-02-01..2026-02-15 trial', '2026-02-15..2026-03-15'],
    ],
    [
      'the last period of a canceled one once it has ended',
      { status: 'canceled', canceled_at: d('2026-04-01T12:00:00Z') },
      '2026-03-01T12:00:00Z',
      '2026-04-02T00:00:00Z',
      ['2026-03-01..2026-04-01'],
    ],
  ];
  it.each(cases)('%s', (_, fields, lastEnd, now, expected) => {
    expect(show(endedPeriods(provider(fields), lastEnd ? d(lastEnd) : null, d(now)))).toEqual(expected);
  });
});
