// A recurring plan's credits, over HTTP and the billing cycle (run by a test clock's advance):
// each period of a subscription grants the plan's amount, expiring at the period's end; the
// period's invoice draws on it first, then what is left rolls into the next period up to the
// cap (without rollover it expires). Once per subscription and period. Worked by hand below.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBillingPeriods } from '../src/billing/invoices.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
const unix = (iso: string) => Date.parse(iso) / 1000;
const post = (path: string, body?: unknown) => t.call('POST', path, body === undefined ? {} : { body });
const advance = async (iso: string) => expect((await post('/v1/test_clock/advance', { to: unix(iso) })).status).toBe(200);
const credits = async (name: string) => (await t.call('GET', `/v1/customers/${name}/credits`)).body;

async function use(name: string, units: number, iso: string): Promise<void> {
  await advance(iso);
  const event = { id: `${name}-${iso}`, customer: name, event: 'api.request', properties: { units }, timestamp: unix(iso) };
  expect((await post('/v1/events', { events: [event] })).body.results[0].status).toBe('accepted');
}

beforeAll(async () => {
  t = await startTestApp();
  expect((await post('/v1/meters', { key: 'api_units', event_name: 'api.request', aggregation: 'sum', property: 'units' })).status).toBe(200);
  const plan = (key: string, credits: unknown) => ({
    key,
    name: key,
    interval: 'month',
    base_price: 1_000,
    prices: [{ key: 'api', meter: 'api_units', model: 'per_unit', unit_amount: '1' }],
    credits,
  });
  const capped = await post('/v1/plans', plan('capped', { amount: 100, currency: 'usd', rollover: { cap: 50 } }));
  expect(capped.body.credits).toEqual({ amount: 100, currency: 'usd', expires_in_days: null, rollover: { cap: 50 } });
  const none = await post('/v1/plans', plan('none', { amount: 100, currency: 'usd' }));
  expect(none.body.credits).toEqual({ amount: 100, currency: 'usd', expires_in_days: null, rollover: null });
  for (const [name, key] of [
    ['a', 'capped'],
    ['b', 'none'],
  ]) {
    expect((await post('/v1/customers', { external_id: name })).status).toBe(200);
    expect((await post('/v1/subscriptions', { customer: name, plan: key })).status).toBe(200);
  }
});
afterAll(async () => {
  await t?.close();
});

describe('recurring plan credits', () => {
  it('refuses expires_in_days on a recurring plan and a rollover on a one_time plan, naming credits', async () => {
    const monthly = await post('/v1/plans', { key: 'bad1', interval: 'month', credits: { amount: 1, currency: 'usd', expires_in_days: 30 } });
    expect([monthly.status, monthly.body.error.param]).toEqual([400, 'credits']);
    const once = await post('/v1/plans', { key: 'bad2', interval: 'one_time', credits: { amount: 1, currency: 'usd', rollover: { cap: 1 } } });
    expect([once.status, once.body.error.param]).toEqual([400, 'credits']);
  });

  it("grants the first period's credits, expiring at its end", async () => {
    await advance('2026-03-01T12:00:01Z');
    const { balances, grants } = await credits('a');
    expect(balances).toEqual({ usd: 100 });
    expect(grants).toMatchObject([{ amount: 100, remaining: 100, expires_at: unix('2026-04-01T12:00:00Z'), description: 'capped' }]);
  });

  it('draws the period invoice on it, then rolls min(left, cap) into the next period with its new grant', async () => {
    // Period 1: 30 used of 100. The invoice draws 30; 70 left: "a" rolls min(70, 50) = 50, "b" none.
    await use('a', 30, '2026-03-20T00:00:00Z');
    await use('b', 30, '2026-03-20T00:00:00Z');
    await advance('2026-04-01T13:00:00Z');
    const [invoice] = (await t.call('GET', '/v1/invoices?customer=a')).body.data;
    expect(invoice.lines.map((l: { type: string; amount: number }) => [l.type, l.amount])).toEqual([
      ['base_fee', 1_000],
      ['usage', 30],
      ['credit', -30],
    ]);
    const a = await credits('a');
    // 100 (period 2) + 50 (rolled over).
    expect(a.balances).toEqual({ usd: 150 });
    expect(a.grants.slice(0, 2)).toMatchObject([
      { amount: 50, remaining: 50, expires_at: unix('2026-05-01T12:00:00Z'), description: 'capped (rolled over)' },
      { amount: 100, remaining: 100, expires_at: unix('2026-05-01T12:00:00Z'), description: 'capped' },
    ]);
    // Without rollover the old grant expires with its 70: only period 2's 100.
    expect((await credits('b')).balances).toEqual({ usd: 100 });
  });

  it('rolls what is left when it is under the cap, and grants once per period however often the cycle runs', async () => {
    // Period 2: 130 used of 150. 20 left, under the cap of 50: it all rolls. 100 + 20 = 120.
    await use('a', 130, '2026-04-20T00:00:00Z');
    await advance('2026-05-01T13:00:00Z');
    expect((await credits('a')).balances).toEqual({ usd: 120 });
    const count = (await credits('a')).grants.length;
    await closeBillingPeriods({ db: t.database.db, clock: t.clocks, logger: pino({ level: 'silent' }), snapshots: t.entitlements.snapshots });
    expect((await credits('a')).grants).toHaveLength(count);
    expect((await credits('a')).balances).toEqual({ usd: 120 });
  });
});
