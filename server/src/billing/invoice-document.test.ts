import type { components } from '@nozle/openapi';
import { describe, expect, it } from 'vitest';
import { invoiceDocument, type DocumentInput } from './invoice-document.js';

type Invoice = components['schemas']['Invoice'];
type InvoiceLine = components['schemas']['InvoiceLine'];

const MAY_1 = Date.parse('2026-05-01T12:00:00Z') / 1000;
const JUNE_1 = Date.parse('2026-06-01T12:00:00Z') / 1000;
const DAY = 86_400;

const usage = (fields: Partial<InvoiceLine>): InvoiceLine => ({
  type: 'usage',
  description: 'api (api_units)',
  price: 'api',
  meter: 'api_units',
  quantity: '10',
  free_quantity: '0',
  unit_amount: '100',
  tiers: [{ tier: null, quantity: '10', unit_amount: '100', flat_amount: '0', amount: '1000' }],
  adjustment: null,
  exact_amount: '1000',
  amount: 1_000,
  credit_grant: null,
  discount_amounts: [],
  tax_amounts: [],
  period_start: MAY_1,
  period_end: JUNE_1,
  ...fields,
});

const invoice = (fields: Partial<Invoice> = {}): Invoice => ({
  id: 'in_1',
  object: 'invoice',
  customer: 'cus_1',
  subscription: 'sub_1',
  plan: 'pro',
  plan_version: 2,
  status: 'open',
  currency: 'usd',
  period_start: MAY_1,
  period_end: JUNE_1,
  trial: false,
  lines: [usage({})],
  subtotal: 1_000,
  total_discount_amounts: [],
  tax: 0,
  total_tax_amounts: [],
  total: 1_000,
  customer_tax_exempt: 'none',
  created: JUNE_1,
  finalized_at: JUNE_1,
  due_date: JUNE_1 + 30 * DAY,
  paid_at: null,
  paid_out_of_band: false,
  voided_at: null,
  marked_uncollectible_at: null,
  provider: null,
  provider_invoice_id: null,
  number: 'INV-0003',
  hosted_invoice_url: '/invoices/t',
  ...fields,
});

const input = (fields: Partial<Invoice> = {}, customer: Partial<DocumentInput['customer']> = {}): DocumentInput => ({
  invoice: invoice(fields),
  project: { name: 'Acme', invoice_settings: { business_name: null, address: null, email: null, tax_id: null, number_prefix: 'INV' } },
  customer: { id: 'cus_1', name: null, email: null, external_id: null, ...customer },
});

const total = (rows: Array<{ label: string; value: string }>, label: string) => rows.find((row) => row.label === label)?.value;

describe('invoiceDocument: the status, stamped, and what is owed', () => {
  it.each([
    // status, changes, stamp, note, paid, due
    [
      'draft',
      { number: null, finalized_at: null, due_date: null },
      'DRAFT',
      'Not yet finalized: this invoice has no number and cannot be paid yet.',
      '$0.00',
      '$10.00',
    ],
    ['open', {}, 'OPEN', '$10.00 due 1 Jul 2026.', '$0.00', '$10.00'],
    ['paid', { paid_at: JUNE_1 + DAY }, 'PAID', '$10.00 paid on 2 Jun 2026. Thank you.', '$10.00', '$0.00'],
    ['void', { voided_at: JUNE_1 + DAY }, 'VOID', 'Void since 2 Jun 2026: nothing is owed.', '$0.00', '$0.00'],
    [
      'uncollectible',
      { marked_uncollectible_at: JUNE_1 + DAY },
      'UNCOLLECTIBLE',
      'Marked uncollectible on 2 Jun 2026; $10.00 is still owed.',
      '$0.00',
      '$10.00',
    ],
  ] as const)('%s', (status, changes, stamp, note, paid, due) => {
    const doc = invoiceDocument(input({ status, ...changes }));
    expect([doc.statusLabel, doc.statusNote, total(doc.totals, 'Amount paid'), total(doc.totals, 'Amount due')]).toEqual([stamp, note, paid, due]);
  });

  it('titles a draft without a number', () => {
    const doc = invoiceDocument(input({ status: 'draft', number: null }));
    expect(doc.title).toBe('Draft invoice');
    expect(doc.facts[0]).toEqual({ label: 'Invoice number', value: 'Draft (numbered when finalized)' });
  });
});

describe('invoiceDocument: the parties', () => {
  it('names the seller by the project when no business name is set, and shows only what is set', () => {
    expect(invoiceDocument(input()).seller).toEqual({ name: 'Acme', details: [] });
  });

  it.each([
    [
      { name: 'Ada', email: 'ada@example.com', external_id: 'u_1' },
      { name: 'Ada', details: ['ada@example.com', 'Customer ID: u_1'] },
    ],
    [{ email: 'ada@example.com' }, { name: 'ada@example.com', details: ['Customer: cus_1'] }],
    [{}, { name: 'cus_1', details: ['Customer: cus_1'] }],
  ])('names the customer %j', (customer, party) => {
    expect(invoiceDocument(input({}, customer)).customer).toEqual(party);
  });
});

describe('invoiceDocument: what explains a usage line', () => {
  it.each([
    [
      'free units and a tier with a flat amount',
      usage({
        quantity: '1500',
        free_quantity: '500',
        unit_amount: null,
        tiers: [{ tier: 1, quantity: '1000', unit_amount: '0.5', flat_amount: '200', amount: '700' }],
        exact_amount: '700',
        amount: 700,
      }),
      ['Usage: 1,500 (api_units)', 'Free: 500', 'Tier 2: 1,000 × $0.005 + $2.00 flat = $7.00'],
    ],
    [
      'a minimum spend',
      usage({ adjustment: { reason: 'minimum', amount: '500' }, exact_amount: '1500', amount: 1_500 }),
      ['Usage: 10 (api_units)', '10 × $1.00 = $10.00', 'Minimum spend adjustment: +$5.00'],
    ],
    [
      'a maximum spend, then rounding',
      usage({ adjustment: { reason: 'maximum', amount: '-0.5' }, exact_amount: '999.5', amount: 1_000 }),
      ['Usage: 10 (api_units)', '10 × $1.00 = $10.00', 'Maximum spend adjustment: -$0.005', 'Exact amount $9.995, rounded to $10.00'],
    ],
  ])('%s', (_name, line, details) => {
    expect(invoiceDocument(input({ lines: [line] })).lines[0]!.details).toEqual(details);
  });

  it('formats in the invoice’s currency, with its own decimals', () => {
    const doc = invoiceDocument(input({ currency: 'jpy', lines: [usage({ amount: 1_000 })], subtotal: 1_000, total: 1_000 }));
    expect(doc.lines[0]!.amount).toBe('¥1,000');
    expect(total(doc.totals, 'Total')).toBe('¥1,000');
  });
});

describe('invoiceDocument: taxes', () => {
  const rates = [
    { id: 'txr_vat', display_name: 'VAT', percentage: 19, inclusive: false, jurisdiction: null },
    { id: 'txr_tva', display_name: 'TVA', percentage: 20, inclusive: true, jurisdiction: 'FR' },
  ];

  it('names each tax by its rate, inclusive ones marked, and keeps the credits apart from the tax', () => {
    // 1,000 − 200 discount = 800 taxed at 19% exclusive: 152; 20% inclusive inside 800: 133 (taxable 667,
    // shown only). Credit −100. Total 1,000 − 200 − 100 + 152 = 852.
    const doc = invoiceDocument({
      ...input({
        lines: [
          usage({
            discount_amounts: [{ amount: 200, discount: 'di_1' }],
            tax_amounts: [
              { tax_rate: 'txr_tva', inclusive: true, amount: 133, taxable_amount: 667 },
              { tax_rate: 'txr_vat', inclusive: false, amount: 152, taxable_amount: 800 },
            ],
          }),
          usage({ type: 'credit', amount: -100, exact_amount: '-100', credit_grant: 'cg_1', tiers: [] }),
        ],
        total_discount_amounts: [{ amount: 200, discount: 'di_1' }],
        tax: 152,
        total_tax_amounts: [
          { tax_rate: 'txr_tva', inclusive: true, amount: 133, taxable_amount: 667 },
          { tax_rate: 'txr_vat', inclusive: false, amount: 152, taxable_amount: 800 },
        ],
        total: 852,
      }),
      taxRates: rates,
    });
    expect(doc.lines[0]!.details.slice(-3)).toEqual(['Discount: −$2.00', 'TVA (FR) 20% (included): $1.33 on $6.67', 'VAT 19%: $1.52 on $8.00']);
    expect(doc.totals.map((row) => [row.label, row.value])).toEqual([
      ['Subtotal', '$10.00'],
      ['Discount', '-$2.00'],
      ['TVA (FR) 20% (included) on $6.67', '$1.33'],
      ['VAT 19% on $8.00', '$1.52'],
      ['Credits', '-$1.00'],
      ['Total', '$8.52'],
      ['Amount paid', '$0.00'],
      ['Amount due', '$8.52'],
    ]);
    expect(doc.notes).toEqual([]);
  });

  it('notes a reverse charge and an exemption', () => {
    expect(invoiceDocument(input({ customer_tax_exempt: 'reverse' })).notes).toEqual(['Reverse charge: no tax is charged; the customer accounts for it.']);
    expect(invoiceDocument(input({ customer_tax_exempt: 'exempt' })).notes).toEqual(['Tax exempt: no tax is charged on this invoice.']);
  });
});
