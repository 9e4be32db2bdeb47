// A real WebSocket server playing the server side of docs/realtime.md for a backend's stream
// (secret key: every customer of the project), for local mode's tests.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Entitlement, Entitlements } from '../src/index.js';

export interface Hello {
  type: 'hello';
  key: string;
}

/** One client connection, after its hello. */
export interface ServerConnection {
  readonly hello: Hello;
  readonly socket: WebSocket;
  /** Settles with the close code once the connection is closed, from either side. */
  readonly closed: Promise<number>;
  snapshot(snapshot: Entitlements): void;
  ready(): void;
  close(code: number, reason?: string): void;
  /** Drops the TCP connection without a close frame: the client sees 1006. */
  terminate(): void;
}

export interface RealtimeServer {
  /** The `baseUrl` to give the client (its realtime URL is derived from it). */
  readonly baseUrl: string;
  /** Every connection that said hello so far, in order. */
  readonly connections: readonly ServerConnection[];
  /** The next connection (in order) to say hello, waiting for it if need be. */
  nextConnection(): Promise<ServerConnection>;
  /** Sockets open now, hello or not. */
  openSockets(): number;
  stop(): Promise<void>;
}

export async function startRealtimeServer(): Promise<RealtimeServer> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/v1/realtime' });
  await once(wss, 'listening');
  const connections: ServerConnection[] = [];
  const waiting: Array<() => void> = [];
  let taken = 0;

  wss.on('connection', (socket) => {
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.once('message', (data) => {
      connections.push({
        hello: JSON.parse(String(data)) as Hello,
        socket,
        closed,
        snapshot: (snapshot) => socket.send(JSON.stringify({ type: 'snapshot', snapshot })),
        ready: () => socket.send(JSON.stringify({ type: 'ready' })),
        close: (code, reason) => socket.close(code, reason),
        terminate: () => socket.terminate(),
      });
      for (const wake of waiting.splice(0)) wake();
    });
  });

  return {
    baseUrl: `http://127.0.0.1:${(wss.address() as AddressInfo).port}`,
    connections,
    async nextConnection() {
      while (connections.length <= taken) await new Promise<void>((resolve) => waiting.push(resolve));
      return connections[taken++]!;
    },
    openSockets: () => wss.clients.size,
    async stop() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/** A boolean feature the customer has. */
export const on = (feature: string): Entitlement => ({ feature, type: 'boolean', allowed: true, reason: null, source: null });

/** A metered feature with room for `limit - used` more units. */
export const metered = (feature: string, limit: number | null, used: number, overage = false): Entitlement => ({
  feature,
  type: 'metered',
  allowed: true,
  reason: null,
  source: { type: 'subscription', id: 'sub_1', plan: 'pro' },
  limit,
  used,
  remaining: limit === null ? null : Math.max(limit - used, 0),
  reset: 'month',
  overage,
  period_start: 1_700_000_000,
  resets_at: 1_702_592_000,
});

/** A snapshot of `customer` at `version`, with the given features. */
export function snapshotOf(
  customer: string,
  version: number,
  features: Entitlement[] = [],
  extra: Partial<Entitlements> = {},
): Entitlements {
  return {
    object: 'entitlements',
    customer,
    external_id: null,
    version,
    computed: 1_700_000_000 + version,
    valid_until: null,
    features: Object.fromEntries(features.map((entitlement) => [entitlement.feature, entitlement])),
    ...extra,
  };
}
