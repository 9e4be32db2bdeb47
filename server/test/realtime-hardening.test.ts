// The realtime endpoint against clients that misbehave, keys revoked under open connections, and
// shutdown with sockets that never answer (issue 12: findings 1, 3 and the realtime part of 7).
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { hashKey } from '../src/http/api-keys.js';
import { createProjectWithKeys } from '../src/projects/create-project.js';
import { signCustomerToken } from '../src/http/customer-token.js';
import { startServer } from '../src/server.js';
import { parseResponse, rawRequest, upgradeRequest, within, wsConnect } from './support/sockets.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createTestDatabase } from './support/test-db.js';

const DEADLINE_MS = 5_000;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.call('POST', '/v1/features', { body: { key: 'export', type: 'boolean' } });
  await t.call('POST', '/v1/customers', { body: { external_id: 'alice' } });
});
afterAll(() => t?.close());

const inOneHour = () => Math.floor(t.clock.now().getTime() / 1000) + 3600;
const tokenFor = (customer: string, secretKey = t.projectA.secretKey) =>
  signCustomerToken(hashKey(secretKey), { projectId: t.projectA.projectId, customer, expiresAt: inOneHour() });
const browserHello = (options: { key?: string; token?: string } = {}) => ({
  type: 'hello',
  key: options.key ?? t.projectA.publishableKey,
  token: options.token ?? tokenFor('alice'),
  version: 0,
});

/** Sends `request` on a raw socket; resolves with the server's answer once it closed the socket. */
async function answerTo(request: string) {
  const client = rawRequest(t.url, request);
  await within(client.ended, DEADLINE_MS, 'the server ends the socket');
  await within(client.closed, DEADLINE_MS, 'the socket closes');
  return parseResponse(client.received());
}

describe('upgrade requests the realtime endpoint does not take', () => {
  it.each(['/nope', '/v1/customers', '/v1/realtime/more'])('answers a WebSocket upgrade to %s with a 400 at once and closes the socket', async (path) => {
    const { status, body } = await answerTo(upgradeRequest(path));
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ type: 'invalid_request_error', code: 'upgrade_not_supported', param: null });
    expect(body.error.request_id).toMatch(/^req_/);
  });

  it('leaves no socket open after 200 of them, and still answers /healthz', async () => {
    const answers = await Promise.all(Array.from({ length: 200 }, () => answerTo(upgradeRequest('/nope'))));
    expect(answers.every((answer) => answer.status === 400)).toBe(true);
    expect((await t.call('GET', '/healthz', { key: null })).status).toBe(200);
  });

  it('refuses an upgrade of /v1/realtime to another protocol, naming the Upgrade header', async () => {
    const { status, body } = await answerTo(upgradeRequest('/v1/realtime', { Upgrade: 'h2c' }));
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'upgrade_not_supported', param: 'Upgrade' });
  });

  it('refuses an upgrade of /v1/realtime by POST', async () => {
    expect((await answerTo(upgradeRequest('/v1/realtime', {}, 'POST'))).status).toBe(400);
  });

  it('answers an upgrade whose request target is not a URL, and keeps serving', async () => {
    expect((await answerTo(upgradeRequest('http://['))).status).toBe(400);
    expect((await t.call('GET', '/healthz', { key: null })).status).toBe(200);
  });
});

describe('hello messages that cannot be served', () => {
  it.each([
    ['null', 'null'],
    ['an array', '[]'],
    ['a number', '42'],
    ['a key that is not a string', JSON.stringify({ type: 'hello', key: 7 })],
    ['a token that is not a string', () => JSON.stringify({ ...browserHello(), token: 7 })],
    ['a version that is a string', () => JSON.stringify({ ...browserHello(), version: '3' })],
    ['a negative version', () => JSON.stringify({ ...browserHello(), version: -1 })],
    ['a fractional version', () => JSON.stringify({ ...browserHello(), version: 1.5 })],
    ['a null version', () => JSON.stringify({ ...browserHello(), version: null })],
  ])('closes with 4400 on %s', async (_name, hello) => {
    const client = wsConnect(t.url, typeof hello === 'function' ? hello() : hello);
    expect((await within(client.closed, DEADLINE_MS, 'closed')).code).toBe(4400);
    expect(client.messages).toEqual([]);
  });

  it('closes with 4404 on a signed token naming a customer with a NUL byte (no customer can have one)', async () => {
    const client = wsConnect(t.url, browserHello({ token: tokenFor('ali\u0000ce') }));
    expect((await within(client.closed, DEADLINE_MS, 'closed')).code).toBe(4404);
  });

  it('closes with 4401 on a token with a NUL byte in it', async () => {
    const client = wsConnect(t.url, browserHello({ token: `${tokenFor('alice')}\u0000` }));
    expect((await within(client.closed, DEADLINE_MS, 'closed')).code).toBe(4401);
  });
});

describe('revoking a key reaches the connections already open', () => {
  const createKey = async (type: 'secret' | 'publishable') => (await t.call('POST', '/v1/api_keys', { body: { type } })).body as { id: string; secret: string };
  const revoke = async (id: string) => expect((await t.call('POST', `/v1/api_keys/${id}/revoke`)).status).toBe(200);
  const grantAndRevokeExport = async () => {
    await t.call('POST', '/v1/customers/alice/grants', { body: { feature: 'export' } });
    await t.call('POST', '/v1/customers/alice/grants', { body: { feature: 'export', kind: 'revoke' } });
  };

  it('closes a backend stream of the revoked secret key with 4403, and not the stream of another key', async () => {
    const key = await createKey('secret');
    const revoked = wsConnect(t.url, { type: 'hello', key: key.secret });
    const other = wsConnect(t.url, { type: 'hello', key: t.projectA.secretKey });
    await Promise.all([revoked.waitForType('ready'), other.waitForType('ready')]);
    await revoke(key.id);
    expect((await within(revoked.closed, DEADLINE_MS, "the revoked key's stream closes")).code).toBe(4403);
    const before = other.messages.length;
    await grantAndRevokeExport();
    await expect.poll(() => other.messages.length).toBeGreaterThan(before);
    expect(other.socket.readyState).toBe(other.socket.OPEN);
    other.socket.close();
  });

  it('closes browsers of the revoked publishable key with 4403', async () => {
    const key = await createKey('publishable');
    const browser = wsConnect(t.url, browserHello({ key: key.secret }));
    await browser.waitForType('snapshot');
    await revoke(key.id);
    expect((await within(browser.closed, DEADLINE_MS, 'the browser closes')).code).toBe(4403);
  });

  it('closes browsers whose customer token the revoked secret key signed, and only those', async () => {
    const key = await createKey('secret');
    const signedByRevoked = wsConnect(t.url, browserHello({ token: tokenFor('alice', key.secret) }));
    const signedByOther = wsConnect(t.url, browserHello());
    await Promise.all([signedByRevoked.waitForType('snapshot'), signedByOther.waitForType('snapshot')]);
    await revoke(key.id);
    expect((await within(signedByRevoked.closed, DEADLINE_MS, 'the browser closes')).code).toBe(4403);
    const before = signedByOther.messages.length;
    await grantAndRevokeExport();
    await expect.poll(() => signedByOther.messages.length).toBeGreaterThan(before);
    expect(signedByOther.socket.readyState).toBe(signedByOther.socket.OPEN);
    signedByOther.socket.close();
  });

  it('leaves connections open when a key is created (the same announcement carries new keys)', async () => {
    const browser = wsConnect(t.url, browserHello());
    await browser.waitForType('snapshot');
    await createKey('secret');
    const before = browser.messages.length;
    await grantAndRevokeExport();
    await expect.poll(() => browser.messages.length).toBeGreaterThan(before);
    expect(browser.socket.readyState).toBe(browser.socket.OPEN);
    browser.socket.close();
  });
});

describe('a revocation this instance did not hear of', () => {
  it('still closes the connections on the key at the next key recheck (4403)', async () => {
    const app = await startTestApp({ realtime: { keyRecheckMs: 100 } });
    try {
      await app.call('POST', '/v1/customers', { body: { external_id: 'alice' } });
      const key = (await app.call('POST', '/v1/api_keys', { body: { type: 'publishable' } })).body as { id: string; secret: string };
      const token = signCustomerToken(hashKey(app.projectA.secretKey), { projectId: app.projectA.projectId, customer: 'alice', expiresAt: inOneHour() });
      const browser = wsConnect(app.url, { type: 'hello', key: key.secret, token, version: 0 });
      await browser.waitForType('snapshot');
      // Revoked behind the API's back: no announcement on the bus, as when Redis was down.
      await app.database.db.query('update api_keys set revoked_at = now() where id = $1', [key.id]);
      expect((await within(browser.closed, DEADLINE_MS, 'the browser closes')).code).toBe(4403);
    } finally {
      await app.close();
    }
  });
});

describe('shutdown', () => {
  it('ends within its timeout with a WebSocket that ignores the close handshake, a half-sent upgrade and an idle keep-alive connection', async () => {
    const database = await createTestDatabase();
    const config = {
      ...loadConfig({ PORT: '0', NOZLE_DEMO: 'false', NOZLE_SHUTDOWN_TIMEOUT_MS: '300' }),
      ...(process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL } : {}),
    };
    const running = await startServer(config, { db: database.db, logger: pino({ level: 'silent' }) });
    try {
      const project = await createProjectWithKeys(database.db, 'shutdown', new Date());
      // Upgraded, says hello, then never answers again: ws would wait 30 s for its close frame.
      const deaf = rawRequest(running.url, upgradeRequest('/v1/realtime'));
      await within(deaf.waitFor(/^HTTP\/1\.1 101/), DEADLINE_MS, 'the upgrade is accepted');
      const helloFrame = maskedTextFrame(JSON.stringify({ type: 'hello', key: project.secretKey }));
      deaf.socket.write(helloFrame);
      await within(deaf.waitFor(/"type":"ready"/), DEADLINE_MS, 'the stream is ready');
      const halfSent = rawRequest(running.url, 'GET /v1/realtime HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n');
      const keepAlive = rawRequest(running.url, 'GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n');
      await within(keepAlive.waitFor(/\r\n\r\n/), DEADLINE_MS, 'healthz answers');

      await within(running.close(), DEADLINE_MS, 'close() finishes');
      await within(Promise.all([deaf.closed, halfSent.closed, keepAlive.closed]), DEADLINE_MS, 'every socket is closed');
    } finally {
      await running.close();
      await database.drop();
    }
  });
});

/** One client-to-server WebSocket text frame (clients must mask; the mask here is zero). */
function maskedTextFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  if (payload.length > 125) throw new Error('short frames only');
  return Buffer.concat([Buffer.from([0x81, 0x80 | payload.length, 0, 0, 0, 0]), payload]);
}
