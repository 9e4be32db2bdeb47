// Strings Postgres cannot store (NUL, unpaired surrogates) and free-form JSON nested without
// bound are refused as 400s naming the parameter, wherever in a request they are: never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const customerCount = async () => Number((await t.database.db.query<{ n: number }>('select count(*)::int as n from customers')).rows[0]!.n);
// As JSON text: JSON.stringify itself overflows the stack on deep values.
const nested = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const eventsBody = (events: Array<{ id: string; properties: string }>) =>
  `{"events":[${events.map((e) => `{"id":"${e.id}","customer":"deep","event":"x","properties":${e.properties}}`).join(',')}]}`;

describe('unstorable strings', () => {
  const cases: Array<{ name: string; path: string; body: string; param: string }> = [
    { name: 'a NUL byte in a body string', path: '/v1/customers', body: JSON.stringify({ name: 'a\u0000b' }), param: 'name' },
    { name: 'a NUL byte in a metadata value', path: '/v1/customers', body: JSON.stringify({ metadata: { plan: 'x\u0000' } }), param: 'metadata[plan]' },
    { name: 'a NUL byte in a metadata key', path: '/v1/customers', body: JSON.stringify({ metadata: { 'p\u0000': 'x' } }), param: 'metadata[p\u0000]' },
    { name: 'a lone high surrogate in a JSON string', path: '/v1/customers', body: '{"name":"\\ud800"}', param: 'name' },
    { name: 'a lone low surrogate in a JSON string', path: '/v1/customers', body: '{"external_id":"x\\udc00y"}', param: 'external_id' },
  ];
  it.each(cases)('$name is a 400 naming the parameter, and nothing is written', async ({ path, body, param }) => {
    const before = await customerCount();
    const res = await t.call('POST', path, { body });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ type: 'invalid_request_error', code: 'parameter_invalid', param });
    expect(await customerCount()).toBe(before);
  });

  it('a paired surrogate (an emoji) is stored as sent', async () => {
    const res = await t.call('POST', '/v1/customers', { body: { name: 'Ada 🚀' } });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('Ada 🚀');
  });

  it('a NUL byte in a query string is a 400 naming it', async () => {
    const res = await t.call('GET', '/v1/customers?email=a%00b%40c.co');
    expect(res.status).toBe(400);
    expect(res.body.error.param).toBe('email');
  });

  it('a NUL byte or an unpaired surrogate in a path is a 4xx, never a 500', async () => {
    for (const ref of ['cus_%00', 'x%ED%A0%80', '%C0%80']) {
      const res = await t.call('GET', `/v1/customers/${ref}`);
      expect(res.status, ref).toBeGreaterThanOrEqual(400);
      expect(res.status, ref).toBeLessThan(500);
    }
  });
});

describe('free-form JSON', () => {
  it('event properties nested 5,000 deep reject that event alone; the rest of the batch is taken', async () => {
    await t.call('POST', '/v1/customers', { body: { external_id: 'deep' } });
    const res = await t.call('POST', '/v1/events', {
      body: eventsBody([
        { id: 'deep-1', properties: nested(5000) },
        { id: 'deep-2', properties: '{"n":1}' },
      ]),
    });
    expect(res.status).toBe(200);
    expect(res.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'parameter_invalid' } });
    expect(res.body.results[0].error.param).toMatch(/^events\[0\]\[properties\]/);
    expect(res.body.results[1]).toMatchObject({ status: 'accepted' });
  });

  it('a NUL byte inside event properties rejects that event alone', async () => {
    const res = await t.call('POST', '/v1/events', {
      body: {
        events: [
          { id: 'nul-1', customer: 'deep', event: 'x', properties: { note: { text: 'a\u0000' } } },
          { id: 'nul-2', customer: 'deep', event: 'x' },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'parameter_invalid', param: 'events[0][properties][note][text]' } });
    expect(res.body.results[1]).toMatchObject({ status: 'accepted' });
  });

  it('nesting up to the bound is taken', async () => {
    const res = await t.call('POST', '/v1/events', { body: eventsBody([{ id: 'ok-deep', properties: nested(31) }]) });
    expect(res.body.results[0]).toMatchObject({ status: 'accepted' });
  });
});
