// A project that turned Stripe Tax on (automatic_tax) hands its taxing to Stripe: the invoices
// Nozle bills itself carry none of Nozle's own rates (Stripe taxes what it is sent), so nothing
// is taxed twice; turned off again, Nozle's rates apply. Worked by hand.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PAST_DUE_GRACE_MS } from '../src/app.js';
import { closeBillingPeriods } from '../src/billing/invoices.js';
import { createSnapshots } from '../src/wiring.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
const billing = () => ({ db: t.database.db, clock: t.clocks, logger: pino({ level: 'silent' }), snapshots: createSnapshots(DEFAULT_PAST_DUE_GRACE_MS) });
const post = (path: string, body: unknown) => t.call('POST', path, { body });
const automaticTax = async (enabled: boolean) => expect((await post('/v1/project', { automatic_tax: { enabled } })).body.automatic_tax).toEqual({ enabled });
const upcoming = async (customer: string) => (await t.call('GET', `/v1/customers/${customer}/upcoming_invoice`)).body;

beforeAll(async () => {
  t = await startTestApp();
  t.setTime(new Date('2026-04-01T12:00:00Z'));
  expect((await post('/v1/plans', { key: 'pro', name: 'Pro', interval: 'month', base_price: 10_000 })).status).toBe(200);
  expect((await post('/v1/tax_rates', { display_name: 'VAT', percentage: 19, inclusive: false, country: 'DE' })).status).toBe(200);
  for (const customer of ['berlin', 'munich']) {
    expect((await post('/v1/customers', { external_id: customer, address: { country: 'DE' } })).status).toBe(200);
    expect((await post('/v1/subscriptions', { customer, plan: 'pro' })).status).toBe(200);
  }
});
afterAll(async () => {
  await t?.close();
});

describe('Stripe Tax on (automatic_tax)', () => {
  it("applies none of Nozle's rates to the invoices it bills itself, and does again once turned off", async () => {
    // Off: 19% of 10,000 = 1,900 added.
    expect(await upcoming('berlin')).toMatchObject({ subtotal: 10_000, tax: 1_900, total: 11_900 });
    await automaticTax(true);
    expect(await upcoming('berlin')).toMatchObject({ subtotal: 10_000, tax: 0, total_tax_amounts: [], total: 10_000 });
    t.setTime(new Date('2026-05-01T12:00:01Z'));
    await closeBillingPeriods(billing(), t.projectA.projectId);
    const [invoice] = (await t.call('GET', '/v1/invoices?customer=munich')).body.data;
    expect(invoice).toMatchObject({ subtotal: 10_000, tax: 0, total: 10_000 });
    expect(invoice.lines[0].tax_amounts).toEqual([]);
    await automaticTax(false);
    expect(await upcoming('munich')).toMatchObject({ tax: 1_900, total: 11_900 });
  });
});
