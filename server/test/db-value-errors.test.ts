// A value the database refuses (SQLSTATE class 22) is the caller's 400 naming the parameter,
// never a 500, and nothing is written. Runs on PGlite and, with DATABASE_URL, on Postgres.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('a value the database cannot store', () => {
  it.each([
    ['a NUL byte in a metadata value', { external_id: 'nul_value', metadata: { note: 'a\u0000b' } }, 'metadata[note]'],
    ['a NUL byte in a metadata key', { external_id: 'nul_key', metadata: { 'a\u0000b': 'x' } }, 'metadata[a\u0000b]'],
    ['an unpaired surrogate in a metadata value', { external_id: 'lone_surrogate', metadata: { note: 'a\ud800b' } }, 'metadata[note]'],
  ])('answers 400 parameter_invalid naming it for %s, and writes nothing', async (_case, body, param) => {
    const before = await t.database.db.query<{ n: number }>('select count(*)::int as n from customers');
    const res = await t.call('POST', '/v1/customers', { body });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ type: 'invalid_request_error', code: 'parameter_invalid', param });
    expect(res.body.error.request_id).toMatch(/^req_/);
    const after = await t.database.db.query<{ n: number }>('select count(*)::int as n from customers');
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
    expect((await t.call('GET', `/v1/customers?external_id=${body.external_id}`)).body.data).toEqual([]);
  });
});
