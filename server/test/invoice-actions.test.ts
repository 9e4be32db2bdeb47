// Paying (recorded), voiding and marking uncollectible the invoices of subscriptions Nozle bills
// itself, over HTTP: the statuses each is allowed from, the 400 naming the problem otherwise,
// the Idempotency-Key replay, and tenancy. And a cancel now with `prorate`: its final invoice
// credits the unused time.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PAST_DUE_GRACE_MS } from '../src/app.js';
import { closeBillingPeriods } from '../src/billing/invoices.js';
import { createSnapshots } from '../src/wiring.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let leaverSubscription: string;
const invoices: Record<string, string> = {};
const billing = () => ({ db: t.database.db, clock: t.clocks, logger: pino({ level: 'silent' }), snapshots: createSnapshots(DEFAULT_PAST_DUE_GRACE_MS) });
const post = (path: string, body?: unknown, key?: string) =>
  t.call('POST', path, { ...(body === undefined ? {} : { body }), ...(key ? { headers: { 'idempotency-key': key } } : {}) });

beforeAll(async () => {
  t = await startTestApp();
  expect((await t.call('POST', '/v1/plans', { body: { key: 'team', name: 'Team', interval: 'month', base_price: 1_000 } })).status).toBe(200);
  // Three customers on a plan billed through the API alone, from the test clock's start.
  for (const name of ['payer', 'bad-debt', 'mistake']) {
    expect((await t.call('POST', '/v1/customers', { body: { external_id: name } })).status).toBe(200);
    expect((await t.call('POST', '/v1/subscriptions', { body: { customer: name, plan: 'team' } })).status).toBe(200);
  }
  // A fourth, canceled now with prorate 10 days into its 31-day period (2026-03-01 12:00 UTC to 04-01 12:00).
  expect((await t.call('POST', '/v1/customers', { body: { external_id: 'leaver' } })).status).toBe(200);
  leaverSubscription = (await t.call('POST', '/v1/subscriptions', { body: { customer: 'leaver', plan: 'team' } })).body.id;
  t.setTime(new Date('2026-03-11T12:00:00Z'));
  const canceled = await post(`/v1/subscriptions/${leaverSubscription}/cancel`, { prorate: true });
  expect([canceled.status, canceled.body.status]).toEqual([200, 'canceled']);
  t.setTime(new Date('2026-04-02T00:00:00Z'));
  expect(await closeBillingPeriods(billing())).toBe(4);
  for (const name of ['payer', 'bad-debt', 'mistake']) {
    const list = await t.call('GET', `/v1/invoices?customer=${name}`);
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0]).toMatchObject({ status: 'open', total: 1_000, paid_out_of_band: false, voided_at: null, marked_uncollectible_at: null });
    invoices[name] = list.body.data[0].id;
  }
});
afterAll(async () => {
  await t?.close();
});

describe('POST /v1/invoices/{id}/pay', () => {
  it('refuses to charge a customer with no saved payment method, naming the parameter', async () => {
    const res = await post(`/v1/invoices/${invoices.payer}/pay`, { paid_out_of_band: false });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ param: 'paid_out_of_band', code: 'no_payment_method' });
  });

  it('records the payment of an open invoice, and replays it under the same Idempotency-Key', async () => {
    const first = await post(`/v1/invoices/${invoices.payer}/pay`, { paid_out_of_band: true }, 'pay-payer');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id: invoices.payer, status: 'paid', paid_out_of_band: true, paid_at: Date.parse('2026-04-02T00:00:00Z') / 1000 });
    const replay = await post(`/v1/invoices/${invoices.payer}/pay`, { paid_out_of_band: true }, 'pay-payer');
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
  });

  it('refuses to pay an invoice already paid, naming its status', async () => {
    const res = await post(`/v1/invoices/${invoices.payer}/pay`, { paid_out_of_band: true });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invoice_not_payable');
    expect(res.body.error.message).toContain("this one is 'paid'");
  });
});

describe('POST /v1/invoices/{id}/mark_uncollectible', () => {
  it('marks an open invoice uncollectible, once; it can still be paid afterwards', async () => {
    const marked = await post(`/v1/invoices/${invoices['bad-debt']}/mark_uncollectible`);
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ status: 'uncollectible', marked_uncollectible_at: Date.parse('2026-04-02T00:00:00Z') / 1000, paid_at: null });
    const again = await post(`/v1/invoices/${invoices['bad-debt']}/mark_uncollectible`);
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('invoice_not_open');
    const paid = await post(`/v1/invoices/${invoices['bad-debt']}/pay`, { paid_out_of_band: true });
    expect(paid.status).toBe(200);
    expect(paid.body.status).toBe('paid');
  });

  it('refuses a paid invoice', async () => {
    const res = await post(`/v1/invoices/${invoices.payer}/mark_uncollectible`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invoice_not_open');
  });
});

describe('POST /v1/invoices/{id}/void', () => {
  it('voids an open invoice, for good: it cannot then be paid or voided again', async () => {
    const voided = await post(`/v1/invoices/${invoices.mistake}/void`);
    expect(voided.status).toBe(200);
    expect(voided.body).toMatchObject({ status: 'void', voided_at: Date.parse('2026-04-02T00:00:00Z') / 1000 });
    const pay = await post(`/v1/invoices/${invoices.mistake}/pay`, { paid_out_of_band: true });
    expect([pay.status, pay.body.error.code]).toEqual([400, 'invoice_not_payable']);
    const again = await post(`/v1/invoices/${invoices.mistake}/void`);
    expect([again.status, again.body.error.code]).toEqual([400, 'invoice_not_voidable']);
    expect((await t.call('GET', '/v1/invoices?status=void')).body.data.map((i: { id: string }) => i.id)).toEqual([invoices.mistake]);
  });

  it('refuses a paid invoice', async () => {
    const res = await post(`/v1/invoices/${invoices.payer}/void`);
    expect([res.status, res.body.error.code]).toEqual([400, 'invoice_not_voidable']);
  });
});

describe('whose invoice', () => {
  it("answers 404 for an unknown invoice and for another project's", async () => {
    expect((await post('/v1/invoices/in_missing/void')).status).toBe(404);
    const other = await t.call('POST', `/v1/invoices/${invoices.payer}/void`, { key: t.projectB.secretKey });
    expect(other.status).toBe(404);
  });
});

describe('POST /v1/subscriptions/{id}/cancel with prorate', () => {
  it("credits the unused time of the base fee on the final invoice: 21 of the period's 31 days", async () => {
    const { data } = (await t.call('GET', '/v1/invoices?customer=leaver')).body;
    expect(data).toHaveLength(1);
    const unix = (iso: string) => Date.parse(iso) / 1000;
    expect(data[0]).toMatchObject({ period_start: unix('2026-03-01T12:00:00Z'), period_end: unix('2026-03-11T12:00:00Z'), subtotal: 323, total: 323 });
    // 1,000 × 21/31 = 677.42 → 677, rounded once (proration.ts).
    expect(data[0].lines.map((line: { type: string; amount: number }) => [line.type, line.amount])).toEqual([
      ['base_fee', 1_000],
      ['proration', -677],
    ]);
    expect(data[0].lines[1]).toMatchObject({ period_start: unix('2026-03-11T12:00:00Z'), period_end: unix('2026-04-01T12:00:00Z') });
  });

  it('refuses prorate with at_period_end, naming the parameter, and changes nothing', async () => {
    const sub = (await t.call('GET', '/v1/subscriptions?customer=payer')).body.data[0];
    const res = await post(`/v1/subscriptions/${sub.id}/cancel`, { prorate: true, at_period_end: true });
    expect([res.status, res.body.error.param]).toEqual([400, 'prorate']);
    expect((await t.call('GET', `/v1/subscriptions/${sub.id}`)).body).toMatchObject({ status: 'active', cancel_at_period_end: false });
  });
});
