import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type CallOptions, type TestApp } from './support/test-app.js';

let t: TestApp;
let existing: { id: string };
beforeAll(async () => {
  t = await startTestApp();
  existing = (await t.call('POST', '/v1/customers', { body: { external_id: 'existing', metadata: { a: '1' } } })).body;
});
afterAll(() => t.close());

/** Every table's rows, to prove a refused request changed nothing. */
async function snapshot(): Promise<unknown> {
  const tables = ['projects', 'api_keys', 'customers', 'idempotency_keys'];
  const out: Record<string, unknown> = {};
  for (const table of tables) out[table] = (await t.database.db.query(`select * from ${table} order by 1, 2`)).rows;
  return out;
}

interface Case {
  name: string;
  method: string;
  path: string;
  options?: CallOptions;
  status: number;
  code: string;
  param?: string | null;
}

const long = (n: number) => 'x'.repeat(n);
const tooManyKeys = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));

const cases: Case[] = [
  { name: 'malformed JSON', method: 'POST', path: '/v1/customers', options: { body: '{"email": ' }, status: 400, code: 'invalid_json', param: 'body' },
  { name: 'a JSON array body', method: 'POST', path: '/v1/customers', options: { body: [] }, status: 400, code: 'parameter_invalid', param: 'body' },
  {
    name: 'a body that is not JSON',
    method: 'POST',
    path: '/v1/customers',
    options: { body: 'email=a@b.co', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    status: 415,
    code: 'unsupported_media_type',
  },
  {
    name: 'an unknown body field',
    method: 'POST',
    path: '/v1/customers',
    options: { body: { emial: 'a@b.co' } },
    status: 400,
    code: 'parameter_unknown',
    param: 'emial',
  },
  { name: 'a wrong type', method: 'POST', path: '/v1/customers', options: { body: { name: 42 } }, status: 400, code: 'parameter_invalid', param: 'name' },
  {
    name: 'a bad email',
    method: 'POST',
    path: '/v1/customers',
    options: { body: { email: 'not-an-email' } },
    status: 400,
    code: 'parameter_invalid',
    param: 'email',
  },
  {
    name: 'a string over its maximum',
    method: 'POST',
    path: '/v1/customers',
    options: { body: { external_id: long(256) } },
    status: 400,
    code: 'parameter_invalid',
    param: 'external_id',
  },
  {
    name: 'an empty string',
    method: 'POST',
    path: '/v1/customers',
    options: { body: { external_id: '' } },
    status: 400,
    code: 'parameter_invalid',
    param: 'external_id',
  },
  {
    name: 'a nested bad value',
    method: 'POST',
    path: '/v1/customers',
    options: { body: { metadata: { plan: 5 } } },
    status: 400,
    code: 'parameter_invalid',
    param: 'metadata[plan]',
  },
  {
    name: 'a metadata key too long',
    method: 'POST',
    path: '/v1/customers',
    options: { body: { metadata: { [long(41)]: 'v' } } },
    status: 400,
    code: 'parameter_invalid',
    param: `metadata[${long(41)}]`,
  },
  {
    name: 'too many metadata keys',
    method: 'POST',
    path: '/v1/customers',
    options: { body: { metadata: tooManyKeys } },
    status: 400,
    code: 'parameter_invalid',
    param: 'metadata',
  },
  {
    name: 'a missing required field',
    method: 'POST',
    path: '/v1/api_keys',
    options: { body: { name: 'x' } },
    status: 400,
    code: 'parameter_missing',
    param: 'type',
  },
  {
    name: 'a value outside its enum',
    method: 'POST',
    path: '/v1/api_keys',
    options: { body: { type: 'admin' } },
    status: 400,
    code: 'parameter_invalid',
    param: 'type',
  },
  {
    name: 'an update with a bad field',
    method: 'POST',
    path: '/v1/customers/existing',
    options: { body: { email: 'nope' } },
    status: 400,
    code: 'parameter_invalid',
    param: 'email',
  },
  { name: 'a bad path parameter', method: 'POST', path: '/v1/api_keys/not-a-key-id/revoke', status: 400, code: 'parameter_invalid', param: 'key' },
  { name: 'a path parameter over its maximum', method: 'GET', path: `/v1/customers/${long(300)}`, status: 400, code: 'parameter_invalid', param: 'customer' },
  { name: 'a query parameter of the wrong type', method: 'GET', path: '/v1/customers?limit=ten', status: 400, code: 'parameter_invalid', param: 'limit' },
  { name: 'a query parameter out of range', method: 'GET', path: '/v1/customers?limit=101', status: 400, code: 'parameter_invalid', param: 'limit' },
  { name: 'a repeated query parameter', method: 'GET', path: '/v1/customers?limit=1&limit=2', status: 400, code: 'parameter_invalid', param: 'limit' },
  { name: 'an unknown query parameter', method: 'GET', path: '/v1/customers?colour=red', status: 400, code: 'parameter_unknown', param: 'colour' },
  {
    name: 'a body on an operation that takes none',
    method: 'POST',
    path: '/v1/api_keys/key_abc/revoke',
    options: { body: { now: true } },
    status: 400,
    code: 'parameter_unknown',
    param: 'body',
  },
  {
    name: 'an Idempotency-Key over 255 characters',
    method: 'POST',
    path: '/v1/customers',
    options: { body: {}, headers: { 'idempotency-key': long(256) } },
    status: 400,
    code: 'parameter_invalid',
    param: 'idempotency-key',
  },
  {
    name: 'a body over 5 MB',
    method: 'POST',
    path: '/v1/customers',
    options: { body: { name: long(6 * 1024 * 1024) } },
    status: 413,
    code: 'request_too_large',
    param: 'body',
  },
  { name: 'an unknown route', method: 'GET', path: '/v1/nothing_here', status: 404, code: 'route_not_found', param: null },
];

describe('invalid input', () => {
  for (const c of cases) {
    it(`${c.name} → ${c.status} ${c.code}, and nothing is written`, async () => {
      const before = await snapshot();
      const res = await t.call(c.method, c.path, c.options);
      expect(res.status).toBe(c.status);
      expect(res.body.error).toMatchObject({ code: c.code, request_id: res.headers.get('request-id') });
      expect(res.body.error.message.length).toBeGreaterThan(10);
      if (c.param !== undefined) expect(res.body.error.param).toBe(c.param);
      expect(await snapshot()).toEqual(before);
    });
  }

  it('leaves the existing customer exactly as it was', async () => {
    expect((await t.call('GET', `/v1/customers/${existing.id}`)).body).toEqual(existing);
  });
});
