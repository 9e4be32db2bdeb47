// The lines of one period's invoice, from the plan's terms and the period's usage. Pure.
//
// Rounding: each usage line is rated exactly (rating.ts) and rounded once, half away from zero,
// to whole minor units; the base fee is already whole. The subtotal is the sum of the rounded
// lines, so every line can be checked on its own and the lines add up to the total exactly.
import { Exact, formatDecimal } from './money.js';
import { prorate, type ProratedItem } from './proration.js';
import type { StoredPrice } from '../catalog/prices.js';
import { ratingPrice } from './prices.js';
import { rate, type RatedPart, type Rating } from './rating.js';
import type { DiscountAmount } from './discounts.js';

export interface PeriodUsage {
  price: StoredPrice;
  /** The meter's aggregate over the period, as an exact non-negative decimal string. */
  quantity: string;
}

interface InvoiceInput {
  planName: string;
  /** The plan of the base fee (in effect at the period's start) and of the usage prices (at its end): a coupon's `applies_to` matches them. */
  planId?: string;
  usagePlanId?: string;
  /** The base price (per seat when `seats` is given). */
  basePrice: number;
  /** How many times the base price is billed: a per-seat plan's quantity; 1 when absent. */
  seats?: number;
  trial: boolean;
  start: Date;
  end: Date;
  usage: PeriodUsage[];
  /**
   * Plan changes strictly inside the period, oldest first: each gives a `proration` credit for
   * the unused time of `from` and a charge for the remaining time of `to` (proration.ts). Never
   * on a trial period (it has no base fee to settle).
   */
  changes?: Array<{ changed_at: Date; from: ProratedItem & { planId?: string }; to: ProratedItem & { planId?: string } }>;
  /**
   * The period's scheduled end, which proration counts against; `end` unless the period was cut
   * short by a cancellation (its base fee is not refunded, so neither is the rest prorated).
   */
  scheduledEnd?: Date;
  /**
   * A cancel now with `prorate`: the plan whose unused time, from `end` (the cancellation) to
   * `scheduledEnd`, is credited as a `proration` line.
   */
  cancelCredit?: ProratedItem & { planId?: string };
}

export interface DraftLine {
  type: 'base_fee' | 'usage' | 'credit' | 'proration';
  description: string;
  price_key: string | null;
  meter_id: string | null;
  meter_key: string | null;
  quantity: string;
  free_quantity: string;
  unit_amount: string | null;
  tiers: RatedPart[];
  adjustment: Rating['adjustment'];
  exact_amount: string;
  /** Whole minor units; negative on a credit line. */
  amount: string;
  /** The grant a credit line drew on. */
  credit_grant: string | null;
  period_start: Date;
  period_end: Date;
  /** The plan whose terms made the line (a coupon's `applies_to` matches it); absent on a credit line. */
  plan_id?: string;
  /** What discounts took off the line (discounts.ts); absent or empty when none. */
  discount_amounts?: DiscountAmount[];
}

export interface DraftInvoice {
  lines: DraftLine[];
  subtotal: string;
  /** The sum of the lines' discounts per discount; absent when none. */
  total_discount_amounts?: DiscountAmount[];
  total: string;
}

/** `plan_id` when known (a line of no known plan has none). */
const ofPlan = (planId: string | undefined) => (planId === undefined ? {} : { plan_id: planId });

/** The fields of a line that carries no usage rating (base fee, proration). */
const unrated = () => ({
  price_key: null,
  meter_id: null,
  meter_key: null,
  quantity: '1',
  free_quantity: '0',
  tiers: [],
  adjustment: null,
  credit_grant: null,
});

/** The plan's flat fee; a plan without one (or a trial period) shows no zero line for it. */
function baseFeeLines(input: InvoiceInput): DraftLine[] {
  if (input.trial || input.basePrice <= 0) return [];
  const seats = input.seats ?? 1;
  const amount = formatDecimal(new Exact(input.basePrice).times(seats));
  return [
    {
      ...unrated(),
      ...ofPlan(input.planId),
      type: 'base_fee',
      description: input.planName,
      quantity: String(seats),
      unit_amount: String(input.basePrice),
      exact_amount: amount,
      amount,
      period_start: input.start,
      period_end: input.end,
    },
  ];
}

function usageLine({ price, quantity }: PeriodUsage, input: InvoiceInput): DraftLine {
  const rating = rate(ratingPrice(price), quantity);
  return {
    type: 'usage',
    description: `${price.key} (${price.meter_key})`,
    price_key: price.key,
    meter_id: price.meter_id,
    meter_key: price.meter_key,
    quantity: rating.quantity,
    free_quantity: rating.free_quantity,
    // Tiered prices have one rate per tier: those are in `tiers`.
    unit_amount: price.model === 'per_unit' || price.model === 'package' ? (price.unit_amount ?? null) : null,
    tiers: rating.breakdown,
    adjustment: rating.adjustment,
    exact_amount: rating.exact_amount,
    amount: rating.amount,
    credit_grant: null,
    period_start: input.start,
    period_end: input.end,
    ...ofPlan(input.usagePlanId),
  };
}

/** A credit and a charge per plan change (never on a trial period); like the base fee, a zero line (a free plan's credit) is not shown. */
function prorationLines(input: InvoiceInput): DraftLine[] {
  return (input.trial ? [] : (input.changes ?? [])).flatMap((change) => {
    const { lines } = prorate({
      period_start: input.start,
      period_end: input.scheduledEnd ?? input.end,
      changed_at: change.changed_at,
      from: change.from,
      to: change.to,
    });
    const plans = [change.from.planId, change.to.planId];
    return lines
      .map((line, i) => ({ line, planId: plans[i] }))
      .filter(({ line }) => line.amount !== '0')
      .map(({ line, planId }): DraftLine => ({
        ...unrated(),
        ...ofPlan(planId),
        type: 'proration',
        description: line.description,
        unit_amount: null,
        // The fraction of the period rarely ends as a decimal: the line is its rounded amount.
        exact_amount: line.amount,
        amount: line.amount,
        period_start: line.period_start,
        period_end: line.period_end,
      }));
  });
}

/** The credit for the unused time of a period cut short by a cancel now with `prorate` (none on a trial or a free plan). */
function cancelCreditLines(input: InvoiceInput): DraftLine[] {
  if (input.trial || !input.cancelCredit || !input.scheduledEnd) return [];
  const { lines } = prorate({
    period_start: input.start,
    period_end: input.scheduledEnd,
    changed_at: input.end,
    from: input.cancelCredit,
    to: { name: input.cancelCredit.name, amount: '0' },
  });
  const credit = lines[0];
  if (credit.amount === '0') return [];
  return [
    {
      ...unrated(),
      ...ofPlan(input.cancelCredit.planId),
      type: 'proration',
      description: credit.description,
      unit_amount: null,
      exact_amount: credit.amount,
      amount: credit.amount,
      period_start: credit.period_start,
      period_end: credit.period_end,
    },
  ];
}

export function draftInvoice(input: InvoiceInput): DraftInvoice {
  // Prorations after usage, so the first line still spans the whole period (credit lines copy its dates).
  const lines = [...baseFeeLines(input), ...input.usage.map((usage) => usageLine(usage, input)), ...prorationLines(input), ...cancelCreditLines(input)];
  const subtotal = formatDecimal(lines.reduce((sum, line) => sum.plus(line.amount), new Exact(0)));
  return { lines, subtotal, total: subtotal };
}

/** A meter's aggregate as the database gave it, as a quantity rating accepts (never negative). */
export function usageQuantity(value: string | null): string {
  if (value === null) return '0';
  const exact = new Exact(value);
  return exact.isNegative() ? '0' : formatDecimal(exact);
}
