import { describe, expect, it } from 'vitest';
import { applyCredits } from './credits.js';
import { applyDiscount, type InvoiceDiscount } from './discounts.js';
import { draftInvoice, type DraftInvoice } from './invoice-lines.js';
import type { StoredPrice } from '../catalog/prices.js';

// Basic: 1000 a month; Pro: 3000 a month; both 2 cents per API call (per_unit).
const calls: StoredPrice = {
  key: 'calls',
  meter_id: 'mtr_calls',
  meter_key: 'calls',
  model: 'per_unit',
  unit_amount: '2',
};

const at = (iso: string) => new Date(`${iso}T00:00:00Z`);

// 20% off, repeating 3 months, applied on Jan 1: it ends on Apr 1.
const twentyForThree: InvoiceDiscount = {
  id: 'di_launch',
  percentOff: '20',
  amountOff: null,
  duration: 'repeating',
  start: at('2026-01-01'),
  end: at('2026-04-01'),
  usedBefore: false,
  plans: null,
};

interface Row {
  name: string;
  draft: DraftInvoice;
  /** Prepaid credit left before the invoice. */
  credit: number;
  lineDiscounts: number[];
  discount: number;
  drawn: number;
  total: string;
}

const month = (start: string, end: string, plan: 'basic' | 'pro', units: number, upgradeAt?: string): DraftInvoice =>
  draftInvoice({
    planName: plan === 'basic' ? 'Basic' : 'Pro',
    planId: plan,
    usagePlanId: upgradeAt ? 'pro' : plan,
    basePrice: plan === 'basic' ? 1000 : 3000,
    trial: false,
    start: at(start),
    end: at(end),
    usage: [{ price: calls, quantity: String(units) }],
    ...(upgradeAt
      ? {
          changes: [
            { changed_at: at(upgradeAt), from: { name: 'Basic', amount: '1000', planId: 'basic' }, to: { name: 'Pro', amount: '3000', planId: 'pro' } },
          ],
        }
      : {}),
  });

// A 2000-cent credit grant is drawn on the usage lines after the discount.
const rows: Row[] = [
  {
    // Base 1000, usage 1000 × 2 = 2000; subtotal 3000. 20%: −200, −400 = 600. Credit covers the
    // discounted usage 2000 − 400 = 1600 (of 2000 left). Total 3000 − 600 − 1600 = 800; 400 left.
    name: 'January: 20% off the base fee and the usage, credit draws on the discounted usage',
    draft: month('2026-01-01', '2026-02-01', 'basic', 1000),
    credit: 2000,
    lineDiscounts: [200, 400],
    discount: 600,
    drawn: 1600,
    total: '800',
  },
  {
    // February has 28 days; the upgrade on Feb 15 leaves 14: a half. Lines: base 1000, usage
    // 500 × 2 = 1000, proration −500 (unused Basic), +1500 (rest of Pro); subtotal 3000.
    // 20%: 200, 200, −100 (the credit shrinks), 300 = 600. Credit: min(400 left, 1000 − 200) = 400.
    // Total 3000 − 600 − 400 = 2000.
    name: 'February: a mid-period upgrade, both proration lines discounted, the rest of the credit drawn',
    draft: month('2026-02-01', '2026-03-01', 'basic', 500, '2026-02-15'),
    credit: 400,
    lineDiscounts: [200, 200, -100, 300],
    discount: 600,
    drawn: 400,
    total: '2000',
  },
  {
    // Pro 3000, usage 617 × 2 = 1234; 20% = 600 and 246.8 → 247 (half up per line) = 847.
    // No credit left. Total 4234 − 847 = 3387.
    name: 'March: the third month, rounded per line',
    draft: month('2026-03-01', '2026-04-01', 'pro', 617),
    credit: 0,
    lineDiscounts: [600, 247],
    discount: 847,
    drawn: 0,
    total: '3387',
  },
  {
    // The period starts on Apr 1, the discount's end: nothing off. 3000 + 100 × 2 = 3200.
    name: 'April: past the three months, no discount',
    draft: month('2026-04-01', '2026-05-01', 'pro', 100),
    credit: 0,
    lineDiscounts: [],
    discount: 0,
    drawn: 0,
    total: '3200',
  },
];

const grants = (remaining: number) => (remaining > 0 ? [{ id: 'crg_1', remaining, expiresAt: null, createdAt: at('2025-12-01'), description: null }] : []);

describe('a 20% coupon for 3 months across a proration and a credit', () => {
  it.each(rows)('$name', (row) => {
    const discounted = applyDiscount(row.draft, twentyForThree);
    const { draft, drawdowns } = applyCredits(discounted, grants(row.credit), row.draft.lines[0]!.period_end);
    expect(discounted.lines.flatMap((line) => (line.discount_amounts ?? []).map((d) => d.amount))).toEqual(row.lineDiscounts);
    expect(discounted.total_discount_amounts ?? []).toEqual(row.discount ? [{ amount: row.discount, discount: 'di_launch' }] : []);
    expect(drawdowns.reduce((sum, d) => sum + d.amount, 0)).toBe(row.drawn);
    expect(draft.total).toBe(row.total);
  });
});

describe('a fixed amount off', () => {
  const fixed = (amountOff: number, plans: string[] | null = null): InvoiceDiscount => ({ ...twentyForThree, percentOff: null, amountOff, plans });

  it('is spread over the lines in proportion, each rounded', () => {
    // 1000 over 3000 and 1234 (of 4234): 708.55… → 709 and 291.45… → 291; together 1000.
    const out = applyDiscount(month('2026-03-01', '2026-04-01', 'pro', 617), fixed(1000));
    expect(out.lines.map((line) => line.discount_amounts?.[0]?.amount ?? 0)).toEqual([709, 291]);
    expect(out.total).toBe('3234');
  });

  it('puts the rounding remainder on the largest line', () => {
    // 2 over 1, 1, 1: 0.67 → 1 each is 3, one too many: the largest (the first of equals) gives it back.
    const draft = month('2026-03-01', '2026-04-01', 'pro', 0);
    const three: DraftInvoice = { ...draft, lines: [1, 1, 1].map((amount) => ({ ...draft.lines[0]!, amount: String(amount) })), subtotal: '3', total: '3' };
    expect(applyDiscount(three, fixed(2)).lines.map((line) => line.discount_amounts?.[0]?.amount ?? 0)).toEqual([0, 1, 1]);
  });

  it('never takes more than the lines it applies to, nor touches a proration credit', () => {
    // February's positive lines: 1000 + 1000 + 1500 = 3500; 5000 off is capped at 3500; the −500 credit is untouched.
    const out = applyDiscount(month('2026-02-01', '2026-03-01', 'basic', 500, '2026-02-15'), fixed(5000));
    expect(out.lines.map((line) => line.discount_amounts?.[0]?.amount ?? 0)).toEqual([1000, 1000, 0, 1500]);
    expect(out.total).toBe('-500');
  });

  it('applies only to the plans it names', () => {
    // Only Pro's line (the 1500 proration charge) of February: 300 off it, at most 1500.
    const out = applyDiscount(month('2026-02-01', '2026-03-01', 'basic', 0, '2026-02-15'), fixed(300, ['pro']));
    expect(out.total_discount_amounts).toEqual([{ amount: 300, discount: 'di_launch' }]);
  });

  it('a once discount already used takes nothing', () => {
    const draft = month('2026-01-01', '2026-02-01', 'basic', 10);
    expect(applyDiscount(draft, { ...twentyForThree, duration: 'once', end: null, usedBefore: true })).toBe(draft);
  });
});
