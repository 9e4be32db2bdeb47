// A coupon's discount on a drafted invoice, as Stripe applies one. Pure.
//
// Which lines: every charge line (base fee, usage, proration; never a prepaid `credit` line) of a
// plan the coupon applies to (`plans`, all when null) whose own period starts within the
// discount's time: at or after its `start` and, for `repeating`, before its `end`. A `once`
// discount takes the first invoice that has such a line, then no other (`usedBefore`).
//
// How much, per line, each rounded once to whole minor units half away from zero (money.ts):
// - percent_off: round(line × percent / 100) on each line, a proration credit included: its
//   discount is negative (the credit returns what was paid, which the discount had reduced).
// - amount_off: at most the sum of the positive lines it applies to, spread over them in
//   proportion to their amounts; the rounding remainder goes to the largest line (the first of
//   equals), then, should that overshoot, to the next, so no line is discounted below zero.
//
// Order on the invoice: subtotal → discounts → (taxes, on `discountedAmount`) → prepaid credit
// (credits.ts draws on what is left of the usage lines) → total.
import type { DraftInvoice, DraftLine } from './invoice-lines.js';
import { Exact, formatDecimal, roundRatio } from './money.js';

export interface DiscountAmount {
  /** Whole minor units taken off the line (negative on a proration credit). */
  amount: number;
  /** The discount's id (`di_…`). */
  discount: string;
}

export interface InvoiceDiscount {
  id: string;
  /** A decimal string ("20", "12.5"), or null for a fixed amount. */
  percentOff: string | null;
  /** Minor units in the invoice's currency (its `currency_options` already chosen), or null for a percent. */
  amountOff: number | null;
  duration: 'once' | 'repeating' | 'forever';
  start: Date;
  /** A repeating discount's end; null otherwise. */
  end: Date | null;
  /** An earlier invoice already carries it (a `once` discount is then spent). */
  usedBefore: boolean;
  /** Plan ids whose lines it discounts; null for all. */
  plans: readonly string[] | null;
}

/** What is left of a line once discounts are taken off: what taxes are computed on, and what prepaid credit draws on. */
export function discountedAmount(line: Pick<DraftLine, 'amount' | 'discount_amounts'>): Exact {
  return (line.discount_amounts ?? []).reduce((left, d) => left.minus(d.amount), new Exact(line.amount));
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** Whether the discount reaches `line` (the rules at the top of this file, but for `once`). */
function reaches(discount: InvoiceDiscount, line: DraftLine): boolean {
  if (line.type === 'credit' || line.amount === '0') return false;
  if (discount.plans !== null && (line.plan_id === undefined || !discount.plans.includes(line.plan_id))) return false;
  const at = seconds(line.period_start);
  if (at < seconds(discount.start)) return false;
  return discount.end === null || at < seconds(discount.end);
}

/** A percent off each line, rounded per line. */
function percentShares(percent: Exact, lines: readonly DraftLine[]): Exact[] {
  // A percent has at most two decimals: amount × (percent × 100) / 10000, exactly.
  return lines.map((line) => roundRatio(new Exact(line.amount).times(percent.times(100)), new Exact(10_000)));
}

/** A fixed amount over the positive lines, in proportion; the remainder on the largest, no line below zero. */
function amountShares(amountOff: number, lines: readonly DraftLine[]): Exact[] {
  const amounts = lines.map((line) => new Exact(line.amount));
  const sum = amounts.reduce((total, a) => total.plus(a), new Exact(0));
  const off = Exact.min(amountOff, sum);
  const shares = amounts.map((a) => roundRatio(off.times(a), sum));
  let remainder = off.minus(shares.reduce((total, s) => total.plus(s), new Exact(0)));
  // Largest first (the first of equals): the remainder goes there, the overshoot to the next.
  const order = amounts.map((a, i) => ({ a, i })).sort((x, y) => (y.a.comparedTo(x.a) !== 0 ? y.a.comparedTo(x.a) : x.i - y.i));
  for (const { a, i } of order) {
    if (remainder.isZero()) break;
    const next = Exact.max(0, Exact.min(a, shares[i]!.plus(remainder)));
    remainder = remainder.minus(next.minus(shares[i]!));
    shares[i] = next;
  }
  return shares;
}

/** The draft with the discount's `discount_amounts` on the lines it reaches and its `total_discount_amounts`; `total` less the discount. */
export function applyDiscount(draft: DraftInvoice, discount: InvoiceDiscount | null): DraftInvoice {
  if (!discount || (discount.duration === 'once' && discount.usedBefore)) return draft;
  const reached = draft.lines.filter((line) => reaches(discount, line));
  const eligible = discount.percentOff === null ? reached.filter((line) => new Exact(line.amount).gt(0)) : reached;
  if (eligible.length === 0) return draft;
  const shares = discount.percentOff !== null ? percentShares(new Exact(discount.percentOff), eligible) : amountShares(discount.amountOff ?? 0, eligible);
  const byLine = new Map(eligible.map((line, i) => [line, shares[i]!]));
  const lines = draft.lines.map((line) => {
    const share = byLine.get(line);
    if (!share || share.isZero()) return line;
    return { ...line, discount_amounts: [...(line.discount_amounts ?? []), { amount: share.toNumber(), discount: discount.id }] };
  });
  const off = shares.reduce((total, s) => total.plus(s), new Exact(0));
  if (off.isZero()) return draft;
  return {
    lines,
    subtotal: draft.subtotal,
    total_discount_amounts: [...(draft.total_discount_amounts ?? []), { amount: off.toNumber(), discount: discount.id }],
    total: formatDecimal(new Exact(draft.total).minus(off)),
  };
}
