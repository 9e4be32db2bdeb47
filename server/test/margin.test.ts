// Margins end to end: usage through the API into the daily rollups, cost models with effective
// dates and a per-model price, invoices at the period end, and a margin report whose every
// figure is worked out by hand below; refused input stores nothing; tenancy.
import { Nozle } from '@nozle/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let nozle: Nozle;
const unix = (iso: string) => Date.parse(iso) / 1000;
const ids: Record<string, string> = {};

async function track(customer: string, tokens: number, when: string, model?: string): Promise<void> {
  t.setTime(new Date(when));
  const event = {
    id: `${customer}-${when}-${model ?? 'none'}`,
    customer,
    event: 'llm.call',
    properties: { tokens, ...(model ? { model } : {}) },
    timestamp: unix(when),
  };
  const res = await t.call('POST', '/v1/events', { body: { events: [event] } });
  expect(res.body.results[0].status).toBe('accepted');
}

const report = async (query: string, key?: string) => t.call('GET', `/v1/analytics/margin?${query}`, key ? { key } : {});
const MARCH_2 = unix('2026-03-02T00:00:00Z');
const APRIL_2 = unix('2026-04-02T00:00:00Z');

beforeAll(async () => {
  t = await startTestApp();
  nozle = new Nozle({ secretKey: t.projectA.secretKey, baseUrl: t.url });
  expect((await t.call('POST', '/v1/meters', { body: { key: 'tokens', event_name: 'llm.call', aggregation: 'sum', property: 'tokens' } })).status).toBe(200);
  expect((await t.call('POST', '/v1/meters', { body: { key: 'peak', event_name: 'llm.call', aggregation: 'max', property: 'tokens' } })).status).toBe(200);
  // $20 a month and a cent per token; a free plan; $240 a year.
  await nozle.plans.create({
    key: 'ai',
    name: 'AI',
    interval: 'month',
    base_price: 2_000,
    prices: [{ key: 'tokens', meter: 'tokens', model: 'per_unit', unit_amount: '1' }],
  });
  await nozle.plans.create({ key: 'free', name: 'Free', interval: 'month', base_price: 0 });
  await nozle.plans.create({ key: 'ai-year', name: 'AI yearly', interval: 'year', base_price: 24_000 });
  for (const [customer, plan] of [
    ['acme', 'ai'],
    ['beta', 'ai'],
    ['gamma', 'free'],
    ['delta', 'ai-year'],
  ] as const) {
    await nozle.customers.create({ external_id: customer });
    ids[customer] = (await nozle.customers.retrieve(customer)).id;
    ids[`sub_${customer}`] = (await nozle.subscriptions.create({ customer, plan })).id; // at 2026-03-01 12:00
  }
});
afterAll(async () => {
  await nozle.shutdown();
  await t.close();
});

describe('cost models', () => {
  it('records a meter-wide cost and per-model costs with effective dates', async () => {
    const wide = await nozle.costModels.create({ meter: 'tokens', unit_cost: '0.0025', effective_from: unix('2026-03-01T00:00:00Z') });
    expect(wide).toEqual({
      id: expect.stringMatching(/^cm_/),
      object: 'cost_model',
      meter: 'tokens',
      property: null,
      value: null,
      unit_cost: '0.0025',
      currency: 'usd',
      effective_from: unix('2026-03-01T00:00:00Z'),
      effective_to: null,
      created: unix('2026-03-01T12:00:00Z'),
    });
    await nozle.costModels.create({
      meter: 'tokens',
      property: 'model',
      value: 'gpt-4o',
      unit_cost: '0.005',
      effective_from: unix('2026-03-01T00:00:00Z'),
      effective_to: unix('2026-03-20T00:00:00Z'),
    });
    await nozle.costModels.create({ meter: 'tokens', property: 'model', value: 'gpt-4o', unit_cost: '0.006', effective_from: unix('2026-03-20T00:00:00Z') });
    expect((await nozle.costModels.list({ meter: 'tokens' })).data.map((m) => m.unit_cost)).toEqual(['0.006', '0.005', '0.0025']);
  });

  const refused = [
    ['a meter that does not sum or count', { meter: 'peak', unit_cost: '1' }, 400, 'meter'],
    ['a property without a value', { meter: 'tokens', property: 'model', unit_cost: '1' }, 400, 'value'],
    ['an effective date that is not midnight UTC', { meter: 'tokens', unit_cost: '1', effective_from: unix('2026-05-01T10:00:00Z') }, 400, 'effective_from'],
    [
      'an end before the start',
      { meter: 'tokens', unit_cost: '1', effective_from: unix('2026-05-02T00:00:00Z'), effective_to: unix('2026-05-01T00:00:00Z') },
      400,
      'effective_to',
    ],
    ['a negative cost', { meter: 'tokens', unit_cost: '-1' }, 400, undefined],
    ['a cost as a number', { meter: 'tokens', unit_cost: 1 }, 400, undefined],
    ['an unknown meter', { meter: 'nope', unit_cost: '1' }, 404, 'meter'],
    [
      'an overlap with a model for the same usage',
      { meter: 'tokens', property: 'model', value: 'gpt-4o', unit_cost: '1', effective_from: unix('2026-04-01T00:00:00Z') },
      409,
      'effective_from',
    ],
    ['another property on the same meter', { meter: 'tokens', property: 'region', value: 'eu', unit_cost: '1' }, 409, 'property'],
  ] as const;
  for (const [what, body, status, param] of refused) {
    it(`refuses ${what} with ${status} and stores nothing`, async () => {
      const before = await nozle.costModels.list({ limit: 100 });
      const res = await t.call('POST', '/v1/cost_models', { body });
      expect(res.status).toBe(status);
      if (param) expect(res.body.error.param).toBe(param);
      expect(await nozle.costModels.list({ limit: 100 })).toEqual(before);
    });
  }
});

describe('the margin report', () => {
  beforeAll(async () => {
    await track('acme', 10_000, '2026-03-05T10:00:00Z', 'gpt-4o');
    await track('acme', 20_000, '2026-03-10T10:00:00Z', 'small');
    await track('beta', 3_000, '2026-03-12T10:00:00Z', 'gpt-4o');
    await track('beta', 1_000, '2026-03-12T11:00:00Z');
    await t.call('POST', `/v1/subscriptions/${ids.sub_gamma}/cancel`, { body: {} }); // 2026-03-12 11:00
    await track('acme', 5_000, '2026-03-25T10:00:00Z', 'gpt-4o');
    expect((await t.call('POST', '/v1/test_clock/advance', { body: { to: unix('2026-04-01T13:00:00Z') } })).status).toBe(200);
    // The invoices (period 03-01 12:00 → 04-01 12:00): acme 2,000 + 35,000 × 1 = 37,000;
    // beta 2,000 + 4,000 × 1 = 6,000.
    expect((await nozle.invoices.list()).data.map((i) => [i.customer, i.total]).sort()).toEqual(
      [
        [ids.acme, 37_000],
        [ids.beta, 6_000],
      ].sort(),
    );
  });

  // Cost by hand (the gpt-4o rate is 0.005 before 03-20 and 0.006 from then; others 0.0025):
  //   acme: 10,000 × 0.005 = 50; 20,000 × 0.0025 = 50 (small: no model of its own); 5,000 × 0.006 = 30  → 130
  //   beta:  3,000 × 0.005 = 15;  1,000 × 0.0025 = 2.5 (no model property)                        → 17.5
  // Margins: acme 37,000 − 130 = 36,870 (99.6486…% → 99.65); beta 6,000 − 17.5 = 5,982.5 (99.7083…% → 99.71);
  // total 43,000 − 147.5 = 42,852.5 (99.6569…% → 99.66).
  const totals = { revenue: 43_000, cost: '147.5', margin: '42852.5', margin_percent: '99.66' };
  // Live at 03-02: acme, beta, gamma, delta (4); gamma canceled in the window: 1 / 4 = 25.00%.
  // Active now: acme, beta, delta. MRR: 2,000 + 2,000 + 24,000 / 12 = 6,000.
  const project = { active_subscriptions: 3, mrr: 6_000, churn_rate: '25.00' };

  it('groups by customer', async () => {
    const res = await report(`start=${MARCH_2}&end=${APRIL_2}&group_by=customer`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      object: 'margin_report',
      start: MARCH_2,
      end: APRIL_2,
      currency: 'usd',
      group_by: 'customer',
      groups: [
        { key: ids.acme, revenue: 37_000, cost: '130', margin: '36870', margin_percent: '99.65' },
        { key: ids.beta, revenue: 6_000, cost: '17.5', margin: '5982.5', margin_percent: '99.71' },
      ].sort((a, b) => (a.key! < b.key! ? -1 : 1)),
      totals,
      ...project,
    });
  });

  it('groups by meter: base fees are told apart from no meter', async () => {
    const res = await report(`start=${MARCH_2}&end=${APRIL_2}&group_by=meter`);
    // tokens: revenue 35,000 + 4,000 = 39,000, cost 147.5, margin 38,852.5 (99.6218…% → 99.62).
    expect(res.body.groups).toEqual([
      { key: 'tokens', revenue: 39_000, cost: '147.5', margin: '38852.5', margin_percent: '99.62' },
      { key: null, revenue: 4_000, cost: '0', margin: '4000', margin_percent: '100.00' },
    ]);
    expect(res.body.totals).toEqual(totals);
  });

  it('groups by a property value: cost per model, revenue not told apart', async () => {
    const res = await report(`start=${MARCH_2}&end=${APRIL_2}&group_by=property&property=model`);
    // gpt-4o: 50 + 30 + 15 = 95; small: 50; no model: 2.5 (43,000 − 2.5 = 42,997.5 → 99.9941…% → 99.99).
    expect(res.body.groups).toEqual([
      { key: 'gpt-4o', revenue: 0, cost: '95', margin: '-95', margin_percent: null },
      { key: 'small', revenue: 0, cost: '50', margin: '-50', margin_percent: null },
      { key: null, revenue: 43_000, cost: '2.5', margin: '42997.5', margin_percent: '99.99' },
    ]);
    expect(res.body.totals).toEqual(totals);
  });

  it('groups by plan', async () => {
    const res = await report(`start=${MARCH_2}&end=${APRIL_2}&group_by=plan`);
    expect(res.body.groups).toEqual([{ key: 'ai', ...totals }]);
  });

  it('counts only the days of the window', async () => {
    // 03-02 → 03-20: acme 50 + 50, beta 15 + 2.5 = 117.5; no invoice period ended in it, so no revenue.
    const res = await report(`start=${MARCH_2}&end=${unix('2026-03-20T00:00:00Z')}`);
    expect(res.body.totals).toEqual({ revenue: 0, cost: '117.5', margin: '-117.5', margin_percent: null });
  });

  it('is the same through the Node SDK', async () => {
    expect(await nozle.analytics.margin({ start: MARCH_2, end: APRIL_2, group_by: 'plan' })).toMatchObject({ totals, ...project });
  });

  const bad = [
    ['a start that is not midnight UTC', `start=${MARCH_2 + 1}&end=${APRIL_2}`, 'start'],
    ['an end before the start', `start=${APRIL_2}&end=${MARCH_2}`, 'end'],
    ['group_by=property without the property', `start=${MARCH_2}&end=${APRIL_2}&group_by=property`, 'property'],
    ['an unknown grouping', `start=${MARCH_2}&end=${APRIL_2}&group_by=day`, undefined],
    ['no end', `start=${MARCH_2}`, undefined],
  ] as const;
  for (const [what, query, param] of bad) {
    it(`answers 400 to ${what}`, async () => {
      const res = await report(query);
      expect(res.status).toBe(400);
      if (param) expect(res.body.error.param).toBe(param);
    });
  }
});

describe('analytics and tenancy', () => {
  it("shows project B none of project A's cost models, usage or revenue", async () => {
    const key = t.projectB.secretKey;
    expect((await t.call('GET', '/v1/cost_models', { key })).body.data).toEqual([]);
    expect((await t.call('GET', '/v1/cost_models?meter=tokens', { key })).status).toBe(404);
    expect((await t.call('POST', '/v1/cost_models', { key, body: { meter: 'tokens', unit_cost: '1' } })).status).toBe(404);
    const res = await report(`start=${MARCH_2}&end=${APRIL_2}`, key);
    expect(res.body).toMatchObject({
      groups: [],
      totals: { revenue: 0, cost: '0', margin: '0', margin_percent: null },
      active_subscriptions: 0,
      mrr: 0,
      churn_rate: null,
    });
  });
});
