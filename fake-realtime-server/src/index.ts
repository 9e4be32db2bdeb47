// A real WebSocket server playing the server's side of docs/realtime.md, for the tests of both
// SDKs: a browser's connection (publishable key, token, version) and a backend's stream (secret
// key). It writes the protocol's own frames (@nozle/openapi), so the SDKs are tested against the
// wire format the hub sends.
/// <reference types="node" />
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { frame, REALTIME_PATH, type HelloMessage, type Schemas } from '@nozle/openapi';
import { WebSocketServer, type WebSocket } from 'ws';

/** One client connection, after its hello. */
interface ServerConnection {
  readonly hello: HelloMessage;
  readonly socket: WebSocket;
  /** Settles with the close code once the connection is closed, from either side. */
  readonly closed: Promise<number>;
  snapshot(snapshot: Schemas['Entitlements']): void;
  /** "ready": with the version a browser said it holds, without one for a backend's stream. */
  ready(version?: number): void;
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
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, path: REALTIME_PATH });
  await once(wss, 'listening');
  const connections: ServerConnection[] = [];
  const waiting: Array<() => void> = [];
  let taken = 0;

  wss.on('connection', (socket) => {
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.once('message', (data) => {
      connections.push({
        hello: JSON.parse(String(data)) as HelloMessage,
        socket,
        closed,
        snapshot: (snapshot) => socket.send(frame.snapshot(snapshot)),
        ready: (version) => socket.send(frame.ready(version)),
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
