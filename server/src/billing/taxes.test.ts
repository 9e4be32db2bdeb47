import { describe, expect, it } from 'vitest';
import type { DraftInvoice, DraftLine } from './invoice-lines.js';
import { applicableRates, lineTaxes, taxInvoice, type RateTerms, type TaxSubject } from './taxes.js';

const rate = (id: string, percentage: string, inclusive: boolean, fields: Partial<RateTerms> = {}): RateTerms => ({
  id,
  percentage,
  inclusive,
  country: 'DE',
  state: null,
  active: true,
  ...fields,
});

describe('a line’s tax, to the cent (half away from zero, per line)', () => {
  // [what, line amount, rates, expected [tax per rate...], taxable amount]
  const cases: Array<[string, number, RateTerms[], number[], number]> = [
    // 1000 × 20 / 100 = 200, on top of the line.
    ['exclusive 20% of 1000', 1_000, [rate('ex20', '20', false)], [200], 1_000],
    // 1200 × 20 / 120 = 200 inside the line; taxable 1200 − 200 = 1000.
    ['inclusive 20% in 1200', 1_200, [rate('in20', '20', true)], [200], 1_000],
    // 1000 × 20 / 120 = 166.67 → 167; taxable 1000 − 167 = 833.
    ['inclusive 20% in 1000 (rounded up)', 1_000, [rate('in20', '20', true)], [167], 833],
    // 999 × 20 / 120 = 166.5 exactly → 167 (half away from zero); taxable 832.
    ['inclusive 20% in 999 (a half)', 999, [rate('in20', '20', true)], [167], 832],
    // 10 × 5 / 100 = 0.5 → 1 (half away from zero).
    ['exclusive 5% of 10 (a half)', 10, [rate('ex5', '5', false)], [1], 10],
    // 1000 × 8.875 / 100 = 88.75 → 89.
    ['exclusive 8.875% of 1000', 1_000, [rate('ex8875', '8.875', false)], [89], 1_000],
    // 500000 × 0.0001 / 100 = 0.5 → 1: four decimals are exact.
    ['exclusive 0.0001% of 500000 (a half)', 500_000, [rate('tiny', '0.0001', false)], [1], 500_000],
    // Country 6.25% and state 2.5% stack: 1000 × 6.25 / 100 = 62.5 → 63, 1000 × 2.5 / 100 = 25.
    ['two stacked exclusive rates', 1_000, [rate('country', '6.25', false), rate('state', '2.5', false)], [63, 25], 1_000],
    // 10% and 5% inclusive in 1150: 1150 × 10 / 115 = 100, 1150 × 5 / 115 = 50; taxable 1000.
    ['two stacked inclusive rates', 1_150, [rate('in10', '10', true), rate('in5', '5', true)], [100, 50], 1_000],
    // 19% inside 1190: 1190 × 19 / 119 = 190, taxable 1000; then 5% on top of 1000 = 50.
    ['an inclusive and an exclusive rate', 1_190, [rate('in19', '19', true), rate('ex5', '5', false)], [190, 50], 1_000],
    // A proration credit of −10 at 5%: −0.5 → −1, symmetric about zero.
    ['a credit line’s tax is negative', -10, [rate('ex5', '5', false)], [-1], -10],
    // 0% still shows a tax amount of 0 on the line (the rate applied).
    ['a zero rate', 1_000, [rate('zero', '0', false)], [0], 1_000],
  ];
  it.each(cases)('%s', (_, amount, rates, taxes, taxable) => {
    const result = lineTaxes(amount, rates);
    expect(result.map((tax) => tax.amount)).toEqual(taxes);
    expect(result.map((tax) => tax.taxable_amount)).toEqual(taxes.map(() => taxable));
    expect(result.map((tax) => tax.tax_rate)).toEqual(rates.map((r) => r.id));
    expect(result.map((tax) => tax.inclusive)).toEqual(rates.map((r) => r.inclusive));
  });

  it('gives nothing on a line of 0 or without rates', () => {
    expect(lineTaxes(0, [rate('ex20', '20', false)])).toEqual([]);
    expect(lineTaxes(1_000, [])).toEqual([]);
  });
});

describe('which rates apply', () => {
  const rates = [
    rate('us', '5', false, { country: 'US' }),
    rate('us_ca', '2.5', false, { country: 'US', state: 'CA' }),
    rate('us_ny', '4', false, { country: 'US', state: 'NY' }),
    rate('us_old', '9', false, { country: 'US', active: false }),
    rate('de', '19', true, { country: 'DE' }),
  ];
  const subject = (fields: Partial<TaxSubject>): TaxSubject => ({ exempt: 'none', address: { country: 'US', state: 'CA' }, explicit: [], ...fields });
  // [what, subject, rate ids]
  const cases: Array<[string, TaxSubject, string[]]> = [
    ['the country rate and the state rate stack', subject({}), ['us', 'us_ca']],
    ['another state: the country rate only', subject({ address: { country: 'US', state: 'TX' } }), ['us']],
    ['no state: the country rate only', subject({ address: { country: 'US', state: null } }), ['us']],
    ['the address is read case-blind', subject({ address: { country: 'de', state: null } }), ['de']],
    ['no address: none', subject({ address: null }), []],
    ['a country without rates: none', subject({ address: { country: 'FR', state: null } }), []],
    ['exempt: none', subject({ exempt: 'exempt' }), []],
    ['reverse charge: none', subject({ exempt: 'reverse' }), []],
    ['the subscription’s rates override the address, in its order', subject({ explicit: ['de', 'us_ny'] }), ['de', 'us_ny']],
    ['an archived rate the subscription names still applies (as Stripe)', subject({ explicit: ['us_old'] }), ['us_old']],
    ['exempt beats the subscription’s rates', subject({ exempt: 'exempt', explicit: ['de'] }), []],
  ];
  it.each(cases)('%s', (_, who, ids) => {
    expect(applicableRates(who, rates).map((r) => r.id)).toEqual(ids);
  });
});

describe('an invoice’s taxes', () => {
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
    period_start: new Date(0),
    period_end: new Date(1_000),
  });
  // Base fee 2000, usage 333, credit −300: subtotal 2333, total before tax 2033.
  const draft: DraftInvoice = { lines: [line('base_fee', '2000'), line('usage', '333'), line('credit', '-300')], subtotal: '2333', total: '2033' };

  it('adds exclusive tax to the total and leaves credit lines untaxed', () => {
    // 20% of 2000 = 400; 20% of 333 = 66.6 → 67; the credit none. Tax 467; total 2033 + 467 = 2500.
    const taxed = taxInvoice(draft, [rate('ex20', '20', false)], 'none');
    expect(taxed.lines.map((l) => l.tax_amounts.map((t) => t.amount))).toEqual([[400], [67], []]);
    expect(taxed).toMatchObject({ subtotal: '2333', tax: 467, total: '2500' });
    expect(taxed.total_tax_amounts).toEqual([{ amount: 467, inclusive: false, tax_rate: 'ex20', taxable_amount: 2_333 }]);
    // total = the sum of the lines + the exclusive tax.
    const sum = taxed.lines.reduce((s, l) => s + Number(l.amount), 0);
    expect(Number(taxed.total)).toBe(sum + taxed.tax);
  });

  it('keeps inclusive tax inside the amounts: the total does not change', () => {
    // 2000 × 20 / 120 = 333.33 → 333 (taxable 1667); 333 × 20 / 120 = 55.5 → 56 (taxable 277).
    const taxed = taxInvoice(draft, [rate('in20', '20', true)], 'none');
    expect(taxed).toMatchObject({ tax: 0, total: '2033' });
    expect(taxed.total_tax_amounts).toEqual([{ amount: 389, inclusive: true, tax_rate: 'in20', taxable_amount: 1_944 }]);
  });

  it('taxes each line after its discount, as Stripe, and keeps the discounts', () => {
    // 20% off: base 2000 − 400 = 1600, usage 333 − 67 = 266. Credit −300 on what is left.
    // 19% of 1600 = 304; 19% of 266 = 50.54 → 51. Tax 355; total 2333 − 467 − 300 + 355 = 1921.
    const discounted: DraftInvoice = {
      lines: [
        { ...line('base_fee', '2000'), discount_amounts: [{ amount: 400, discount: 'di_1' }] },
        { ...line('usage', '333'), discount_amounts: [{ amount: 67, discount: 'di_1' }] },
        line('credit', '-300'),
      ],
      subtotal: '2333',
      total_discount_amounts: [{ amount: 467, discount: 'di_1' }],
      total: '1566',
    };
    const taxed = taxInvoice(discounted, [rate('ex19', '19', false)], 'none');
    expect(taxed.lines.map((l) => l.tax_amounts.map((t) => [t.taxable_amount, t.amount]))).toEqual([[[1_600, 304]], [[266, 51]], []]);
    expect(taxed).toMatchObject({ subtotal: '2333', tax: 355, total: '1921', total_discount_amounts: [{ amount: 467, discount: 'di_1' }] });
  });

  it('taxes nothing for an exempt or reverse-charge customer, and keeps which it was', () => {
    for (const exempt of ['exempt', 'reverse'] as const) {
      const taxed = taxInvoice(draft, [], exempt);
      expect(taxed).toMatchObject({ tax: 0, total: '2033', total_tax_amounts: [], customer_tax_exempt: exempt });
    }
  });
});
