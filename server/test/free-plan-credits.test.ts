// A plan that bills nothing but grants credits each month (a free tier's monthly credits):
// the billing cycle builds no invoice for it, yet grants each period's credits, rolls what is
// left up to the cap, and closes the last period's grants once a canceled subscription's period
// ends. Credit is spent here through credit reservations (a free plan has no invoice to draw).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
const unix = (iso: string) => Date.parse(iso) / 1000;
const post = (path: string, body?: unknown) => t.call('POST', path, body === undefined ? {} : { body });
const advance = async (iso: string) => expect((await post('/v1/test_clock/advance', { to: unix(iso) })).status).toBe(200);
const credits = async (name: string) => (await t.call('GET', `/v1/customers/${name}/credits`)).body;
const spend = async (name: string, amount: number) => {
  const hold = await post('/v1/reservations', { customer: name, currency: 'usd', quantity: amount });
  expect(hold.status, JSON.stringify(hold.body)).toBe(200);
  expect((await post(`/v1/reservations/${hold.body.id}/commit`)).status).toBe(200);
};

beforeAll(async () => {
  t = await startTestApp();
  t.setTime(new Date('2026-03-01T12:00:00Z'));
  const plan = await post('/v1/plans', { key: 'free', name: 'Free', interval: 'month', credits: { amount: 100, currency: 'usd', rollover: { cap: 50 } } });
  expect(plan.status, JSON.stringify(plan.body)).toBe(200);
  expect(plan.body.base_price).toBe(0);
  for (const name of ['stays', 'leaves']) {
    expect((await post('/v1/customers', { external_id: name })).status).toBe(200);
    expect((await post('/v1/subscriptions', { customer: name, plan: 'free' })).status).toBe(200);
  }
});
afterAll(async () => {
  await t?.close();
});

describe("a free plan's monthly credits", () => {
  it("grants the first period's credits, expiring at its end, and no invoice", async () => {
    await advance('2026-03-01T12:00:01Z');
    const { balances, grants } = await credits('stays');
    expect(balances).toEqual({ usd: 100 });
    expect(grants).toMatchObject([{ amount: 100, remaining: 100, expires_at: unix('2026-04-01T12:00:00Z'), description: 'Free' }]);
    expect((await t.call('GET', '/v1/invoices?customer=stays')).body.data).toEqual([]);
  });

  it('rolls min(left, cap) into the next period with its new grant, once however often the cycle runs', async () => {
    // Period 1: 30 spent of 100, 70 left: min(70, 50) = 50 rolls; 100 + 50 = 150.
    await spend('stays', 30);
    await advance('2026-04-01T12:00:01Z');
    const after = await credits('stays');
    expect(after.balances).toEqual({ usd: 150 });
    expect(after.grants.slice(0, 2)).toMatchObject([
      { amount: 50, remaining: 50, expires_at: unix('2026-05-01T12:00:00Z'), description: 'Free (rolled over)' },
      { amount: 100, remaining: 100, expires_at: unix('2026-05-01T12:00:00Z'), description: 'Free' },
    ]);
    await advance('2026-04-01T12:05:00Z');
    expect((await credits('stays')).grants).toHaveLength(after.grants.length);
    expect((await t.call('GET', '/v1/invoices?customer=stays')).body.data).toEqual([]);
  });

  it("keeps a canceled subscription's credits to its period's end, then closes them with nothing granted", async () => {
    const [sub] = (await t.call('GET', '/v1/subscriptions?customer=leaves')).body.data;
    const canceling = await post(`/v1/subscriptions/${sub.id}/cancel`, { at_period_end: true });
    // Canceled in its second period (April): it ends with April, not with the March it was stored with.
    expect(canceling.body).toMatchObject({ status: 'active', cancel_at_period_end: true, current_period_end: unix('2026-05-01T12:00:00Z') });
    expect((await credits('leaves')).balances).toEqual({ usd: 100 + 50 });
    await advance('2026-05-01T12:00:01Z');
    const left = await credits('leaves');
    expect(left.balances).toEqual({});
    // The grant of the period it ended in was the last: nothing for May.
    expect(left.grants.every((g: { expires_at: number }) => g.expires_at <= unix('2026-05-01T12:00:00Z'))).toBe(true);
  });
});
