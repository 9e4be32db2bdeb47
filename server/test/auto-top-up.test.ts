// Auto top-up with the sandbox provider, over HTTP: an invoice drawing the balance below the
// threshold records one top-up in its transaction, charged after it through the saved card (a
// test clock's advance runs the charging job, as the scheduler does). A card that pays: a grant
// of `amount`, credits.granted and credits.auto_top_up.succeeded, the setting armed again. A
// declined card or none: credits.auto_top_up.failed with the reason, and no retry until the next
// crossing. Two falls without a rise buy once; a fall, a rise and a fall buy twice; two
// triggers at once (two settings calls, two job workers) charge once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOneTopUp } from '../src/payments/top-ups.js';
import { CARDS, submitPage } from './support/sandbox-pages.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
const unix = (iso: string) => Date.parse(iso) / 1000;
const post = (path: string, body?: unknown) => t.call('POST', path, body === undefined ? {} : { body });
const CUSTOMERS = ['ok', 'declined', 'nocard', 'twice'] as const;
const customerId: Record<string, string> = {};

/** A sandbox checkout of a one-time plan, paid with `card`: the customer then has a card saved at the sandbox. */
async function saveCard(name: string, card: string): Promise<void> {
  const session = await post('/v1/checkout/sessions', { customer: name, plan: 'sticker', success_url: 'https://app.example.com/ok' });
  expect(session.status).toBe(200);
  expect((await submitPage(session.body.url, { card, action: 'pay' })).status).toBe(303);
}

const advance = async (iso: string) => expect((await post('/v1/test_clock/advance', { to: unix(iso) })).status).toBe(200);

/** `units` API units (a cent each) used by `name` at `iso` (the test clock moved there first). */
async function use(name: string, units: number, iso: string): Promise<void> {
  await advance(iso);
  const event = { id: `${name}-${iso}`, customer: name, event: 'api.request', properties: { units }, timestamp: unix(iso) };
  expect((await post('/v1/events', { events: [event] })).body.results[0].status).toBe('accepted');
}

const balance = async (name: string) => (await t.call('GET', `/v1/customers/${name}/credits`)).body.balances.usd ?? 0;
const setting = async (name: string) => (await t.call('GET', `/v1/customers/${name}/credits/auto_top_up`)).body.data[0];
const topUps = async (name: string) =>
  (await t.database.db.query<{ id: string; status: string }>('select id, status from credit_top_ups where customer_id = $1 order by seq', [customerId[name]]))
    .rows;

/** The events of `type` about one customer, oldest first. */
async function raised(type: string, name: string): Promise<Array<Record<string, any>>> {
  const { data } = (await t.call('GET', `/v1/webhook_events?type=${type}&limit=100`)).body;
  return data.filter((event: { data: { customer: string } }) => event.data.customer === customerId[name]).reverse();
}

beforeAll(async () => {
  t = await startTestApp();
  expect((await post('/v1/meters', { key: 'api_units', event_name: 'api.request', aggregation: 'sum', property: 'units' })).status).toBe(200);
  // Usage only, a cent per unit: an invoice is its usage, drawn from credit first.
  const metered = {
    key: 'metered',
    name: 'Metered',
    interval: 'month',
    base_price: 0,
    prices: [{ key: 'api', meter: 'api_units', model: 'per_unit', unit_amount: '1' }],
  };
  expect((await post('/v1/plans', metered)).status).toBe(200);
  expect((await post('/v1/plans', { key: 'sticker', name: 'Sticker', add_on: true, interval: 'one_time', currency: 'usd', base_price: 300 })).status).toBe(200);
  for (const name of CUSTOMERS) {
    const made = await post('/v1/customers', { external_id: name });
    customerId[name] = made.body.id;
    expect((await post('/v1/subscriptions', { customer: name, plan: 'metered' })).status).toBe(200);
    expect((await post(`/v1/customers/${name}/credits`, { amount: 1_500, currency: 'usd' })).status).toBe(200);
  }
  await saveCard('ok', CARDS.pays);
  await saveCard('twice', CARDS.pays);
  // Accepted at checkout, declined for every later charge.
  await saveCard('declined', CARDS.paysThenDeclines);
});
afterAll(async () => {
  await t?.close();
});

describe('auto top-up settings', () => {
  it('sets, reads and answers the setting per currency; above the threshold nothing is bought', async () => {
    for (const name of CUSTOMERS) {
      const set = await post(`/v1/customers/${name}/credits/auto_top_up`, { currency: 'usd', threshold: 1_000, amount: 5_000 });
      expect(set.status, JSON.stringify(set.body)).toBe(200);
      expect(set.body).toEqual({
        object: 'auto_top_up',
        customer: customerId[name],
        currency: 'usd',
        enabled: true,
        threshold: 1_000,
        amount: 5_000,
        armed: true,
        last_top_up: null,
        created: unix('2026-03-01T12:00:00Z'),
        updated: unix('2026-03-01T12:00:00Z'),
      });
    }
    expect((await t.call('GET', '/v1/customers/ok/credits/auto_top_up')).body).toMatchObject({ object: 'list', has_more: false, data: [{ currency: 'usd' }] });
    // 1,500 is not below 1,000.
    expect(await topUps('ok')).toEqual([]);
  });

  it('refuses unbounded or missing terms, naming the parameter, and another project sees no customer', async () => {
    const cases: Array<[unknown, string]> = [
      [{ currency: 'usd', threshold: 0, amount: 5_000 }, 'threshold'],
      [{ currency: 'usd', threshold: 1_000, amount: 1_000_000_000_001 }, 'amount'],
      [{ currency: 'USD', threshold: 1_000, amount: 5_000 }, 'currency'],
      [{ threshold: 1_000, amount: 5_000 }, 'currency'],
    ];
    for (const [body, param] of cases) {
      const res = await post('/v1/customers/ok/credits/auto_top_up', body);
      expect([res.status, res.body.error.param]).toEqual([400, param]);
    }
    const other = await t.call('GET', '/v1/customers/ok/credits/auto_top_up', { key: t.projectB.secretKey });
    expect(other.status).toBe(404);
  });
});

describe('a balance falling below the threshold', () => {
  it('buys the pack once through the saved card when an invoice draws it below: a grant, its events, armed again', async () => {
    // 700 units = 700 cents drawn from 1,500 at the period's close: 800 left, below 1,000.
    for (const name of CUSTOMERS) await use(name, 700, '2026-03-20T00:00:00Z');
    await advance('2026-04-01T13:00:00Z');

    // 800 + the pack's 5,000.
    expect(await balance('ok')).toBe(5_800);
    const [succeeded, ...more] = await raised('credits.auto_top_up.succeeded', 'ok');
    expect(more).toEqual([]);
    expect(succeeded!.data).toMatchObject({
      object: 'credit_top_up',
      currency: 'usd',
      amount: 5_000,
      threshold: 1_000,
      balance: 800,
      status: 'succeeded',
      failure: null,
      provider: 'sandbox',
      grant: expect.stringMatching(/^crg_/),
      created: unix('2026-04-01T13:00:00Z'),
    });
    const grants = (await t.call('GET', '/v1/customers/ok/credits')).body.grants;
    expect(grants[0]).toMatchObject({ id: succeeded!.data.grant, amount: 5_000, remaining: 5_000, expires_at: null, description: 'Auto top-up' });
    expect((await raised('credits.granted', 'ok')).map((e) => e.data.id)).toContain(succeeded!.data.grant);
    // Back above the threshold: the next fall buys again.
    expect(await setting('ok')).toMatchObject({ armed: true, last_top_up: { id: succeeded!.data.id, status: 'succeeded' } });
  });

  it('records a declined card as failed, with the reason, and does not charge it again while the balance stays low', async () => {
    expect(await balance('declined')).toBe(800);
    const [failed, ...more] = await raised('credits.auto_top_up.failed', 'declined');
    expect(more).toEqual([]);
    expect(failed!.data).toMatchObject({ status: 'failed', provider: 'sandbox', grant: null, failure: { code: 'card_declined' } });
    expect(await setting('declined')).toMatchObject({ armed: false, last_top_up: { status: 'failed' } });
    // Lower still (another invoice draws 500): no new crossing, nothing bought.
    await use('declined', 500, '2026-04-10T00:00:00Z');
    await advance('2026-05-01T13:00:00Z');
    expect(await balance('declined')).toBe(300);
    expect(await topUps('declined')).toEqual([{ id: failed!.data.id, status: 'failed' }]);
  });

  it('records a customer without a saved payment method as failed: no_payment_method', async () => {
    const [failed] = await raised('credits.auto_top_up.failed', 'nocard');
    expect(failed!.data).toMatchObject({ status: 'failed', provider: null, provider_invoice_id: null, failure: { code: 'no_payment_method' } });
    expect(failed!.data.failure.message).toContain('no saved payment method');
  });

  it('buys twice for a fall, a rise and a fall; the rise between is what arms it again', async () => {
    // The first fall (800) bought one pack: 5,800. Then 5,000 used in May's period: 800 again.
    expect(await topUps('twice')).toEqual([{ id: expect.stringMatching(/^ctu_/), status: 'succeeded' }]);
    await use('twice', 5_000, '2026-05-10T00:00:00Z');
    await advance('2026-06-01T13:00:00Z');
    expect((await topUps('twice')).map((row) => row.status)).toEqual(['succeeded', 'succeeded']);
    expect(await balance('twice')).toBe(5_800);
    expect(await raised('credits.auto_top_up.succeeded', 'twice')).toHaveLength(2);
  });

  it('charges once for two triggers at once: two settings calls below the threshold, then two job workers', async () => {
    // "declined" is at 300 and disarmed; a card that pays saved by a checkout, and the setting made again twice at once.
    await saveCard('declined', CARDS.pays);
    const body = { currency: 'usd', threshold: 1_000, amount: 5_000 };
    const [a, b] = await Promise.all([post('/v1/customers/declined/credits/auto_top_up', body), post('/v1/customers/declined/credits/auto_top_up', body)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect((await topUps('declined')).map((row) => row.status)).toEqual(['failed', 'pending']);
    const runs = await Promise.all([runOneTopUp(t.payments.topUps, t.projectA.projectId), runOneTopUp(t.payments.topUps, t.projectA.projectId)]);
    expect(runs.filter((run) => run?.settled?.status === 'succeeded')).toHaveLength(1);
    expect((await topUps('declined')).map((row) => row.status)).toEqual(['failed', 'succeeded']);
    // 300 + 5,000.
    expect(await balance('declined')).toBe(5_300);
  });

  it('removes the setting: nothing more is bought, and a second removal is a 404 naming the currency', async () => {
    const removed = await t.call('DELETE', '/v1/customers/ok/credits/auto_top_up?currency=usd');
    expect(removed.body).toEqual({ object: 'auto_top_up', customer: customerId.ok, currency: 'usd', deleted: true });
    const again = await t.call('DELETE', '/v1/customers/ok/credits/auto_top_up?currency=usd');
    expect([again.status, again.body.error.param]).toEqual([404, 'currency']);
    await use('ok', 5_500, '2026-06-10T00:00:00Z');
    await advance('2026-07-01T13:00:00Z');
    expect(await balance('ok')).toBe(300);
    expect(await topUps('ok')).toHaveLength(1);
  });
});
