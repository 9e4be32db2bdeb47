// Real @nozle/browser clients for the hook tests, talking to an in-memory WebSocket that
// plays the server's side of docs/realtime.md: tests push snapshots the way the server does,
// with no network. Also snapshot builders.
import { vi } from 'vitest';
import { createNozle, type Entitlement, type Entitlements, type NozleBrowserClient, type NozleBrowserOptions } from '@nozle/browser';

export const CUSTOMER = 'cus_test_1';

type Entry = Omit<Entitlement, 'feature'>;

/** A snapshot of `features` at `version`. */
export function snapshot(version: number, features: Record<string, Entry>): Entitlements {
  return {
    object: 'entitlements',
    customer: CUSTOMER,
    external_id: 'user_42',
    version,
    computed: 1_700_000_000,
    valid_until: null,
    features: Object.fromEntries(Object.entries(features).map(([feature, entry]) => [feature, { feature, ...entry }])),
  };
}

/** A boolean feature given by `plan`. */
export const on = (plan = 'pro'): Entry => ({
  type: 'boolean',
  allowed: true,
  reason: null,
  source: { type: 'subscription', id: 'sub_1', plan },
});
/** A boolean feature the customer lacks. */
export const off: Entry = { type: 'boolean', allowed: false, reason: 'no_access', source: null };
/** A metered feature given by `plan`. */
export const metered = (used: number, limit: number | null, plan = 'pro'): Entry => ({
  type: 'metered',
  allowed: true,
  reason: null,
  source: { type: 'subscription', id: 'sub_1', plan },
  limit,
  used,
  remaining: limit === null ? null : Math.max(limit - used, 0),
  reset: 'month',
  overage: false,
  period_start: 1_697_408_000,
  resets_at: 1_700_086_400,
});

/** The server's end of one in-memory WebSocket. */
export class MemorySocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;

  readyState: number = MemorySocket.CONNECTING;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  /** What the client sent, parsed: its hello first. */
  readonly received: unknown[] = [];

  constructor(readonly url: string) {
    queueMicrotask(() => {
      if (this.readyState !== MemorySocket.CONNECTING) return;
      this.readyState = MemorySocket.OPEN;
      this.onopen?.(new Event('open'));
    });
  }

  send(data: string): void {
    this.received.push(JSON.parse(data));
  }

  /** The client closing. */
  close(): void {
    this.readyState = MemorySocket.CLOSED;
  }

  /** Server side: sends `message` to the client. */
  deliver(message: unknown): void {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(message) }));
  }

  /** Server side: closes the connection with `code`. */
  drop(code: number): void {
    this.readyState = MemorySocket.CLOSED;
    this.onclose?.({ code, reason: '' } as CloseEvent);
  }
}

/**
 * Options for `createNozle` wired to in-memory sockets and a fetch that answers checkout
 * sessions, and the server side of them.
 */
export function memoryRealtime(overrides: Partial<NozleBrowserOptions> = {}) {
  const sockets: MemorySocket[] = [];
  class Socket extends MemorySocket {
    constructor(url: string) {
      super(url);
      sockets.push(this);
    }
  }
  // checkout() sends one Request per attempt, as fetch(request) takes it.
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const { plan } = (await (input as Request).clone().json()) as { plan?: string };
    return Response.json({ id: 'cs_test_1', url: `https://pay.example.com/c/${plan}` });
  });
  const options: NozleBrowserOptions = {
    publishableKey: 'pk_test_react',
    baseUrl: 'https://api.example.com',
    customerToken: 'ct_test',
    WebSocket: Socket as unknown as typeof WebSocket,
    fetch: fetch,
    ...overrides,
  };

  /** The newest socket once the client has said hello on it. */
  async function connection(): Promise<MemorySocket> {
    return vi.waitFor(() => {
      const socket = sockets.at(-1);
      if (!socket || socket.readyState !== MemorySocket.OPEN || socket.received.length === 0) {
        throw new Error('the client has not said hello yet');
      }
      return socket;
    });
  }

  return {
    options,
    sockets,
    /** A client on these options, closed by {@link closeClients}. */
    client(): NozleBrowserClient {
      const client = createNozle(options);
      open.add(client);
      return client;
    },
    fetch,
    connection,
    /** Sends `next` over the client's connection, as the server does for every new version. */
    async push(next: Entitlements): Promise<void> {
      (await connection()).deliver({ type: 'snapshot', snapshot: next });
    },
  };
}

const open = new Set<NozleBrowserClient>();

/** Closes every client made by `memoryRealtime().client()`, so no reconnect timer outlives its test. */
export function closeClients(): void {
  for (const client of open) client.close();
  open.clear();
}
