// The browser's check path when the server is no help: it hangs, it is gone, or the customer does
// not exist. Checks settle (never an endless `loading`) and answer by the failure mode chosen.
/// <reference types="node" />
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebSocket as WsWebSocket } from 'ws';
import { startRealtimeServer, type RealtimeServer } from '@nozle/fake-realtime-server';
import { createNozle, type NozleBrowserOptions } from '../src/index.js';
import { snapshotOf } from './snapshots.js';

let server: RealtimeServer;
const clients: Array<{ close(): void }> = [];

beforeEach(async () => {
  server = await startRealtimeServer();
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await server.stop();
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

describe('a customer the server does not know (close 4404)', () => {
  it('is a settled state: status customer_not_found, checks say so, no reconnecting, no error', async () => {
    const onError = vi.fn();
    const nozle = client({ onError, getCustomerToken: async () => 'tok_2' });
    nozle.connect();
    (await server.nextConnection()).close(4404);
    await vi.waitFor(() => expect(nozle.getStatus()).toBe('customer_not_found'));
    expect(nozle.getAvailability()).toBe('customer_not_found');
    expect(nozle.check('export')).toEqual({ allowed: false, reason: 'customer_not_found' });
    expect(nozle.can('export', { failureMode: 'failOpen' })).toBe(false);
    expect(onError).not.toHaveBeenCalled();
    await sleep(50);
    expect(server.connections).toHaveLength(1);
  });

  it('ends once the customer exists: connect() again, and its snapshot answers', async () => {
    const nozle = client();
    nozle.connect();
    (await server.nextConnection()).close(4404);
    await vi.waitFor(() => expect(nozle.getStatus()).toBe('customer_not_found'));
    nozle.connect();
    const connection = await server.nextConnection();
    // Still an unknown customer until the server says otherwise.
    expect(nozle.check('export').reason).toBe('customer_not_found');
    connection.snapshot(snapshotOf(1, { export: {} }));
    await vi.waitFor(() => expect(nozle.can('export')).toBe(true));
  });

  it('starts settled from a bootstrap that says so, before connecting (a server render)', () => {
    const nozle = client({ bootstrap: 'customer_not_found' });
    expect(nozle.getStatus()).toBe('idle');
    expect(nozle.check('export')).toEqual({ allowed: false, reason: 'customer_not_found' });
  });
});

describe('a server that takes the connection and never answers', () => {
  it('is loading, then unavailable after timeoutMs: checks fail closed by default', async () => {
    // Long enough for the hello to arrive while still loading, on a busy machine too.
    const nozle = client({ timeoutMs: 500 });
    nozle.connect();
    await server.nextConnection();
    expect(nozle.check('export')).toEqual({ allowed: false, reason: 'loading' });
    await vi.waitFor(() => expect(nozle.getStatus()).toBe('unavailable'), { timeout: 5_000 });
    expect(nozle.getAvailability()).toBe('unavailable');
    expect(nozle.check('export')).toEqual({ allowed: false, reason: 'unavailable' });
  });

  it('fails open when asked, per client or per check', async () => {
    const nozle = client({ timeoutMs: 50, failureMode: 'failOpen' });
    nozle.connect();
    await vi.waitFor(() => expect(nozle.getStatus()).toBe('unavailable'));
    expect(nozle.check('export')).toEqual({ allowed: true, reason: 'unavailable' });
    expect(nozle.can('export', { failureMode: 'failClosed' })).toBe(false);
  });

  it('drops the silent socket and tries again; an answer ends it', async () => {
    const nozle = client({ timeoutMs: 50 });
    nozle.connect();
    await server.nextConnection();
    const second = await server.nextConnection();
    second.snapshot(snapshotOf(2, { export: {} }));
    await vi.waitFor(() => expect(nozle.getStatus()).toBe('open'));
    expect(nozle.can('export')).toBe(true);
  });
});

describe('a server that goes away after a snapshot', () => {
  async function lostAfterSnapshot(options: Partial<NozleBrowserOptions>) {
    const nozle = client({ timeoutMs: 50, ...options });
    nozle.connect();
    const first = await server.nextConnection();
    first.snapshot(snapshotOf(3, { export: {} }));
    await vi.waitFor(() => expect(nozle.getStatus()).toBe('open'));
    // Reconnections are taken and never answered.
    first.terminate();
    await vi.waitFor(() => expect(nozle.getStatus()).toBe('unavailable'));
    return nozle;
  }

  it('fails closed once it has been gone for timeoutMs', async () => {
    const nozle = await lostAfterSnapshot({});
    expect(nozle.check('export')).toEqual({ allowed: false, reason: 'unavailable' });
  });

  it('answers from the snapshot held with lastKnown', async () => {
    const nozle = await lostAfterSnapshot({ failureMode: 'lastKnown' });
    expect(nozle.check('export')).toEqual({ allowed: true, reason: null });
  });
});
