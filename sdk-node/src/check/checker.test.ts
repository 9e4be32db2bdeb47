// `nozle.can()` when the API cannot answer: against real HTTP servers that hang, fail, drop the
// connection or rate-limit, it answers by the failure mode and never throws for those.
import { drop, hang, json, startServer, type Handler, type TestServer } from '@nozle/fake-realtime-server/http';
import { afterEach, describe, expect, it } from 'vitest';
import { SECRET_KEY, errorBody } from '../../test/fixtures.js';
import { Nozle, NozleAuthenticationError, NozleInvalidRequestError, NozleTimeoutError, type NozleOptions } from '../index.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function nozleFor(handlers: Handler[], options: Partial<NozleOptions> = {}): Promise<Nozle> {
  server = await startServer(...handlers);
  return new Nozle({ secretKey: SECRET_KEY, baseUrl: server.url, ...options });
}

const allowed = { object: 'check', customer: 'cus_1', feature: 'exports', allowed: true, reason: null, version: 3 };
const unavailable = json(503, errorBody('api_error', 'service_unavailable', 'down'));

describe('can() against a server that accepts and never answers', () => {
  it('fails closed by default, within its timeout', async () => {
    const nozle = await nozleFor([hang], { timeoutMs: 50 });
    expect(await nozle.can('user_1', 'exports')).toEqual({
      object: 'check',
      customer: 'user_1',
      feature: 'exports',
      allowed: false,
      reason: 'unavailable',
      version: 0,
    });
  });

  it('fails open when asked, per client or per call', async () => {
    const open = await nozleFor([hang], { timeoutMs: 50, failureMode: 'failOpen' });
    expect(await open.can('user_1', 'exports')).toMatchObject({ allowed: true, reason: 'unavailable' });
    expect(await open.can('user_1', 'exports', { failureMode: 'failClosed' })).toMatchObject({ allowed: false, reason: 'unavailable' });
  });

  it('takes the timeout of the call over the client’s', async () => {
    const nozle = await nozleFor([hang], { timeoutMs: 60_000 });
    expect(await nozle.can('user_1', 'exports', { timeoutMs: 50 })).toMatchObject({ allowed: false, reason: 'unavailable' });
  });

  it('answers lastKnown from the last answer to the same question, and fails closed without one', async () => {
    const nozle = await nozleFor([json(200, allowed), hang], { timeoutMs: 50, failureMode: 'lastKnown' });
    expect(await nozle.can('user_1', 'exports')).toEqual(allowed);
    expect(await nozle.can('user_1', 'exports')).toEqual(allowed);
    expect(await nozle.can('user_1', 'exports', { quantity: 5 })).toMatchObject({ allowed: false, reason: 'unavailable' });
  });

  it('rejects with the AbortError when the caller aborts: that is no outage', async () => {
    const nozle = await nozleFor([hang]);
    const controller = new AbortController();
    const check = nozle.can('user_1', 'exports', { signal: controller.signal });
    while (server!.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await expect(check).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('still throws NozleTimeoutError from other calls', async () => {
    const nozle = await nozleFor([hang], { timeoutMs: 50 });
    await expect(nozle.entitlements('user_1')).rejects.toBeInstanceOf(NozleTimeoutError);
  });
});

describe('can() retries', () => {
  it('tries again after a 503 with the same Idempotency-Key, and answers from the success', async () => {
    const nozle = await nozleFor([unavailable, json(200, allowed)]);
    expect(await nozle.can('user_1', 'exports')).toEqual(allowed);
    expect(server!.requests).toHaveLength(2);
    const [first, second] = server!.requests.map((headers) => headers['idempotency-key']);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toBe(first);
  });

  it('answers unavailable once 5xx outlast the retries', async () => {
    const nozle = await nozleFor([unavailable], { maxRetries: 1 });
    expect(await nozle.can('user_1', 'exports')).toMatchObject({ allowed: false, reason: 'unavailable' });
    expect(server!.requests).toHaveLength(2);
  });

  it('answers unavailable after a dropped connection and a 429 that outlast the retries', async () => {
    const limited = json(429, errorBody('rate_limit_error', 'rate_limited', 'slow down'), { 'retry-after': '0' });
    const nozle = await nozleFor([drop, limited], { maxRetries: 1 });
    expect(await nozle.can('user_1', 'exports')).toMatchObject({ allowed: false, reason: 'unavailable' });
    expect(server!.requests).toHaveLength(2);
  });
});

describe('can() still throws for mistakes', () => {
  it('throws NozleAuthenticationError for a bad key, not retried', async () => {
    const nozle = await nozleFor([json(401, errorBody('authentication_error', 'api_key_invalid', 'Invalid API key'))], { failureMode: 'failOpen' });
    await expect(nozle.can('user_1', 'exports')).rejects.toBeInstanceOf(NozleAuthenticationError);
    expect(server!.requests).toHaveLength(1);
  });

  it('throws NozleInvalidRequestError for a bad request', async () => {
    const nozle = await nozleFor([json(400, errorBody('invalid_request_error', 'parameter_invalid', 'bad'))]);
    await expect(nozle.can('user_1', 'exports')).rejects.toBeInstanceOf(NozleInvalidRequestError);
  });
});

describe('customers on first sight', () => {
  it('sends customer_data with the call’s customerData, and {} with createCustomers alone', async () => {
    const nozle = await nozleFor([json(200, allowed)], { createCustomers: true });
    await nozle.can('user_1', 'exports', { customerData: { email: 'ada@example.com', name: 'Ada' } });
    await nozle.can('user_1', 'exports');
    const sent = server!.bodies.map((body) => JSON.parse(body) as { customer_data?: unknown });
    expect(sent[0]?.customer_data).toEqual({ email: 'ada@example.com', name: 'Ada' });
    expect(sent[1]?.customer_data).toEqual({});
  });

  it('sends no customer_data without either', async () => {
    const nozle = await nozleFor([json(200, allowed)]);
    await nozle.can('user_1', 'exports');
    expect(JSON.parse(server!.bodies[0]!)).not.toHaveProperty('customer_data');
  });
});

describe('options', () => {
  it.each([
    [{ timeoutMs: 0 }, /timeoutMs/],
    [{ maxRetries: 1.5 }, /maxRetries/],
    [{ failureMode: 'sometimes' }, /failureMode/],
    [{ createCustomers: 'yes' }, /createCustomers/],
  ])('refuses %j', (options, message) => {
    expect(() => new Nozle({ secretKey: SECRET_KEY, ...(options as Partial<NozleOptions>) })).toThrow(message);
  });
});
