// Nozle's own dunning for the invoices it bills itself, over HTTP and the scheduler's due work:
// an invoice is due NOZLE_INVOICE_DAYS_UNTIL_DUE (30) days after it is finalized; still open then,
// its subscription is past_due from the due date and keeps access for the grace; then it is
// canceled and the group's default plan given back. Paying (recorded, or charged through the
// provider's saved payment method), voiding or marking uncollectible what is overdue makes it
// active again.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueCustomers } from '../src/access/due-work.js';
import { closeBillingPeriods } from '../src/billing/invoices.js';
import { CARDS, submitPage } from './support/sandbox-pages.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const DAY_MS = 86_400_000;
const FINALIZED = new Date('2026-04-02T00:00:00Z');
const DUE = new Date(FINALIZED.getTime() + 30 * DAY_MS);
const GRACE_OVER = new Date(DUE.getTime() + 7 * DAY_MS);
const seconds = (date: Date) => date.getTime() / 1000;

let t: TestApp;
const invoiceOf: Record<string, string> = {};
const subscriptionOf: Record<string, string> = {};
const CUSTOMERS = ['late', 'payer', 'voider', 'forgiven', 'card-ok', 'card-bad', 'no-card'] as const;

const post = (path: string, body?: unknown) => t.call('POST', path, body === undefined ? {} : { body });
const runDue = () => runDueCustomers(t.payments.deps, t.projectA.projectId);
const subscription = async (name: string) => (await t.call('GET', `/v1/subscriptions/${subscriptionOf[name]}`)).body;
const allowed = async (name: string) => (await post('/v1/check', { customer: name, feature: 'export' })).body.allowed as boolean;

/** A sandbox checkout of a one-time plan, paid with `card`: the customer then has a card saved at the sandbox. */
async function saveCard(name: string, card: string): Promise<void> {
  const session = await post('/v1/checkout/sessions', {
    customer: name,
    plan: 'sticker',
    success_url: 'https://app.example.com/ok',
    cancel_url: 'https://app.example.com/no',
  });
  expect(session.status).toBe(200);
  expect((await submitPage(session.body.url, { card, action: 'pay' })).status).toBe(303);
}

beforeAll(async () => {
  t = await startTestApp();
  const setup: Array<[string, unknown]> = [
    ['/v1/features', { key: 'export', name: 'Export', type: 'boolean' }],
    ['/v1/features', { key: 'badge', name: 'Badge', type: 'boolean' }],
    ['/v1/plans', { key: 'basic', name: 'Basic', group: 'main', default: true, interval: 'month', base_price: 0 }],
    ['/v1/plans', { key: 'team', name: 'Team', group: 'main', interval: 'month', base_price: 1_000, entitlements: [{ feature: 'export' }] }],
    [
      '/v1/plans',
      { key: 'sticker', name: 'Sticker', add_on: true, interval: 'one_time', currency: 'usd', base_price: 300, entitlements: [{ feature: 'badge' }] },
    ],
  ];
  for (const [path, body] of setup) expect((await post(path, body)).status).toBe(200);
  for (const name of CUSTOMERS) {
    expect((await post('/v1/customers', { external_id: name })).status).toBe(200);
    const sub = await post('/v1/subscriptions', { customer: name, plan: 'team' });
    expect([sub.status, sub.body.provider]).toEqual([200, null]);
    subscriptionOf[name] = sub.body.id;
  }
  await saveCard('card-ok', CARDS.pays);
  await saveCard('card-bad', CARDS.paysThenDeclines);
  // The first period (2026-03-01 12:00 → 04-01 12:00) ends; its invoices are built and finalized a day later.
  t.setTime(FINALIZED);
  const deps = { db: t.database.db, clock: t.clocks, logger: pino({ level: 'silent' }), snapshots: t.entitlements.snapshots, entitlements: t.entitlements };
  expect(await closeBillingPeriods(deps)).toBe(CUSTOMERS.length);
  for (const name of CUSTOMERS) {
    const [invoice] = (await t.call('GET', `/v1/invoices?customer=${name}`)).body.data;
    invoiceOf[name] = invoice.id;
  }
});
afterAll(async () => {
  await t?.close();
});

describe('an invoice Nozle collects itself', () => {
  it('is open, due 30 days after it was finalized; its subscription stays active until then', async () => {
    const invoice = (await t.call('GET', `/v1/invoices/${invoiceOf.late}`)).body;
    expect(invoice).toMatchObject({ status: 'open', total: 1_000, provider: null, finalized_at: seconds(FINALIZED), due_date: seconds(DUE) });
    // The due date is the customer's next instant of change: the scheduler acts there.
    const snapshot = (await t.call('GET', `/v1/customers/late/entitlements`)).body;
    expect(snapshot.valid_until).toBe(seconds(DUE));
    t.setTime(new Date(DUE.getTime() - 1000));
    expect(await runDue()).toBe(0);
    expect((await subscription('late')).status).toBe('active');
  });

  it("is charged to the customer's saved card at the provider when paid without paid_out_of_band", async () => {
    const paid = await post(`/v1/invoices/${invoiceOf['card-ok']}/pay`);
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'paid', paid_out_of_band: false, provider: 'sandbox', due_date: seconds(DUE) });
    expect(paid.body.provider_invoice_id).toMatch(/^in_sbx_/);
  });

  it('answers a declined card with a 402 and leaves the invoice open for another attempt', async () => {
    const declined = await post(`/v1/invoices/${invoiceOf['card-bad']}/pay`, {});
    expect(declined.status).toBe(402);
    expect(declined.body.error).toMatchObject({ type: 'card_error', code: 'card_declined' });
    expect((await t.call('GET', `/v1/invoices/${invoiceOf['card-bad']}`)).body).toMatchObject({ status: 'open', provider: null, paid_at: null });
  });

  it('refuses a charge for a customer without a saved payment method, naming the parameter', async () => {
    const res = await post(`/v1/invoices/${invoiceOf['no-card']}/pay`, {});
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'no_payment_method', param: 'paid_out_of_band' });
    expect((await t.call('GET', `/v1/invoices/${invoiceOf['no-card']}`)).body.status).toBe('open');
  });
});

describe("Nozle's dunning", () => {
  it('makes a subscription whose invoice is overdue past_due from the due date; the grace keeps access', async () => {
    t.setTime(new Date(DUE.getTime() + 1000));
    await runDue();
    for (const name of ['late', 'payer', 'voider', 'forgiven', 'card-bad', 'no-card']) {
      expect(await subscription(name)).toMatchObject({ status: 'past_due', past_due_since: seconds(DUE) });
      expect(await allowed(name)).toBe(true);
    }
    // Its invoice was paid in time.
    expect((await subscription('card-ok')).status).toBe('active');
    // Run again: nothing is done twice.
    expect(await runDue()).toBe(0);
  });

  it('makes it active again once what was overdue is paid, voided or marked uncollectible', async () => {
    expect((await post(`/v1/invoices/${invoiceOf.payer}/pay`, { paid_out_of_band: true })).status).toBe(200);
    expect((await post(`/v1/invoices/${invoiceOf.voider}/void`)).status).toBe(200);
    expect((await post(`/v1/invoices/${invoiceOf.forgiven}/mark_uncollectible`)).status).toBe(200);
    for (const name of ['payer', 'voider', 'forgiven']) {
      expect(await subscription(name)).toMatchObject({ status: 'active', past_due_since: null });
    }
  });

  it('cancels a subscription still owing at the end of the grace, and gives its group default back', async () => {
    t.setTime(new Date(GRACE_OVER.getTime() - 1000));
    await runDue();
    expect((await subscription('late')).status).toBe('past_due');
    t.setTime(GRACE_OVER);
    await runDue();
    for (const name of ['late', 'card-bad', 'no-card']) {
      expect(await subscription(name)).toMatchObject({ status: 'canceled', canceled_at: seconds(GRACE_OVER) });
      expect(await allowed(name)).toBe(false);
      const live = (await t.call('GET', `/v1/subscriptions?customer=${name}&status=active`)).body.data;
      expect(live.map((sub: { plan: string }) => sub.plan)).toEqual(['basic']);
    }
    for (const name of ['payer', 'voider', 'forgiven', 'card-ok']) expect((await subscription(name)).status).toBe('active');
  });
});
