// Every call of the shared client has a deadline and retries what may succeed later, against
// real HTTP servers that hang, fail, rate-limit or drop the connection.
import { afterEach, describe, expect, it } from 'vitest';
import {
  NozleAPIError,
  NozleConnectionError,
  NozleInvalidRequestError,
  NozleRateLimitError,
  NozleTimeoutError,
  DEFAULT_CALL_POLICY,
  callOptions,
  createNozleClient,
  fetchWithRetries,
  unwrap,
} from '../src/index.js';
import { API_KEY, customer, errorBody } from './fixtures.js';
import { drop, hang, json, startServer, type Handler, type TestServer } from './http-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(handlers: Handler[], options: { timeoutMs?: number; maxRetries?: number } = {}) {
  server = await startServer(...handlers);
  return createNozleClient({ apiKey: API_KEY, baseUrl: server.url, ...options });
}

const serverError = json(503, errorBody('api_error', 'service_unavailable'));

describe('a call to a server that never answers', () => {
  it('rejects with NozleTimeoutError, a NozleConnectionError, once its timeout passes', async () => {
    const client = await clientFor([hang], { timeoutMs: 50 });
    const failure = client.GET('/v1/customers/{customer}', { params: { path: { customer: customer.id } } });
    await expect(failure).rejects.toBeInstanceOf(NozleTimeoutError);
    await expect(failure).rejects.toBeInstanceOf(NozleConnectionError);
    await expect(failure).rejects.toMatchObject({ code: 'timeout', type: 'connection_error', timeoutMs: 50 });
  });

  it('takes the timeout of the call over the client’s', async () => {
    const client = await clientFor([hang], { timeoutMs: 60_000 });
    const failure = client.GET('/v1/project', { ...callOptions(client, { timeoutMs: 50 }) });
    await expect(failure).rejects.toMatchObject({ name: 'NozleTimeoutError', timeoutMs: 50 });
  });

  it('rejects with the AbortError of the caller’s signal, not a timeout', async () => {
    const client = await clientFor([hang]);
    const controller = new AbortController();
    const failure = client.GET('/v1/project', { ...callOptions(client, { signal: controller.signal }) });
    // Abort once the server holds the request.
    while (server!.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await expect(failure).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('retries', () => {
  it('tries a POST again after a 503 with the same Idempotency-Key, and returns the success', async () => {
    const client = await clientFor([serverError, json(200, customer)]);
    const created = unwrap(await client.POST('/v1/customers', { body: { email: 'ada@example.com' } }));
    expect(created).toEqual(customer);
    expect(server!.requests).toHaveLength(2);
    const [first, second] = server!.requests.map((headers) => headers['idempotency-key']);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toBe(first);
  });

  it('tries a GET again after the connection dropped', async () => {
    const client = await clientFor([drop, json(200, customer)]);
    const result = unwrap(await client.GET('/v1/customers/{customer}', { params: { path: { customer: customer.id } } }));
    expect(result).toEqual(customer);
    expect(server!.requests).toHaveLength(2);
  });

  it('gives up after maxRetries and throws the last answer', async () => {
    const client = await clientFor([serverError], { maxRetries: 1 });
    const result = await client.GET('/v1/project');
    expect(() => unwrap(result)).toThrow(NozleAPIError);
    expect(server!.requests).toHaveLength(2);
  });

  it('never tries again after a 400', async () => {
    const client = await clientFor([json(400, errorBody('invalid_request_error', 'parameter_invalid'))]);
    const result = await client.POST('/v1/customers', { body: {} });
    expect(() => unwrap(result)).toThrow(NozleInvalidRequestError);
    expect(server!.requests).toHaveLength(1);
  });

  it('tries again after a 409 saying the first request with the key still runs', async () => {
    const inUse = json(409, errorBody('idempotency_error', 'idempotency_key_in_use'));
    const client = await clientFor([inUse, json(200, customer)]);
    expect(unwrap(await client.POST('/v1/customers', { body: {} }))).toEqual(customer);
    expect(server!.requests).toHaveLength(2);
  });

  it('tries again after a 429 with Retry-After', async () => {
    const limited = json(429, errorBody('rate_limit_error', 'rate_limited'), { 'retry-after': '0' });
    const client = await clientFor([limited, json(200, customer)]);
    expect(unwrap(await client.GET('/v1/customers/{customer}', { params: { path: { customer: customer.id } } }))).toEqual(customer);
    expect(server!.requests).toHaveLength(2);
  });

  it('waits exactly the Retry-After of a 429, not its own backoff', async () => {
    const limited = json(429, errorBody('rate_limit_error', 'rate_limited'), { 'retry-after': '2' });
    server = await startServer(limited, limited, json(200, customer));
    const waits: number[] = [];
    const response = await fetchWithRetries(new Request(`${server.url}/v1/project`), (attempt) => fetch(attempt), DEFAULT_CALL_POLICY, {
      sleep: async (ms) => void waits.push(ms),
    });
    expect(response.status).toBe(200);
    expect(waits).toEqual([2000, 2000]);
  });

  it('waits a jittered, doubling backoff after a 5xx without Retry-After', async () => {
    server = await startServer(serverError, serverError, json(200, customer));
    const waits: number[] = [];
    await fetchWithRetries(new Request(`${server.url}/v1/project`), (attempt) => fetch(attempt), DEFAULT_CALL_POLICY, {
      random: () => 0.5,
      sleep: async (ms) => void waits.push(ms),
    });
    // Half of each cap: 250 ms, then 500 ms.
    expect(waits).toEqual([125, 250]);
  });

  it('returns a 429 at once when its Retry-After ends past the deadline', async () => {
    const limited = json(429, errorBody('rate_limit_error', 'rate_limited'), { 'retry-after': '30' });
    const client = await clientFor([limited, json(200, customer)], { timeoutMs: 5_000 });
    const result = await client.GET('/v1/project');
    expect(() => unwrap(result)).toThrow(NozleRateLimitError);
    expect(server!.requests).toHaveLength(1);
  });

  it('does not try a POST without an Idempotency-Key again: it may have run', async () => {
    server = await startServer(serverError, json(200, customer));
    const request = new Request(`${server.url}/v1/customers`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    const response = await fetchWithRetries(request, (attempt) => fetch(attempt), DEFAULT_CALL_POLICY);
    expect(response.status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });
});
