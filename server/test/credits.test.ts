// Prepaid credit end to end: grants by hand, their balance in the snapshot, drawn down by the
// usage lines of an invoice before anything is billed (worked by hand below), once; refused
// input stores nothing; another project's key sees none of it.
import { Nozle } from '@nozle/node';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PAST_DUE_GRACE_MS } from '../src/app.js';
import { runBillingCycle } from '../src/billing/invoices.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createSnapshots } from '../src/wiring.js';

let t: TestApp;
let nozle: Nozle;
const unix = (iso: string) => Date.parse(iso) / 1000;
const grants: Record<string, string> = {};

const entitlements = async () => (await t.call('GET', '/v1/customers/acme/entitlements')).body;

beforeAll(async () => {
  t = await startTestApp();
  nozle = new Nozle({ secretKey: t.projectA.secretKey, baseUrl: t.url });
  expect((await t.call('POST', '/v1/meters', { body: { key: 'api_units', event_name: 'api.request', aggregation: 'sum', property: 'units' } })).status).toBe(
    200,
  );
  // $10.00 a month, and every API unit at half a cent.
  await nozle.plans.create({
    key: 'metered',
    name: 'Metered',
    interval: 'month',
    base_price: 1_000,
    prices: [{ key: 'api', meter: 'api_units', model: 'per_unit', unit_amount: '0.5' }],
  });
  await nozle.customers.create({ external_id: 'acme' });
  // Period 2026-03-01 12:00 → 2026-04-01 12:00 UTC (the test clock starts at 2026-03-01 12:00).
  await nozle.subscriptions.create({ customer: 'acme', plan: 'metered' });
});
afterAll(async () => {
  await nozle.shutdown();
  await t.close();
});

describe('credit grants', () => {
  it('records grants by hand and shows the balance per currency in the list and the snapshot', async () => {
    const before = await entitlements();
    expect(before.credits).toEqual({});
    const a = await nozle.credits.grant('acme', { amount: 3_000, currency: 'usd', expires_at: unix('2026-06-01T00:00:00Z'), description: 'Pack A' });
    expect(a).toEqual({
      id: expect.stringMatching(/^crg_/),
      object: 'credit_grant',
      customer: before.customer,
      currency: 'usd',
      amount: 3_000,
      remaining: 3_000,
      expires_at: unix('2026-06-01T00:00:00Z'),
      description: 'Pack A',
      purchase: null,
      revoked_at: null,
      revoked_amount: null,
      created: unix('2026-03-01T12:00:00Z'),
    });
    grants.a = a.id;
    grants.b = (await nozle.credits.grant('acme', { amount: 2_000, currency: 'usd' })).id; // never expires
    grants.c = (await nozle.credits.grant('acme', { amount: 1_000, currency: 'usd', expires_at: unix('2026-03-15T00:00:00Z') })).id;
    grants.d = (await nozle.credits.grant('acme', { amount: 500, currency: 'eur' })).id;

    const listed = await nozle.credits.retrieve('acme');
    expect(listed.balances).toEqual({ usd: 6_000, eur: 500 });
    expect(listed.grants.map((g) => g.id)).toEqual([grants.d, grants.c, grants.b, grants.a]); // newest first

    const after = await entitlements();
    expect(after.version).toBe(before.version + 4);
    expect(after.credits).toEqual({ usd: 6_000, eur: 500 });
    // Grant C's expiry changes the balance: the snapshot is not valid past it.
    expect(after.valid_until).toBe(unix('2026-03-15T00:00:00Z'));
  });

  it('drops an expired grant from the balance', async () => {
    t.setTime(new Date('2026-03-20T00:00:00Z'));
    expect((await nozle.credits.retrieve('acme')).balances).toEqual({ usd: 5_000, eur: 500 });
    expect((await entitlements()).credits).toEqual({ usd: 5_000, eur: 500 });
  });

  it('draws credit down on the usage lines before billing, earliest expiring first, and only once', async () => {
    const sent = await t.call('POST', '/v1/events', {
      body: { events: [{ id: 'u1', customer: 'acme', event: 'api.request', properties: { units: 9_000 }, timestamp: unix('2026-03-20T00:00:00Z') }] },
    });
    expect(sent.body.results[0].status).toBe('accepted');
    const before = await entitlements();
    expect((await t.call('POST', '/v1/test_clock/advance', { body: { to: unix('2026-04-01T13:00:00Z') } })).status).toBe(200);

    // Usage: 9,000 units × 0.5 = 4,500. Usable usd grants at the period end: A (expires
    // 2026-06-01) and B (never); C expired on 2026-03-15, D is in eur. A first: 3,000, then
    // B: 1,500. The base fee is not covered by credit. Subtotal 1,000 + 4,500 = 5,500;
    // total 5,500 − 3,000 − 1,500 = 1,000.
    const [invoice, ...others] = (await nozle.invoices.list({ customer: 'acme' })).data;
    expect(others).toEqual([]);
    expect(invoice!.lines.map((l) => [l.type, l.description, l.exact_amount, l.amount, l.credit_grant])).toEqual([
      ['base_fee', 'Metered', '1000', 1_000, null],
      ['usage', 'api (api_units)', '4500', 4_500, null],
      ['credit', 'Credit: Pack A', '-3000', -3_000, grants.a],
      ['credit', 'Credit', '-1500', -1_500, grants.b],
    ]);
    expect([invoice!.subtotal, invoice!.total]).toEqual([5_500, 1_000]);
    expect(invoice!.lines.reduce((sum, l) => sum + l.amount, 0)).toBe(invoice!.total);

    const listed = await nozle.credits.retrieve('acme');
    expect(Object.fromEntries(listed.grants.map((g) => [g.id, g.remaining]))).toEqual({
      [grants.a!]: 0,
      [grants.b!]: 500,
      [grants.c!]: 1_000,
      [grants.d!]: 500,
    });
    expect(listed.balances).toEqual({ usd: 500, eur: 500 });
    const after = await entitlements();
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.credits).toEqual({ usd: 500, eur: 500 });

    // Another run finds the invoice built: nothing more is drawn.
    await runBillingCycle({ db: t.database.db, clock: t.clocks, logger: pino({ level: 'silent' }), snapshots: createSnapshots(DEFAULT_PAST_DUE_GRACE_MS) });
    expect((await nozle.invoices.list({ customer: 'acme' })).data).toHaveLength(1);
    expect((await nozle.credits.retrieve('acme')).balances).toEqual({ usd: 500, eur: 500 });
  });

  it('shows the credit the next invoice would draw in the preview', async () => {
    t.setTime(new Date('2026-04-02T00:00:00Z'));
    await t.call('POST', '/v1/events', {
      body: { events: [{ id: 'u2', customer: 'acme', event: 'api.request', properties: { units: 2_000 }, timestamp: unix('2026-04-02T00:00:00Z') }] },
    });
    // 2,000 × 0.5 = 1,000 of usage; B's 500 left covers half of it: 1,000 + 1,000 − 500 = 1,500.
    const upcoming = await nozle.invoices.upcoming('acme');
    expect(upcoming.lines.map((l) => [l.type, l.amount])).toEqual([
      ['base_fee', 1_000],
      ['usage', 1_000],
      ['credit', -500],
    ]);
    expect([upcoming.subtotal, upcoming.total]).toEqual([2_000, 1_500]);
    expect((await nozle.credits.retrieve('acme')).balances.usd).toBe(500); // a preview draws nothing
  });
});

describe('refused credit grants', () => {
  const bad = [
    ['a zero amount', { amount: 0, currency: 'usd' }],
    ['a negative amount', { amount: -100, currency: 'usd' }],
    ['a fractional amount', { amount: 1.5, currency: 'usd' }],
    ['an amount as a string', { amount: '100', currency: 'usd' }],
    ['no currency', { amount: 100 }],
    ['an upper-case currency', { amount: 100, currency: 'USD' }],
    ['an expiry in the past', { amount: 100, currency: 'usd', expires_at: unix('2026-01-01T00:00:00Z') }],
    ['an unknown field', { amount: 100, currency: 'usd', balance: 5 }],
  ] as const;
  for (const [what, body] of bad) {
    it(`answers 400 to ${what} and stores nothing`, async () => {
      const before = await nozle.credits.retrieve('acme');
      const res = await t.call('POST', '/v1/customers/acme/credits', { body });
      expect(res.status).toBe(400);
      expect(res.body.error.type).toBe('invalid_request_error');
      expect(await nozle.credits.retrieve('acme')).toEqual(before);
    });
  }

  it('answers 404 for an unknown customer', async () => {
    expect((await t.call('POST', '/v1/customers/nobody/credits', { body: { amount: 100, currency: 'usd' } })).status).toBe(404);
  });
});

describe('credit and tenancy', () => {
  it("shows project B none of project A's credit, and lets it grant none", async () => {
    const asB = { key: t.projectB.secretKey };
    expect((await t.call('GET', '/v1/customers/acme/credits', asB)).status).toBe(404);
    const acme = (await nozle.customers.retrieve('acme')).id;
    expect((await t.call('GET', `/v1/customers/${acme}/credits`, asB)).status).toBe(404);
    expect((await t.call('POST', `/v1/customers/${acme}/credits`, { ...asB, body: { amount: 1, currency: 'usd' } })).status).toBe(404);
    expect((await nozle.credits.retrieve('acme')).balances).toEqual({ usd: 500, eur: 500 });
  });
});
