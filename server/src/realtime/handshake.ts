// A connection's first moments: the hello within its time, the key (and a browser's customer
// token) checked, then the client added to the audience and given its first answer.
import { CLOSE } from '@nozle/openapi';
import type { Logger } from 'pino';
import type { RawData, WebSocket } from 'ws';
import type { Clock } from '../clock.js';
import type { Queryable } from '../db/database.js';
import type { EntitlementCache } from '../entitlements/cache.js';
import type { StoredSnapshot } from '../entitlements/snapshot.js';
import type { KeyCache } from '../projects/key-cache.js';
import { ApiError } from '../http/errors.js';
import { hashKey } from '../http/api-keys.js';
import type { Audience, ProjectWatcher, Subscriber } from './audience.js';
import type { ConnectionsByKey } from './connections-by-key.js';
import { readCustomerToken, verifyCustomerTokenKey } from '../http/customer-token.js';
import { canNameCustomer, isRefusal, parseHello, type Hello } from './hello.js';

interface HandshakeDeps {
  db: Queryable;
  clock: Clock;
  logger: Logger;
  keys: KeyCache;
  entitlements: EntitlementCache;
  audience: Audience;
  byKey: ConnectionsByKey;
  helloTimeoutMs: number;
}

type CustomerHello = Extract<Hello, { kind: 'customer' }>;

/** Waits for the socket's hello and answers it; every failure is a close code, never a throw. */
export function awaitHello(ws: WebSocket, deps: HandshakeDeps): void {
  const timer = setTimeout(() => ws.close(CLOSE.helloTimeout, 'no hello'), deps.helloTimeoutMs);
  ws.once('message', (data: RawData) => {
    clearTimeout(timer);
    hello(ws, data, deps).catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return ws.close(CLOSE.notFound, 'no such customer');
      deps.logger.warn({ err: error }, 'realtime hello failed');
      ws.close(1011, 'server error');
    });
  });
  ws.on('error', () => {});
}

async function hello(ws: WebSocket, data: RawData, deps: HandshakeDeps): Promise<void> {
  const message = parseHello(data);
  if (isRefusal(message)) return ws.close(message.code, message.reason);
  if (message.kind === 'project') return streamProject(ws, message.key, deps);
  return subscribeCustomer(ws, message, deps);
}

/** A browser: a publishable key, and a customer token of the key's project, signed by one of its secret keys. */
async function subscribeCustomer(ws: WebSocket, message: CustomerHello, deps: HandshakeDeps): Promise<void> {
  const keyHash = hashKey(message.key);
  const caller = await deps.keys.resolve(keyHash);
  const claimed = readCustomerToken(message.token);
  if (!caller || !claimed || claimed.projectId !== caller.projectId) return ws.close(CLOSE.unauthorized, 'invalid key or token');
  const now = deps.clock.now();
  const verified = verifyCustomerTokenKey(message.token, await deps.keys.secretKeyHashes(caller.projectId), now);
  if (verified === 'token_expired') return ws.close(CLOSE.tokenExpired, 'token expired');
  if (typeof verified === 'string') return ws.close(CLOSE.unauthorized, 'invalid key or token');
  const { claims } = verified;
  if (!canNameCustomer(claims.customer)) return ws.close(CLOSE.notFound, 'no such customer');

  const customerId = await deps.entitlements.customerId(caller.projectId, claims.customer);
  if (ws.readyState !== ws.OPEN) return;
  if (!deps.byKey.add(ws, [keyHash, verified.keyHash])) return ws.close(CLOSE.keyRevoked, 'API key revoked');
  const subscriber: Subscriber = { socket: ws, projectId: caller.projectId, customerId, version: message.version, greeted: false };
  const unwatch = deps.entitlements.watch(caller.projectId, customerId);
  const leave = deps.audience.addSubscriber(subscriber);
  // The token's own expiry ends the connection; the client mints a new one and reconnects.
  const expiry = setTimeout(() => ws.close(CLOSE.tokenExpired, 'token expired'), Math.min(claims.expiresAt * 1000 - now.getTime(), 2 ** 31 - 1));
  ws.on('close', () => {
    clearTimeout(expiry);
    leave();
    unwatch();
  });

  // Reading it may already have pushed it (the cache tells listeners of what it takes).
  deps.audience.welcome(subscriber, await deps.entitlements.snapshot(caller.projectId, customerId));
}

/**
 * A backend's stream (secret key, for the Node SDK's local mode): every snapshot the project
 * has, then every newer version of any of its customers. A secret key reads everything anyway.
 */
async function streamProject(ws: WebSocket, secretKey: string, deps: HandshakeDeps): Promise<void> {
  const keyHash = hashKey(secretKey);
  const caller = await deps.keys.resolve(keyHash);
  if (!caller) return ws.close(CLOSE.unauthorized, 'invalid key');
  if (ws.readyState !== ws.OPEN) return;
  if (!deps.byKey.add(ws, [keyHash])) return ws.close(CLOSE.keyRevoked, 'API key revoked');
  const watcher: ProjectWatcher = { socket: ws, projectId: caller.projectId, versions: new Map() };
  const unwatch = deps.entitlements.watchProject(caller.projectId);
  const leave = deps.audience.addWatcher(watcher);
  ws.on('close', () => {
    leave();
    unwatch();
  });
  // The stored snapshots; ones past their valid_until are sent too, and the client treats
  // them as stale (it asks the API, which recomputes) until a newer version arrives.
  deps.audience.catchUp(watcher, await storedSnapshots(deps.db, caller.projectId));
}

async function storedSnapshots(db: Queryable, projectId: string): Promise<StoredSnapshot[]> {
  const { rows } = await db.query<{ snapshot: StoredSnapshot['snapshot']; valid_until: Date | null; computed_at: Date }>(
    'select snapshot, valid_until, computed_at from entitlement_snapshots where project_id = $1',
    [projectId],
  );
  return rows.map((row) => ({ projectId, snapshot: row.snapshot, validUntilMs: row.valid_until?.getTime() ?? null, computedAtMs: row.computed_at.getTime() }));
}
