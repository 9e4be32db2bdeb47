import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  NozleAPIError,
  NozleAuthenticationError,
  NozleConnectionError,
  NozleError,
  NozleIdempotencyError,
  NozleInvalidRequestError,
  NozlePermissionError,
  NozleRateLimitError,
  createNozleClient,
  unwrap,
  type Schemas,
} from '../src/index.js';
import { API_KEY, BASE_URL, customer, errorBody } from './fixtures.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** Answers every request to `path` with `customer` and records the request's headers. */
function recordHeaders(method: 'get' | 'post', path: string): Headers[] {
  const seen: Headers[] = [];
  server.use(
    http[method](`${BASE_URL}${path}`, ({ request }) => {
      seen.push(request.headers);
      return HttpResponse.json(customer);
    }),
  );
  return seen;
}

function client() {
  return createNozleClient({ apiKey: API_KEY, baseUrl: BASE_URL });
}

describe('createNozleClient', () => {
  it('sends the API key as a Bearer token', async () => {
    const seen = recordHeaders('get', '/v1/customers/:customer');
    const result = await client().GET('/v1/customers/{customer}', {
      params: { path: { customer: customer.id } },
    });
    expectTypeOf(unwrap(result)).toEqualTypeOf<Schemas['Customer']>();
    expect(unwrap(result)).toEqual(customer);
    expect(seen[0]?.get('authorization')).toBe(`Bearer ${API_KEY}`);
  });

  it('adds a fresh UUID Idempotency-Key to each POST', async () => {
    const seen = recordHeaders('post', '/v1/customers');
    const nozle = client();
    await nozle.POST('/v1/customers', { body: { email: 'ada@example.com' } });
    await nozle.POST('/v1/customers', { body: { email: 'ada@example.com' } });
    const keys = seen.map((headers) => headers.get('idempotency-key'));
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keys[1]).not.toBe(keys[0]);
  });

  it('does not add an Idempotency-Key to a GET', async () => {
    const seen = recordHeaders('get', '/v1/customers/:customer');
    await client().GET('/v1/customers/{customer}', { params: { path: { customer: customer.id } } });
    expect(seen[0]?.has('idempotency-key')).toBe(false);
  });

  it('keeps an Idempotency-Key the caller set', async () => {
    const seen = recordHeaders('post', '/v1/customers');
    await client().POST('/v1/customers', {
      params: { header: { 'Idempotency-Key': 'order-1234' } },
      body: { email: 'ada@example.com' },
    });
    expect(seen[0]?.get('idempotency-key')).toBe('order-1234');
  });

  it('sends the user agent when one is given', async () => {
    const seen = recordHeaders('get', '/v1/customers/:customer');
    const nozle = createNozleClient({ apiKey: API_KEY, baseUrl: BASE_URL, userAgent: 'nozle-test/1.0' });
    await nozle.GET('/v1/customers/{customer}', { params: { path: { customer: customer.id } } });
    expect(seen[0]?.get('user-agent')).toBe('nozle-test/1.0');
  });

  it('uses the fetch it is given', async () => {
    const requests: Request[] = [];
    const nozle = createNozleClient({
      apiKey: API_KEY,
      baseUrl: BASE_URL,
      fetch: async (request) => {
        requests.push(request);
        return Response.json(customer);
      },
    });
    const result = await nozle.GET('/v1/customers/{customer}', {
      params: { path: { customer: customer.id } },
    });
    expect(unwrap(result)).toEqual(customer);
    expect(requests[0]?.url).toBe(`${BASE_URL}/v1/customers/${customer.id}`);
    expect(requests[0]?.headers.get('authorization')).toBe(`Bearer ${API_KEY}`);
  });

  it('rejects a missing API key or a relative base URL at creation', () => {
    expect(() => createNozleClient({ apiKey: '', baseUrl: BASE_URL })).toThrow(/apiKey/);
    expect(() => createNozleClient({ apiKey: API_KEY, baseUrl: '/api' })).toThrow(/baseUrl/);
  });
});

describe('unwrap', () => {
  const cases = [
    { status: 400, type: 'invalid_request_error', code: 'parameter_invalid', Class: NozleInvalidRequestError },
    { status: 401, type: 'authentication_error', code: 'api_key_invalid', Class: NozleAuthenticationError },
    { status: 403, type: 'permission_error', code: 'secret_key_required', Class: NozlePermissionError },
    { status: 404, type: 'invalid_request_error', code: 'resource_missing', Class: NozleInvalidRequestError },
    { status: 409, type: 'invalid_request_error', code: 'resource_already_exists', Class: NozleInvalidRequestError },
    { status: 409, type: 'idempotency_error', code: 'idempotency_key_in_use', Class: NozleIdempotencyError },
    { status: 400, type: 'idempotency_error', code: 'idempotency_key_reused', Class: NozleIdempotencyError },
    { status: 422, type: 'invalid_request_error', code: 'parameter_invalid', Class: NozleInvalidRequestError },
    { status: 429, type: 'rate_limit_error', code: 'rate_limited', Class: NozleRateLimitError },
    { status: 500, type: 'api_error', code: 'internal', Class: NozleAPIError },
    { status: 503, type: 'api_error', code: 'unavailable', Class: NozleAPIError },
  ] as const;

  it.each(cases)('turns a $status $type into $Class.name with its fields and request id', async ({ status, type, code, Class }) => {
    server.use(
      http.post(`${BASE_URL}/v1/customers`, () =>
        HttpResponse.json(errorBody(type, code, 'req_body123', 'email'), {
          status,
          headers: { 'Request-Id': 'req_header456' },
        }),
      ),
    );
    const result = await client().POST('/v1/customers', { body: { email: 'nope' } });
    let thrown: unknown;
    try {
      unwrap(result);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Class);
    expect(thrown).toBeInstanceOf(NozleError);
    expect(thrown).toMatchObject({
      name: Class.name,
      type,
      code,
      status,
      param: 'email',
      message: `${code} happened`,
      requestId: 'req_header456',
    });
  });

  it('takes the request id from the body when the header is missing', async () => {
    server.use(
      http.get(`${BASE_URL}/v1/customers/:customer`, () =>
        HttpResponse.json(errorBody('invalid_request_error', 'resource_missing', 'req_only_in_body'), {
          status: 404,
        }),
      ),
    );
    const result = await client().GET('/v1/customers/{customer}', {
      params: { path: { customer: 'cus_missing' } },
    });
    expect(() => unwrap(result)).toThrow(expect.objectContaining({ status: 404, requestId: 'req_only_in_body', param: undefined }));
  });

  it('makes a NozleAPIError of a 502 whose body is not JSON', async () => {
    server.use(http.get(`${BASE_URL}/v1/customers/:customer`, () => HttpResponse.text('<html>Bad gateway</html>', { status: 502 })));
    const result = await client().GET('/v1/customers/{customer}', {
      params: { path: { customer: customer.id } },
    });
    expect(() => unwrap(result)).toThrow(NozleAPIError);
    expect(() => unwrap(result)).toThrow('Request failed with status 502');
  });
});

describe('network failures', () => {
  it('reject with NozleConnectionError', async () => {
    server.use(http.get(`${BASE_URL}/v1/customers/:customer`, () => HttpResponse.error()));
    const call = client().GET('/v1/customers/{customer}', {
      params: { path: { customer: customer.id } },
    });
    await expect(call).rejects.toBeInstanceOf(NozleConnectionError);
    await expect(call).rejects.toMatchObject({ type: 'connection_error', status: undefined });
  });

  it('let an abort by the caller through unchanged', async () => {
    server.use(http.get(`${BASE_URL}/v1/customers/:customer`, () => new Promise<never>(() => {})));
    const controller = new AbortController();
    const call = client().GET('/v1/customers/{customer}', {
      params: { path: { customer: customer.id } },
      signal: controller.signal,
    });
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    await expect(call).rejects.not.toBeInstanceOf(NozleError);
  });
});
