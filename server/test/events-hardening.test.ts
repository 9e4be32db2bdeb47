// One bad event never sinks its batch: each odd event is rejected alone in the 200 answer, with
// its code and param, and the good events around it are counted exactly once, even when the
// same batch is sent again. Values meters read follow the policy stated on EventInput.
import { Nozle, type NozleTrackError } from '@nozle/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
const seconds = () => Math.floor(t.clock.now().getTime() / 1000);

beforeAll(async () => {
  t = await startTestApp();
  const meters = [
    { key: 'calls', event_name: 'api.call', aggregation: 'count' },
    { key: 'tokens', event_name: 'api.call', aggregation: 'sum', property: 'tokens' },
    { key: 'users', event_name: 'api.call', aggregation: 'unique_count', property: 'user' },
    { key: 'balance', event_name: 'credit.adjust', aggregation: 'sum', property: 'delta', allow_negative: true },
  ];
  for (const body of meters) expect((await t.call('POST', '/v1/meters', { body })).status).toBe(200);
});
afterAll(() => t.close());

let customers = 0;
async function newCustomer(): Promise<string> {
  const ref = `hard_${++customers}`;
  expect((await t.call('POST', '/v1/customers', { body: { external_id: ref } })).status).toBe(200);
  return ref;
}

async function usage(ref: string, meter: string): Promise<number> {
  const res = await t.call('GET', `/v1/customers/${ref}/usage?meter=${meter}`);
  expect(res.status).toBe(200);
  return (res.body.data as Array<{ value: number }>)[0]?.value ?? 0;
}

// As JSON text, so a case can hold what JSON.stringify cannot make (1e400, deep nesting).
type OddEvent = (customer: string, id: string) => string;
const json = (value: unknown) => JSON.stringify(value);
const call = (customer: string, id: string, extra: Record<string, unknown> = {}) =>
  json({ id, customer, event: 'api.call', properties: { tokens: 2, user: 'ada' }, ...extra });

interface Case {
  name: string;
  odd: OddEvent;
  code: string;
  /** A param name, or a matcher for one (expect.stringMatching). */
  param: unknown;
}

const cases: Case[] = [
  {
    name: 'a NUL byte in a property',
    odd: (c, id) => call(c, id, { properties: { tokens: 2, note: 'a\u0000b' } }),
    code: 'parameter_invalid',
    param: 'events[1][properties][note]',
  },
  { name: 'a timestamp of 1e15', odd: (c, id) => call(c, id, { timestamp: 1e15 }), code: 'parameter_invalid', param: 'events[1][timestamp]' },
  { name: 'a timestamp of 1e21', odd: (c, id) => call(c, id, { timestamp: 1e21 }), code: 'parameter_invalid', param: 'events[1][timestamp]' },
  { name: 'a timestamp of -1', odd: (c, id) => call(c, id, { timestamp: -1 }), code: 'parameter_invalid', param: 'events[1][timestamp]' },
  { name: 'a timestamp of "NaN"', odd: (c, id) => call(c, id, { timestamp: 'NaN' }), code: 'parameter_invalid', param: 'events[1][timestamp]' },
  {
    name: 'a timestamp at the bound (2100), ahead of the clock',
    odd: (c, id) => call(c, id, { timestamp: 4102444800 }),
    code: 'timestamp_in_future',
    param: 'events[1][timestamp]',
  },
  {
    name: 'a value of 1e21',
    odd: (c, id) => call(c, id, { properties: { tokens: 1e21 } }),
    code: 'value_out_of_range',
    param: 'events[1][properties][tokens]',
  },
  {
    name: 'a value just over 1e12',
    odd: (c, id) => call(c, id, { properties: { tokens: 1_000_000_000_001 } }),
    code: 'value_out_of_range',
    param: 'events[1][properties][tokens]',
  },
  {
    name: 'a JSON number beyond a double (1e400)',
    odd: (c, id) => `{"id":"${id}","customer":"${c}","event":"api.call","properties":{"tokens":1e400}}`,
    code: 'value_out_of_range',
    param: 'events[1][properties][tokens]',
  },
  {
    name: 'a decimal string of 200,000 digits',
    odd: (c, id) => call(c, id, { properties: { tokens: `1${'0'.repeat(200_000)}` } }),
    code: 'value_out_of_range',
    param: 'events[1][properties][tokens]',
  },
  {
    name: 'a value with 7 decimals',
    odd: (c, id) => call(c, id, { properties: { tokens: 0.0000001 } }),
    code: 'value_out_of_range',
    param: 'events[1][properties][tokens]',
  },
  {
    name: '-1 on a sum meter without allow_negative',
    odd: (c, id) => call(c, id, { properties: { tokens: -1 } }),
    code: 'negative_value',
    param: 'events[1][properties][tokens]',
  },
  {
    name: '"-1" as a string on a sum meter without allow_negative',
    odd: (c, id) => call(c, id, { properties: { tokens: '-1' } }),
    code: 'negative_value',
    param: 'events[1][properties][tokens]',
  },
  {
    name: 'a unique_count value of 10,000 characters',
    odd: (c, id) => call(c, id, { properties: { tokens: 2, user: 'x'.repeat(10_000) } }),
    code: 'value_out_of_range',
    param: 'events[1][properties][user]',
  },
  {
    name: 'properties nested 5,000 deep',
    odd: (c, id) => `{"id":"${id}","customer":"${c}","event":"api.call","properties":{"tokens":2,"n":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}}`,
    code: 'parameter_invalid',
    param: expect.stringMatching(/^events\[1\]\[properties\]\[n\]/),
  },
  { name: 'an id with a NUL byte', odd: (c) => call(c, 'x\u0000y'), code: 'parameter_invalid', param: 'events[1][id]' },
  { name: 'an id that is a number', odd: (c) => call(c, 'unused', { id: 42 }), code: 'parameter_invalid', param: 'events[1][id]' },
  { name: 'an unknown customer', odd: (_c, id) => call('nobody_like_this', id), code: 'customer_not_found', param: 'events[1][customer]' },
  { name: 'a customer ref of odd characters', odd: (_c, id) => call("' or 1=1 -- 🚀%00", id), code: 'customer_not_found', param: 'events[1][customer]' },
];

describe('an odd event in a batch of good ones', () => {
  it.each(cases)('$name: rejected alone ($code), the good events counted once, a resend counts nothing more', async ({ odd, code, param }) => {
    const customer = await newCustomer();
    const now = seconds();
    const body = `{"events":[${[call(customer, `${customer}_a`, { timestamp: now }), odd(customer, `${customer}_odd`), call(customer, `${customer}_b`, { timestamp: now })].join(',')}]}`;

    const first = await t.call('POST', '/v1/events', { body });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ accepted: 2, duplicates: 0, rejected: 1 });
    expect(first.body.results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'rejected', 'accepted']);
    expect(first.body.results[1].error).toMatchObject({ code, param });

    const again = await t.call('POST', '/v1/events', { body });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 2, rejected: 1 });
    expect(again.body.results[1].error).toMatchObject({ code, param });

    expect(await usage(customer, 'calls')).toBe(2);
    expect(await usage(customer, 'tokens')).toBe(4);
    expect(await usage(customer, 'users')).toBe(1);
  });
});

describe('odd but valid events', () => {
  it('an id of 255 emoji and a property key of odd characters are stored and counted once', async () => {
    const customer = await newCustomer();
    const events = [{ id: '🚀'.repeat(255), customer, event: 'api.call', properties: { tokens: 1, "'; drop table events; --": 'x', '': '' } }];
    const first = await t.call('POST', '/v1/events', { body: { events } });
    expect(first.body).toMatchObject({ accepted: 1 });
    expect((await t.call('POST', '/v1/events', { body: { events } })).body).toMatchObject({ duplicates: 1 });
    expect(await usage(customer, 'tokens')).toBe(1);
  });
});

describe('the accepted window', () => {
  it('is inclusive at both edges (now - max age, now + 5 minutes), and a millisecond beyond each is rejected', async () => {
    const customer = await newCustomer();
    const now = t.clock.now().getTime();
    const oldest = now - 35 * 86_400_000;
    const newest = now + 5 * 60_000;
    const stamps = [oldest, newest, oldest - 1, newest + 1].map((ms) => ms / 1000);
    const res = await t.call('POST', '/v1/events', {
      body: { events: stamps.map((timestamp, i) => ({ id: `${customer}_${i}`, customer, event: 'api.call', timestamp })) },
    });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { status: string; error?: { code: string } }) => r.error?.code ?? r.status)).toEqual([
      'accepted',
      'accepted',
      'timestamp_too_old',
      'timestamp_in_future',
    ]);
    const stored = await t.database.db.query<{ n: number }>('select count(*)::int as n from events where id like $1', [`${customer}_%`]);
    expect(stored.rows[0]!.n).toBe(2);
  });
});

describe('values meters read', () => {
  it('a negative value lowers a meter with allow_negative, counted once across a resend', async () => {
    const customer = await newCustomer();
    const events = [
      { id: `${customer}_1`, customer, event: 'credit.adjust', properties: { delta: 10 } },
      { id: `${customer}_2`, customer, event: 'credit.adjust', properties: { delta: -1 } },
      { id: `${customer}_3`, customer, event: 'credit.adjust', properties: { delta: '-2.5' } },
    ];
    for (let i = 0; i < 2; i++) {
      const res = await t.call('POST', '/v1/events', { body: { events } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject(i === 0 ? { accepted: 3, rejected: 0 } : { duplicates: 3, rejected: 0 });
    }
    expect(await usage(customer, 'balance')).toBe(6.5);
  });

  it('values at the bounds are taken exactly: ±1e12 and 6 decimals', async () => {
    const customer = await newCustomer();
    const values = [1_000_000_000_000, '999999999999.999999', '0.000001'];
    const res = await t.call('POST', '/v1/events', {
      body: { events: values.map((tokens, i) => ({ id: `${customer}_${i}`, customer, event: 'api.call', properties: { tokens } })) },
    });
    expect(res.body).toMatchObject({ accepted: 3, rejected: 0 });
    const start = seconds() - 86_400;
    const query = await t.call('POST', '/v1/usage/query', { body: { meter: 'tokens', customer, start, end: seconds() + 60 } });
    expect(query.status).toBe(200);
    // 1999999999999.999999 + 0.000001, exact in the counter; the JSON number rounds only the display.
    expect(query.body.data[0].value).toBe(2_000_000_000_000);
  });

  it('a repeat of an event taken before its meter existed stays a duplicate, even with a value the meter refuses', async () => {
    const customer = await newCustomer();
    const event = { id: `${customer}_early`, customer, event: 'early.meter', properties: { v: -5 } };
    expect((await t.call('POST', '/v1/events', { body: { events: [event] } })).body).toMatchObject({ accepted: 1 });
    expect((await t.call('POST', '/v1/meters', { body: { key: 'early_sum', event_name: 'early.meter', aggregation: 'sum', property: 'v' } })).status).toBe(200);
    const fresh = { ...event, id: `${customer}_later` };
    const res = await t.call('POST', '/v1/events', { body: { events: [event, fresh] } });
    expect(res.body.results.map((r: { status: string; error?: { code: string } }) => r.error?.code ?? r.status)).toEqual(['duplicate', 'negative_value']);
  });

  it('a value a meter cannot read as a number adds nothing to it, and the event is still taken', async () => {
    const customer = await newCustomer();
    const odd = ['NaN', 'Infinity', '1e5', 'abc', true, { n: 1 }];
    const res = await t.call('POST', '/v1/events', {
      body: { events: odd.map((tokens, i) => ({ id: `${customer}_${i}`, customer, event: 'api.call', properties: { tokens } })) },
    });
    expect(res.body).toMatchObject({ accepted: odd.length, rejected: 0 });
    expect(await usage(customer, 'calls')).toBe(odd.length);
    expect(await usage(customer, 'tokens')).toBe(0);
  });

  it('allow_negative is refused on a meter that reads no number', async () => {
    for (const aggregation of ['count', 'unique_count']) {
      const res = await t.call('POST', '/v1/meters', {
        body: { key: `neg_${aggregation}`, event_name: 'x', aggregation, property: 'p', allow_negative: true },
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'parameter_invalid', param: 'allow_negative' });
    }
    const meter = await t.call('GET', '/v1/meters/tokens');
    expect(meter.body.allow_negative).toBe(false);
  });

  it('a meter filter holds values of the same bounds', async () => {
    for (const filters of [{ n: 1e21 }, { n: [1, -1e13] }, { s: 'x'.repeat(256) }]) {
      const res = await t.call('POST', '/v1/meters', { body: { key: 'filtered', event_name: 'x', aggregation: 'count', filters } });
      expect(res.status).toBe(400);
      expect(res.body.error.param).toMatch(/^filters\[/);
    }
  });
});

describe('counters', () => {
  it('add a batch of bounded values exactly: 999 × 1e12 + 0.000001 keeps its last digit', async () => {
    const customer = await newCustomer();
    const tokens = [...Array.from({ length: 999 }, () => 1_000_000_000_000), 0.000001];
    const res = await t.call('POST', '/v1/events', {
      body: { events: tokens.map((v, i) => ({ id: `${customer}_${i}`, customer, event: 'api.call', properties: { tokens: v } })) },
    });
    expect(res.body).toMatchObject({ accepted: 1000 });
    // Read from the table: the API's JSON number cannot show 21 significant digits.
    const { rows } = await t.database.db.query<{ value: string }>(
      `select c.value::text as value from usage_counters c join meters m on m.id = c.meter_id
       join customers u on u.id = c.customer_id where m.key = 'tokens' and u.external_id = $1`,
      [customer],
    );
    expect(rows.map((row) => row.value)).toEqual(['999000000000000.000001']);
  });
});

describe('the Node SDK', () => {
  it('a batch of 100 with one bad event: 99 stored in one request, the bad one reported once, nothing retried', async () => {
    const customer = await newCustomer();
    const errors: NozleTrackError[] = [];
    const nozle = new Nozle({
      secretKey: t.projectA.secretKey,
      baseUrl: t.url,
      track: { onError: (error) => errors.push(error), retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 1 } },
    });
    const at = t.clock.now();
    for (let i = 0; i < 100; i++) {
      // Event 37's timestamp is 1e18 ms, i.e. 1e15 Unix seconds: finite, so the SDK sends it.
      nozle.track({ id: `${customer}_${i}`, customer, event: 'api.call', properties: { tokens: 1 }, timestamp: i === 37 ? 1e18 : at });
    }
    await nozle.shutdown(30_000);

    expect(nozle.trackStats()).toMatchObject({ requests: 1, retries: 0, accepted: 99, rejected: 1, dropped: 0 });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.reason).toBe('rejected');
    expect(errors[0]!.eventIds).toEqual([`${customer}_37`]);
    expect(errors[0]!.cause).toMatchObject({ code: 'parameter_invalid', param: 'events[37][timestamp]' });
    expect(await usage(customer, 'calls')).toBe(99);
  });
});

describe('usage queries', () => {
  it.each([
    { name: 'start of 1e15', body: { start: 1e15, end: 4102444800 }, param: 'start' },
    { name: 'end of 1e21', body: { start: 0, end: 1e21 }, param: 'end' },
    { name: 'start of -1', body: { start: -1, end: 10 }, param: 'start' },
  ])('a timestamp out of range ($name) is a 400 naming it', async ({ body, param }) => {
    const res = await t.call('POST', '/v1/usage/query', { body: { meter: 'tokens', ...body } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ type: 'invalid_request_error', param });
  });

  it('the widest range accepted (0 to 2100) is answered', async () => {
    const res = await t.call('POST', '/v1/usage/query', { body: { meter: 'tokens', start: 0, end: 4102444800, group_by: 'day' } });
    expect(res.status).toBe(200);
  });

  it('values stored before a meter read them count only when the meter would take them', async () => {
    const customer = await newCustomer();
    const values = [5, -3, 1e21, `1${'0'.repeat(200_000)}`, `0.${'1'.repeat(100_000)}`, 'x'.repeat(300)];
    const res = await t.call('POST', '/v1/events', {
      body: { events: values.map((v, i) => ({ id: `${customer}_${i}`, customer, event: 'late.meter', properties: { v } })) },
    });
    expect(res.body).toMatchObject({ accepted: values.length });
    for (const [key, aggregation] of [
      ['late_sum', 'sum'],
      ['late_max', 'max'],
      ['late_unique', 'unique_count'],
    ] as const) {
      expect((await t.call('POST', '/v1/meters', { body: { key, event_name: 'late.meter', aggregation, property: 'v' } })).status).toBe(200);
    }
    const range = { customer, start: seconds() - 86_400, end: seconds() + 60 };
    const sum = await t.call('POST', '/v1/usage/query', { body: { meter: 'late_sum', ...range } });
    expect(sum.status).toBe(200);
    expect(sum.body.data[0].value).toBe(5);
    const max = await t.call('POST', '/v1/usage/query', { body: { meter: 'late_max', ...range } });
    expect(max.body.data[0].value).toBe(5);
    // Distinct values of at most 255 characters: 5, -3, 1e+21 and the long decimal strings are out.
    const unique = await t.call('POST', '/v1/usage/query', { body: { meter: 'late_unique', ...range } });
    expect(unique.status).toBe(200);
    expect(unique.body.data[0].value).toBe(3);
  });
});
