// The realtime endpoint: WebSocket clients (browsers with a publishable key and a customer
// token) get their customer's snapshot on connect and every newer version after it.
// Protocol: docs/realtime.md.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Clock } from '../clock.js';
import type { Queryable } from '../db/database.js';
import type { EntitlementCache } from '../entitlements/cache.js';
import type { StoredSnapshot } from '../entitlements/snapshot.js';
import type { KeyCache } from '../projects/key-cache.js';
import { ApiError } from '../http/errors.js';
import { hashKey } from '../http/api-keys.js';
import { CLOSE } from './close-codes.js';
import { ConnectionsByKey } from './connections-by-key.js';
import { readCustomerToken, verifyCustomerTokenKey } from '../http/customer-token.js';
import { canNameCustomer, isRefusal, parseHello } from './hello.js';
import { refuseUpgrade, UpgradedSockets, upgradeRefusal } from './upgrade.js';

export { CLOSE } from './close-codes.js';

export const REALTIME_PATH = '/v1/realtime';

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

interface Subscriber {
  socket: WebSocket;
  projectId: string;
  customerId: string;
  version: number;
  /** Whether it has had its first answer (a snapshot or "ready"). */
  greeted: boolean;
}

/** A server (secret key) streaming every customer of its project: the newest version sent per customer. */
interface ProjectWatcher {
  socket: WebSocket;
  projectId: string;
  versions: Map<string, number>;
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
  const heartbeatMs = options.heartbeatMs ?? 30_000;
  const helloTimeoutMs = options.helloTimeoutMs ?? 5_000;
  const maxBuffered = options.maxBufferedBytes ?? 1_000_000;
  const fanOutChunk = options.fanOutChunk ?? 500;
  const keyRecheckMs = options.keyRecheckMs ?? 60_000;
  // Small frames only: the one thing a client sends is its hello.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 });
  const byCustomer = new Map<string, Set<Subscriber>>();
  const byProject = new Map<string, Set<ProjectWatcher>>();
  const alive = new WeakMap<WebSocket, boolean>();
  const upgraded = new UpgradedSockets();
  const byKey = new ConnectionsByKey();

  // Every upgrade request is ours once we listen: one we do not take is answered at once.
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    upgraded.add(socket);
    const refusal = upgradeRefusal(req, REALTIME_PATH);
    if (refusal) return refuseUpgrade(socket, refusal);
    wss.handleUpgrade(req, socket, head, (ws) => greet(ws));
  };
  server.on('upgrade', onUpgrade);

  // A revoked key ends the connections living on it, on every instance (the key cache hears
  // revocations through the bus).
  const closeRevoked = (keyHash: string) => {
    for (const socket of byKey.revoke(keyHash)) socket.close(CLOSE.keyRevoked, 'API key revoked');
  };
  const stopRevocations = options.keys.onRevoked(closeRevoked);
  const keyRecheck = setInterval(() => {
    const hashes = byKey.hashes();
    if (hashes.length === 0) return;
    activeKeyHashes(options.db, hashes).then(
      (active) => hashes.filter((hash) => !active.has(hash)).forEach(closeRevoked),
      (error: unknown) => options.logger.warn({ err: error }, 'realtime key recheck failed'),
    );
  }, keyRecheckMs);
  keyRecheck.unref();

  // One serialization per snapshot, however many clients it goes to.
  const frames = new WeakMap<StoredSnapshot, string>();
  const frameOf = (stored: StoredSnapshot) => {
    let frame = frames.get(stored);
    if (frame === undefined) {
      frame = JSON.stringify({ type: 'snapshot', snapshot: stored.snapshot });
      frames.set(stored, frame);
    }
    return frame;
  };

  const send = (subscriber: Subscriber, stored: StoredSnapshot) => {
    if (stored.snapshot.version <= subscriber.version) return;
    // A client that does not read cannot make the server hold its messages without bound.
    if (subscriber.socket.bufferedAmount > maxBuffered) {
      subscriber.socket.close(CLOSE.tooSlow, 'too slow: reconnect to resync');
      return;
    }
    subscriber.version = stored.snapshot.version;
    subscriber.greeted = true;
    subscriber.socket.send(frameOf(stored));
  };

  const sendToWatcher = (watcher: ProjectWatcher, stored: StoredSnapshot) => {
    const { customer, version } = stored.snapshot;
    if (version <= (watcher.versions.get(customer) ?? 0)) return;
    if (watcher.socket.bufferedAmount > maxBuffered) {
      watcher.socket.close(CLOSE.tooSlow, 'too slow: reconnect to resync');
      return;
    }
    watcher.versions.set(customer, version);
    watcher.socket.send(frameOf(stored));
  };

  // A deleted customer and a project-wide staleness reach streaming backends as messages of
  // their own (docs/realtime.md); browsers of a deleted customer are simply disconnected.
  const stopProjectEvents = options.entitlements.onProjectEvent((event) => {
    const message = event.kind === 'deleted' ? { type: 'deleted', customer: event.customer } : { type: 'stale' };
    for (const watcher of byProject.get(event.project) ?? []) {
      if (event.kind === 'deleted') watcher.versions.delete(event.customer);
      else watcher.versions.clear();
      watcher.socket.send(JSON.stringify(message));
    }
    if (event.kind === 'deleted') for (const subscriber of byCustomer.get(`${event.project}:${event.customer}`) ?? []) subscriber.socket.close(CLOSE.notFound, 'customer deleted');
  });

  // Chunks of clients, with a turn of the event loop between them. Safe to interleave with a
  // newer push: send() never gives a client a version older than the one it has.
  const fanOut = (subscribers: Subscriber[], stored: StoredSnapshot) => {
    for (const subscriber of subscribers.slice(0, fanOutChunk)) send(subscriber, stored);
    if (subscribers.length > fanOutChunk) setImmediate(() => fanOut(subscribers.slice(fanOutChunk), stored));
  };

  const stopListening = options.entitlements.onSnapshot((stored) => {
    fanOut([...(byCustomer.get(`${stored.projectId}:${stored.snapshot.customer}`) ?? [])], stored);
    for (const watcher of byProject.get(stored.projectId) ?? []) sendToWatcher(watcher, stored);
  });

  function greet(ws: WebSocket): void {
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    const timer = setTimeout(() => ws.close(CLOSE.helloTimeout, 'no hello'), helloTimeoutMs);
    ws.once('message', (data: RawData) => {
      clearTimeout(timer);
      hello(ws, data).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return ws.close(CLOSE.notFound, 'no such customer');
        options.logger.warn({ err: error }, 'realtime hello failed');
        ws.close(1011, 'server error');
      });
    });
    ws.on('error', () => {});
  }

  async function hello(ws: WebSocket, data: RawData): Promise<void> {
    const message = parseHello(data);
    if (isRefusal(message)) return ws.close(message.code, message.reason);
    if (message.kind === 'project') return streamProject(ws, message.key);
    // A publishable key, of the project the token names.
    const keyHash = hashKey(message.key);
    const caller = await options.keys.resolve(keyHash);
    const claimed = readCustomerToken(message.token);
    if (!caller || !claimed || claimed.projectId !== caller.projectId) return ws.close(CLOSE.unauthorized, 'invalid key or token');
    const now = options.clock.now();
    const verified = verifyCustomerTokenKey(message.token, await options.keys.secretKeyHashes(caller.projectId), now);
    if (verified === 'token_expired') return ws.close(CLOSE.tokenExpired, 'token expired');
    if (typeof verified === 'string') return ws.close(CLOSE.unauthorized, 'invalid key or token');
    const { claims } = verified;
    if (!canNameCustomer(claims.customer)) return ws.close(CLOSE.notFound, 'no such customer');

    const customerId = await options.entitlements.customerId(caller.projectId, claims.customer);
    if (ws.readyState !== ws.OPEN) return;
    if (!byKey.add(ws, [keyHash, verified.keyHash])) return ws.close(CLOSE.keyRevoked, 'API key revoked');
    const subscriber: Subscriber = { socket: ws, projectId: caller.projectId, customerId, version: message.version, greeted: false };
    const key = `${caller.projectId}:${customerId}`;
    const unwatch = options.entitlements.watch(caller.projectId, customerId);
    const group = byCustomer.get(key) ?? new Set<Subscriber>();
    byCustomer.set(key, group);
    group.add(subscriber);
    // The token's own expiry ends the connection; the client mints a new one and reconnects.
    const expiry = setTimeout(() => ws.close(CLOSE.tokenExpired, 'token expired'), Math.min(claims.expiresAt * 1000 - now.getTime(), 2 ** 31 - 1));
    ws.on('close', () => {
      clearTimeout(expiry);
      group.delete(subscriber);
      if (group.size === 0) byCustomer.delete(key);
      unwatch();
    });

    // Reading it may already have pushed it (the cache tells listeners of what it takes).
    const current = await options.entitlements.snapshot(caller.projectId, customerId);
    send(subscriber, current);
    if (!subscriber.greeted) {
      subscriber.greeted = true;
      ws.send(JSON.stringify({ type: 'ready', version: subscriber.version }));
    }
  }

  /**
   * A backend's stream (secret key, for the Node SDK's local mode): every snapshot the project
   * has, then every newer version of any of its customers. A secret key reads everything anyway.
   */
  async function streamProject(ws: WebSocket, secretKey: string): Promise<void> {
    const keyHash = hashKey(secretKey);
    const caller = await options.keys.resolve(keyHash);
    if (!caller) return ws.close(CLOSE.unauthorized, 'invalid key');
    if (ws.readyState !== ws.OPEN) return;
    if (!byKey.add(ws, [keyHash])) return ws.close(CLOSE.keyRevoked, 'API key revoked');
    const watcher: ProjectWatcher = { socket: ws, projectId: caller.projectId, versions: new Map() };
    const unwatch = options.entitlements.watchProject(caller.projectId);
    const group = byProject.get(caller.projectId) ?? new Set<ProjectWatcher>();
    byProject.set(caller.projectId, group);
    group.add(watcher);
    ws.on('close', () => {
      group.delete(watcher);
      if (group.size === 0) byProject.delete(caller.projectId);
      unwatch();
    });
    // The stored snapshots; ones past their valid_until are sent too, and the client treats
    // them as stale (it asks the API, which recomputes) until a newer version arrives.
    for (const stored of await storedSnapshots(options.db, caller.projectId)) sendToWatcher(watcher, stored);
    ws.send(JSON.stringify({ type: 'ready' }));
  }

  // Heartbeats: a connection that did not answer the last ping is gone.
  const heartbeat = setInterval(() => {
    for (const client of wss.clients) {
      if (!alive.get(client)) {
        client.terminate();
        continue;
      }
      alive.set(client, false);
      client.ping();
    }
  }, heartbeatMs);
  heartbeat.unref();

  return {
    size: () => wss.clients.size,
    async close(timeoutMs = 5_000) {
      clearInterval(heartbeat);
      clearInterval(keyRecheck);
      stopListening();
      stopProjectEvents();
      stopRevocations();
      // From now on an upgrade request is a plain HTTP request to Express (426 here, 404 elsewhere).
      server.off('upgrade', onUpgrade);
      for (const client of wss.clients) client.close(CLOSE.goingAway, 'server shutting down');
      // wss.close() calls back once every client is gone: one that ignores the close frame
      // would hold it for ws's own 30 s, so the wait has our deadline.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => wss.close(() => resolve())),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
      ]);
      clearTimeout(timer);
      for (const client of wss.clients) client.terminate();
      upgraded.destroyAll();
    },
  };
}

/** Which of these key hashes belong to keys still active. */
async function activeKeyHashes(db: Queryable, hashes: string[]): Promise<Set<string>> {
  const { rows } = await db.query<{ key_hash: string }>('select key_hash from api_keys where key_hash = any($1::text[]) and revoked_at is null', [hashes]);
  return new Set(rows.map((row) => row.key_hash));
}

async function storedSnapshots(db: Queryable, projectId: string): Promise<StoredSnapshot[]> {
  const { rows } = await db.query<{ snapshot: StoredSnapshot['snapshot']; valid_until: Date | null; computed_at: Date }>(
    'select snapshot, valid_until, computed_at from entitlement_snapshots where project_id = $1',
    [projectId],
  );
  return rows.map((row) => ({ projectId, snapshot: row.snapshot, validUntilMs: row.valid_until?.getTime() ?? null, computedAtMs: row.computed_at.getTime() }));
}
