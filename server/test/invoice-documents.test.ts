// Invoice documents end to end: an invoice with a tiered usage line, a proration and a credit,
// worked out by hand below, rendered as a PDF (read back with pdf-parse) and as its hosted page,
// both showing the same figures to the cent; the seller's details from the project's settings;
// a draft marked as one; another project's invoice not found; and invoice numbers given in the
// finalizing transaction: 20 concurrent finalizations get 1..20, and one that rolls back leaves
// no gap. Runs on PGlite, and on Postgres when DATABASE_URL is set.
import { Nozle } from '@nozle/node';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finalizeInvoice, insertDraftInvoice } from '../src/billing/invoices-store.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let nozle: Nozle;
const at = (iso: string) => new Date(iso);
const unix = (iso: string) => Date.parse(iso) / 1000;

// Periods of 30 days, from April 1 12:00 UTC.
const START = '2026-04-01T12:00:00Z';
const HOSTILE_NAME = '<script>alert("x")</script> Ågren & Sons';

async function pdfText(bytes: Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: bytes });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

beforeAll(async () => {
  t = await startTestApp();
  nozle = new Nozle({ secretKey: t.projectA.secretKey, baseUrl: t.url, track: { onError: () => {} } });
  await nozle.project.update({
    invoice_settings: {
      business_name: 'Acme Notes Ltd',
      address: '1 Market Street\nLondon EC1A 1AA',
      email: 'billing@acme.example',
      tax_id: 'GB123456789',
      number_prefix: 'ACME',
    },
  });
  expect((await t.call('POST', '/v1/meters', { body: { key: 'api_units', event_name: 'api.request', aggregation: 'sum', property: 'units' } })).status).toBe(
    200,
  );
  // Usage is rated at the prices of the plan at the period's end (Pro): 1,000 units free, then a quarter cent each.
  const tiers = [
    { up_to: 1_000, unit_amount: '0' },
    { up_to: null, unit_amount: '0.25' },
  ];
  await nozle.plans.create({
    key: 'basic',
    name: 'Basic',
    interval: 'month',
    base_price: 3_000,
    prices: [{ key: 'api', meter: 'api_units', model: 'graduated', tiers }],
  });
  await nozle.plans.create({
    key: 'pro',
    name: 'Pro',
    interval: 'month',
    base_price: 9_000,
    prices: [{ key: 'api', meter: 'api_units', model: 'graduated', tiers }],
  });
  await nozle.customers.create({ external_id: 'acme-42', name: HOSTILE_NAME, email: 'ap@customer.example' });
  t.setTime(at(START));
});
afterAll(async () => {
  await nozle.shutdown();
  await t.close();
});

describe('an invoice as a PDF and as its hosted page', () => {
  let invoiceId: string;
  let hostedUrl: string;

  it('is numbered with the project’s prefix when finalized, and carries its hosted page', async () => {
    const subscription = await nozle.subscriptions.create({ customer: 'acme-42', plan: 'basic' });
    t.setTime(at('2026-04-10T00:00:00Z'));
    nozle.track({ customer: 'acme-42', event: 'api.request', properties: { units: 3_001 }, timestamp: at('2026-04-10T00:00:00Z') });
    await nozle.flush();
    // Halfway: 15 of the 30 days remain.
    t.setTime(at('2026-04-16T12:00:00Z'));
    expect((await t.call('POST', `/v1/subscriptions/${subscription.id}`, { body: { plan: 'pro' } })).status).toBe(200);
    await nozle.credits.grant('acme-42', { amount: 200, currency: 'usd', description: 'Welcome credit' });
    expect((await t.call('POST', '/v1/test_clock/advance', { body: { to: unix('2026-05-01T13:00:00Z') } })).status).toBe(200);

    const [invoice] = (await nozle.invoices.list({ customer: 'acme-42' })).data;
    // By hand, over [Apr 1 12:00, May 1 12:00), upgraded Apr 16 12:00:
    //   base fee: Basic (the plan at the period's start)               3,000
    //   usage: 3,001 units: 1,000 × 0 + 2,001 × 0.25 = 500.25 → 500     500
    //   unused time on Basic: −3,000 × 15/30                          −1,500
    //   remaining time on Pro:  9,000 × 15/30                          4,500
    //   subtotal                                                       6,500
    //   credit (covers usage only, up to the grant's 200)               −200
    //   total                                                          6,300
    expect(invoice).toMatchObject({ status: 'open', subtotal: 6_500, total: 6_300, number: 'ACME-0001' });
    expect(invoice!.lines.map((line) => [line.type, line.amount])).toEqual([
      ['base_fee', 3_000],
      ['usage', 500],
      ['proration', -1_500],
      ['proration', 4_500],
      ['credit', -200],
    ]);
    expect(invoice!.hosted_invoice_url).toMatch(/^\/invoices\/[A-Za-z0-9_-]{32}$/);
    invoiceId = invoice!.id;
    hostedUrl = invoice!.hosted_invoice_url!;
  });

  /** What both renderings must show, to the cent. */
  const FIGURES = [
    'Invoice ACME-0001',
    'OPEN',
    // The seller, from the project's settings.
    'Acme Notes Ltd',
    '1 Market Street',
    'London EC1A 1AA',
    'billing@acme.example',
    'Tax ID: GB123456789',
    // The customer.
    'ap@customer.example',
    'Customer ID: acme-42',
    // Dates: issued at finalization, the period, due 30 days later.
    '1 May 2026',
    '1 Apr 2026 – 1 May 2026',
    '31 May 2026',
    // The lines and what explains them.
    'Basic',
    '$30.00',
    'api (api_units)',
    'Usage: 3,001 (api_units)',
    'Tier 2: 2,001 × $0.0025 = $5.0025',
    'Exact amount $5.0025, rounded to $5.00',
    'Unused time on Basic after 16 Apr 2026',
    '-$15.00',
    'Remaining time on Pro after 16 Apr 2026',
    '$45.00',
    'Prorated for 16 Apr 2026 – 1 May 2026',
    'Credit: Welcome credit',
    '-$2.00',
    // The totals.
    '$65.00',
    '$63.00',
    '$0.00',
  ];

  it('renders the PDF with the seller, the customer, every line explained and the totals to the cent', async () => {
    const bytes = await nozle.invoices.pdf(invoiceId);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(bytes);
    for (const figure of FIGURES) expect(text).toContain(figure);
    // The customer's name is printed as written (DejaVu has Å), markup and all: a PDF runs nothing.
    expect(text.replace(/\s+/g, ' ')).toContain(HOSTILE_NAME);
    expect(text).toMatch(/Subtotal\s+\$65\.00/);
    expect(text).toMatch(/Credits\s+-\$2\.00/);
    expect(text).toMatch(/Total\s+\$63\.00/);
    expect(text).toMatch(/Amount paid\s+\$0\.00/);
    expect(text).toMatch(/Amount due\s+\$63\.00/);
  });

  it('serves the hosted page without a key, the same figures, the customer’s name escaped', async () => {
    const res = await fetch(`${t.url}${hostedUrl}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    const decoded = html.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)));
    for (const figure of FIGURES) expect(decoded).toContain(figure);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; Ågren &#38; Sons');
    expect(decoded).toMatch(/Amount due<\/th><td class="amount">\$63\.00/);

    const pdf = await fetch(`${t.url}${hostedUrl}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(await pdfText(new Uint8Array(await pdf.arrayBuffer()))).toContain('ACME-0001');
  });

  it('answers 404 for a token that is no invoice’s', async () => {
    expect((await fetch(`${t.url}/invoices/${'x'.repeat(32)}`)).status).toBe(404);
    expect((await fetch(`${t.url}/invoices/${'x'.repeat(32)}/pdf`)).status).toBe(404);
    expect((await fetch(`${t.url}/invoices/%3Cscript%3E`)).status).toBe(404);
  });

  it('shows the status it has now: paid, with nothing due', async () => {
    expect((await t.call('POST', `/v1/invoices/${invoiceId}/pay`, { body: { paid_out_of_band: true } })).status).toBe(200);
    const text = await pdfText(await nozle.invoices.pdf(invoiceId));
    expect(text).toContain('PAID');
    expect(text).toMatch(/Amount paid\s+\$63\.00/);
    expect(text).toMatch(/Amount due\s+\$0\.00/);
  });

  it('is not found with another project’s key', async () => {
    const res = await t.call('GET', `/v1/invoices/${invoiceId}/pdf`, { key: t.projectB.secretKey });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'resource_missing', param: 'invoice' });
  });
});

describe('invoice numbers', () => {
  let drafts: string[];
  const now = at('2026-06-01T00:00:00Z');

  // Project B's drafts (its counter is untouched): 21 periods of one subscription.
  beforeAll(async () => {
    const b = new Nozle({ secretKey: t.projectB.secretKey, baseUrl: t.url, track: { onError: () => {} } });
    await b.plans.create({ key: 'flat', name: 'Flat', interval: 'month', base_price: 1_000 });
    await b.customers.create({ external_id: 'numbered', name: 'Numbered Ltd' });
    const subscription = await b.subscriptions.create({ customer: 'numbered', plan: 'flat' });
    const { rows } = await t.database.db.query<{ plan_id: string; plan_version: number }>('select plan_id, plan_version from subscriptions where id = $1', [
      subscription.id,
    ]);
    drafts = [];
    for (let i = 0; i < 21; i += 1) {
      const start = new Date(Date.UTC(2030, i, 1));
      const id = await t.database.db.transaction((tx) =>
        insertDraftInvoice(
          tx,
          {
            projectId: t.projectB.projectId,
            customerId: subscription.customer,
            subscriptionId: subscription.id,
            planId: rows[0]!.plan_id,
            planVersion: rows[0]!.plan_version,
            currency: 'usd',
            start,
            end: new Date(Date.UTC(2030, i + 1, 1)),
            trial: false,
            draft: { lines: [], subtotal: '1000', total: '1000', tax: 0, total_tax_amounts: [], customer_tax_exempt: 'none' },
          },
          now,
        ),
      );
      drafts.push(id!);
    }
    await b.shutdown();
  });

  const numberOf = async (id: string) =>
    (await t.database.db.query<{ number: string | null }>('select number from invoices where id = $1', [id])).rows[0]!.number;

  it('a draft has none, and its PDF says it is a draft', async () => {
    const res = await t.call('GET', `/v1/invoices/${drafts[0]}`, { key: t.projectB.secretKey });
    expect(res.body).toMatchObject({ status: 'draft', number: null, hosted_invoice_url: null });
    const pdf = await fetch(`${t.url}/v1/invoices/${drafts[0]}/pdf`, { headers: { authorization: `Bearer ${t.projectB.secretKey}` } });
    expect(pdf.status).toBe(200);
    const text = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(text).toContain('Draft invoice');
    expect(text).toContain('DRAFT');
    expect(text).toContain('Draft (numbered when finalized)');
    expect(text).toContain('Numbered Ltd');
  });

  it('20 concurrent finalizations get 1..20, no gaps, no repeats', async () => {
    const twenty = drafts.slice(0, 20);
    const finalized = await Promise.all(twenty.map((id) => t.database.db.transaction((tx) => finalizeInvoice(tx, id, 'open', now))));
    expect(finalized).toEqual(twenty.map(() => true));
    const numbers = await Promise.all(twenty.map(numberOf));
    expect([...numbers].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `INV-${String(i + 1).padStart(4, '0')}`));
  });

  it('a finalization that rolls back gives its number back: the next one gets it', async () => {
    const last = drafts[20]!;
    const seen: Array<string | null> = [];
    await expect(
      t.database.db.transaction(async (tx) => {
        await finalizeInvoice(tx, last, 'open', now);
        seen.push((await tx.query<{ number: string }>('select number from invoices where id = $1', [last])).rows[0]!.number);
        throw new Error('the finalization fails after its number was taken');
      }),
    ).rejects.toThrow('after its number was taken');
    expect(seen).toEqual(['INV-0021']);
    expect(await numberOf(last)).toBeNull();
    // Finalizing a second time is refused without using a number either.
    await t.database.db.transaction((tx) => finalizeInvoice(tx, last, 'open', now));
    expect(await t.database.db.transaction((tx) => finalizeInvoice(tx, last, 'open', now))).toBe(false);
    expect(await numberOf(last)).toBe('INV-0021');
    const { rows } = await t.database.db.query<{ last_number: number }>('select last_number from invoice_number_counters where project_id = $1', [
      t.projectB.projectId,
    ]);
    expect(Number(rows[0]!.last_number)).toBe(21);
  });
});

describe('the project’s invoice settings', () => {
  it('are read back, and null clears one', async () => {
    const project = await nozle.project.update({ invoice_settings: { tax_id: null } });
    expect(project.invoice_settings).toEqual({
      business_name: 'Acme Notes Ltd',
      address: '1 Market Street\nLondon EC1A 1AA',
      email: 'billing@acme.example',
      tax_id: null,
      number_prefix: 'ACME',
    });
    expect((await nozle.project.retrieve()).invoice_settings.tax_id).toBeNull();
  });

  it('refuse a prefix that is not letters, digits and dashes, or too long, naming the param', async () => {
    for (const number_prefix of ['A B', '-A', 'A'.repeat(21), '']) {
      const res = await t.call('POST', '/v1/project', { body: { invoice_settings: { number_prefix } } });
      expect(res.status).toBe(400);
      expect(res.body.error.param).toContain('number_prefix');
    }
    const long = await t.call('POST', '/v1/project', { body: { invoice_settings: { address: 'x'.repeat(501) } } });
    expect(long.status).toBe(400);
  });

  it('may not be changed with a publishable key', async () => {
    const res = await t.call('POST', '/v1/project', { key: t.projectA.publishableKey, body: { name: 'Taken' } });
    expect(res.status).toBe(403);
  });
});

describe('a discounted, taxed invoice as a PDF and its page', () => {
  let taxed: string;
  let reverse: string;

  beforeAll(async () => {
    // From the test clock's now (2026-05-01 13:00 UTC) for a month, on Basic (3,000, usage at 0).
    const rate = await t.call('POST', '/v1/tax_rates', { body: { display_name: 'VAT', percentage: 19, inclusive: false, country: 'DE' } });
    expect(rate.status).toBe(200);
    expect((await t.call('POST', '/v1/coupons', { body: { id: 'docs20', percent_off: 20, duration: 'forever' } })).status).toBe(200);
    await nozle.customers.create({
      external_id: 'taxed-gmbh',
      name: 'Taxed GmbH',
      address: { country: 'DE' },
      tax_ids: [{ type: 'eu_vat', value: 'DE999999999' }],
    });
    await nozle.customers.create({ external_id: 'reverse-bv', name: 'Reverse BV', address: { country: 'DE' }, tax_exempt: 'reverse' });
    expect((await t.call('POST', '/v1/subscriptions', { body: { customer: 'taxed-gmbh', plan: 'basic', coupon: 'docs20' } })).status).toBe(200);
    expect((await t.call('POST', '/v1/subscriptions', { body: { customer: 'reverse-bv', plan: 'basic' } })).status).toBe(200);
    expect((await t.call('POST', '/v1/test_clock/advance', { body: { to: unix('2026-06-01T14:00:00Z') } })).status).toBe(200);
    taxed = (await nozle.invoices.list({ customer: 'taxed-gmbh' })).data[0]!.id;
    reverse = (await nozle.invoices.list({ customer: 'reverse-bv' })).data[0]!.id;
  });

  // Base fee 3,000 − 20% (600) = 2,400, taxed 19%: 456. Total 2,400 + 456 = 2,856.
  it('shows the line’s discount and tax, and the tax per rate in the totals', async () => {
    expect(await nozle.invoices.retrieve(taxed)).toMatchObject({ subtotal: 3_000, tax: 456, total: 2_856 });
    const text = (await pdfText(await nozle.invoices.pdf(taxed))).replace(/[ \t]+/g, ' ');
    expect(text).toContain('Tax ID (eu_vat): DE999999999');
    expect(text).toContain('Discount: −$6.00');
    expect(text).toContain('VAT 19%: $4.56 on $24.00');
    expect(text).toMatch(/Subtotal\s+\$30\.00/);
    expect(text).toMatch(/Discount\s+-\$6\.00/);
    expect(text).toMatch(/VAT 19% on \$24\.00\s+\$4\.56/);
    expect(text).toMatch(/Total\s+\$28\.56/);
    expect(text).not.toContain('Credits');
    expect(text).not.toContain('Reverse charge');

    const hosted = (await nozle.invoices.retrieve(taxed)).hosted_invoice_url!;
    const html = (await (await fetch(`${t.url}${hosted}`)).text()).replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)));
    expect(html).toContain('<li>VAT 19%: $4.56 on $24.00</li>');
    expect(html).toMatch(/VAT 19% on \$24\.00<\/th><td class="amount">\$4\.56/);
    expect(html).toMatch(/Total<\/th><td class="amount">\$28\.56/);
  });

  it('notes a reverse charge, with no tax', async () => {
    expect(await nozle.invoices.retrieve(reverse)).toMatchObject({ subtotal: 3_000, tax: 0, total: 3_000, customer_tax_exempt: 'reverse' });
    const text = await pdfText(await nozle.invoices.pdf(reverse));
    expect(text.replace(/\s+/g, ' ')).toContain('Reverse charge: no tax is charged; the customer accounts for it.');
    expect(text).not.toContain('VAT');
  });
});
