import { describe, expect, it } from 'vitest';
import { Exact, MAX_DIGITS, formatDecimal, formatMoney, formatQuantity, readDecimal, roundMinor, roundRatio } from './money.js';

describe('roundMinor', () => {
  it.each([
    ['0.5', '1'],
    ['1.5', '2'],
    ['2.5', '3'], // banker's rounding would give 2
    ['2.4999999', '2'],
    ['2.5000001', '3'],
    ['-0.5', '-1'], // a credit mirrors its charge
    ['-2.5', '-3'],
    ['-2.4999999', '-2'],
    ['-0.4', '0'],
  ])('rounds %s to %s', (value, rounded) => {
    expect(formatDecimal(roundMinor(new Exact(value)))).toBe(rounded);
  });
});

describe('roundRatio', () => {
  it.each([
    ['1', '2', '1'], // 0.5
    ['5', '2', '3'], // 2.5
    ['-5', '2', '-3'], // -2.5
    ['-7', '2', '-4'], // -3.5
    ['1', '3', '0'], // 0.33…
    ['2', '3', '1'], // 0.66…
    ['-2', '3', '-1'], // -0.66…
    ['21000', '31', '677'], // 677.41…
    ['1000.5', '2', '500'], // 500.25
    ['1001.000001', '2', '501'], // 500.5000005
  ])('rounds %s / %s to %s', (numerator, denominator, rounded) => {
    expect(formatDecimal(roundRatio(new Exact(numerator), new Exact(denominator)))).toBe(rounded);
  });

  it('refuses a denominator that is not a positive integer', () => {
    expect(() => roundRatio(new Exact(1), new Exact(0))).toThrow(RangeError);
    expect(() => roundRatio(new Exact(1), new Exact('1.5'))).toThrow(RangeError);
  });
});

describe('readDecimal', () => {
  it.each<[unknown, string]>([
    ['1.50', '1.5'],
    ['007', '7'],
    ['0.0000001', '0.0000001'], // plain notation, not 1e-7
    [0, '0'],
    [-0, '0'],
    [12.75, '12.75'],
    [Number.MAX_SAFE_INTEGER, '9007199254740991'],
    ['9'.repeat(MAX_DIGITS), '9'.repeat(MAX_DIGITS)],
  ])('reads %j as %s', (value, expected) => {
    expect(formatDecimal(readDecimal(value)!)).toBe(expected);
  });

  it.each<[string, unknown]>([
    ['a negative number', -1],
    ['a negative string', '-1'],
    ['exponent notation', '1e3'],
    ['hex', '0x10'],
    ['a leading point', '.5'],
    ['a trailing point', '1.'],
    ['padding', '1 '],
    ['an empty string', ''],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a number above 2^53', 2 ** 53 + 2],
    ['more digits than MAX_DIGITS', '9'.repeat(MAX_DIGITS + 1)],
    ['a boolean', true],
    ['null', null],
  ])('refuses %s', (_, value) => {
    expect(readDecimal(value)).toBeNull();
  });
});

describe('formatMoney', () => {
  it.each([
    [123456, 'usd', '$1,234.56'],
    [-50, 'eur', '-€0.50'],
    [0, 'usd', '$0.00'],
    [500, 'jpy', '¥500'], // no minor unit: 500 yen
    [1234, 'kwd', 'KWD 1.234'], // three decimals
    ['0.0015', 'usd', '$0.000015'], // a sub-cent unit price keeps every digit
    ['5086.375', 'usd', '$50.86375'],
    ['900719925474099312345', 'usd', '$9,007,199,254,740,993,123.45'], // beyond 2^53: exact, not a float
  ])('formats %s %s as %s', (minor, currency, shown) => {
    expect(formatMoney(minor, currency).replace(/\u00a0/g, ' ')).toBe(shown);
  });
});

describe('formatQuantity', () => {
  it.each([
    ['0', '0'],
    ['12345.5', '12,345.5'],
    ['123456789012345678901234.000000000000000000000001', '123,456,789,012,345,678,901,234.000000000000000000000001'],
  ])('formats %s as %s', (quantity, shown) => {
    expect(formatQuantity(quantity)).toBe(shown);
  });
});
