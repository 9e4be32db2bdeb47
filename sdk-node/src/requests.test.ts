// What every request of `new Nozle()` carries, and how failed responses surface.
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { BASE_URL, SECRET_KEY, customer, errorBody } from '../test/fixtures.js';
import { mockApi, nozle } from '../test/mock-api.js';
import { Nozle, NozleAuthenticationError, NozleConnectionError, NozleError, NozleInvalidRequestError, VERSION } from './index.js';

const api = mockApi();

describe('requests of new Nozle()', () => {
  it('carry the secret key as a Bearer token and @nozle/node/<version> as the user agent', async () => {
    const sent = api.reply('get', '/v1/customers/:customer', customer);
    await nozle().customers.retrieve(customer.id);
    expect(sent[0]?.headers.get('authorization')).toBe(`Bearer ${SECRET_KEY}`);
    expect(sent[0]?.headers.get('user-agent')).toBe(`@nozle/node/${VERSION}`);
  });

  it('get a fresh Idempotency-Key on each POST when the caller gives none', async () => {
    const sent = api.reply('post', '/v1/customers', customer);
    const client = nozle();
    await client.customers.create({ email: 'ada@example.com' });
    await client.customers.create({ email: 'ada@example.com' });
    const [first, second] = sent.map((request) => request.headers.get('idempotency-key'));
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).not.toBe(first);
  });

  it('go through an injected fetch', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => Response.json(customer));
    const client = new Nozle({ secretKey: SECRET_KEY, baseUrl: 'https://api.example.com', fetch });
    expect(await client.customers.retrieve(customer.id)).toEqual(customer);
    const request = fetch.mock.calls[0]?.[0] as Request;
    expect(request.url).toBe(`https://api.example.com/v1/customers/${customer.id}`);
  });
});

describe('failed requests', () => {
  it('throw NozleInvalidRequestError with code, status, param and the Request-Id header', async () => {
    const body = errorBody('invalid_request_error', 'resource_missing', 'No such customer: user_7', 'customer');
    api.reply('get', '/v1/customers/:customer', body, { status: 404, headers: { 'Request-Id': 'req_header456' } });
    const failure = nozle().customers.retrieve('user_7');
    await expect(failure).rejects.toBeInstanceOf(NozleInvalidRequestError);
    await expect(failure).rejects.toMatchObject({
      name: 'NozleInvalidRequestError',
      type: 'invalid_request_error',
      code: 'resource_missing',
      message: 'No such customer: user_7',
      param: 'customer',
      status: 404,
      requestId: 'req_header456',
    });
  });

  it('throw NozleAuthenticationError on a 401', async () => {
    api.reply('post', '/v1/check', errorBody('authentication_error', 'api_key_invalid', 'Invalid API key'), {
      status: 401,
    });
    const failure = nozle().can(customer.id, 'exports');
    await expect(failure).rejects.toBeInstanceOf(NozleAuthenticationError);
    await expect(failure).rejects.toMatchObject({ status: 401, code: 'api_key_invalid', requestId: 'req_body123' });
  });

  it('throw NozleConnectionError, a NozleError, when no response arrives', async () => {
    api.server.use(http.get(`${BASE_URL}/v1/features`, () => HttpResponse.error()));
    const failure = nozle().features.list();
    await expect(failure).rejects.toBeInstanceOf(NozleConnectionError);
    await expect(failure).rejects.toBeInstanceOf(NozleError);
  });
});
