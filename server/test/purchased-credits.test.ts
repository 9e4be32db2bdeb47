// Credit granted by purchase: a one_time plan's credit pack granted once per purchase (through
// the API and through the sandbox checkout), drawn by a usage invoice (worked by hand below),
// taken back by a refund; a check that requires a balance; refused input stores nothing.
import { Nozle } from '@nozle/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARDS, submitPage } from './support/sandbox-pages.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let nozle: Nozle;
const DAY = 86_400;
const unix = (iso: string) => Date.parse(iso) / 1000;
const nowSeconds = () => Math.floor(t.clocks.clockFor(t.projectA.projectId).now().getTime() / 1000);

const grantsOf = async (customer: string) => (await nozle.credits.retrieve(customer)).grants;
const snapshotCredits = async (customer: string) => (await t.call('GET', `/v1/customers/${customer}/entitlements`)).body.credits;
const check = (customer: string, amount: number) => t.call('POST', '/v1/check', { body: { customer, feature: 'ai', credits: { currency: 'usd', amount } } });

beforeAll(async () => {
  t = await startTestApp();
  nozle = new Nozle({ secretKey: t.projectA.secretKey, baseUrl: t.url });
  expect((await t.call('POST', '/v1/meters', { body: { key: 'api_units', event_name: 'api.request', aggregation: 'sum', property: 'units' } })).status).toBe(
    200,
  );
  expect((await t.call('POST', '/v1/features', { body: { key: 'ai', type: 'boolean' } })).status).toBe(200);
  // $10.00 a month, every API unit at half a cent, and the `ai` feature.
  await nozle.plans.create({
    key: 'metered',
    name: 'Metered',
    interval: 'month',
    base_price: 1_000,
    prices: [{ key: 'api', meter: 'api_units', model: 'per_unit', unit_amount: '0.5' }],
    entitlements: [{ feature: 'ai' }],
  });
  // $45.00 once for $50.00 of credit, good for 60 days.
  const pack = await t.call('POST', '/v1/plans', {
    body: { key: 'pack', name: 'Credit Pack', interval: 'one_time', base_price: 4_500, credits: { amount: 5_000, currency: 'usd', expires_in_days: 60 } },
  });
  expect(pack.status).toBe(200);
  expect(pack.body.credits).toEqual({ amount: 5_000, currency: 'usd', expires_in_days: 60 });
  await nozle.customers.create({ external_id: 'buyer' });
  // Period 2026-03-01 12:00 → 2026-04-01 12:00 UTC (the test clock starts at 2026-03-01 12:00).
  await nozle.subscriptions.create({ customer: 'buyer', plan: 'metered' });
});
afterAll(async () => {
  await nozle.shutdown();
  await t.close();
});

describe('credit packs on plans', () => {
  it('are kept per version, shown as null without one, and removed with null', async () => {
    expect((await nozle.plans.retrieve('metered')).credits).toBeNull();
    const other = await t.call('POST', '/v1/plans', { body: { key: 'forever', interval: 'one_time', credits: { amount: 100, currency: 'eur' } } });
    expect(other.body.credits).toEqual({ amount: 100, currency: 'eur', expires_in_days: null });
    const removed = await t.call('POST', '/v1/plans/forever', { body: { credits: null } });
    expect(removed.status).toBe(200);
    expect(removed.body.credits).toBeNull();
  });

  const badPlans = [
    // A monthly plan's credits expire at each period's end (test/period-credits.test.ts): no days of their own.
    ['credits with expires_in_days on a monthly plan', { key: 'bad1', interval: 'month', credits: { amount: 100, currency: 'usd', expires_in_days: 30 } }],
    ['a zero amount', { key: 'bad2', interval: 'one_time', credits: { amount: 0, currency: 'usd' } }],
    ['a fractional amount', { key: 'bad3', interval: 'one_time', credits: { amount: 1.5, currency: 'usd' } }],
    ['an upper-case currency', { key: 'bad4', interval: 'one_time', credits: { amount: 100, currency: 'USD' } }],
    ['zero days', { key: 'bad5', interval: 'one_time', credits: { amount: 100, currency: 'usd', expires_in_days: 0 } }],
    ['an unknown field', { key: 'bad6', interval: 'one_time', credits: { amount: 100, currency: 'usd', balance: 1 } }],
  ] as const;
  for (const [what, body] of badPlans) {
    it(`answers 400 to ${what} and stores no plan`, async () => {
      const res = await t.call('POST', '/v1/plans', { body });
      expect(res.status).toBe(400);
      expect(res.body.error.type).toBe('invalid_request_error');
      expect((await t.call('GET', `/v1/plans/${body.key}`)).status).toBe(404);
    });
  }

  it('answers 400 to credits with expires_in_days added to a monthly plan, leaving it as it was', async () => {
    const before = await nozle.plans.retrieve('metered');
    const res = await t.call('POST', '/v1/plans/metered', { body: { credits: { amount: 100, currency: 'usd', expires_in_days: 30 } } });
    expect(res.status).toBe(400);
    expect(res.body.error.param).toBe('credits');
    expect(await nozle.plans.retrieve('metered')).toEqual(before);
  });
});

describe('credit bought through the API', () => {
  let purchase: string;

  it('grants the pack with the purchase, once, expiring 60 days after it, and shows it in the snapshot', async () => {
    expect(await snapshotCredits('buyer')).toEqual({});
    const bought = await t.call('POST', '/v1/purchases', { body: { customer: 'buyer', plan: 'pack' } });
    expect(bought.status).toBe(200);
    purchase = bought.body.id;
    const grants = await grantsOf('buyer');
    expect(grants).toEqual([
      {
        id: expect.stringMatching(/^crg_/),
        object: 'credit_grant',
        customer: bought.body.customer,
        currency: 'usd',
        amount: 5_000,
        remaining: 5_000,
        expires_at: unix('2026-03-01T12:00:00Z') + 60 * DAY,
        description: 'Credit Pack',
        purchase,
        revoked_at: null,
        revoked_amount: null,
        created: unix('2026-03-01T12:00:00Z'),
      },
    ]);
    expect(await snapshotCredits('buyer')).toEqual({ usd: 5_000 });
    // Once per purchase: the database refuses a second grant for it.
    await expect(
      t.database.db.query(
        `insert into credit_grants (id, project_id, customer_id, currency, amount, remaining, created_at, purchase_id)
         values ('crg_dup', $1, $2, 'usd', 1, 1, now(), $3)`,
        [t.projectA.projectId, bought.body.customer, purchase],
      ),
    ).rejects.toThrow();
  });

  it('answers a check that requires credit: insufficient_credits above the balance, allowed at or below it', async () => {
    expect((await check('buyer', 5_001)).body).toMatchObject({
      allowed: false,
      reason: 'insufficient_credits',
      credits: { currency: 'usd', amount: 5_001, balance: 5_000 },
    });
    expect((await check('buyer', 5_000)).body).toMatchObject({ allowed: true, reason: null, credits: { balance: 5_000 } });
    expect((await check('buyer', 1)).body).toMatchObject({ allowed: true, reason: null });
    // Through the Node SDK.
    expect(await nozle.can('buyer', 'ai', { credits: { currency: 'usd', amount: 5_001 } })).toMatchObject({ allowed: false, reason: 'insufficient_credits' });
    expect(await nozle.can('buyer', 'ai', { credits: { currency: 'usd', amount: 4_000 } })).toMatchObject({ allowed: true });
    // No requirement, no credits in the answer.
    expect((await t.call('POST', '/v1/check', { body: { customer: 'buyer', feature: 'ai' } })).body).not.toHaveProperty('credits');
  });

  const badChecks = [
    ['a negative amount', { currency: 'usd', amount: -1 }],
    ['no currency', { amount: 1 }],
    ['an upper-case currency', { currency: 'USD', amount: 1 }],
    ['an unknown field', { currency: 'usd', amount: 1, min: 2 }],
  ] as const;
  for (const [what, credits] of badChecks) {
    it(`answers 400 to a check requiring ${what}`, async () => {
      const res = await t.call('POST', '/v1/check', { body: { customer: 'buyer', feature: 'ai', credits } });
      expect(res.status).toBe(400);
    });
  }

  it('is drawn by the usage invoice before anything is billed', async () => {
    t.setTime(new Date('2026-03-20T00:00:00Z'));
    const sent = await t.call('POST', '/v1/events', {
      body: { events: [{ id: 'p1', customer: 'buyer', event: 'api.request', properties: { units: 4_000 }, timestamp: unix('2026-03-20T00:00:00Z') }] },
    });
    expect(sent.body.results[0].status).toBe('accepted');
    expect((await t.call('POST', '/v1/test_clock/advance', { body: { to: unix('2026-04-01T13:00:00Z') } })).status).toBe(200);

    // Usage: 4,000 units × 0.5 = 2,000. The pack (expires 2026-04-30 12:00, after the period's
    // end) covers all of it; the base fee is not covered. Subtotal 1,000 + 2,000 = 3,000;
    // total 3,000 − 2,000 = 1,000; the pack keeps 5,000 − 2,000 = 3,000.
    const [invoice, ...others] = (await nozle.invoices.list({ customer: 'buyer' })).data;
    expect(others).toEqual([]);
    const grant = (await grantsOf('buyer'))[0]!;
    expect(invoice!.lines.map((l) => [l.type, l.description, l.amount, l.credit_grant])).toEqual([
      ['base_fee', 'Metered', 1_000, null],
      ['usage', 'api (api_units)', 2_000, null],
      ['credit', 'Credit: Credit Pack', -2_000, grant.id],
    ]);
    expect([invoice!.subtotal, invoice!.total]).toEqual([3_000, 1_000]);
    expect(grant.remaining).toBe(3_000);
    expect(await snapshotCredits('buyer')).toEqual({ usd: 3_000 });
  });

  it('is taken back by a refund of the purchase: what remains goes to 0, recorded, once', async () => {
    const refunded = await t.call('POST', `/v1/purchases/${purchase}/refund`);
    expect(refunded.status).toBe(200);
    const at = nowSeconds();
    expect(await grantsOf('buyer')).toMatchObject([{ purchase, amount: 5_000, remaining: 0, revoked_at: at, revoked_amount: 3_000 }]);
    expect(await snapshotCredits('buyer')).toEqual({});
    expect((await check('buyer', 1)).body).toMatchObject({ allowed: false, reason: 'insufficient_credits', credits: { balance: 0 } });

    t.setTime(new Date((at + 60) * 1000));
    expect((await t.call('POST', `/v1/purchases/${purchase}/refund`)).status).toBe(200);
    expect(await grantsOf('buyer')).toMatchObject([{ remaining: 0, revoked_at: at, revoked_amount: 3_000 }]);
  });

  it('grants nothing for a refused purchase', async () => {
    await nozle.customers.create({ external_id: 'nobuy' });
    const res = await t.call('POST', '/v1/purchases', { body: { customer: 'nobuy', plan: 'pack', expires_at: unix('2020-01-01T00:00:00Z') } });
    expect(res.status).toBe(400);
    expect(await grantsOf('nobuy')).toEqual([]);
  });
});

describe('credit bought through the sandbox checkout', () => {
  it('grants the pack when the payment is recorded, and a refund at the provider takes it back', async () => {
    const c = await nozle.customers.create({ external_id: 'sbx_buyer', email: 'sbx_buyer@example.com' });
    const session = await t.call('POST', '/v1/checkout/sessions', {
      body: { customer: c.id, plan: 'pack', success_url: 'https://app.example.com/ok', cancel_url: 'https://app.example.com/no' },
    });
    expect(session.status).toBe(200);
    expect((await submitPage(session.body.url, { card: CARDS.pays, action: 'pay' })).status).toBe(303);

    const [purchase, ...more] = (await t.call('GET', `/v1/purchases?customer=${c.id}`)).body.data;
    expect(more).toEqual([]);
    expect(purchase).toMatchObject({ plan: 'pack', provider: 'sandbox', refunded_at: null });
    expect(await grantsOf(c.id)).toMatchObject([
      { purchase: purchase.id, amount: 5_000, remaining: 5_000, currency: 'usd', description: 'Credit Pack', expires_at: purchase.purchased_at + 60 * DAY },
    ]);
    expect(await snapshotCredits(c.id)).toEqual({ usd: 5_000 });

    // Refunded at the sandbox: the charge.refunded event's sync finds the purchase refunded.
    await t.payments.withProvider((provider) => provider.refund(purchase.provider_payment_id));
    const refunded = (await t.call('GET', `/v1/purchases/${purchase.id}`)).body;
    expect(refunded.refunded_at).not.toBeNull();
    expect(await grantsOf(c.id)).toMatchObject([{ remaining: 0, revoked_amount: 5_000, revoked_at: refunded.refunded_at }]);
    expect(await snapshotCredits(c.id)).toEqual({});
  });
});
