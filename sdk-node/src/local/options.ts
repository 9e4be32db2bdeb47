// Validates and fills in the `stream` option of `new Nozle(...)` (local mode) once.
import WebSocketFromWs from 'ws';
import { consoleLine } from '../log-line.js';
import type { NozleLocalModeError } from './errors.js';

/**
 * The part of the WebSocket API local mode uses. The `ws` package, Node 22's global
 * `WebSocket` and browsers' all have it.
 */
export interface StreamSocket {
  readonly readyState: number;
  // `any` events: each implementation has its own event classes (ws's, undici's, a browser's),
  // and a handler typed `unknown` would refuse them all.
  /* eslint-disable @typescript-eslint/no-explicit-any */
  onopen: ((event: any) => void) | null;
  onmessage: ((event: any) => void) | null;
  onclose: ((event: any) => void) | null;
  onerror: ((event: any) => void) | null;
  /* eslint-enable @typescript-eslint/no-explicit-any */
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** A WebSocket class: `ws`'s, `globalThis.WebSocket`, or a test double. */
export type StreamSocketConstructor = new (url: string) => StreamSocket;

/** Where local mode writes warnings (a connection refused for good, an unreadable message). */
export type StreamLogger = (message: string, ...details: unknown[]) => void;

/** Options of local mode, given as `new Nozle({ secretKey, stream: { … } })`. */
export interface StreamOptions {
  /**
   * The WebSocket class to connect with.
   * @defaultValue `WebSocket` from the `ws` package (Node 20 has no global one)
   */
  WebSocket?: StreamSocketConstructor;
  /**
   * Reconnection after the connection drops: a random wait between 0 and
   * `min(maxDelayMs, initialDelayMs * 2^attempt)` (full jitter), back to the first delay once
   * the server said `ready` again.
   * @defaultValue `{ initialDelayMs: 500, maxDelayMs: 30000 }`
   */
  reconnect?: { initialDelayMs?: number; maxDelayMs?: number };
  /**
   * The server pings every 30 s; with no ping (nor any message) for this long the connection is
   * taken for dead and replaced. Only sockets that report pings (`ws`'s) are watched.
   * @defaultValue `70000`
   */
  pingTimeoutMs?: number;
  /**
   * Where local mode's problems are written (a message, then details such as the error), when
   * `new Nozle({ onError })` is not given: with it, they go there as `NozleLocalModeError`s.
   * @defaultValue one line per call on `console.warn`: `[nozle] local: <message>`
   */
  logger?: StreamLogger;
}

export interface ResolvedStreamOptions {
  readonly WebSocket: StreamSocketConstructor;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  readonly pingTimeoutMs: number;
  readonly logger: StreamLogger;
  /** The top-level `onError` of `new Nozle(...)`; undefined: problems go to `logger`. */
  readonly onError?: ((error: NozleLocalModeError) => void) | undefined;
}

const STREAM_DEFAULTS = {
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  pingTimeoutMs: 70_000,
} as const;

/** Longest delay `setTimeout` honours; longer ones fire at once. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * @returns undefined when local mode is off (`stream` absent or `false`)
 * @throws TypeError when an option is malformed
 */
export function resolveStreamOptions(stream: unknown): ResolvedStreamOptions | undefined {
  if (stream === undefined || stream === false) return undefined;
  if (stream === true) stream = {};
  if (stream === null || typeof stream !== 'object') {
    throw new TypeError('Nozle: `stream` must be true, false or an object such as { WebSocket }.');
  }
  const options = stream as StreamOptions;
  if (options.WebSocket !== undefined && typeof options.WebSocket !== 'function') {
    throw new TypeError('Nozle: `stream.WebSocket` must be a WebSocket class.');
  }
  if (options.reconnect !== undefined && (options.reconnect === null || typeof options.reconnect !== 'object')) {
    throw new TypeError('Nozle: `stream.reconnect` must be an object such as { initialDelayMs: 500, maxDelayMs: 30000 }.');
  }
  if (options.logger !== undefined && typeof options.logger !== 'function') {
    throw new TypeError('Nozle: `stream.logger` must be a function.');
  }
  const initialDelayMs = delay('stream.reconnect.initialDelayMs', options.reconnect?.initialDelayMs, STREAM_DEFAULTS.initialDelayMs);
  const maxDelayMs = delay('stream.reconnect.maxDelayMs', options.reconnect?.maxDelayMs, STREAM_DEFAULTS.maxDelayMs);
  if (maxDelayMs < initialDelayMs) {
    throw new TypeError('Nozle: `stream.reconnect.maxDelayMs` must be at least `initialDelayMs`.');
  }
  const pingTimeoutMs = delay('stream.pingTimeoutMs', options.pingTimeoutMs, STREAM_DEFAULTS.pingTimeoutMs);
  if (pingTimeoutMs === 0) throw new TypeError('Nozle: `stream.pingTimeoutMs` must be more than 0.');
  return {
    WebSocket: options.WebSocket ?? WebSocketFromWs,
    initialDelayMs,
    maxDelayMs,
    pingTimeoutMs,
    logger: options.logger ?? consoleLine('local'),
  };
}

function delay(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_TIMER_MS) {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- whatever was passed, as JavaScript prints it
    throw new TypeError(`Nozle: \`${name}\` must be a number of milliseconds from 0 to ${MAX_TIMER_MS}, got ${String(value)}.`);
  }
  return value;
}
