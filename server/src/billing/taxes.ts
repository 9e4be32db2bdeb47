// Taxes on an invoice Nozle bills itself: which tax rates apply, and each line's tax. Pure.
//
// Which rates: the subscription's `default_tax_rates` when it names any (as Stripe, they override
// everything else); otherwise every active rate whose country is the customer's address country
// and whose state, when the rate has one, is the address's state. Matching rates stack: a
// country rate and a state rate both apply (Stripe applies every rate given, each on the same
// taxable amount). A customer `exempt` pays no tax; `reverse` pays none either, and the invoice
// notes "Reverse charge" (the buyer accounts for it).
//
// Each line's tax, on what the line charges once its discounts are off (`discountedAmount`, as
// Stripe taxes the discounted amount), rounded per line item, half away from zero (money.ts):
// - exclusive rate p: tax = taxable × p / 100, added on top of the line;
// - inclusive rates (summing to P): the line's amount already holds them; for each, tax =
//   amount × p / (100 + P), and the line's taxable amount is the amount less those taxes (so
//   taxable + inclusive taxes = the amount, to the cent). Exclusive rates on the same line are
//   then computed on that taxable amount.
// The invoice's `tax` is the sum of the exclusive taxes: `total` = `subtotal` − discounts −
// prepaid credit + `tax` (inclusive taxes are inside the line amounts already). Prepaid credit
// lines carry no tax: credit is a payment against the total (as Stripe's customer balance), not a
// discount, so it never lowers what is taxed.
import { discountedAmount } from './discounts.js';
import type { DraftInvoice, DraftLine } from './invoice-lines.js';
import { Exact, formatDecimal, roundRatio } from './money.js';

export type TaxExempt = 'none' | 'exempt' | 'reverse';

interface CustomerAddress {
  line1: string | null;
  line2: string | null;
  city: string | null;
  state: string | null;
  postal_code: string | null;
  country: string | null;
}

/** A tax rate as the rules read it. */
export interface RateTerms {
  id: string;
  /** A decimal string, 0..100, up to 4 decimals. */
  percentage: string;
  inclusive: boolean;
  country: string | null;
  state: string | null;
  active: boolean;
}

/** One rate's tax on one line (Stripe's `tax_amounts[]`); minor units. */
export interface LineTax {
  amount: number;
  inclusive: boolean;
  tax_rate: string;
  taxable_amount: number;
}

/** Who is taxed, and how, for one invoice. */
export interface TaxSubject {
  exempt: TaxExempt;
  address: Pick<CustomerAddress, 'country' | 'state'> | null;
  /** The subscription's `default_tax_rates`, in order; empty when it names none. */
  explicit: readonly string[];
}

const sameText = (a: string | null, b: string | null) => a !== null && b !== null && a.trim().toUpperCase() === b.trim().toUpperCase();

/** The rates that apply to an invoice of `subject`, in the order they are listed. */
export function applicableRates(subject: TaxSubject, rates: readonly RateTerms[]): RateTerms[] {
  if (subject.exempt !== 'none') return [];
  if (subject.explicit.length > 0) {
    const byId = new Map(rates.map((rate) => [rate.id, rate]));
    return subject.explicit.flatMap((id) => byId.get(id) ?? []);
  }
  const address = subject.address;
  if (!address?.country) return [];
  return rates.filter((rate) => rate.active && sameText(rate.country, address.country) && (rate.state === null || sameText(rate.state, address.state)));
}

// Percentages have at most 4 decimals: scaled by 10^4 they are integers, so every ratio below has
// an integer denominator and roundRatio rounds it exactly, never forming a non-terminating quotient.
const SCALE = new Exact(10_000);
const scaled = (percentage: string | Exact) => new Exact(percentage).times(SCALE);

/**
 * The taxes of a line whose taxable base is `base` (whole minor units, may be negative: a
 * proration credit's tax is negative too), one per rate, inclusive rates first.
 */
export function lineTaxes(base: string | number, rates: readonly RateTerms[]): LineTax[] {
  const amount = new Exact(base);
  if (rates.length === 0 || amount.isZero()) return [];
  const inclusive = rates.filter((rate) => rate.inclusive);
  const exclusive = rates.filter((rate) => !rate.inclusive);
  const totalInclusive = inclusive.reduce((sum, rate) => sum.plus(rate.percentage), new Exact(0));
  // amount × p / (100 + P), both sides scaled by 10^4.
  const inclusiveTaxes = inclusive.map((rate) => roundRatio(amount.times(scaled(rate.percentage)), scaled(totalInclusive.plus(100))));
  const taxable = inclusiveTaxes.reduce((rest, tax) => rest.minus(tax), amount);
  // taxable × p / 100, scaled: taxable × (p × 10^4) / 10^6.
  const exclusiveTaxes = exclusive.map((rate) => roundRatio(taxable.times(scaled(rate.percentage)), SCALE.times(100)));
  const entry = (rate: RateTerms, tax: Exact): LineTax => ({
    amount: tax.toNumber(),
    inclusive: rate.inclusive,
    tax_rate: rate.id,
    taxable_amount: taxable.toNumber(),
  });
  return [...inclusive.map((rate, i) => entry(rate, inclusiveTaxes[i]!)), ...exclusive.map((rate, i) => entry(rate, exclusiveTaxes[i]!))];
}

/** The invoice's exclusive tax (what adds to the total) over its lines' taxes. */
function exclusiveTax(lines: ReadonlyArray<{ tax_amounts: readonly LineTax[] }>): number {
  return lines.reduce((sum, line) => sum + line.tax_amounts.filter((tax) => !tax.inclusive).reduce((s, tax) => s + tax.amount, 0), 0);
}

/** Stripe's `total_tax_amounts`: one entry per rate, its tax and taxable amounts summed over the lines. */
function totalTaxAmounts(lines: ReadonlyArray<{ tax_amounts: readonly LineTax[] }>): LineTax[] {
  const byRate = new Map<string, LineTax>();
  for (const tax of lines.flatMap((line) => line.tax_amounts)) {
    const sum = byRate.get(tax.tax_rate);
    if (sum) byRate.set(tax.tax_rate, { ...sum, amount: sum.amount + tax.amount, taxable_amount: sum.taxable_amount + tax.taxable_amount });
    else byRate.set(tax.tax_rate, { ...tax });
  }
  return [...byRate.values()];
}

/** A percentage as stored and shown: "20", "8.875". */
export const formatPercentage = (percentage: string | number) => formatDecimal(new Exact(percentage));

/** A drafted line with its taxes. */
type TaxedLine = DraftLine & { tax_amounts: LineTax[] };

/** A drafted invoice with its taxes: `total` = `subtotal` − discounts − credit + `tax` (the exclusive tax). */
export interface TaxedInvoice extends DraftInvoice {
  lines: TaxedLine[];
  /** Exclusive tax, whole minor units. */
  tax: number;
  total_tax_amounts: LineTax[];
  /** The customer's tax status the invoice was built with ("reverse": the invoice notes a reverse charge). */
  customer_tax_exempt: TaxExempt;
}

/** What a line is taxed on: its amount less its discounts, what it actually charges (as Stripe). */
const taxableBase = (line: DraftLine): string => formatDecimal(discountedAmount(line));

/** Taxes every charge line of `draft` at `rates` (applicableRates); credit lines carry none. */
export function taxInvoice(draft: DraftInvoice, rates: readonly RateTerms[], exempt: TaxExempt): TaxedInvoice {
  const lines = draft.lines.map((line): TaxedLine => ({ ...line, tax_amounts: line.type === 'credit' ? [] : lineTaxes(taxableBase(line), rates) }));
  const tax = exclusiveTax(lines);
  return {
    ...draft,
    lines,
    tax,
    total_tax_amounts: totalTaxAmounts(lines),
    total: formatDecimal(new Exact(draft.total).plus(tax)),
    customer_tax_exempt: exempt,
  };
}
