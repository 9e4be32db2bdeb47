// A real WebSocket server playing the server side of docs/realtime.md, for the client's tests.
/// <reference types="node" />
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Entitlement, Entitlements } from '../src/index.js';

export interface Hello {
  type: 'hello';
  key: string;
  token: string;
  version: number;
}

/** One client connection, after its hello. */
export interface ServerConnection {
  readonly hello: Hello;
  readonly socket: WebSocket;
  snapshot(snapshot: Entitlements): void;
  ready(version: number): void;
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
  stop(): Promise<void>;
}

export async function startRealtimeServer(): Promise<RealtimeServer> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/v1/realtime' });
  await once(wss, 'listening');
  const connections: ServerConnection[] = [];
  const waiting: Array<() => void> = [];
  let taken = 0;

  wss.on('connection', (socket) => {
    socket.once('message', (data) => {
      const hello = JSON.parse(String(data)) as Hello;
      connections.push({
        hello,
        socket,
        snapshot: (snapshot) => socket.send(JSON.stringify({ type: 'snapshot', snapshot })),
        ready: (version) => socket.send(JSON.stringify({ type: 'ready', version })),
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
    async stop() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/** A snapshot of `version` for customer `cus_1`, with the given features. */
export function snapshotOf(version: number, features: Record<string, Partial<Entitlement>> = {}): Entitlements {
  return {
    object: 'entitlements',
    customer: 'cus_1',
    external_id: null,
    version,
    computed: 1_700_000_000 + version,
    valid_until: null,
    features: Object.fromEntries(
      Object.entries(features).map(([feature, entry]) => [
        feature,
        { feature, type: 'boolean', allowed: true, reason: null, source: null, ...entry } as Entitlement,
      ]),
    ),
  };
}
