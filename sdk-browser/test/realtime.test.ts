// The client against a real WebSocket server speaking docs/realtime.md.
/// <reference types="node" />
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebSocket as WsWebSocket } from 'ws';
import { startRealtimeServer, type RealtimeServer } from '@nozle/fake-realtime-server';
import { createNozle, NozleAuthenticationError, NozleInvalidRequestError, type NozleBrowserOptions } from '../src/index.js';
import { snapshotOf } from './snapshots.js';

let server: RealtimeServer;
const clients: Array<{ close(): void }> = [];

beforeEach(async () => {
  server = await startRealtimeServer();
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await server.stop();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function client(options: Partial<NozleBrowserOptions> = {}) {
  const nozle = createNozle({
    publishableKey: 'pk_test_1',
    baseUrl: server.baseUrl,
    customerToken: 'tok_1',
    WebSocket: WsWebSocket as unknown as typeof WebSocket,
    reconnect: { initialDelayMs: 5, maxDelayMs: 20 },
    onError: () => {},
    ...options,
  });
  clients.push(nozle);
  return nozle;
}

describe('connecting', () => {
  it('says hello with the publishable key, the token and version 0, then serves the snapshot it gets', async () => {
    const nozle = client();
    const listener = vi.fn();
    nozle.subscribe(listener);

    const connection = await server.nextConnection();
    expect(connection.hello).toEqual({ type: 'hello', key: 'pk_test_1', token: 'tok_1', version: 0 });
    expect(nozle.getStatus()).toBe('connecting');

    connection.snapshot(snapshotOf(3, { export: {} }));
    await vi.waitFor(() => expect(nozle.getStatus()).toBe('open'));
    expect(nozle.getSnapshot()).toEqual(snapshotOf(3, { export: {} }));
    expect(nozle.can('export')).toBe(true);
    expect(listener).toHaveBeenCalled();
  });

  it('connects on the first subscribe when a WebSocket was given, and not before', async () => {
    const nozle = client();
    await sleep(30);
    expect(server.connections).toHaveLength(0);
    expect(nozle.getStatus()).toBe('idle');

    nozle.subscribeFeature('export', () => {});
    await server.nextConnection();
  });

  it('does not connect on subscribe when autoConnect is false', async () => {
    const nozle = client({ autoConnect: false });
    nozle.subscribe(() => {});
    await sleep(30);
    expect(server.connections).toHaveLength(0);
    expect(nozle.getStatus()).toBe('idle');
  });

  it('opens one connection however often connect() is called', async () => {
    const nozle = client();
    nozle.connect();
    nozle.connect();
    (await server.nextConnection()).ready(0);
    await vi.waitFor(() => expect(nozle.getStatus()).toBe('open'));
    nozle.connect();
    await sleep(30);
    expect(server.connections).toHaveLength(1);
  });

  it('fetches its token with getCustomerToken', async () => {
    const getCustomerToken = vi.fn(async () => 'tok_fetched');
    client({ customerToken: undefined, getCustomerToken }).connect();
    expect((await server.nextConnection()).hello.token).toBe('tok_fetched');
    expect(getCustomerToken).toHaveBeenCalledTimes(1);
  });
});

describe('versions', () => {
  it('applies newer snapshots and ignores older or equal ones', async () => {
    const nozle = client();
    nozle.connect();
    const connection = await server.nextConnection();
    connection.snapshot(snapshotOf(5, { export: {} }));
    await vi.waitFor(() => expect(nozle.getSnapshot()?.version).toBe(5));
    const held = nozle.getSnapshot();
    const listener = vi.fn();
    nozle.subscribe(listener);

    connection.snapshot(snapshotOf(4, { export: { allowed: false, reason: 'revoked' } }));
    connection.snapshot(snapshotOf(5, { export: { allowed: false, reason: 'revoked' } }));
    connection.snapshot(snapshotOf(7, { seats: {} }));
    await vi.waitFor(() => expect(nozle.getSnapshot()?.version).toBe(7));

    expect(held?.version).toBe(5);
    expect(nozle.getFeature('export')).toBeUndefined();
    expect(nozle.can('seats')).toBe(true);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('keeps the same snapshot object between versions', async () => {
    const nozle = client({ bootstrap: snapshotOf(2, { export: {} }) });
    expect(nozle.getSnapshot()).toBe(nozle.getSnapshot());
    nozle.connect();
    (await server.nextConnection()).ready(2);
    await vi.waitFor(() => expect(nozle.getStatus()).toBe('open'));
    expect(nozle.getSnapshot()).toBe(nozle.getSnapshot());
  });
});

describe('per-feature listeners', () => {
  it('hear only of their own feature, and unchanged features keep their object', async () => {
    const nozle = client();
    nozle.connect();
    const connection = await server.nextConnection();
    connection.snapshot(snapshotOf(1, { export: {}, seats: { type: 'metered', limit: 5, used: 1 } }));
    await vi.waitFor(() => expect(nozle.getSnapshot()?.version).toBe(1));
    const exportBefore = nozle.getFeature('export');
    const seatsBefore = nozle.getFeature('seats');
    const onExport = vi.fn();
    const onSeats = vi.fn();
    const onMissing = vi.fn();
    nozle.subscribeFeature('export', onExport);
    nozle.subscribeFeature('seats', onSeats);
    nozle.subscribeFeature('sso', onMissing);

    connection.snapshot(snapshotOf(2, { export: {}, seats: { type: 'metered', limit: 5, used: 2 } }));
    await vi.waitFor(() => expect(nozle.getSnapshot()?.version).toBe(2));

    expect(onSeats).toHaveBeenCalledTimes(1);
    expect(onExport).not.toHaveBeenCalled();
    expect(onMissing).not.toHaveBeenCalled();
    expect(nozle.getFeature('export')).toBe(exportBefore);
    expect(nozle.getSnapshot()?.features.export).toBe(exportBefore);
    expect(nozle.getFeature('seats')).not.toBe(seatsBefore);
    expect(nozle.getFeature('seats')?.used).toBe(2);

    connection.snapshot(snapshotOf(3, { export: {}, seats: { type: 'metered', limit: 5, used: 2 }, sso: {} }));
    await vi.waitFor(() => expect(nozle.getSnapshot()?.version).toBe(3));
    expect(onMissing).toHaveBeenCalledTimes(1);
    expect(onSeats).toHaveBeenCalledTimes(1);
    expect(onExport).not.toHaveBeenCalled();
  });

  it('stop hearing once unsubscribed', async () => {
    const nozle = client();
    nozle.connect();
    const connection = await server.nextConnection();
    const onExport = vi.fn();
    const unsubscribe = nozle.subscribeFeature('export', onExport);
    unsubscribe();
    connection.snapshot(snapshotOf(1, { export: {} }));
    await vi.waitFor(() => expect(nozle.getSnapshot()?.version).toBe(1));
    expect(onExport).not.toHaveBeenCalled();
  });
});

describe('reconnecting', () => {
  it.each([
    ['1006 (no close frame)', (c: { terminate(): void }) => c.terminate()],
    ['1001 (server shutting down)', (c: { close(code: number): void }) => c.close(1001)],
    ['4429 (too slow)', (c: { close(code: number): void }) => c.close(4429)],
    ['4408 (no hello in time)', (c: { close(code: number): void }) => c.close(4408)],
    ['1011 (server error)', (c: { close(code: number): void }) => c.close(1011)],
  ])('reconnects after %s with the version it holds, and keeps its snapshot on ready', async (_label, drop) => {
    const nozle = client();
    nozle.connect();
    const first = await server.nextConnection();
    first.snapshot(snapshotOf(4, { export: {} }));
    await vi.waitFor(() => expect(nozle.getStatus()).toBe('open'));
    const held = nozle.getSnapshot();

    drop(first);
    await vi.waitFor(() => expect(nozle.getStatus()).toBe('connecting'));
    const second = await server.nextConnection();
    expect(second.hello).toEqual({ type: 'hello', key: 'pk_test_1', token: 'tok_1', version: 4 });

    second.ready(4);
    await vi.waitFor(() => expect(nozle.getStatus()).toBe('open'));
    expect(nozle.getSnapshot()).toBe(held);
  });

  it('keeps coming back after repeated drops, each time with the newest version it holds', async () => {
    const nozle = client();
    nozle.connect();
    for (let version = 1; version <= 3; version += 1) {
      const connection = await server.nextConnection();
      expect(connection.hello.version).toBe(version - 1);
      connection.snapshot(snapshotOf(version));
      await vi.waitFor(() => expect(nozle.getSnapshot()?.version).toBe(version));
      connection.terminate();
    }
    (await server.nextConnection()).ready(3);
    await vi.waitFor(() => expect(nozle.getStatus()).toBe('open'));
  });

  it('stops reconnecting when closed', async () => {
    const nozle = client({ reconnect: { initialDelayMs: 20, maxDelayMs: 20 } });
    nozle.connect();
    (await server.nextConnection()).terminate();
    await vi.waitFor(() => expect(nozle.getStatus()).toBe('connecting'));
    nozle.close();
    expect(nozle.getStatus()).toBe('closed');
    await sleep(80);
    expect(server.connections).toHaveLength(1);
    expect(nozle.getStatus()).toBe('closed');
  });

  it('closes an open connection on close(), and connect() opens a new one', async () => {
    const nozle = client();
    nozle.connect();
    const first = await server.nextConnection();
    first.ready(0);
    await vi.waitFor(() => expect(nozle.getStatus()).toBe('open'));
    const closed = new Promise<number>((resolve) => first.socket.once('close', resolve));
    nozle.close();
    expect(await closed).toBe(1000);
    expect(nozle.getStatus()).toBe('closed');

    nozle.connect();
    await server.nextConnection();
  });
});

describe('tokens', () => {
  it('fetches a fresh token after 4409 and reconnects at once', async () => {
    let issued = 0;
    const getCustomerToken = vi.fn(async () => `tok_${++issued}`);
    const nozle = client({ customerToken: undefined, getCustomerToken, reconnect: { initialDelayMs: 10_000, maxDelayMs: 10_000 } });
    nozle.connect();
    const first = await server.nextConnection();
    expect(first.hello.token).toBe('tok_1');
    first.snapshot(snapshotOf(2));
    await vi.waitFor(() => expect(nozle.getStatus()).toBe('open'));

    first.close(4409, 'token expired');
    // A 10 s backoff would time this out: the reconnect after 4409 must not wait for it.
    const second = await server.nextConnection();
    expect(getCustomerToken).toHaveBeenCalledTimes(2);
    expect(second.hello).toMatchObject({ token: 'tok_2', version: 2 });
  });

  it('gives up on 4409 when the token is fixed', async () => {
    const onError = vi.fn();
    const nozle = client({ onError });
    nozle.connect();
    (await server.nextConnection()).close(4409, 'token expired');
    await vi.waitFor(() => expect(nozle.getStatus()).toBe('closed'));
    expect(onError).toHaveBeenCalledWith(expect.any(NozleAuthenticationError));
    await sleep(50);
    expect(server.connections).toHaveLength(1);
  });

  it('does not loop on 4401: status closed, onError told', async () => {
    const onError = vi.fn();
    const nozle = client({ onError });
    nozle.connect();
    (await server.nextConnection()).close(4401, 'invalid key or token');
    await vi.waitFor(() => expect(nozle.getStatus()).toBe('closed'));

    expect(onError).toHaveBeenCalledTimes(1);
    const error = onError.mock.calls[0]![0] as NozleAuthenticationError;
    expect(error).toBeInstanceOf(NozleAuthenticationError);
    expect(error.code).toBe('4401');
    expect(error.message).toContain('invalid key or token');
    await sleep(50);
    expect(server.connections).toHaveLength(1);
  });

  it('tries one fresh token on 4401 when it can fetch one, then gives up', async () => {
    const onError = vi.fn();
    const getCustomerToken = vi.fn(async () => 'tok_bad');
    const nozle = client({ customerToken: undefined, getCustomerToken, onError });
    nozle.connect();
    (await server.nextConnection()).close(4401);
    (await server.nextConnection()).close(4401);
    await vi.waitFor(() => expect(nozle.getStatus()).toBe('closed'));
    expect(getCustomerToken).toHaveBeenCalledTimes(2);
    expect(onError).toHaveBeenCalledTimes(1);
    await sleep(50);
    expect(server.connections).toHaveLength(2);
  });

  it('on 4403 (key revoked) tries one fresh token, then stops when it is refused too', async () => {
    const onError = vi.fn();
    const getCustomerToken = vi.fn(async () => 'tok_signed_by_revoked_key');
    const nozle = client({ customerToken: undefined, getCustomerToken, onError });
    nozle.connect();
    (await server.nextConnection()).close(4403, 'API key revoked');
    (await server.nextConnection()).close(4401, 'invalid key or token');
    await vi.waitFor(() => expect(nozle.getStatus()).toBe('closed'));
    expect(getCustomerToken).toHaveBeenCalledTimes(2);
    expect(onError).toHaveBeenCalledTimes(1);
    await sleep(50);
    expect(server.connections).toHaveLength(2);
  });

  it('stops on 4403 with a fixed token, reporting an authentication error', async () => {
    const onError = vi.fn();
    const nozle = client({ onError });
    nozle.connect();
    (await server.nextConnection()).close(4403, 'API key revoked');
    await vi.waitFor(() => expect(nozle.getStatus()).toBe('closed'));
    const error = onError.mock.calls[0]![0] as NozleAuthenticationError;
    expect(error).toBeInstanceOf(NozleAuthenticationError);
    expect(error.code).toBe('4403');
    await sleep(50);
    expect(server.connections).toHaveLength(1);
  });

  it.each([4400])('stops on %i and reports it', async (code) => {
    const onError = vi.fn();
    const nozle = client({ onError, getCustomerToken: async () => 'tok_2' });
    nozle.connect();
    (await server.nextConnection()).close(code);
    await vi.waitFor(() => expect(nozle.getStatus()).toBe('closed'));
    expect(onError).toHaveBeenCalledWith(expect.any(NozleInvalidRequestError));
    await sleep(50);
    expect(server.connections).toHaveLength(1);
  });

  it('reports a failing getCustomerToken and retries with backoff', async () => {
    const onError = vi.fn();
    const getCustomerToken = vi.fn().mockRejectedValueOnce(new Error('backend down')).mockResolvedValue('tok_ok');
    const nozle = client({ customerToken: undefined, getCustomerToken, onError });
    nozle.connect();
    expect((await server.nextConnection()).hello.token).toBe('tok_ok');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'backend down' }));
    expect(nozle.getStatus()).toBe('connecting');
  });
});

describe('bootstrap', () => {
  it('serves the bootstrap snapshot before connecting, then says hello with its version', async () => {
    const bootstrap = snapshotOf(9, { export: {}, seats: { type: 'metered', limit: 3, used: 3 } });
    const nozle = client({ bootstrap });
    expect(nozle.getSnapshot()).toBe(bootstrap);
    expect(nozle.getStatus()).toBe('idle');
    expect(nozle.can('export')).toBe(true);
    expect(nozle.check('seats')).toMatchObject({ allowed: false, reason: 'limit_reached', limit: 3, used: 3 });

    nozle.connect();
    const connection = await server.nextConnection();
    expect(connection.hello.version).toBe(9);
    connection.ready(9);
    await vi.waitFor(() => expect(nozle.getStatus()).toBe('open'));
    expect(nozle.getSnapshot()).toBe(bootstrap);
  });
});

describe('resync when the tab comes back', () => {
  function stubBrowserEvents(visibilityState: 'visible' | 'hidden') {
    const target = new EventTarget();
    const document = { visibilityState };
    vi.stubGlobal('addEventListener', target.addEventListener.bind(target));
    vi.stubGlobal('removeEventListener', target.removeEventListener.bind(target));
    vi.stubGlobal('document', document);
    return { target, document };
  }

  it.each([
    ['online', (target: EventTarget) => target.dispatchEvent(new Event('online'))],
    ['visibilitychange to visible', (target: EventTarget) => target.dispatchEvent(new Event('visibilitychange'))],
  ])('reconnects at once on %s instead of waiting out the backoff', async (_label, fire) => {
    const { target } = stubBrowserEvents('visible');
    vi.spyOn(Math, 'random').mockReturnValue(0.99);
    const nozle = client({ reconnect: { initialDelayMs: 60_000, maxDelayMs: 60_000 } });
    nozle.connect();
    (await server.nextConnection()).terminate();
    await vi.waitFor(() => expect(nozle.getStatus()).toBe('connecting'));
    await sleep(30);
    expect(server.connections).toHaveLength(1);

    fire(target);
    const second = await server.nextConnection();
    expect(second.hello.version).toBe(0);
  });

  it('ignores a tab that becomes hidden, and listens no more after close()', async () => {
    const { target, document } = stubBrowserEvents('hidden');
    vi.spyOn(Math, 'random').mockReturnValue(0.99);
    const nozle = client({ reconnect: { initialDelayMs: 60_000, maxDelayMs: 60_000 } });
    nozle.connect();
    (await server.nextConnection()).terminate();
    await vi.waitFor(() => expect(nozle.getStatus()).toBe('connecting'));
    target.dispatchEvent(new Event('visibilitychange'));
    await sleep(30);
    expect(server.connections).toHaveLength(1);

    nozle.close();
    document.visibilityState = 'visible';
    target.dispatchEvent(new Event('visibilitychange'));
    target.dispatchEvent(new Event('online'));
    await sleep(30);
    expect(server.connections).toHaveLength(1);
  });
});
