import { describe, expect, it } from 'vitest';
import { applyCredits, type UsableGrant } from './credits.js';
import type { DraftInvoice, DraftLine } from './invoice-lines.js';

const start = new Date('2026-03-01T00:00:00Z');
const end = new Date('2026-04-01T00:00:00Z');

const line = (type: DraftLine['type'], amount: string): DraftLine => ({
  type,
  description: type,
  price_key: null,
  meter_id: null,
  meter_key: null,
  quantity: '1',
  free_quantity: '0',
  unit_amount: null,
  tiers: [],
  adjustment: null,
  exact_amount: amount,
  amount,
  credit_grant: null,
  period_start: start,
  period_end: end,
});

const draft = (base: string, ...usage: string[]): DraftInvoice => {
  const lines = [...(base === '0' ? [] : [line('base_fee', base)]), ...usage.map((amount) => line('usage', amount))];
  const subtotal = String(lines.reduce((sum, l) => sum + Number(l.amount), 0));
  return { lines, subtotal, total: subtotal };
};

const grant = (id: string, remaining: number, expires: string | null = null, created = '2026-02-01T00:00:00Z'): UsableGrant => ({
  id,
  remaining,
  expiresAt: expires ? new Date(expires) : null,
  createdAt: new Date(created),
  description: null,
});

describe('applyCredits', () => {
  const cases: Array<[string, DraftInvoice, UsableGrant[], Array<[string, number]>, string]> = [
    ['no grants: nothing drawn', draft('1000', '500'), [], [], '1500'],
    ['covers usage only, never the base fee', draft('1000', '500'), [grant('a', 10_000)], [['a', 500]], '1000'],
    ['over several usage lines', draft('0', '300', '200'), [grant('a', 10_000)], [['a', 500]], '0'],
    ['a small grant is used up, the rest billed', draft('1000', '500'), [grant('a', 120)], [['a', 120]], '1380'],
    [
      'earliest expiring first, never-expiring last',
      draft('0', '1000'),
      [grant('never', 5_000), grant('late', 300, '2026-09-01T00:00:00Z'), grant('soon', 400, '2026-05-01T00:00:00Z')],
      [
        ['soon', 400],
        ['late', 300],
        ['never', 300],
      ],
      '0',
    ],
    [
      'same expiry: oldest first',
      draft('0', '100'),
      [grant('new', 100, null, '2026-02-10T00:00:00Z'), grant('old', 60, null, '2026-02-01T00:00:00Z')],
      [
        ['old', 60],
        ['new', 40],
      ],
      '0',
    ],
    ['a grant expired at the period end is not used', draft('0', '100'), [grant('gone', 100, '2026-04-01T00:00:00Z')], [], '100'],
    ['one expiring after the period end is', draft('0', '100'), [grant('ok', 100, '2026-04-01T00:00:01Z')], [['ok', 100]], '0'],
    [
      "a subscription period's grant expiring at the period end, not yet closed, is used (first: it expires earliest)",
      draft('0', '100'),
      [grant('later', 100, null), { ...grant('period', 60, '2026-04-01T00:00:00Z'), openPeriod: true }],
      [
        ['period', 60],
        ['later', 40],
      ],
      '0',
    ],
    ['zero usage draws nothing', draft('1000', '0'), [grant('a', 100)], [], '1000'],
    ['an empty grant is skipped', draft('0', '100'), [grant('empty', 0), grant('a', 100)], [['a', 100]], '0'],
  ];
  it.each(cases)('%s', (_name, input, grants, drawn, total) => {
    const { draft: out, drawdowns } = applyCredits(input, grants, end);
    expect(drawdowns.map((d) => [d.grantId, d.amount])).toEqual(drawn);
    expect(out.subtotal).toBe(input.subtotal);
    expect(out.total).toBe(total);
    // Every cent explained: one negative credit line per drawdown, and the lines add up to the total.
    const credits = out.lines.filter((l) => l.type === 'credit');
    expect(credits.map((l) => [l.credit_grant, -Number(l.amount)])).toEqual(drawn);
    expect(out.lines.reduce((sum, l) => sum + Number(l.amount), 0)).toBe(Number(total));
  });
});
