import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SECRET_KEY } from '../test/fixtures.js';
import { mockApi, nozle } from '../test/mock-api.js';
import { NozleAuthenticationError } from './index.js';

const api = mockApi();
const project = { id: 'proj_7Hq2', object: 'project', name: 'Acme', created: 1_700_000_000 } as const;
const NOW = Date.UTC(2026, 10, 21, 12, 0, 0, 750);

/** Checks a token the way the server does, from the spec of the format alone. */
function verify(token: string, secretKey: string): { p: string; c: string; e: number } {
  const [payload, signature, extra] = token.split('.');
  expect(extra).toBeUndefined();
  expect(payload).toMatch(/^[\w-]+$/);
  expect(signature).toMatch(/^[\w-]+$/);
  const key = createHash('sha256').update(secretKey).digest('hex');
  const expected = createHmac('sha256', key).update(payload!).digest();
  const given = Buffer.from(signature!, 'base64url');
  expect(given.length === expected.length && timingSafeEqual(given, expected)).toBe(true);
  return JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as { p: string; c: string; e: number };
}

describe('nozle.customerToken()', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('signs {p, c, e} with the SHA-256 hex of the secret key, expiring in an hour by default', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    api.reply('get', '/v1/project', project);
    const token = await nozle().customerToken('user/42');
    const payload = verify(token, SECRET_KEY);
    expect(payload).toEqual({ p: 'proj_7Hq2', c: 'user/42', e: Math.floor(NOW / 1000) + 3600 });
    // Exactly the documented bytes, in this key order.
    expect(Buffer.from(token.split('.')[0]!, 'base64url').toString()).toBe(`{"p":"proj_7Hq2","c":"user/42","e":${Math.floor(NOW / 1000) + 3600}}`);
  });

  it('takes expiresIn in seconds, up to 7 days', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    api.reply('get', '/v1/project', project);
    const client = nozle();
    expect(verify(await client.customerToken('cus_1', { expiresIn: 60 }), SECRET_KEY).e).toBe(Math.floor(NOW / 1000) + 60);
    expect(verify(await client.customerToken('cus_1', { expiresIn: 604_800 }), SECRET_KEY).e).toBe(Math.floor(NOW / 1000) + 604_800);
  });

  it('does not verify with another secret key, and a changed customer breaks the signature', async () => {
    api.reply('get', '/v1/project', project);
    const token = await nozle().customerToken('user_1');
    const key = createHash('sha256').update('sk_test_other').digest('hex');
    const [payload, signature] = token.split('.') as [string, string];
    expect(createHmac('sha256', key).update(payload).digest('base64url')).not.toBe(signature);
    const forged = Buffer.from(JSON.stringify({ ...verify(token, SECRET_KEY), c: 'user_2' })).toString('base64url');
    expect(createHmac('sha256', createHash('sha256').update(SECRET_KEY).digest('hex')).update(forged).digest('base64url')).not.toBe(signature);
  });

  it('asks GET /v1/project once per client, however many tokens and concurrent first calls', async () => {
    const sent = api.reply('get', '/v1/project', project);
    const client = nozle();
    const tokens = await Promise.all([client.customerToken('a'), client.customerToken('b'), client.customerToken('c')]);
    await client.customerToken('d');
    expect(tokens.map((token) => verify(token, SECRET_KEY).c)).toEqual(['a', 'b', 'c']);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ method: 'GET', path: '/v1/project' });
    expect(sent[0]?.headers.get('authorization')).toBe(`Bearer ${SECRET_KEY}`);
  });

  it('rejects with the API error when the project cannot be read, and asks again next time', async () => {
    const sent = api.respond('get', '/v1/project', (call) =>
      call === 1
        ? HttpResponse.json(
            { error: { type: 'authentication_error', code: 'invalid_api_key', message: 'Invalid API key.', param: null, request_id: 'req_1' } },
            { status: 401 },
          )
        : HttpResponse.json(project),
    );
    const client = nozle();
    await expect(client.customerToken('user_1')).rejects.toBeInstanceOf(NozleAuthenticationError);
    expect(verify(await client.customerToken('user_1'), SECRET_KEY).p).toBe('proj_7Hq2');
    expect(sent).toHaveLength(2);
  });

  it.each([
    ['an empty customer', '', undefined],
    ['a customer that is not a string', 42, undefined],
    ['expiresIn 0', 'user_1', { expiresIn: 0 }],
    ['expiresIn over 7 days', 'user_1', { expiresIn: 604_801 }],
    ['a fractional expiresIn', 'user_1', { expiresIn: 1.5 }],
    ['expiresIn NaN', 'user_1', { expiresIn: Number.NaN }],
    ['expiresIn as a string', 'user_1', { expiresIn: '3600' }],
  ])('rejects %s with a TypeError, before any request', async (_name, customer, options) => {
    // No /v1/project handler: a request would fail the test with another error.
    await expect(nozle().customerToken(customer as string, options as { expiresIn: number })).rejects.toBeInstanceOf(TypeError);
  });
});
