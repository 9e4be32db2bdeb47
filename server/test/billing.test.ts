// Billing end to end: usage prices on a plan, usage tracked through the Node SDK, an invoice at
// the period end (moved by the test clock) whose every line is worked out by hand below, the
// preview mid-period, list filters, tenancy, exactly-once building, and refused input.
import { Nozle, type NozleTrackError } from '@nozle/node';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PAST_DUE_GRACE_MS } from '../src/app.js';
import { closeBillingPeriods, runBillingCycle } from '../src/billing/invoices.js';
import { CARDS, submitPage } from './support/sandbox-pages.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createSnapshots } from '../src/wiring.js';

let t: TestApp;
let nozle: Nozle;
const trackErrors: NozleTrackError[] = [];
const at = (iso: string) => new Date(iso);
const unix = (iso: string) => Date.parse(iso) / 1000;
const billing = () => ({ db: t.database.db, clock: t.clocks, logger: pino({ level: 'silent' }), snapshots: createSnapshots(DEFAULT_PAST_DUE_GRACE_MS) });

// The plan: $29.00 a month, and API units on graduated tiers: the first 1,000 free, the next
// 9,000 at half a cent, everything above at a quarter cent.
const TIERS = [
  { up_to: 1_000, unit_amount: '0' },
  { up_to: 10_000, unit_amount: '0.5' },
  { up_to: null, unit_amount: '0.25' },
];

let customerId: string;
let subscriptionId: string;

/** Tracks through the SDK at the server's (test) time, and waits until the batch is sent. */
async function track(customer: string, units: number, when: string, id?: string): Promise<void> {
  t.setTime(at(when));
  nozle.track({ customer, event: 'api.request', properties: { units }, timestamp: at(when), ...(id ? { id } : {}) });
  await nozle.flush();
}

beforeAll(async () => {
  t = await startTestApp();
  nozle = new Nozle({ secretKey: t.projectA.secretKey, baseUrl: t.url, track: { onError: (error) => trackErrors.push(error) } });
  expect((await t.call('POST', '/v1/meters', { body: { key: 'api_units', event_name: 'api.request', aggregation: 'sum', property: 'units' } })).status).toBe(
    200,
  );
  const plan = await nozle.plans.create({
    key: 'scale',
    name: 'Scale',
    interval: 'month',
    base_price: 2_900,
    prices: [{ key: 'api', meter: 'api_units', model: 'graduated', tiers: TIERS }],
  });
  expect(plan.prices).toEqual([
    {
      key: 'api',
      meter: 'api_units',
      model: 'graduated',
      unit_amount: null,
      tiers: TIERS,
      package_size: null,
      free_units: null,
      minimum_amount: null,
      maximum_amount: null,
    },
  ]);
  customerId = (await nozle.customers.create({ external_id: 'acme' })).id;
  await nozle.customers.create({ external_id: 'other' });
  // A subscription billed through the API alone, from 2026-03-01 12:00 UTC (the test clock's start).
  const subscription = await nozle.subscriptions.create({ customer: 'acme', plan: 'scale' });
  subscriptionId = subscription.id;
  expect([subscription.current_period_start, subscription.current_period_end]).toEqual([unix('2026-03-01T12:00:00Z'), unix('2026-04-01T12:00:00Z')]);
});
afterAll(async () => {
  await nozle.shutdown();
  await t.close();
});

describe('billing a period of usage', () => {
  it('previews the period so far from the usage tracked through the SDK', async () => {
    await track('acme', 5_000, '2026-03-01T12:30:00Z', 'acme-1');
    await track('other', 7_777, '2026-03-02T08:00:00Z'); // another customer: not acme's usage
    await track('acme', 4_000, '2026-03-05T09:00:00Z');

    const upcoming = await nozle.invoices.upcoming('acme');
    // 9,000 units: 1,000 × 0 + 8,000 × 0.5 = 4,000; with the $29 base fee, 6,900.
    expect(upcoming).toMatchObject({
      object: 'upcoming_invoice',
      customer: customerId,
      subscription: subscriptionId,
      plan: 'scale',
      period_start: unix('2026-03-01T12:00:00Z'),
      period_end: unix('2026-04-01T12:00:00Z'),
      as_of: unix('2026-03-05T09:00:00Z'),
      subtotal: 6_900,
      total: 6_900,
    });
    expect(upcoming.lines.map((line) => [line.type, line.quantity, line.amount])).toEqual([
      ['base_fee', '1', 2_900],
      ['usage', '9000', 4_000],
    ]);
    // Nothing was stored.
    expect((await nozle.invoices.list()).data).toEqual([]);
  });

  it('builds nothing before the period has ended', async () => {
    await track('acme', 3_345.5, '2026-03-20T00:00:00Z');
    expect(await closeBillingPeriods(billing())).toBe(0);
    expect((await nozle.invoices.list()).data).toEqual([]);
  });

  it('invoices the period when the test clock passes its end, every line as worked by hand', async () => {
    expect(trackErrors).toEqual([]);
    const advanced = await t.call('POST', '/v1/test_clock/advance', { body: { to: unix('2026-04-01T13:00:00Z') } });
    expect(advanced.status).toBe(200);

    const { data } = await nozle.invoices.list({ customer: 'acme' });
    expect(data).toHaveLength(1);
    const invoice = data[0]!;
    const period = { period_start: unix('2026-03-01T12:00:00Z'), period_end: unix('2026-04-01T12:00:00Z') };
    // Usage 5,000 + 4,000 + 3,345.5 = 12,345.5 units (the other customer's 7,777 are not acme's):
    //   tier 0:  1,000   × 0    =    0
    //   tier 1:  9,000   × 0.5  = 4,500
    //   tier 2:  2,345.5 × 0.25 =  586.375
    //   exact 5,086.375 → rounded half away from zero to 5,086.
    // Total: 2,900 + 5,086 = 7,986 cents.
    expect(invoice).toEqual({
      id: expect.stringMatching(/^in_/),
      object: 'invoice',
      customer: customerId,
      subscription: subscriptionId,
      plan: 'scale',
      plan_version: 1,
      status: 'open', // billed through the API alone: nothing collects it
      currency: 'usd',
      ...period,
      trial: false,
      lines: [
        {
          type: 'base_fee',
          description: 'Scale',
          price: null,
          meter: null,
          quantity: '1',
          free_quantity: '0',
          unit_amount: '2900',
          tiers: [],
          adjustment: null,
          exact_amount: '2900',
          amount: 2_900,
          credit_grant: null,
          discount_amounts: [],
          tax_amounts: [], // no tax rate in the project
          ...period,
        },
        {
          type: 'usage',
          description: 'api (api_units)',
          price: 'api',
          meter: 'api_units',
          quantity: '12345.5',
          free_quantity: '0',
          unit_amount: null,
          tiers: [
            { tier: 0, quantity: '1000', unit_amount: '0', flat_amount: '0', amount: '0' },
            { tier: 1, quantity: '9000', unit_amount: '0.5', flat_amount: '0', amount: '4500' },
            { tier: 2, quantity: '2345.5', unit_amount: '0.25', flat_amount: '0', amount: '586.375' },
          ],
          adjustment: null,
          exact_amount: '5086.375',
          amount: 5_086,
          credit_grant: null,
          discount_amounts: [],
          tax_amounts: [], // no tax rate in the project
          ...period,
        },
      ],
      subtotal: 7_986,
      total_discount_amounts: [],
      tax: 0,
      total_tax_amounts: [],
      total: 7_986,
      customer_tax_exempt: 'none',
      created: unix('2026-04-01T13:00:00Z'),
      finalized_at: unix('2026-04-01T13:00:00Z'),
      due_date: unix('2026-05-01T13:00:00Z'), // NOZLE_INVOICE_DAYS_UNTIL_DUE (30) days after it was finalized
      paid_at: null,
      paid_out_of_band: false,
      voided_at: null,
      marked_uncollectible_at: null,
      // Billed through the API alone: sent to no provider.
      provider: null,
      provider_invoice_id: null,
      // The project's first invoice, numbered when finalized; its page for the customer by token.
      number: 'INV-0001',
      hosted_invoice_url: expect.stringMatching(/^\/invoices\/[A-Za-z0-9_-]{32}$/),
    });
    expect(await nozle.invoices.retrieve(invoice.id)).toEqual(invoice);
  });

  it('refuses a new event inside the invoiced period, but still answers a repeat as a duplicate', async () => {
    const sent = await t.call('POST', '/v1/events', {
      body: {
        events: [
          { id: 'late-1', customer: 'acme', event: 'api.request', properties: { units: 10 }, timestamp: unix('2026-04-01T11:59:59Z') },
          { id: 'next-1', customer: 'acme', event: 'api.request', properties: { units: 100 }, timestamp: unix('2026-04-01T12:00:00Z') },
          { id: 'other-late', customer: 'other', event: 'api.request', properties: { units: 1 }, timestamp: unix('2026-03-31T00:00:00Z') },
        ],
      },
    });
    expect(sent.body.results).toEqual([
      {
        index: 0,
        id: 'late-1',
        status: 'rejected',
        error: { code: 'period_invoiced', message: expect.any(String), param: 'events[0][timestamp]' },
      },
      { index: 1, id: 'next-1', status: 'accepted' }, // the first second of the next period
      { index: 2, id: 'other-late', status: 'accepted' }, // no invoice covers the other customer
    ]);
    // A retry of an event accepted before the invoice is a duplicate, so the sender stops there.
    t.setTime(at('2026-04-02T00:00:00Z'));
    const events = [
      { id: 'acme-1', customer: 'acme', event: 'api.request', properties: { units: 5_000 }, timestamp: unix('2026-03-01T12:30:00Z') },
      { id: 'acme-new', customer: 'acme', event: 'api.request', properties: { units: 1 }, timestamp: unix('2026-03-10T00:00:00Z') },
    ];
    const repeat = await t.call('POST', '/v1/events', { body: { events } });
    expect(repeat.body.results.map((result: { status: string }) => result.status)).toEqual(['duplicate', 'rejected']);
    const invoice = (await nozle.invoices.list({ customer: 'acme' })).data[0]!;
    expect(invoice.total).toBe(7_986);
  });

  it('builds one invoice per period however many runs overlap', async () => {
    await Promise.all([closeBillingPeriods(billing()), closeBillingPeriods(billing()), runBillingCycle(billing()), runBillingCycle(billing())]);
    expect((await nozle.invoices.list()).data).toHaveLength(1);

    await track('acme', 1_400, '2026-04-15T00:00:00Z');
    t.setTime(at('2026-05-01T12:00:00Z'));
    // Without the lock, several runs at once still make one April invoice (the unique key decides).
    const built = await Promise.all([runBillingCycle(billing()), runBillingCycle(billing()), runBillingCycle(billing())]);
    expect(built.reduce((sum, n) => sum + n, 0)).toBe(1);
    expect(await closeBillingPeriods(billing())).toBe(0);

    const { data } = await nozle.invoices.list({ customer: 'acme' });
    expect(data.map((invoice) => [invoice.period_start, invoice.total])).toEqual([
      // April: 100 + 1,400 = 1,500 units: 1,000 × 0 + 500 × 0.5 = 250; with the base fee, 3,150.
      [unix('2026-04-01T12:00:00Z'), 3_150],
      [unix('2026-03-01T12:00:00Z'), 7_986],
    ]);
    expect(data.every((invoice) => invoice.status === 'open')).toBe(true);
  });
});

describe('listing and tenancy', () => {
  it('filters by customer and status, and pages', async () => {
    expect((await nozle.invoices.list({ status: 'open' })).data).toHaveLength(2);
    expect((await nozle.invoices.list({ status: 'paid' })).data).toEqual([]);
    expect((await nozle.invoices.list({ status: 'draft' })).data).toEqual([]);
    expect((await nozle.invoices.list({ customer: 'other' })).data).toEqual([]);
    const first = await nozle.invoices.list({ limit: 1 });
    expect(first.has_more).toBe(true);
    const all: string[] = [];
    for await (const invoice of nozle.invoices.listAll({ limit: 1 })) all.push(invoice.id);
    expect(all).toHaveLength(2);
    expect((await t.call('GET', '/v1/invoices?customer=nobody')).status).toBe(404);
  });

  it("shows project B none of project A's invoices", async () => {
    const [invoice] = (await nozle.invoices.list()).data;
    const asB = { key: t.projectB.secretKey };
    expect((await t.call('GET', '/v1/invoices', asB)).body.data).toEqual([]);
    expect((await t.call('GET', `/v1/invoices/${invoice!.id}`, asB)).status).toBe(404);
    expect((await t.call('GET', `/v1/customers/${customerId}/upcoming_invoice`, asB)).status).toBe(404);
    expect((await t.call('GET', `/v1/invoices?customer=${customerId}`, asB)).status).toBe(404);
    // A publishable key reads no invoices.
    expect((await t.call('GET', '/v1/invoices', { key: t.projectA.publishableKey })).status).toBe(403);
  });

  it('answers 404 for an unknown invoice and 400 for a malformed id', async () => {
    expect((await t.call('GET', '/v1/invoices/in_doesnotexist')).status).toBe(404);
    expect((await t.call('GET', '/v1/invoices/sub_123')).body.error).toMatchObject({ param: 'invoice' });
  });

  it('previews nothing for a customer without a live subscription', async () => {
    const missing = await t.call('GET', '/v1/customers/other/upcoming_invoice');
    expect(missing.status).toBe(404);
  });
});

describe('refused input', () => {
  const bad: Array<[string, unknown, string, string]> = [
    [
      'a tier bound that does not grow',
      [
        {
          key: 'x',
          meter: 'api_units',
          model: 'graduated',
          tiers: [
            { up_to: 10, unit_amount: '1' },
            { up_to: 5, unit_amount: '1' },
            { up_to: null, unit_amount: '1' },
          ],
        },
      ],
      'prices[0][tiers][1][up_to]',
      'parameter_invalid',
    ],
    [
      'a last tier with an end',
      [{ key: 'x', meter: 'api_units', model: 'volume', tiers: [{ up_to: 10, unit_amount: '1' }] }],
      'prices[0][tiers][0][up_to]',
      'parameter_invalid',
    ],
    ['a meter that does not exist', [{ key: 'x', meter: 'nope', model: 'per_unit', unit_amount: '1' }], 'prices[0][meter]', 'resource_missing'],
    [
      'a field of another model',
      [{ key: 'x', meter: 'api_units', model: 'per_unit', unit_amount: '1', tiers: [{ up_to: null, unit_amount: '1' }] }],
      'prices[0][tiers]',
      'parameter_unknown',
    ],
    ['a model without its amount', [{ key: 'x', meter: 'api_units', model: 'package', package_size: 100 }], 'prices[0][unit_amount]', 'parameter_missing'],
    [
      'a maximum below the minimum',
      [{ key: 'x', meter: 'api_units', model: 'per_unit', unit_amount: '1', minimum_amount: '500', maximum_amount: '100' }],
      'prices[0][maximum_amount]',
      'parameter_invalid',
    ],
    [
      'a price listed twice',
      [
        { key: 'x', meter: 'api_units', model: 'per_unit', unit_amount: '1' },
        { key: 'x', meter: 'api_units', model: 'per_unit', unit_amount: '2' },
      ],
      'prices[1][key]',
      'parameter_invalid',
    ],
    ['an amount that is a number', [{ key: 'x', meter: 'api_units', model: 'per_unit', unit_amount: 1 }], 'prices[0][unit_amount]', 'parameter_invalid'],
    [
      'an amount in exponent notation',
      [{ key: 'x', meter: 'api_units', model: 'per_unit', unit_amount: '1e3' }],
      'prices[0][unit_amount]',
      'parameter_invalid',
    ],
  ];

  it.each(bad)('refuses a plan with %s, naming the field, and stores nothing', async (_, prices, param, code) => {
    const created = await t.call('POST', '/v1/plans', { body: { key: 'bad', interval: 'month', prices } });
    expect(created.status).toBe(400);
    expect(created.body.error).toMatchObject({ param, code });
    expect((await t.call('GET', '/v1/plans/bad')).status).toBe(404);
  });

  it('refuses usage prices on a one_time plan', async () => {
    const created = await t.call('POST', '/v1/plans', {
      body: { key: 'lifetime', interval: 'one_time', prices: [{ key: 'x', meter: 'api_units', model: 'per_unit', unit_amount: '1' }] },
    });
    expect(created.status).toBe(400);
    expect(created.body.error.param).toBe('prices');
  });

  it('leaves a plan as it was when an update brings bad prices', async () => {
    const before = await nozle.plans.retrieve('scale');
    const updated = await t.call('POST', '/v1/plans/scale', {
      body: { base_price: 1, prices: [{ key: 'x', meter: 'nope', model: 'per_unit', unit_amount: '1' }] },
    });
    expect(updated.status).toBe(400);
    expect(await nozle.plans.retrieve('scale')).toEqual(before);
  });

  it('puts new prices of a plan in use on a new version; the subscription keeps its own', async () => {
    const plan = await nozle.plans.update('scale', { prices: [{ key: 'api', meter: 'api_units', model: 'per_unit', unit_amount: '1' }] });
    expect(plan.version).toBe(2);
    expect(plan.prices[0]).toMatchObject({ model: 'per_unit', unit_amount: '1' });
    expect((await nozle.plans.retrieve('scale', { version: 1 })).prices[0]).toMatchObject({ model: 'graduated', tiers: TIERS });
    const upcoming = await nozle.invoices.upcoming('acme');
    expect(upcoming.plan_version).toBe(1);
    expect(upcoming.lines[1]?.tiers).toHaveLength(0); // nothing used in May yet: still the graduated price
  });
});

describe('a subscription billed by the sandbox', () => {
  it('gets its invoice at the renewal, marked paid by the sandbox', async () => {
    await nozle.plans.create({
      key: 'metered',
      name: 'Metered',
      interval: 'month',
      base_price: 1_000,
      prices: [{ key: 'calls', meter: 'api_units', model: 'per_unit', unit_amount: '2', free_units: '10' }],
    });
    const customer = await nozle.customers.create({ external_id: 'sandboxed' });
    const session = await t.call('POST', '/v1/checkout/sessions', {
      body: { customer: customer.id, plan: 'metered', success_url: 'https://app.example.com/ok', cancel_url: 'https://app.example.com/no' },
    });
    expect((await submitPage(session.body.url, { card: CARDS.pays, action: 'pay' })).status).toBe(303);
    const [subscription] = (await nozle.subscriptions.list({ customer: customer.id })).data;
    expect(subscription).toMatchObject({ provider: 'sandbox', current_period_start: unix('2026-05-01T12:00:00Z') });

    await track('sandboxed', 25, '2026-05-02T00:00:00Z');
    await t.call('POST', '/v1/test_clock/advance', { body: { to: unix('2026-06-01T13:00:00Z') } });

    const { data } = await nozle.invoices.list({ customer: 'sandboxed' });
    // 25 units, 10 free: 15 × 2 = 30. The $10 base fee is not here: the sandbox charged it in
    // advance with the period (as Stripe would), so this invoice carries the usage alone.
    expect(data.map((invoice) => [invoice.status, invoice.period_start, invoice.period_end, invoice.lines.map((line) => line.amount), invoice.total])).toEqual([
      ['paid', unix('2026-05-01T12:00:00Z'), unix('2026-06-01T12:00:00Z'), [30], 30],
    ]);
    expect(data[0]!.lines[0]).toMatchObject({ quantity: '25', free_quantity: '10', unit_amount: '2', exact_amount: '30' });
    expect(data[0]!.paid_at).toBe(unix('2026-06-01T13:00:00Z'));
    // Sent to the sandbox as Stripe-billed ones are to Stripe; the sandbox answered it paid.
    expect(data[0]).toMatchObject({ provider: 'sandbox', provider_invoice_id: `in_sbx_${data[0]!.id.slice(3)}` });
  });
});
