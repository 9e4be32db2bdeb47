// Seats on a per-seat plan, worked by hand: the base fee is seats × the base price, and a change
// of seats inside a period is prorated like a plan change (plan-changes.ts, proration.ts), each
// line rounded once, half away from zero.
import { describe, expect, it } from 'vitest';
import { draftInvoice } from './invoice-lines.js';
import { baseItem, baseQuantity, periodTerms, type PlanTerms, type RecordedChange } from './plan-changes.js';

// Team: $10.00 a month per seat. A 30-day period: April 1 12:00 to May 1 12:00 UTC.
const team = (quantity: number, perSeat = true): PlanTerms => ({
  plan_id: 'plan_team',
  plan_version: 1,
  plan_name: 'Team',
  base_price: 1_000,
  prices: [],
  per_seat: perSeat,
  quantity,
});
const start = new Date('2026-04-01T12:00:00Z');
const end = new Date('2026-05-01T12:00:00Z');
const seatsChange = (iso: string, from: number, to: number): RecordedChange => ({ changed_at: new Date(iso), from: team(from), to: team(to) });

/** The period's lines as the billing cycle builds them (invoices.ts ratePeriod, without usage). */
function invoiceOf(current: PlanTerms, changes: RecordedChange[]) {
  const terms = periodTerms(current, changes, start, end);
  return draftInvoice({
    planName: terms.atStart.plan_name,
    basePrice: Number(terms.atStart.base_price),
    seats: baseQuantity(terms.atStart),
    trial: false,
    start,
    end,
    usage: [],
    changes: terms.changes.map((change) => ({ changed_at: change.changed_at, from: baseItem(change.from), to: baseItem(change.to) })),
  });
}

describe('seats × a per-seat price', () => {
  // [what, seats now, changes, lines as [type, quantity, amount], total]
  const cases: Array<[string, PlanTerms, RecordedChange[], Array<[string, string, string]>, string]> = [
    ['3 seats, no change: 3 × 1,000', team(3), [], [['base_fee', '3', '3000']], '3000'],
    [
      // Day 10 (Apr 10 12:00): 21 of 30 days remain. −3,000 × 21/30 = −2,100; 5,000 × 21/30 = 3,500.
      '+2 seats on day 10: the added seats charged for 21/30 of the period',
      team(5),
      [seatsChange('2026-04-10T12:00:00Z', 3, 5)],
      [
        ['base_fee', '3', '3000'],
        ['proration', '1', '-2100'],
        ['proration', '1', '3500'],
      ],
      '4400',
    ],
    [
      // Apr 11 00:00: 20.5 days remain. −3,000 × 20.5/30 = −2,050; 5,000 × 20.5/30 = 3,416.67 → 3,417.
      '+2 seats at a half day: the charge rounded once, half away from zero',
      team(5),
      [seatsChange('2026-04-11T00:00:00Z', 3, 5)],
      [
        ['base_fee', '3', '3000'],
        ['proration', '1', '-2050'],
        ['proration', '1', '3417'],
      ],
      '4367',
    ],
    [
      // Apr 16 12:00, effective now: 15 days remain. −5,000 × 15/30 = −2,500; 3,000 × 15/30 = 1,500.
      '−2 seats now halfway: a credit for the unused half of the 2 seats',
      team(3),
      [seatsChange('2026-04-16T12:00:00Z', 5, 3)],
      [
        ['base_fee', '5', '5000'],
        ['proration', '1', '-2500'],
        ['proration', '1', '1500'],
      ],
      '4000',
    ],
    [
      // A decrease scheduled to the period's end takes effect at the boundary: no proration, the next period is 3 seats.
      'a decrease at period end: this period on 5 seats, not prorated',
      team(3),
      [seatsChange('2026-05-01T12:00:00Z', 5, 3)],
      [['base_fee', '5', '5000']],
      '5000',
    ],
    ['the period after an increase: 5 × 1,000', team(5), [seatsChange('2026-03-10T12:00:00Z', 3, 5)], [['base_fee', '5', '5000']], '5000'],
    ['a flat plan ignores the quantity: 1 × 1,000', team(5, false), [], [['base_fee', '1', '1000']], '1000'],
  ];
  it.each(cases)('%s', (_, current, changes, lines, total) => {
    const invoice = invoiceOf(current, changes);
    expect(invoice.lines.map((line) => [line.type, line.quantity, line.amount])).toEqual(lines);
    expect(invoice.total).toBe(total);
  });

  it('names the proration lines by their seats, as Stripe does', () => {
    const invoice = invoiceOf(team(5), [seatsChange('2026-04-10T12:00:00Z', 3, 5)]);
    expect(invoice.lines.map((line) => line.description)).toEqual([
      'Team',
      'Unused time on 3 × Team after 10 Apr 2026',
      'Remaining time on 5 × Team after 10 Apr 2026',
    ]);
    expect(invoice.lines[0]!.unit_amount).toBe('1000');
  });
});
