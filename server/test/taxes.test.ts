// Taxes end to end on subscriptions Nozle bills itself: tax rates through the API, customers with
// an address and a tax status, a 20% coupon and prepaid credit on the same invoices, and the
// period's invoices (moved by the test clock) taxed to the cent, every number worked by hand.
//
// Every customer holds `pro` from 2026-04-01 12:00 to 2026-05-01 12:00 (UTC): a base fee of
// 10,000 cents and 3 cents per API unit. Rounding: half away from zero, per line (taxes.ts).
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PAST_DUE_GRACE_MS } from '../src/app.js';
import { closeBillingPeriods } from '../src/billing/invoices.js';
import { linesToSend } from '../src/billing/invoices-store.js';
import { createSnapshots } from '../src/wiring.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
const billing = () => ({ db: t.database.db, clock: t.clocks, logger: pino({ level: 'silent' }), snapshots: createSnapshots(DEFAULT_PAST_DUE_GRACE_MS) });
const unix = (iso: string) => Date.parse(iso) / 1000;

interface TaxAmount {
  amount: number;
  inclusive: boolean;
  tax_rate: string;
  taxable_amount: number;
}
interface Line {
  type: string;
  amount: number;
  discount_amounts: Array<{ amount: number }>;
  tax_amounts: TaxAmount[];
}
interface TaxedInvoice {
  subtotal: number;
  total_discount_amounts: Array<{ amount: number }>;
  tax: number;
  total_tax_amounts: TaxAmount[];
  total: number;
  customer_tax_exempt: string;
  lines: Line[];
}

const rates: Record<string, string> = {};

async function rate(name: string, body: Record<string, unknown>): Promise<void> {
  const created = await t.call('POST', '/v1/tax_rates', { body });
  expect(created.status).toBe(200);
  rates[name] = created.body.id;
}

async function subscribe(customer: string, fields: Record<string, unknown>, sub: Record<string, unknown> = {}): Promise<void> {
  expect((await t.call('POST', '/v1/customers', { body: { external_id: customer, ...fields } })).status).toBe(200);
  const created = await t.call('POST', '/v1/subscriptions', { body: { customer, plan: 'pro', ...sub } });
  expect(created.status).toBe(200);
}

async function units(customer: string, count: number): Promise<void> {
  const sent = await t.call('POST', '/v1/events', {
    body: { events: [{ id: `${customer}-1`, customer, event: 'api.request', properties: { units: count }, timestamp: unix('2026-04-10T00:00:00Z') }] },
  });
  expect(sent.status).toBe(200);
}

const invoiceOf = async (customer: string): Promise<TaxedInvoice> => {
  const listed = await t.call('GET', `/v1/invoices?customer=${customer}`);
  expect(listed.body.data).toHaveLength(1);
  return listed.body.data[0];
};

const taxes = (line: Line) => line.tax_amounts.map((tax) => [tax.tax_rate, tax.inclusive, tax.taxable_amount, tax.amount]);

beforeAll(async () => {
  t = await startTestApp();
  t.setTime(new Date('2026-04-01T12:00:00Z'));
  expect((await t.call('POST', '/v1/meters', { body: { key: 'api_units', event_name: 'api.request', aggregation: 'sum', property: 'units' } })).status).toBe(
    200,
  );
  const plan = await t.call('POST', '/v1/plans', {
    body: { key: 'pro', name: 'Pro', interval: 'month', base_price: 10_000, prices: [{ key: 'api', meter: 'api_units', model: 'per_unit', unit_amount: '3' }] },
  });
  expect(plan.status).toBe(200);
  expect((await t.call('POST', '/v1/coupons', { body: { id: 'off20', percent_off: 20, duration: 'forever' } })).status).toBe(200);

  await rate('de', { display_name: 'VAT', percentage: 19, inclusive: false, country: 'DE' });
  await rate('fr', { display_name: 'TVA', percentage: 20, inclusive: true, country: 'FR' });
  await rate('us', { display_name: 'Sales tax', percentage: 5, inclusive: false, country: 'US' });
  await rate('us_ca', { display_name: 'CA tax', percentage: 2.5, inclusive: false, country: 'US', state: 'CA' });
  // Archived: never matched by an address.
  await rate('de_old', { display_name: 'Old VAT', percentage: 16, inclusive: false, country: 'DE', active: false });

  await subscribe('de', { address: { country: 'DE', city: 'Berlin' } }, { coupon: 'off20' });
  await subscribe('fr', { address: { country: 'fr' } }, { coupon: 'off20' });
  await subscribe('exempt', { address: { country: 'DE' }, tax_exempt: 'exempt' });
  await subscribe('reverse', { address: { country: 'DE' }, tax_exempt: 'reverse', tax_ids: [{ type: 'eu_vat', value: 'DE123456789' }] });
  await subscribe('ca', { address: { country: 'US', state: 'CA' } });
  await subscribe('ny', { address: { country: 'US', state: 'NY' } });
  await subscribe('explicit', { address: { country: 'DE' } }, { default_tax_rates: [rates.us_ca] });
  await subscribe('nowhere', {});

  t.setTime(new Date('2026-04-20T00:00:00Z'));
  await units('de', 1_234);
  await units('fr', 1_234);
  // 1,000 cents of prepaid credit: drawn on the usage line, never taxed.
  expect((await t.call('POST', '/v1/customers/de/credits', { body: { amount: 1_000, currency: 'usd' } })).status).toBe(200);
});
afterAll(async () => {
  await t.close();
});

describe('the upcoming invoice carries the taxes the period would get', () => {
  it('previews exclusive 19% on the discounted lines, as the finalized invoice will', async () => {
    const upcoming = await t.call('GET', '/v1/customers/de/upcoming_invoice');
    expect(upcoming.status).toBe(200);
    // The same numbers as the finalized invoice below.
    expect(upcoming.body).toMatchObject({ subtotal: 13_702, tax: 2_083, total: 12_045, customer_tax_exempt: 'none' });
    expect(upcoming.body.total_tax_amounts).toEqual([{ tax_rate: rates.de, inclusive: false, taxable_amount: 10_962, amount: 2_083 }]);
  });
});

describe('invoices taxed to the cent', () => {
  beforeAll(async () => {
    t.setTime(new Date('2026-05-01T12:00:01Z'));
    await closeBillingPeriods(billing(), t.projectA.projectId);
  });

  it('exclusive 19% on the lines after a 20% coupon, the credit line untaxed', async () => {
    const invoice = await invoiceOf('de');
    // Base 10,000; usage 1,234 × 3 = 3,702. Subtotal 13,702.
    // Coupon 20%: 10,000 × 0.2 = 2,000; 3,702 × 0.2 = 740.4 → 740. Discounts 2,740.
    // Taxed on what is left: 8,000 × 0.19 = 1,520; 2,962 × 0.19 = 562.78 → 563. Tax 2,083.
    // Credit 1,000 (at most the discounted usage, 2,962): a −1,000 line, no tax.
    // Total 13,702 − 2,740 − 1,000 + 2,083 = 12,045.
    expect(invoice.lines.map((line) => [line.type, line.amount, line.discount_amounts.map((d) => d.amount), taxes(line)])).toEqual([
      ['base_fee', 10_000, [2_000], [[rates.de, false, 8_000, 1_520]]],
      ['usage', 3_702, [740], [[rates.de, false, 2_962, 563]]],
      ['credit', -1_000, [], []],
    ]);
    expect(invoice).toMatchObject({ subtotal: 13_702, tax: 2_083, total: 12_045, customer_tax_exempt: 'none' });
    expect(invoice.total_discount_amounts.map((d) => d.amount)).toEqual([2_740]);
    // 8,000 + 2,962 = 10,962 taxable.
    expect(invoice.total_tax_amounts).toEqual([{ tax_rate: rates.de, inclusive: false, taxable_amount: 10_962, amount: 2_083 }]);
    // Retrieved as listed: the taxes were stored with the invoice.
    const retrieved = await t.call('GET', `/v1/invoices/${(invoice as unknown as { id: string }).id}`);
    expect(retrieved.body).toEqual(invoice);
  });

  it('inclusive 20% inside the discounted lines: the total does not grow', async () => {
    const invoice = await invoiceOf('fr');
    // Discounted as above: 8,000 and 2,962.
    // Inside them: 8,000 × 20 / 120 = 1,333.33 → 1,333 (taxable 6,667); 2,962 × 20 / 120 = 493.67 → 494 (taxable 2,468).
    // Tax added: 0. Total 13,702 − 2,740 = 10,962. Per rate: 1,333 + 494 = 1,827 on 6,667 + 2,468 = 9,135.
    expect(invoice.lines.map(taxes)).toEqual([[[rates.fr, true, 6_667, 1_333]], [[rates.fr, true, 2_468, 494]]]);
    expect(invoice).toMatchObject({ subtotal: 13_702, tax: 0, total: 10_962 });
    expect(invoice.total_tax_amounts).toEqual([{ tax_rate: rates.fr, inclusive: true, taxable_amount: 9_135, amount: 1_827 }]);
  });

  it.each([
    ['exempt', 'exempt'],
    ['reverse', 'reverse'],
  ])('a %s customer pays no tax, and the invoice keeps its status', async (customer, status) => {
    const invoice = await invoiceOf(customer);
    // Base 10,000, no usage, no tax: total 10,000.
    expect(invoice).toMatchObject({ subtotal: 10_000, tax: 0, total_tax_amounts: [], total: 10_000, customer_tax_exempt: status });
    // The base fee and the (zero) usage line: neither taxed.
    expect(invoice.lines.map((line) => line.tax_amounts)).toEqual([[], []]);
  });

  it('a state rate stacks on the country rate only in its state', async () => {
    // California: 10,000 × 5% = 500 and 10,000 × 2.5% = 250; total 10,750.
    const ca = await invoiceOf('ca');
    expect(ca.lines.map(taxes)).toEqual([
      [
        [rates.us, false, 10_000, 500],
        [rates.us_ca, false, 10_000, 250],
      ],
      [], // the usage line of 0: nothing to tax
    ]);
    expect(ca).toMatchObject({ tax: 750, total: 10_750 });
    // New York: the country rate alone, 500; total 10,500.
    const ny = await invoiceOf('ny');
    expect(ny.lines.map(taxes)).toEqual([[[rates.us, false, 10_000, 500]], []]);
    expect(ny).toMatchObject({ tax: 500, total: 10_500 });
  });

  it("the subscription's default_tax_rates replace those of the address", async () => {
    // A German address, but the subscription names CA tax alone: 10,000 × 2.5% = 250; total 10,250.
    const invoice = await invoiceOf('explicit');
    expect(invoice.lines.map(taxes)).toEqual([[[rates.us_ca, false, 10_000, 250]], []]);
    expect(invoice).toMatchObject({ tax: 250, total: 10_250 });
  });

  it('sends a provider each discount and each exclusive tax as a line of its own, after the lines, summing to the total', async () => {
    const sent = async (customer: string) => {
      const invoice = (await invoiceOf(customer)) as unknown as { id: string; total: number };
      const lines = await linesToSend(t.database.db, invoice.id);
      // What the provider charges is the sum of what it is sent: the invoice's total, to the cent.
      expect(lines.reduce((sum, line) => sum + line.amount, 0)).toBe(invoice.total);
      return lines;
    };
    // 20% of the lines: 2,000 + round(740.4) = 2,740 off.
    expect((await sent('de')).map((line) => [line.position, line.description, line.amount])).toEqual([
      [0, 'Pro', 10_000],
      [1, 'api (api_units)', 3_702],
      [2, 'Credit', -1_000],
      [3, 'Discount: off20', -2_740],
      [4, 'VAT 19%', 2_083],
    ]);
    // Stacked rates: one line each, in the invoice's order.
    expect((await sent('ca')).slice(2).map((line) => [line.position, line.description, line.amount])).toEqual([
      [2, 'Sales tax 5%', 500],
      [3, 'CA tax 2.5%', 250],
    ]);
    // Inclusive tax stays inside the lines; the discount still has its line.
    expect((await sent('fr')).map((line) => line.amount)).toEqual([10_000, 3_702, -2_740]);
    for (const customer of ['exempt', 'reverse', 'ny', 'explicit', 'nowhere']) await sent(customer);
  });

  it('no address, no rate: no tax', async () => {
    expect(await invoiceOf('nowhere')).toMatchObject({ tax: 0, total_tax_amounts: [], total: 10_000, customer_tax_exempt: 'none' });
  });
});
