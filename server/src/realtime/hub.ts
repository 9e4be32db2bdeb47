// The realtime endpoint: WebSocket clients (browsers with a publishable key and a customer
// token) get their customer's snapshot on connect and every newer version after it.
// Protocol: docs/realtime.md, written once in @nozle/openapi (realtime.ts).
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { CLOSE, REALTIME_PATH } from '@nozle/openapi';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { clockFor, type Clock } from '../clock.js';
import type { Queryable } from '../db/database.js';
import type { EntitlementCache } from '../entitlements/cache.js';
import type { KeyCache } from '../projects/key-cache.js';
import { Audience } from './audience.js';
import { ConnectionsByKey } from './connections-by-key.js';
import { awaitHello } from './handshake.js';
import { Heartbeat } from './heartbeat.js';
import { closeRevokedConnections } from './revocations.js';
import { refuseUpgrade, UpgradedSockets, upgradeRefusal } from './upgrade.js';

export interface RealtimeOptions {
  db: Queryable;
  clock: Clock;
  logger: Logger;
  keys: KeyCache;
  entitlements: EntitlementCache;
  /** How often clients are pinged; one missed pong and the connection is dropped. */
  heartbeatMs?: number;
  /**
   * How often the keys of open connections are checked against the database: a revocation
   * this instance did not hear of (Redis was down) still ends its connections.
   */
  keyRecheckMs?: number;
  /** A client must say hello within this time. */
  helloTimeoutMs?: number;
  /** A client whose unsent data exceeds this is disconnected (it resyncs when it reconnects). */
  maxBufferedBytes?: number;
  /**
   * Clients written to before yielding to other work: a push to thousands of clients of one
   * customer must not hold every other request back while it goes out.
   */
  fanOutChunk?: number;
}

export interface RealtimeHub {
  /** How many clients are connected (for benchmarks and health). */
  size(): number;
  /**
   * Tells every client to go (1001), waits up to `timeoutMs` for them to leave, then cuts
   * every socket still open, upgraded or not, answering the close handshake or not.
   */
  close(timeoutMs?: number): Promise<void>;
}

export function attachRealtime(server: Server, options: RealtimeOptions): RealtimeHub {
  // Small frames only: the one thing a client sends is its hello.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 });
  const upgraded = new UpgradedSockets();
  const byKey = new ConnectionsByKey();
  const audience = new Audience({
    now: (projectId) => clockFor(options.clock, projectId).now().getTime(),
    maxBufferedBytes: options.maxBufferedBytes ?? 1_000_000,
    fanOutChunk: options.fanOutChunk ?? 500,
  });
  const handshake = { ...options, audience, byKey, helloTimeoutMs: options.helloTimeoutMs ?? 5_000 };
  const heartbeat = new Heartbeat(wss, options.heartbeatMs ?? 30_000);

  // Every upgrade request is ours once we listen: one we do not take is answered at once.
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    upgraded.add(socket);
    const refusal = upgradeRefusal(req, REALTIME_PATH);
    if (refusal) return refuseUpgrade(socket, refusal);
    wss.handleUpgrade(req, socket, head, (ws) => {
      heartbeat.watch(ws);
      awaitHello(ws, handshake);
    });
  };
  server.on('upgrade', onUpgrade);

  const stops = [
    closeRevokedConnections({ ...options, byKey, keyRecheckMs: options.keyRecheckMs ?? 60_000 }),
    options.entitlements.onProjectEvent((event) => audience.projectEvent(event)),
    options.entitlements.onSnapshot((stored) => audience.push(stored)),
  ];

  return {
    size: () => wss.clients.size,
    async close(timeoutMs = 5_000) {
      heartbeat.stop();
      for (const stop of stops) stop();
      // From now on an upgrade request is a plain HTTP request to Express (426 here, 404 elsewhere).
      server.off('upgrade', onUpgrade);
      await closeClients(wss, timeoutMs);
      upgraded.destroyAll();
    },
  };
}

/** Sends every client 1001 and waits for them to leave, at most `timeoutMs`; then cuts the rest. */
async function closeClients(wss: WebSocketServer, timeoutMs: number): Promise<void> {
  for (const client of wss.clients) client.close(CLOSE.goingAway, 'server shutting down');
  // wss.close() calls back once every client is gone: one that ignores the close frame
  // would hold it for ws's own 30 s, so the wait has our deadline.
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([new Promise<void>((resolve) => wss.close(() => resolve())), new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
  clearTimeout(timer);
  for (const client of wss.clients) client.terminate();
}
