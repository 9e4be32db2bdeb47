// The store flips by itself at its snapshot's instants, with no word from the server.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNozle } from './client.js';
import type { Entitlement, Entitlements } from './types.js';

const T = 1_800_000_000; // the snapshot's valid_until, Unix seconds
const START = (T - 10) * 1000; // our clock as the test starts

/** A WebSocket the test drives by hand. */
class FakeSocket {
  static all: FakeSocket[] = [];
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readyState = 0;
  sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.readyState = 3;
  }
  /** The network went: a close the client did not ask for. */
  drop() {
    this.readyState = 3;
    this.onclose?.({ code: 1006, reason: '' });
  }
}

const granted: Entitlement = { feature: 'export', type: 'boolean', allowed: true, reason: null, source: { type: 'grant', id: 'gr_1' } };
const ended: Entitlement = { feature: 'export', type: 'boolean', allowed: false, reason: 'no_access', source: null };
const theme: Entitlement = { feature: 'theme', type: 'config', allowed: true, reason: null, source: null, value: 'dark' };
const messages = (used: number, resetsAt: number): Entitlement => ({
  feature: 'messages',
  type: 'metered',
  allowed: true,
  reason: null,
  source: { type: 'subscription', id: 'sub_1', plan: 'pro' },
  limit: 5,
  used,
  remaining: 5 - used,
  reset: 'month',
  period_start: resetsAt - 2_592_000,
  resets_at: resetsAt,
});

function grantEndingAtT(): Entitlements {
  return {
    object: 'entitlements',
    customer: 'cus_1',
    external_id: null,
    version: 3,
    computed: T - 10,
    valid_until: T,
    features: { export: granted, theme },
    upcoming: { valid_until: null, features: { export: ended, theme } },
  };
}

async function connected(snapshot: Entitlements, serverAheadMs?: number) {
  const nozle = createNozle({
    publishableKey: 'pk_test_1',
    customerToken: 'tok_1',
    WebSocket: FakeSocket as unknown as typeof WebSocket,
    reconnect: { initialDelayMs: 60_000, maxDelayMs: 60_000 },
    onError: () => {},
  });
  nozle.connect();
  await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(1));
  const socket = FakeSocket.all[0]!;
  socket.open();
  await vi.waitFor(() => expect(socket.sent).toHaveLength(1));
  socket.receive({ type: 'snapshot', snapshot, ...(serverAheadMs === undefined ? {} : { now: Date.now() + serverAheadMs }) });
  return { nozle, socket };
}

/** Milliseconds left until T on our (fake) clock; vi.waitFor moves it on. */
const untilT = () => T * 1000 - Date.now();

beforeEach(() => {
  FakeSocket.all = [];
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(START);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the store, offline, at valid_until', () => {
  it('closes a grant window: can() flips with no message from the server, listeners called once', async () => {
    const { nozle, socket } = await connected(grantEndingAtT());
    socket.drop();
    const onExport = vi.fn();
    const onTheme = vi.fn();
    nozle.subscribeFeature('export', onExport);
    nozle.subscribeFeature('theme', onTheme);
    expect(nozle.can('export')).toBe(true);

    vi.advanceTimersByTime(untilT() - 1);
    expect(nozle.can('export')).toBe(true);
    vi.advanceTimersByTime(1);
    expect(nozle.can('export')).toBe(false);
    expect(nozle.check('export').reason).toBe('no_access');
    expect(onExport).toHaveBeenCalledTimes(1);
    expect(onTheme).not.toHaveBeenCalled();
    // The version held is still the server's: the next hello asks for anything newer.
    expect(nozle.getSnapshot()?.version).toBe(3);
    nozle.close();
  });

  it("goes by the server's clock when it says its time (a project's test clock ahead of ours)", async () => {
    const { nozle } = await connected(grantEndingAtT(), 4000);
    vi.advanceTimersByTime(untilT() - 4000);
    expect(nozle.can('export')).toBe(false);
    nozle.close();
  });

  it('asks the server again at once when offline: the backoff delay is not waited out', async () => {
    const { nozle, socket } = await connected(grantEndingAtT());
    socket.drop();
    vi.advanceTimersByTime(untilT());
    await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(2));
    nozle.close();
  });

  it('says hello again when connected and the server pushed nothing newer within the grace', async () => {
    const { nozle } = await connected(grantEndingAtT());
    vi.advanceTimersByTime(untilT());
    expect(nozle.can('export')).toBe(false);
    expect(FakeSocket.all).toHaveLength(1);
    vi.advanceTimersByTime(3000);
    await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(2));
    nozle.close();
  });

  it('stops its timer on close', async () => {
    const { nozle } = await connected(grantEndingAtT());
    nozle.close();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(untilT());
    expect(nozle.can('export')).toBe(true);
  });
});

describe('the store, offline, at resets_at', () => {
  it('shows used 0 when a usage period resets and no upcoming state covers it', async () => {
    const snapshot: Entitlements = { ...grantEndingAtT(), valid_until: T, upcoming: undefined, features: { messages: messages(5, T) } };
    const { nozle, socket } = await connected(snapshot);
    socket.drop();
    const onMessages = vi.fn();
    nozle.subscribeFeature('messages', onMessages);
    expect(nozle.can('messages')).toBe(false);

    vi.advanceTimersByTime(untilT());
    expect(nozle.check('messages')).toMatchObject({ allowed: true, used: 0, remaining: 5 });
    expect(onMessages).toHaveBeenCalledTimes(1);
    nozle.close();
  });

  it('waits out a far instant past the longest setTimeout delay', async () => {
    const far = T + 40 * 86_400; // 40 days: more than 2^31 ms
    const snapshot: Entitlements = { ...grantEndingAtT(), valid_until: far, upcoming: undefined, features: { messages: messages(5, far) } };
    const { nozle } = await connected(snapshot);
    vi.advanceTimersByTime(2 ** 31 - 1);
    expect(nozle.check('messages').used).toBe(5);
    vi.advanceTimersByTime(far * 1000 - Date.now());
    expect(nozle.check('messages').used).toBe(0);
    nozle.close();
  });
});
