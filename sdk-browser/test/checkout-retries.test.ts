// checkout() against real HTTP servers: a 503 is tried again with the same Idempotency-Key, a
// server that never answers ends in a NozleTimeoutError.
/// <reference types="node" />
import { hang, json, startServer, type TestServer } from '@nozle/fake-realtime-server/http';
import { afterEach, describe, expect, it } from 'vitest';
import { createNozle, NozleTimeoutError } from '../src/index.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const session = { id: 'cs_1', object: 'checkout_session', url: 'https://checkout.test/cs_1' };

describe('checkout()', () => {
  it('tries again after a 503 with the same Idempotency-Key, and returns the session', async () => {
    server = await startServer(json(503, { error: { type: 'api_error', code: 'unavailable', message: 'down' } }), json(200, session));
    const nozle = createNozle({ publishableKey: 'pk_test_1', baseUrl: server.url, customerToken: 'tok_1' });
    expect(await nozle.checkout({ plan: 'pro' })).toEqual({ id: 'cs_1', url: session.url });
    const keys = server.requests.map((headers) => headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it('rejects with NozleTimeoutError when the server never answers', async () => {
    server = await startServer(hang);
    const nozle = createNozle({ publishableKey: 'pk_test_1', baseUrl: server.url, customerToken: 'tok_1', timeoutMs: 50 });
    await expect(nozle.openPortal()).rejects.toBeInstanceOf(NozleTimeoutError);
  });
});
