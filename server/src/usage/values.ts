// The policy for the values meters read from events, as the spec states it on EventInput's
// `properties`. Pure: ingestion rejects an event whose value a meter refuses, and the usage
// query (which reads events stored before a meter existed) leaves such values out the same way.
import DecimalJs from 'decimal.js';
import type { Meter } from '../catalog/meters-store.js';

/** The largest magnitude of a number a meter reads. */
export const MAX_METER_VALUE = 1_000_000_000_000;
/** Digits after the decimal point a number a meter reads may have. */
export const MAX_METER_DECIMALS = 6;
/** The longest value a `unique_count` meter reads (it is a key of the distinct-values table). */
export const MAX_UNIQUE_VALUE_LENGTH = 255;

// A bounded value has at most 13 + 6 digits; 40 significant digits keep any sum of them exact
// (decimal.js rounds to 20 by default, which a batch of large fractional values would exceed).
export const UsageDecimal = DecimalJs.clone({ precision: 40 });
export type UsageDecimal = DecimalJs;

/** A decimal string as meters read it (JSON numbers are read too). */
const NUMERIC_TEXT = /^-?\d+(\.\d+)?$/;

export interface ValueProblem {
  code: 'value_out_of_range' | 'negative_value';
  message: string;
}

/** What a meter reads from one event. */
type MeterReading = { kind: 'none' } | { kind: 'number'; amount: UsageDecimal } | { kind: 'text'; value: string } | { kind: 'refused'; problem: ValueProblem };

const OUT_OF_RANGE = `must be a finite number of magnitude at most ${MAX_METER_VALUE.toLocaleString('en-US')}, with at most ${MAX_METER_DECIMALS} digits after the decimal point`;

function readNumber(raw: unknown, allowNegative: boolean): MeterReading {
  let amount: UsageDecimal;
  if (typeof raw === 'number') {
    // A JSON number beyond a double (1e400) arrives as Infinity.
    if (!Number.isFinite(raw)) return { kind: 'refused', problem: { code: 'value_out_of_range', message: OUT_OF_RANGE } };
    amount = new UsageDecimal(raw);
  } else if (typeof raw === 'string' && NUMERIC_TEXT.test(raw.trim())) {
    amount = new UsageDecimal(raw.trim());
  } else {
    // Not a number: the event adds nothing to this meter, and still counts for others.
    return { kind: 'none' };
  }
  if (amount.abs().gt(MAX_METER_VALUE) || amount.decimalPlaces() > MAX_METER_DECIMALS) {
    return { kind: 'refused', problem: { code: 'value_out_of_range', message: OUT_OF_RANGE } };
  }
  if (amount.lt(0) && !allowNegative) {
    return {
      kind: 'refused',
      problem: { code: 'negative_value', message: 'must not be negative: the meter does not allow negative values (allow_negative).' },
    };
  }
  return { kind: 'number', amount };
}

/** What `meter` reads from an event with these properties. */
export function readMeterValue(meter: Pick<Meter, 'aggregation' | 'property' | 'allow_negative'>, properties: Record<string, unknown>): MeterReading {
  if (meter.aggregation === 'count' || meter.property === null) return { kind: 'none' };
  const raw = properties[meter.property];
  if (meter.aggregation === 'unique_count') {
    if (!['string', 'number', 'boolean'].includes(typeof raw)) return { kind: 'none' };
    const value = String(raw);
    if (value.length > MAX_UNIQUE_VALUE_LENGTH) {
      return {
        kind: 'refused',
        problem: { code: 'value_out_of_range', message: `must be at most ${MAX_UNIQUE_VALUE_LENGTH} characters for a unique_count meter.` },
      };
    }
    return { kind: 'text', value };
  }
  return readNumber(raw, meter.allow_negative);
}
