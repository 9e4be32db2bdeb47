// Local mode against a real WebSocket server speaking docs/realtime.md, with msw refusing any
// HTTP request no test allowed: a can() answered from memory makes none.
import { http, HttpResponse, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { WebSocket as WsWebSocket } from 'ws';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startRealtimeServer, type RealtimeServer } from '@nozle/fake-realtime-server';
import { Nozle, NozleLocalModeError, type Check, type StreamOptions } from '../src/index.js';
import { SECRET_KEY } from './fixtures.js';
import { metered, on, snapshotOf } from './snapshots.js';

const api = setupServer();
beforeAll(() => api.listen({ onUnhandledRequest: 'error' }));
afterEach(() => api.resetHandlers());
afterAll(() => api.close());

let realtime: RealtimeServer;
const clients: Nozle[] = [];

beforeEach(async () => {
  realtime = await startRealtimeServer();
  // `ws` upgrades through node:http, which msw sees: let the WebSocket (only) through.
  api.use(http.get(`${realtime.baseUrl}/v1/realtime`, () => passthrough()));
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.shutdown(1000)));
  await realtime.stop();
});

function localNozle(stream: StreamOptions = {}): Nozle {
  const client = new Nozle({
    secretKey: SECRET_KEY,
    baseUrl: realtime.baseUrl,
    stream: { reconnect: { initialDelayMs: 5, maxDelayMs: 20 }, ...stream },
  });
  clients.push(client);
  return client;
}

/** Answers POST /v1/check with what `answer` makes of the body; returns the bodies sent. */
function checkApi(answer: (body: { customer: string; feature: string; quantity?: number }) => Check = apiAnswer) {
  const bodies: Array<{ customer: string; feature: string; quantity?: number }> = [];
  api.use(
    http.post(`${realtime.baseUrl}/v1/check`, async ({ request }) => {
      const body = (await request.json()) as { customer: string; feature: string; quantity?: number };
      bodies.push(body);
      return HttpResponse.json(answer(body));
    }),
  );
  return bodies;
}

const apiAnswer = (body: { customer: string; feature: string }): Check => ({
  object: 'check',
  customer: 'cus_from_api',
  feature: body.feature,
  allowed: false,
  reason: 'not_found',
  version: 99,
});

const cus1 = (version: number, extra: Parameters<typeof snapshotOf>[3] = {}) =>
  snapshotOf('cus_1', version, [on('export'), metered('exports', 10, 4)], { external_id: 'user_1', ...extra });

describe('local mode', () => {
  it('says hello with the secret key and answers from the copy once ready, by id and by external_id, without a request', async () => {
    const nozle = localNozle();
    const connection = await realtime.nextConnection();
    expect(connection.hello).toEqual({ type: 'hello', key: SECRET_KEY });
    connection.snapshot(cus1(3));
    connection.snapshot(snapshotOf('cus_2', 1, [on('export')]));
    connection.ready();
    expect(await nozle.localReady(2000)).toBe(true);

    expect(await nozle.can('cus_1', 'exports', { quantity: 6 })).toEqual({
      object: 'check',
      customer: 'cus_1',
      feature: 'exports',
      version: 3,
      allowed: true,
      reason: null,
      type: 'metered',
      limit: 10,
      used: 4,
      remaining: 6,
      resets_at: 1_702_592_000,
      overage: false,
    });
    expect(await nozle.can('user_1', 'exports', { quantity: 7 })).toMatchObject({ customer: 'cus_1', allowed: false, reason: 'limit_reached' });
    expect(await nozle.can('user_1', 'exports')).toMatchObject({ allowed: true });
    expect(await nozle.can('cus_2', 'export')).toEqual({
      object: 'check',
      customer: 'cus_2',
      feature: 'export',
      version: 1,
      allowed: true,
      reason: null,
      type: 'boolean',
    });
    expect(nozle.localStats()).toEqual({
      enabled: true,
      ready: true,
      customers: 2,
      snapshots: 2,
      updates: 2,
      connections: 1,
      localAnswers: 4,
      apiAnswers: 0,
    });
  });

  it('asks the API until the server says ready', async () => {
    const bodies = checkApi();
    const nozle = localNozle();
    const connection = await realtime.nextConnection();
    connection.snapshot(cus1(1));
    await vi.waitFor(() => expect(nozle.localStats().customers).toBe(1));
    expect(await nozle.can('cus_1', 'export')).toMatchObject({ customer: 'cus_from_api' });
    expect(bodies).toEqual([{ customer: 'cus_1', feature: 'export' }]);

    connection.ready();
    expect(await nozle.localReady(2000)).toBe(true);
    expect(await nozle.can('cus_1', 'export')).toMatchObject({ customer: 'cus_1', allowed: true });
    expect(bodies).toHaveLength(1);
  });

  it('keeps a newer version and ignores an older one', async () => {
    const nozle = localNozle();
    const connection = await realtime.nextConnection();
    connection.snapshot(cus1(2));
    connection.ready();
    await nozle.localReady(2000);

    connection.snapshot(snapshotOf('cus_1', 3, [metered('exports', 10, 9)], { external_id: 'user_1' }));
    await vi.waitFor(() => expect(nozle.localStats().snapshots).toBe(2));
    expect(await nozle.can('user_1', 'exports', { quantity: 2 })).toMatchObject({ version: 3, used: 9, allowed: false, reason: 'limit_reached' });

    connection.snapshot(snapshotOf('cus_1', 1, [metered('exports', 10, 0)], { external_id: 'user_1' }));
    await vi.waitFor(() => expect(nozle.localStats().snapshots).toBe(3));
    expect(await nozle.can('cus_1', 'exports')).toMatchObject({ version: 3, used: 9, allowed: true, remaining: 1 });
    expect(nozle.localStats()).toMatchObject({ snapshots: 3, updates: 2, customers: 1 });
  });

  it('follows an external_id that moved to a newer snapshot, and asks the API for the old one', async () => {
    const bodies = checkApi();
    const nozle = localNozle();
    const connection = await realtime.nextConnection();
    connection.snapshot(cus1(1, { external_id: 'old' }));
    connection.ready();
    await nozle.localReady(2000);
    connection.snapshot(cus1(2, { external_id: 'new' }));
    await vi.waitFor(() => expect(nozle.localStats().updates).toBe(2));

    expect(await nozle.can('new', 'export')).toMatchObject({ customer: 'cus_1', version: 2, allowed: true });
    expect(await nozle.can('old', 'export')).toMatchObject({ customer: 'cus_from_api' });
    expect(bodies).toEqual([{ customer: 'old', feature: 'export' }]);
  });

  it('asks POST /v1/check for a snapshot past its valid_until, a feature or customer the copy lacks, or a quantity the API would refuse', async () => {
    const bodies = checkApi();
    const nozle = localNozle();
    const connection = await realtime.nextConnection();
    connection.snapshot(cus1(1));
    connection.snapshot(snapshotOf('cus_stale', 4, [on('export')], { valid_until: Math.floor(Date.now() / 1000) - 10 }));
    connection.ready();
    await nozle.localReady(2000);

    expect(await nozle.can('cus_stale', 'export')).toMatchObject({ customer: 'cus_from_api' });
    expect(await nozle.can('cus_1', 'created_after_the_snapshot')).toMatchObject({ customer: 'cus_from_api' });
    expect(await nozle.can('cus_unknown', 'export')).toMatchObject({ customer: 'cus_from_api' });
    expect(await nozle.can('cus_1', 'exports', { quantity: -1 })).toMatchObject({ customer: 'cus_from_api' });
    expect(bodies).toEqual([
      { customer: 'cus_stale', feature: 'export' },
      { customer: 'cus_1', feature: 'created_after_the_snapshot' },
      { customer: 'cus_unknown', feature: 'export' },
      { customer: 'cus_1', feature: 'exports', quantity: -1 },
    ]);
    expect(nozle.localStats()).toMatchObject({ localAnswers: 0, apiAnswers: 4 });

    // A newer, fresh version of the stale customer is answered locally again.
    connection.snapshot(snapshotOf('cus_stale', 5, [on('export')], { valid_until: null }));
    await vi.waitFor(() => expect(nozle.localStats().updates).toBe(3));
    expect(await nozle.can('cus_stale', 'export')).toMatchObject({ customer: 'cus_stale', version: 5, allowed: true });
    expect(bodies).toHaveLength(4);
  });

  it('reconnects after the server closes the connection, asks the API meanwhile, and uses the copy again after the next ready', async () => {
    const bodies = checkApi();
    const nozle = localNozle();
    const first = await realtime.nextConnection();
    first.snapshot(cus1(1));
    first.snapshot(snapshotOf('cus_deleted', 1, [on('export')]));
    first.ready();
    await nozle.localReady(2000);

    first.close(1001, 'server shutting down');
    const second = await realtime.nextConnection();
    expect(second.hello).toEqual({ type: 'hello', key: SECRET_KEY });
    // Connected again, not ready yet: the copy is kept but not trusted.
    expect(nozle.localStats()).toMatchObject({ ready: false, customers: 2, connections: 2 });
    expect(await nozle.can('cus_1', 'export')).toMatchObject({ customer: 'cus_from_api' });

    second.snapshot(cus1(2));
    second.ready();
    expect(await nozle.localReady(2000)).toBe(true);
    expect(await nozle.can('user_1', 'export')).toMatchObject({ customer: 'cus_1', version: 2, allowed: true });
    // Not sent again before ready: deleted while the client was away.
    expect(nozle.localStats().customers).toBe(1);
    expect(await nozle.can('cus_deleted', 'export')).toMatchObject({ customer: 'cus_from_api' });
    expect(bodies).toEqual([
      { customer: 'cus_1', feature: 'export' },
      { customer: 'cus_deleted', feature: 'export' },
    ]);
  });

  it('reconnects after the connection drops without a close frame', async () => {
    const nozle = localNozle();
    const first = await realtime.nextConnection();
    first.ready();
    await nozle.localReady(2000);
    first.terminate();
    const second = await realtime.nextConnection();
    second.snapshot(cus1(1));
    second.ready();
    expect(await nozle.localReady(2000)).toBe(true);
    expect(await nozle.can('cus_1', 'export')).toMatchObject({ allowed: true, version: 1 });
  });

  it('replaces a connection the server stopped pinging', async () => {
    const nozle = localNozle({ pingTimeoutMs: 100, logger: () => {} });
    const first = await realtime.nextConnection();
    const pings = setInterval(() => first.socket.ping(), 20);
    first.ready();
    await nozle.localReady(2000);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(nozle.localStats()).toMatchObject({ ready: true, connections: 1 });

    clearInterval(pings);
    const second = await realtime.nextConnection();
    expect(await first.closed).toBe(1006);
    expect(second.hello.key).toBe(SECRET_KEY);
  });

  it('stops for good when the server refuses the key (4401), and asks the API from then on', async () => {
    const bodies = checkApi();
    const logger = vi.fn();
    const nozle = localNozle({ logger });
    const connection = await realtime.nextConnection();
    const ready = nozle.localReady(5000);
    connection.close(4401, 'invalid key');
    expect(await ready).toBe(false);
    expect(logger).toHaveBeenCalledWith(expect.stringContaining('close code 4401'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(realtime.connections).toHaveLength(1);
    expect(await nozle.can('cus_1', 'export')).toMatchObject({ customer: 'cus_from_api' });
    expect(bodies).toHaveLength(1);
  });

  it('reports the stop to the top-level onError, when given, as a NozleLocalModeError with the close code', async () => {
    checkApi();
    const logger = vi.fn();
    const errors: unknown[] = [];
    const nozle = new Nozle({
      secretKey: SECRET_KEY,
      baseUrl: realtime.baseUrl,
      onError: (error) => errors.push(error),
      stream: { reconnect: { initialDelayMs: 5, maxDelayMs: 20 }, logger },
    });
    clients.push(nozle);
    const connection = await realtime.nextConnection();
    const ready = nozle.localReady(5000);
    connection.close(4401, 'invalid key');
    expect(await ready).toBe(false);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(NozleLocalModeError);
    expect(errors[0]).toMatchObject({ reason: 'stopped', closeCode: 4401, message: expect.stringContaining('close code 4401') });
    expect(logger).not.toHaveBeenCalled();
  });

  it('stops for good when the server says the key was revoked (4403), and asks the API from then on', async () => {
    checkApi();
    const logger = vi.fn();
    const nozle = localNozle({ logger });
    const connection = await realtime.nextConnection();
    connection.snapshot(cus1(1));
    connection.ready();
    expect(await nozle.localReady(2000)).toBe(true);
    connection.close(4403, 'API key revoked');
    await vi.waitFor(() => expect(logger).toHaveBeenCalledWith(expect.stringContaining('close code 4403: the secret key was revoked')));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(realtime.connections).toHaveLength(1);
    expect(await nozle.can('cus_1', 'export')).toMatchObject({ customer: 'cus_from_api' });
  });

  it('connects with an injected WebSocket class', async () => {
    const urls: string[] = [];
    class CountingWebSocket extends WsWebSocket {
      constructor(url: string) {
        super(url);
        urls.push(url);
      }
    }
    const nozle = localNozle({ WebSocket: CountingWebSocket });
    const connection = await realtime.nextConnection();
    connection.ready();
    expect(await nozle.localReady(2000)).toBe(true);
    expect(urls).toEqual([`${realtime.baseUrl.replace('http', 'ws')}/v1/realtime`]);
  });

  it('closes the socket on shutdown, and asks the API afterwards', async () => {
    const bodies = checkApi();
    const nozle = localNozle();
    const connection = await realtime.nextConnection();
    connection.snapshot(cus1(1));
    connection.ready();
    await nozle.localReady(2000);

    await nozle.shutdown();
    expect(await connection.closed).toBe(1000);
    await vi.waitFor(() => expect(realtime.openSockets()).toBe(0));
    expect(nozle.localStats()).toMatchObject({ ready: false, connections: 1 });
    expect(await nozle.localReady(10)).toBe(false);
    expect(await nozle.can('cus_1', 'export')).toMatchObject({ customer: 'cus_from_api' });
    expect(bodies).toHaveLength(1);
  });

  it('shuts down cleanly while still connecting, and never connects again', async () => {
    const nozle = localNozle();
    await nozle.shutdown();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(realtime.connections).toHaveLength(0);
    expect(realtime.openSockets()).toBe(0);
  });
});

describe('without local mode', () => {
  it('reports it off, and asks the API', async () => {
    const bodies = checkApi();
    const nozle = new Nozle({ secretKey: SECRET_KEY, baseUrl: realtime.baseUrl });
    expect(await nozle.localReady(10)).toBe(false);
    expect(await nozle.can('cus_1', 'export')).toMatchObject({ customer: 'cus_from_api' });
    expect(nozle.localStats()).toEqual({
      enabled: false,
      ready: false,
      customers: 0,
      snapshots: 0,
      updates: 0,
      connections: 0,
      localAnswers: 0,
      apiAnswers: 1,
    });
    expect(bodies).toHaveLength(1);
    await nozle.shutdown();
  });
});

describe('local mode at a snapshot instant, with no word from the server', () => {
  const T = 1_800_000_000; // valid_until, Unix seconds
  const upcomingAtT = (): Parameters<typeof snapshotOf>[3] => ({
    computed: T - 10,
    valid_until: T,
    upcoming: {
      valid_until: null,
      features: { export: { ...on('export'), allowed: false, reason: 'no_access' }, exports: { ...metered('exports', 10, 0), resets_at: null } },
    },
  });
  beforeEach(() => {
    // Only the clock: the sockets run on real timers.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime((T - 10) * 1000);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('answers from the upcoming state from valid_until on, without asking the API', async () => {
    const bodies = checkApi();
    const nozle = localNozle();
    const connection = await realtime.nextConnection();
    connection.snapshot(cus1(3, upcomingAtT()));
    connection.ready();
    expect(await nozle.localReady(2000)).toBe(true);
    expect((await nozle.can('cus_1', 'export')).allowed).toBe(true);
    expect((await nozle.can('cus_1', 'exports')).used).toBe(4);

    vi.setSystemTime(T * 1000);
    expect(await nozle.can('cus_1', 'export')).toMatchObject({ allowed: false, reason: 'no_access', version: 3 });
    expect((await nozle.can('cus_1', 'exports')).used).toBe(0);
    expect(bodies).toHaveLength(0);
  });

  it("flips on the server's clock, which it says with each snapshot", async () => {
    checkApi();
    const nozle = localNozle();
    const connection = await realtime.nextConnection();
    // The project's clock is 5 s ahead of ours (a test clock, or skew).
    connection.socket.send(JSON.stringify({ type: 'snapshot', now: Date.now() + 5000, snapshot: cus1(3, upcomingAtT()) }));
    connection.ready();
    expect(await nozle.localReady(2000)).toBe(true);
    vi.setSystemTime(T * 1000 - 5000);
    expect((await nozle.can('cus_1', 'export')).allowed).toBe(false);
    expect(nozle.localStats().apiAnswers).toBe(0);
  });
});
