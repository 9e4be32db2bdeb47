// The WebSocket endpoint: snapshot on connect, every newer version after, one customer per token.
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashKey } from '../src/http/api-keys.js';
import { signCustomerToken } from '../src/http/customer-token.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.call('POST', '/v1/features', { body: { key: 'export', type: 'boolean' } });
  await t.call('POST', '/v1/customers', { body: { external_id: 'alice' } });
  await t.call('POST', '/v1/customers', { body: { external_id: 'bob' } });
});
afterAll(() => t.close());

const inOneHour = () => Math.floor(t.clock.now().getTime() / 1000) + 3600;
const tokenFor = (customer: string, options: { secretKey?: string; projectId?: string; expiresAt?: number } = {}) =>
  signCustomerToken(hashKey(options.secretKey ?? t.projectA.secretKey), {
    projectId: options.projectId ?? t.projectA.projectId,
    customer,
    expiresAt: options.expiresAt ?? inOneHour(),
  });

interface Client {
  socket: WebSocket;
  messages: Array<{ type: string; snapshot?: { version: number; features: Record<string, { allowed: boolean }> }; version?: number }>;
  closed: Promise<{ code: number; reason: string }>;
  next(): Promise<Client['messages'][number]>;
}

function connect(hello: Record<string, unknown>, options: WebSocket.ClientOptions = {}): Client {
  const socket = new WebSocket(`${t.url.replace('http', 'ws')}/v1/realtime`, options);
  const messages: Client['messages'] = [];
  const waiting: Array<() => void> = [];
  socket.on('open', () => socket.send(JSON.stringify({ type: 'hello', ...hello })));
  socket.on('message', (data) => {
    messages.push(JSON.parse(data.toString()));
    waiting.splice(0).forEach((wake) => wake());
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  let read = 0;
  return {
    socket,
    messages,
    closed,
    async next() {
      while (messages.length <= read) await new Promise<void>((resolve) => waiting.push(resolve));
      return messages[read++]!;
    },
  };
}

const hello = (customer: string, extra: Record<string, unknown> = {}) => ({ key: t.projectA.publishableKey, token: tokenFor(customer), version: 0, ...extra });

describe('realtime', () => {
  it('sends the snapshot on connect, then each new version as it happens', async () => {
    const client = connect(hello('alice'));
    const first = await client.next();
    expect(first.type).toBe('snapshot');
    expect(first.snapshot!.features.export!.allowed).toBe(false);

    await t.call('POST', '/v1/customers/alice/grants', { body: { feature: 'export' } });
    const second = await client.next();
    expect(second.type).toBe('snapshot');
    expect(second.snapshot!.version).toBe(first.snapshot!.version + 1);
    expect(second.snapshot!.features.export!.allowed).toBe(true);
    client.socket.close();
  });

  it('a client that already holds the current version gets only "ready", and later versions', async () => {
    const current = (await t.call('GET', '/v1/customers/alice/entitlements')).body.version;
    const client = connect(hello('alice', { version: current }));
    expect(await client.next()).toEqual({ type: 'ready', version: current });
    await t.call('POST', '/v1/customers/alice/grants', { body: { feature: 'export', kind: 'revoke' } });
    expect((await client.next()).snapshot!.version).toBe(current + 1);
    client.socket.close();
  });

  it('reaches every client of a customer when the push goes out in several chunks', async () => {
    const chunked = await startTestApp({ realtime: { fanOutChunk: 2 } });
    try {
      await chunked.call('POST', '/v1/features', { body: { key: 'export', type: 'boolean' } });
      await chunked.call('POST', '/v1/customers', { body: { external_id: 'many' } });
      const token = signCustomerToken(hashKey(chunked.projectA.secretKey), { projectId: chunked.projectA.projectId, customer: 'many', expiresAt: inOneHour() });
      const url = `${chunked.url.replace('http', 'ws')}/v1/realtime`;
      const sockets = Array.from({ length: 7 }, () => new WebSocket(url));
      const versions = sockets.map(() => [] as number[]);
      await Promise.all(
        sockets.map(
          (socket, i) =>
            new Promise<void>((resolve) => {
              socket.on('open', () => socket.send(JSON.stringify({ type: 'hello', key: chunked.projectA.publishableKey, token, version: 0 })));
              socket.on('message', (data) => {
                versions[i]!.push(JSON.parse(data.toString()).snapshot.version);
                resolve();
              });
            }),
        ),
      );
      await chunked.call('POST', '/v1/customers/many/grants', { body: { feature: 'export' } });
      await chunked.call('POST', '/v1/customers/many/grants', { body: { feature: 'export', kind: 'revoke' } });
      await expect.poll(() => versions.every((seen) => seen.at(-1) === versions[0]![0]! + 2)).toBe(true);
      // Never an older version after a newer one.
      for (const seen of versions) expect([...seen].sort((a, b) => a - b)).toEqual(seen);
      sockets.forEach((socket) => socket.close());
    } finally {
      await chunked.close();
    }
  });

  it('never tells one customer about another', async () => {
    const alice = connect(hello('alice'));
    await alice.next();
    await t.call('POST', '/v1/customers/bob/grants', { body: { feature: 'export' } });
    const bob = connect(hello('bob'));
    expect((await bob.next()).snapshot!.features.export!.allowed).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alice.messages).toHaveLength(1);
    alice.socket.close();
    bob.socket.close();
  });

  it.each([
    [
      'a token minted for another customer, with its customer changed',
      () => {
        const [, signature] = tokenFor('alice').split('.');
        const payload = Buffer.from(JSON.stringify({ p: t.projectA.projectId, c: 'bob', e: inOneHour() })).toString('base64url');
        return { token: `${payload}.${signature}` };
      },
      4401,
    ],
    ["a token signed with another project's key", () => ({ token: tokenFor('alice', { secretKey: t.projectB.secretKey }) }), 4401],
    ["another project's publishable key", () => ({ key: t.projectB.publishableKey }), 4401],
    ['an unknown secret key', () => ({ key: 'sk_doesNotExist0000' }), 4401],
    ['a publishable key that does not exist', () => ({ key: 'pk_doesNotExist0000' }), 4401],
    ['an expired token', () => ({ token: tokenFor('alice', { expiresAt: Math.floor(t.clock.now().getTime() / 1000) - 1 }) }), 4409],
    ['a token for a customer that does not exist', () => ({ token: tokenFor('nobody') }), 4404],
  ])('refuses %s', async (_name, override, code) => {
    const client = connect({ ...hello('alice'), ...override() });
    expect((await client.closed).code).toBe(code);
    expect(client.messages).toEqual([]);
  });

  it('accepts tokens of a secret key created a moment ago, and refuses them once it is revoked', async () => {
    const warm = connect(hello('alice')); // the project's key list is now cached
    await warm.next();
    warm.socket.close();
    const created = (await t.call('POST', '/v1/api_keys', { body: { type: 'secret' } })).body;
    const signed = () => tokenFor('alice', { secretKey: created.secret });
    const accepted = connect({ ...hello('alice'), token: signed() });
    expect((await accepted.next()).type).toBe('snapshot');
    accepted.socket.close();
    await t.call('POST', `/v1/api_keys/${created.id}/revoke`);
    const refused = connect({ ...hello('alice'), token: signed() });
    expect((await refused.closed).code).toBe(4401);
  });

  it('closes a connection that never says hello', async () => {
    const socket = new WebSocket(`${t.url.replace('http', 'ws')}/v1/realtime`);
    const code = await new Promise<number>((resolve) => socket.on('close', (c) => resolve(c)));
    expect(code).toBe(4408);
  });

  it('drops a connection that stops answering heartbeats', async () => {
    const client = connect(hello('alice'), { autoPong: false });
    await client.next();
    const connected = t.realtime.size();
    expect((await client.closed).code).toBe(1006); // terminated, no close frame
    await expect.poll(() => t.realtime.size()).toBe(connected - 1);
  });

  it('streams every customer of the project to a backend holding the secret key', async () => {
    const bob = (await t.call('GET', '/v1/customers/bob/entitlements')).body.customer as string;
    const stream = connect({ key: t.projectA.secretKey });
    const seen = new Map<string, number>();
    for (;;) {
      const message = await stream.next();
      if (message.type === 'ready') break;
      seen.set((message.snapshot as unknown as { customer: string }).customer, message.snapshot!.version);
    }
    expect(seen.has(bob)).toBe(true);
    await t.call('POST', '/v1/customers/bob/grants', { body: { feature: 'export', kind: 'revoke' } });
    const update = await stream.next();
    expect(update.type).toBe('snapshot');
    expect(update.snapshot!.features.export!.allowed).toBe(false);
    stream.socket.close();
  });

  it('answers a plain HTTP request with 426', async () => {
    const res = await t.call('GET', '/v1/realtime', { key: null });
    expect(res.status).toBe(426);
    expect(res.body.error.code).toBe('upgrade_required');
  });
});
