// Exact decimal arithmetic for billing, and the one rule that turns an exact amount into cents.
//
// Units: every amount is in the currency's MINOR unit (cents for USD, yen for JPY), written as
// a decimal string so a unit price can be a fraction of a cent ("0.0015" = $0.000015), as in
// Stripe's `unit_amount_decimal`. Nothing is rounded until the end of an invoice line.
//
// Rounding: ROUND HALF UP, meaning half AWAY FROM ZERO (0.5 → 1, 2.5 → 3, -0.5 → -1). It is
// what a customer checking a bill by hand expects, and being symmetric about zero it makes a
// credit exactly the negative of the charge it reverses. Banker's rounding would be unbiased over
// many sums, but we round once per line, never a sum of rounded values.
import Decimal from 'decimal.js';

/** A quantity or amount as callers hand it over: a plain decimal string, or a JS number. */
export type DecimalInput = string | number;

/** Longest decimal string accepted (digits, not counting the point). */
export const MAX_DIGITS = 64;

// A private Decimal. The global one rounds every result to 20 significant digits, which would
// quietly round 10^18 tokens × 0.0015 ¢. Inputs are capped at MAX_DIGITS, so a product of two
// has at most 128 digits and a sum over a price's tiers a few more: far below this precision,
// so every result of plus/minus/times here is exact. Never call `div` on these (1/3 would run
// to the full precision); use divToInt with a remainder, as below.
// The exponent limits keep toString in plain notation ("0.0000001", not "1e-7").
export const Exact = Decimal.clone({
  precision: 1_000,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
export type Exact = Decimal;

// Plain non-negative decimals only: no sign, exponent, hex or surrounding space, so "1e3" or
// "0x10" from a careless client is refused instead of being read as 1000 or 16.
const PLAIN_DECIMAL = /^\d+(\.\d+)?$/;

/**
 * Reads a non-negative quantity or amount exactly, or returns null when it is not one. Numbers
 * above 2^53 are refused: by the time they reach us their last digits may already be wrong,
 * so such values have to come as strings.
 */
export function readDecimal(value: unknown): Exact | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0 || value > Number.MAX_SAFE_INTEGER) return null;
    return new Exact(value === 0 ? 0 : value); // -0 reads as 0
  }
  if (typeof value !== 'string' || !PLAIN_DECIMAL.test(value)) return null;
  if (value.length - (value.includes('.') ? 1 : 0) > MAX_DIGITS) return null;
  return new Exact(value);
}

/** Plain notation with no trailing zeros, and never "-0". */
export function formatDecimal(value: Exact): string {
  return value.isZero() ? '0' : value.toFixed();
}

/** Rounds an exact amount to whole minor units by the rule at the top of this file. */
export function roundMinor(value: Exact): Exact {
  return value.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
}

/**
 * Rounds numerator / denominator to whole minor units without ever forming the quotient,
 * which may not terminate (1000 × 21/31): the integer part and the remainder are exact, and
 * comparing twice the remainder with the denominator decides the half case exactly.
 */
export function roundRatio(numerator: Exact, denominator: Exact): Exact {
  if (!denominator.isInteger() || denominator.lte(0)) throw new RangeError('roundRatio needs a positive integer denominator');
  const whole = numerator.divToInt(denominator); // truncates toward zero
  const rest = numerator.minus(whole.times(denominator)); // same sign as numerator, |rest| < denominator
  if (rest.abs().times(2).lt(denominator)) return whole;
  return rest.isNegative() ? whole.minus(1) : whole.plus(1);
}

// Intl formats a decimal string exactly (ECMA-402's string numerics), so nothing here is a float.
type NumericString = Parameters<Intl.NumberFormat['format']>[0];

/** The currency's decimal places (ISO 4217, as Intl knows them): 2 for USD, 0 for JPY, 3 for KWD. */
function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * An amount in minor units as a customer reads it: 123456 USD is "$1,234.56", -50 EUR "-€0.50",
 * 500 JPY "¥500". A fraction of a minor unit (a unit price of "0.0015" cents) keeps every digit:
 * "$0.000015". Exact: the decimal point is moved, nothing is divided or rounded.
 */
export function formatMoney(minor: DecimalInput, currency: string): string {
  const code = currency.toUpperCase();
  const digits = currencyDigits(code);
  const major = new Exact(minor).times(new Exact(10).pow(-digits));
  // Intl shows at most 20 decimals; a price finer than that is shown rounded to them.
  const places = Math.min(20, Math.max(digits, major.decimalPlaces()));
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency: code, minimumFractionDigits: places, maximumFractionDigits: places });
  return format.format(major.toFixed() as NumericString);
}

/** A quantity as a customer reads it, exact and grouped: "12,345.5" (the whole part is grouped as a bigint, the fraction kept as written). */
export function formatQuantity(quantity: DecimalInput): string {
  const [whole = '0', fraction] = new Exact(quantity).toFixed().split('.');
  const grouped = new Intl.NumberFormat('en-US').format(BigInt(whole));
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
