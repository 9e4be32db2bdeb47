// Usage metering through the API: ingestion exactly once, meters, counters, limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let n = 0;
const DAY = 86_400_000;
const seconds = () => t.clock.now().getTime() / 1000;

beforeAll(async () => {
  t = await startTestApp();
  await t.call('POST', '/v1/meters', { body: { key: 'calls', event_name: 'api_call', aggregation: 'count' } });
  await t.call('POST', '/v1/meters', { body: { key: 'tokens', event_name: 'completion', aggregation: 'sum', property: 'tokens' } });
  await t.call('POST', '/v1/meters', {
    body: { key: 'gpt4_tokens', event_name: 'completion', aggregation: 'sum', property: 'tokens', filters: { model: ['gpt-4', 'gpt-4o'] } },
  });
  await t.call('POST', '/v1/meters', { body: { key: 'peak_seats', event_name: 'seats', aggregation: 'max', property: 'count' } });
  await t.call('POST', '/v1/meters', { body: { key: 'active_users', event_name: 'login', aggregation: 'unique_count', property: 'user' } });
  await t.call('POST', '/v1/meters', { body: { key: 'storage', event_name: 'storage', aggregation: 'latest', property: 'gb' } });
  await t.call('POST', '/v1/features', { body: { key: 'api', type: 'metered', meter: 'calls' } });
  await t.call('POST', '/v1/plans', { body: { key: 'starter', interval: 'month', entitlements: [{ feature: 'api', limit: 3, reset: 'day' }] } });
});
afterAll(() => t.close());

async function customer(): Promise<string> {
  n += 1;
  await t.call('POST', '/v1/customers', { body: { external_id: `u${n}` } });
  return `u${n}`;
}

let eventNumber = 0;
const event = (customerRef: string, name: string, properties: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  id: `evt_${++eventNumber}`,
  customer: customerRef,
  event: name,
  properties,
  ...extra,
});

const send = async (events: unknown[]) => t.call('POST', '/v1/events', { body: { events } });

async function usage(customerRef: string, meter: string): Promise<number | undefined> {
  const list = (await t.call('GET', `/v1/customers/${customerRef}/usage?meter=${meter}`)).body.data as Array<{ value: number; period_end: number }>;
  // The calendar-month counter (the longest current period).
  return list.sort((a, b) => b.period_end - a.period_end)[0]?.value;
}

describe('meters', () => {
  it('are created with their aggregation, and a property is required except for count', async () => {
    const meter = (await t.call('GET', '/v1/meters/tokens')).body;
    expect(meter).toMatchObject({ object: 'meter', key: 'tokens', event_name: 'completion', aggregation: 'sum', property: 'tokens', filters: {} });
    const bad = await t.call('POST', '/v1/meters', { body: { key: 'nosum', event_name: 'x', aggregation: 'sum' } });
    expect(bad.body.error).toMatchObject({ code: 'parameter_missing', param: 'property' });
  });

  it('are tied only to metered features', async () => {
    const res = await t.call('POST', '/v1/features', { body: { key: 'flag', type: 'boolean', meter: 'calls' } });
    expect(res.body.error).toMatchObject({ param: 'meter' });
    expect((await t.call('GET', '/v1/features/api')).body.meter).toBe('calls');
  });
});

describe('ingestion', () => {
  it('takes a batch and says what happened to each event, in order', async () => {
    const c = await customer();
    const res = await send([event(c, 'api_call'), event(c, 'api_call')]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ object: 'event_batch', accepted: 2, duplicates: 0, rejected: 0 });
    expect(res.body.results.map((r: { index: number; status: string }) => [r.index, r.status])).toEqual([
      [0, 'accepted'],
      [1, 'accepted'],
    ]);
    expect(await usage(c, 'calls')).toBe(2);
  });

  it('counts the same batch sent three times once, reporting the repeats as duplicates', async () => {
    const c = await customer();
    const batch = [event(c, 'api_call'), event(c, 'completion', { tokens: 10 }), event(c, 'api_call')];
    const first = await send(batch);
    const second = await send(batch);
    const third = await send(batch);
    expect(first.body.accepted).toBe(3);
    expect(second.body).toMatchObject({ accepted: 0, duplicates: 3, rejected: 0 });
    expect(third.body.results.every((r: { status: string }) => r.status === 'duplicate')).toBe(true);
    expect(await usage(c, 'calls')).toBe(2);
    expect(await usage(c, 'tokens')).toBe(10);
    const { rows } = await t.database.db.query<{ n: number }>('select count(*)::int as n from events where id = any($1)', [batch.map((e) => e.id)]);
    expect(rows[0]!.n).toBe(3);
  });

  it('rejects invalid events one by one, with the reason, and still takes the valid ones', async () => {
    const c = await customer();
    const good = event(c, 'api_call');
    const repeated = event(c, 'api_call');
    const res = await send([
      good,
      { customer: c, event: 'api_call' },
      event('nobody_here', 'api_call'),
      event(c, 'api_call', {}, { timestamp: seconds() + 3600 }),
      event(c, 'api_call', {}, { timestamp: seconds() - 40 * 86_400 }),
      { ...event(c, 'api_call'), colour: 'red' },
      repeated,
      repeated,
      'not an event',
    ]);
    expect(res.status).toBe(200);
    const byIndex = res.body.results.map((r: { status: string; error?: { code: string; param: string } }) => [r.status, r.error?.code, r.error?.param]);
    expect(byIndex).toEqual([
      ['accepted', undefined, undefined],
      ['rejected', 'parameter_missing', 'events[1][id]'],
      ['rejected', 'customer_not_found', 'events[2][customer]'],
      ['rejected', 'timestamp_in_future', 'events[3][timestamp]'],
      ['rejected', 'timestamp_too_old', 'events[4][timestamp]'],
      ['rejected', 'parameter_unknown', 'events[5][colour]'],
      ['accepted', undefined, undefined],
      ['duplicate', undefined, undefined],
      ['rejected', 'parameter_invalid', 'events[8][body]'],
    ]);
    expect(res.body).toMatchObject({ accepted: 2, duplicates: 1, rejected: 6 });
    expect(await usage(c, 'calls')).toBe(2);
  });

  it('refuses an empty batch and one over 1000 events as a whole (400), writing nothing', async () => {
    const c = await customer();
    expect((await send([])).body.error).toMatchObject({ param: 'events' });
    const big = Array.from({ length: 1001 }, () => event(c, 'api_call'));
    expect((await send(big)).body.error).toMatchObject({ param: 'events' });
    expect(await usage(c, 'calls')).toBeUndefined();
  });

  it('keeps events in the month partition of their timestamp', async () => {
    const c = await customer();
    const e = event(c, 'api_call');
    await send([e]);
    const { rows } = await t.database.db.query<{ partition: string }>('select tableoid::regclass::text as partition from events where id = $1', [e.id]);
    expect(rows[0]!.partition).toMatch(/events_y2026m\d\d$/);
  });
});

describe('aggregations', () => {
  it('sum adds exactly, filters pick events, max keeps the largest, unique counts distinct values across batches, latest follows time', async () => {
    const c = await customer();
    const now = seconds();
    await send([
      event(c, 'completion', { tokens: 0.1, model: 'gpt-4' }),
      event(c, 'completion', { tokens: 0.2, model: 'claude' }),
      event(c, 'completion', { tokens: '0.3', model: 'gpt-4o' }),
      event(c, 'completion', { model: 'gpt-4' }), // no tokens: adds nothing
      event(c, 'seats', { count: 4 }),
      event(c, 'seats', { count: 9 }),
      event(c, 'login', { user: 'ada' }),
      event(c, 'login', { user: 'bob' }),
      event(c, 'storage', { gb: 5 }, { timestamp: now - 10 }),
      event(c, 'storage', { gb: 7 }, { timestamp: now - 5 }),
    ]);
    await send([
      event(c, 'seats', { count: 3 }),
      event(c, 'login', { user: 'ada' }),
      event(c, 'login', { user: 'cy' }),
      event(c, 'storage', { gb: 1 }, { timestamp: now - 60 }), // older than the latest: ignored
    ]);
    expect(await usage(c, 'tokens')).toBe(0.6);
    expect(await usage(c, 'gpt4_tokens')).toBe(0.4);
    expect(await usage(c, 'peak_seats')).toBe(9);
    expect(await usage(c, 'active_users')).toBe(3);
    expect(await usage(c, 'storage')).toBe(7);
  });

  it('shows past periods with period=all', async () => {
    const c = await customer();
    await send([event(c, 'api_call')]);
    t.clock.advance(32 * DAY);
    await send([event(c, 'api_call'), event(c, 'api_call')]);
    const all = (await t.call('GET', `/v1/customers/${c}/usage?meter=calls&period=all`)).body.data;
    expect(all.map((u: { value: number }) => u.value)).toEqual([2, 1]);
    expect((await t.call('GET', `/v1/customers/${c}/usage?meter=calls`)).body.data.map((u: { value: number }) => u.value)).toEqual([2]);
  });
});

describe('limits', () => {
  const check = async (c: string) => (await t.call('POST', '/v1/check', { body: { customer: c, feature: 'api' } })).body;

  it('a limit crossed by one event flips can(), with a new version; the next period flips it back', async () => {
    const c = await customer();
    await t.call('POST', '/v1/subscriptions', { body: { customer: c, plan: 'starter' } });
    await send([event(c, 'api_call'), event(c, 'api_call')]);
    const before = await check(c);
    expect(before).toMatchObject({ allowed: true, limit: 3, used: 2, remaining: 1 });

    await send([event(c, 'api_call')]);
    const after = await check(c);
    expect(after).toMatchObject({ allowed: false, reason: 'limit_reached', used: 3, remaining: 0 });
    expect(after.version).toBe(before.version + 1);

    t.clock.advance(DAY); // the daily reset
    expect(await check(c)).toMatchObject({ allowed: true, used: 0, remaining: 3 });
  });

  it('a late event counts in the period it happened in, not the current one', async () => {
    const c = await customer();
    await t.call('POST', '/v1/subscriptions', { body: { customer: c, plan: 'starter' } });
    t.clock.advance(DAY + 1000);
    await send([event(c, 'api_call', {}, { timestamp: seconds() - 2 * 3600 })]); // yesterday's period
    expect(await check(c)).toMatchObject({ used: 0 });
  });

  it('tying a meter to a feature later recomputes what it has used', async () => {
    await t.call('POST', '/v1/features', { body: { key: 'storage_gb', type: 'metered' } });
    await t.call('POST', '/v1/plans', { body: { key: 'storage_plan', interval: 'month', entitlements: [{ feature: 'storage_gb', limit: 100 }] } });
    const c = await customer();
    await t.call('POST', '/v1/subscriptions', { body: { customer: c, plan: 'storage_plan' } });
    expect((await t.call('POST', '/v1/check', { body: { customer: c, feature: 'storage_gb' } })).body.used).toBe(0);
    await send([event(c, 'storage', { gb: 40 })]);
    await t.call('POST', '/v1/features/storage_gb', { body: { meter: 'storage' } });
    expect((await t.call('POST', '/v1/check', { body: { customer: c, feature: 'storage_gb' } })).body).toMatchObject({ used: 40, remaining: 60 });
  });
});

describe('usage over a time range', () => {
  it('groups a meter by day and by a property value', async () => {
    const c = await customer();
    const start = Math.floor(seconds() / 86_400) * 86_400;
    await send([
      event(c, 'completion', { tokens: 5, model: 'gpt-4' }, { timestamp: start + 3600 }),
      event(c, 'completion', { tokens: 7, model: 'claude' }, { timestamp: start + 7200 }),
    ]);
    t.clock.advance(DAY);
    await send([event(c, 'completion', { tokens: 11, model: 'gpt-4' }, { timestamp: start + 86_400 + 60 })]);
    const byDay = await t.call('POST', '/v1/usage/query', { body: { meter: 'tokens', customer: c, start, end: start + 2 * 86_400, group_by: 'day' } });
    expect(byDay.body.data).toEqual([
      { group: new Date(start * 1000).toISOString().slice(0, 10), value: 12 },
      { group: new Date((start + 86_400) * 1000).toISOString().slice(0, 10), value: 11 },
    ]);
    const byModel = await t.call('POST', '/v1/usage/query', {
      body: { meter: 'tokens', customer: c, start, end: start + 2 * 86_400, group_by: 'property:model' },
    });
    expect(byModel.body.data).toEqual([
      { group: 'claude', value: 7 },
      { group: 'gpt-4', value: 16 },
    ]);
    const filtered = await t.call('POST', '/v1/usage/query', { body: { meter: 'gpt4_tokens', customer: c, start, end: start + 2 * 86_400 } });
    expect(filtered.body.data).toEqual([{ group: null, value: 16 }]);
  });
});

describe('another project', () => {
  it("cannot send events for this project's customers or read its meters and usage", async () => {
    const c = await customer();
    const b = t.projectB.secretKey;
    const res = await t.call('POST', '/v1/events', { key: b, body: { events: [event(c, 'api_call')] } });
    expect(res.body.results[0].error.code).toBe('customer_not_found');
    expect((await t.call('GET', '/v1/meters/calls', { key: b })).status).toBe(404);
    expect((await t.call('GET', `/v1/customers/${c}/usage`, { key: b })).status).toBe(404);
  });
});
