// Every POST method takes its own timeoutMs, maxRetries and signal beside its idempotencyKey,
// against a real HTTP server.
import { hang, json, startServer, type TestServer } from '@nozle/fake-realtime-server/http';
import { afterEach, describe, expect, it } from 'vitest';
import { SECRET_KEY, customer, errorBody } from '../../test/fixtures.js';
import { Nozle, NozleAPIError, NozleTimeoutError } from '../index.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('options of one POST', () => {
  it('timeoutMs of the call ends it with NozleTimeoutError', async () => {
    server = await startServer(hang);
    const nozle = new Nozle({ secretKey: SECRET_KEY, baseUrl: server.url, timeoutMs: 60_000 });
    await expect(nozle.customers.create({ email: 'ada@example.com' }, { timeoutMs: 50 })).rejects.toBeInstanceOf(NozleTimeoutError);
  });

  it('signal of the call aborts it', async () => {
    server = await startServer(hang);
    const nozle = new Nozle({ secretKey: SECRET_KEY, baseUrl: server.url });
    const controller = new AbortController();
    const created = nozle.customers.create({}, { signal: controller.signal });
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await expect(created).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('maxRetries of the call, with its own idempotencyKey on every attempt', async () => {
    const down = json(503, errorBody('api_error', 'unavailable', 'down'));
    server = await startServer(down, down, json(200, customer));
    const nozle = new Nozle({ secretKey: SECRET_KEY, baseUrl: server.url });
    await expect(nozle.customers.create({}, { maxRetries: 0 })).rejects.toBeInstanceOf(NozleAPIError);
    expect(await nozle.customers.create({}, { idempotencyKey: 'order_42' })).toEqual(customer);
    expect(server.requests.slice(1).map((headers) => headers['idempotency-key'])).toEqual(['order_42', 'order_42']);
  });
});
