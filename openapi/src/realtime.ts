// The realtime protocol of `GET /v1/realtime` (docs/realtime.md), written once: the messages each
// side sends, the close codes, and the one reader of a server message that both SDKs trust. The
// server's hub, the browser connection and the Node SDK's stream all write and read through it.
import type { components } from './generated/schema.js';

type Entitlements = components['schemas']['Entitlements'];

/** Where the realtime WebSocket lives, under the API's base URL. */
export const REALTIME_PATH = '/v1/realtime';

/**
 * The client's first and only message. A browser sends its publishable key, a customer token
 * and the snapshot version it holds (0 for none); a backend streaming its project sends its
 * secret key alone.
 */
export interface HelloMessage {
  type: 'hello';
  key: string;
  token?: string;
  version?: number;
}

/** Every message a client sends. */
export type ClientMessage = HelloMessage;

/** A customer's snapshot, whole: the receiver keeps it when it is newer than the one it holds. */
interface SnapshotMessage {
  type: 'snapshot';
  snapshot: Entitlements;
  /**
   * The server's time (the project's clock) when it sent this, Unix ms: the clock a client
   * flips the snapshot by offline (`snapshotAt`). Absent from older servers.
   */
  now?: number;
}

/** The receiver is current: a browser's with the version it said it holds, a backend's once every snapshot was sent. */
interface ReadyMessage {
  type: 'ready';
  version?: number;
}

/** To a backend's stream: this customer was deleted, forget it. */
interface DeletedMessage {
  type: 'deleted';
  customer: string;
}

/** To a backend's stream: every snapshot of the project changed meaning, forget them all. */
interface StaleMessage {
  type: 'stale';
}

/** Every message the server sends. */
export type ServerMessage = SnapshotMessage | ReadyMessage | DeletedMessage | StaleMessage;

/** The close codes of the protocol, and what they mean to a client (docs/realtime.md). */
export const CLOSE = {
  /** The hello was not understood. */
  badRequest: 4400,
  /** Invalid key or customer token. */
  unauthorized: 4401,
  /** The key, or the secret key that signed the customer token, was revoked while connected. */
  keyRevoked: 4403,
  /** The token's customer does not exist (or was deleted while connected). */
  notFound: 4404,
  /** No hello in time. */
  helloTimeout: 4408,
  /** The customer token expired (also when it expires while connected). */
  tokenExpired: 4409,
  /** The client read too slowly and fell behind: it reconnects with its version. */
  tooSlow: 4429,
  /** The server is shutting down. */
  goingAway: 1001,
} as const;

/**
 * The frames, as they go on the wire. Built here only, so every side writes them alike; a field
 * left undefined is left out (a backend's hello has no token or version, its `ready` no version).
 */
export const frame = {
  hello: (key: string, customer?: { token: string; version: number }): string =>
    encode({ type: 'hello', key, token: customer?.token, version: customer?.version }),
  snapshot: (snapshot: Entitlements, now?: number): string => encode({ type: 'snapshot', now, snapshot }),
  /**
   * The same frame from a snapshot already serialized (`JSON.stringify(snapshot)`): a server
   * sending one snapshot to many clients serializes it once and stamps each send's time.
   */
  encodedSnapshot: (snapshotJson: string, now: number): string => `{"type":"snapshot","now":${JSON.stringify(now)},"snapshot":${snapshotJson}}`,
  ready: (version?: number): string => encode({ type: 'ready', version }),
  deleted: (customer: string): string => encode({ type: 'deleted', customer }),
  stale: (): string => encode({ type: 'stale' }),
};

const encode = (message: ClientMessage | ServerMessage): string => JSON.stringify(message);

/**
 * Reads one message from the server, trusting none of it.
 *
 * @returns the message, or undefined for one to ignore: a type this reader does not know (from a
 *   newer server), or a known type whose fields are not what the protocol says
 * @throws SyntaxError when `text` is not JSON at all
 */
export function parseServerMessage(text: string): ServerMessage | undefined {
  const message: unknown = JSON.parse(text);
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return undefined;
  const { type, snapshot, version, customer, now } = message as Record<string, unknown>;
  switch (type) {
    case 'snapshot':
      if (!isSnapshot(snapshot)) return undefined;
      // A time that is not one is left out: the client then goes by its own clock.
      return Number.isSafeInteger(now) && (now as number) >= 0 ? { type, snapshot, now: now as number } : { type, snapshot };
    case 'ready':
      return Number.isSafeInteger(version) ? { type, version: version as number } : { type };
    case 'deleted':
      return typeof customer === 'string' ? { type, customer } : undefined;
    case 'stale':
      return { type };
    default:
      return undefined;
  }
}

/**
 * Enough of the `Entitlements` shape to keep a snapshot, find it by customer and external_id,
 * compare versions and know until when it holds; the server sends the rest.
 */
export function isSnapshot(value: unknown): value is Entitlements {
  if (typeof value !== 'object' || value === null) return false;
  const { customer, version, features, external_id: externalId, valid_until: validUntil, upcoming, alerts } = value as Record<string, unknown>;
  return (
    typeof customer === 'string' &&
    Number.isSafeInteger(version) &&
    isRecord(features) &&
    // A server from before alerts sends none; the store hands each entry out as it came.
    (alerts === undefined || (Array.isArray(alerts) && alerts.every(isReachedAlert))) &&
    // A server from before snapshots carried external_id sends none.
    (externalId === undefined || externalId === null || typeof externalId === 'string') &&
    (validUntil === null || typeof validUntil === 'number') &&
    // Only a snapshot with a time to switch at can have an upcoming state to switch to.
    (upcoming === undefined || (typeof validUntil === 'number' && isUpcoming(upcoming)))
  );
}

function isUpcoming(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const { features, valid_until: validUntil, credits } = value;
  return isRecord(features) && (validUntil === null || typeof validUntil === 'number') && (credits === undefined || isRecord(credits));
}

/** Enough of `ReachedAlert` to find and drop it: its alert's id, and when its period ends. */
function isReachedAlert(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const { alert, period_end: periodEnd } = value;
  return typeof alert === 'string' && (periodEnd === null || typeof periodEnd === 'number');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
