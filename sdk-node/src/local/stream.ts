// Local mode's connection: streams every snapshot of the project over `GET /v1/realtime` with the
// secret key (docs/realtime.md) into a SnapshotCopy, and reconnects when it drops.
import { CLOSE, frame, parseServerMessage, snapshotAt, type ServerMessage } from '@nozle/openapi';
import type { CanOptions, Check } from '../entitlements.js';
import { backoffDelay } from '../track/backoff.js';
import { answerLocally, isFresh } from './answer.js';
import { SnapshotCopy } from './copy.js';
import { NozleLocalModeError, type LocalModeErrorReason } from './errors.js';
import type { ResolvedStreamOptions, StreamSocket } from './options.js';

/** Counters and state of local mode (`nozle.localStats()`); cheap, for metrics and benchmarks. */
export interface LocalStats {
  /** Whether `stream` was given to `new Nozle()`. */
  enabled: boolean;
  /** Whether the copy is current (the server said `ready`, and the connection is still up). */
  ready: boolean;
  /** Customers in the copy. */
  customers: number;
  /** `snapshot` messages received. */
  snapshots: number;
  /** Of those, the ones kept: newer than the version held. */
  updates: number;
  /** Connections attempted: the first one and every reconnection. */
  connections: number;
  /** `can()` calls answered from the copy. */
  localAnswers: number;
  /** `can()` calls that asked the API. */
  apiAnswers: number;
}

const OPEN = 1;
/** Close codes after which connecting again cannot help (docs/realtime.md). */
const FINAL_CLOSE_CODES = new Map<number, string>([
  [CLOSE.badRequest, 'the server did not understand the hello'],
  [CLOSE.unauthorized, 'the secret key was refused (revoked, or of no project)'],
  [CLOSE.keyRevoked, 'the secret key was revoked'],
  [CLOSE.notFound, 'the server found nothing to stream'],
]);

export class SnapshotStream {
  readonly #url: string;
  readonly #secretKey: string;
  readonly #options: ResolvedStreamOptions;
  readonly #copy = new SnapshotCopy();
  #socket: StreamSocket | undefined;
  #ready = false;
  /** Customers the server sent since this connection's hello, until `ready`. */
  #seen: Set<string> | undefined;
  /** Reconnections since the last `ready`. */
  #attempt = 0;
  #reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  #pingTimer: ReturnType<typeof setTimeout> | undefined;
  #stopped = false;
  #closing: Promise<void> | undefined;
  readonly #readyWaiters = new Set<(ready: boolean) => void>();
  readonly #stats = { snapshots: 0, updates: 0, connections: 0 };
  /** How far the project's clock (a test clock, or skew) is ahead of ours, from the server's last snapshot. */
  #serverAheadMs = 0;

  constructor(url: string, secretKey: string, options: ResolvedStreamOptions) {
    this.#url = url;
    this.#secretKey = secretKey;
    this.#options = options;
    this.#connect();
  }

  /**
   * The answer from the copy, or undefined when the API must answer: not ready, customer or
   * feature not in the copy, snapshot past its `valid_until`, or a quantity the API would refuse.
   */
  answer(customer: string, feature: string, quantity: unknown, credits?: CanOptions['credits']): Check | undefined {
    if (!this.#ready) return undefined;
    if (quantity !== undefined && !(Number.isSafeInteger(quantity) && (quantity as number) >= 0)) return undefined;
    const held = this.#copy.get(customer);
    if (!held) return undefined;
    // Flipped lazily at its instants: past valid_until, its upcoming state (the server's push
    // of the newer version replaces it); past that too, stale, so the API answers.
    const now = Date.now() + this.#serverAheadMs;
    const snapshot = snapshotAt(held, now);
    if (!isFresh(snapshot, now)) return undefined;
    // A requirement the API would refuse (400) is the API's to answer.
    if (credits !== undefined && !validRequirement(credits)) return undefined;
    // A snapshot without balances (from an older server): the API answers.
    if (credits !== undefined && snapshot.credits === undefined) return undefined;
    return answerLocally(snapshot, feature, (quantity as number | undefined) ?? 1, credits);
  }

  stats(): Omit<LocalStats, 'enabled' | 'localAnswers' | 'apiAnswers'> {
    return { ready: this.#ready, customers: this.#copy.size, ...this.#stats };
  }

  /** Resolves true once ready, false after `timeoutMs` or when the stream stops first. */
  whenReady(timeoutMs: number): Promise<boolean> {
    if (this.#ready) return Promise.resolve(true);
    if (this.#stopped) return Promise.resolve(false);
    return new Promise((resolve) => {
      const done = (ready: boolean) => {
        clearTimeout(timer);
        this.#readyWaiters.delete(done);
        resolve(ready);
      };
      // Not unref'd: it is bounded, and the caller awaits it (a script waiting for the copy
      // while the reconnection timer, unref'd, is all that is left would exit unsettled).
      const timer = setTimeout(() => done(false), timeoutMs);
      this.#readyWaiters.add(done);
    });
  }

  /**
   * Stops reconnecting and closes the connection; resolves once it is closed, or after
   * `timeoutMs` (at most 1 s) when the server does not answer the close, dropping it then.
   */
  close(timeoutMs: number): Promise<void> {
    this.#closing ??= this.#close(timeoutMs);
    return this.#closing;
  }

  async #close(timeoutMs: number): Promise<void> {
    this.#stop();
    const socket = this.#socket;
    if (!socket) return;
    const closed = new Promise<void>((resolve) => {
      socket.onclose = () => resolve();
    });
    try {
      socket.close(1000, 'client shutdown');
    } catch {
      // Already closing, or an injected socket that cannot: dropped below.
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const waited = await Promise.race([
      closed.then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), Math.min(timeoutMs, 1000));
      }),
    ]);
    clearTimeout(timer);
    // No close frame back: drop the TCP connection rather than leave it open for `ws`'s 30 s.
    if (!waited) (socket as StreamSocket & { terminate?: () => void }).terminate?.();
    this.#socket = undefined;
  }

  /** To the top-level `onError` when given, else a line through `stream.logger`. */
  #warn(reason: LocalModeErrorReason, message: string, details: { cause?: unknown; closeCode?: number } = {}): void {
    const { onError, logger } = this.#options;
    if (onError === undefined) {
      if (details.cause === undefined) logger(message);
      else logger(message, details.cause);
      return;
    }
    try {
      onError(new NozleLocalModeError(reason, message, details));
    } catch (thrown) {
      logger('Nozle: onError threw; ignored.', thrown);
    }
  }

  #stop(): void {
    this.#stopped = true;
    this.#ready = false;
    clearTimeout(this.#reconnectTimer);
    clearTimeout(this.#pingTimer);
    for (const waiter of [...this.#readyWaiters]) waiter(false);
  }

  #connect(): void {
    this.#stats.connections += 1;
    let socket: StreamSocket;
    try {
      socket = new this.#options.WebSocket(this.#url);
    } catch (error) {
      this.#warn('connect_failed', 'Nozle: local mode could not open its connection; can() asks the API meanwhile.', { cause: error });
      this.#scheduleReconnect();
      return;
    }
    this.#socket = socket;
    this.#watchPings(socket);
    socket.onopen = () => {
      this.#seen = new Set();
      this.#alive(socket);
      socket.send(frame.hello(this.#secretKey));
    };
    socket.onmessage = (event: { data: unknown }) => {
      if (socket !== this.#socket || this.#stopped) return;
      this.#alive(socket);
      this.#receive(event.data);
    };
    // An error is followed by a close, which decides what happens next.
    socket.onerror = () => {};
    socket.onclose = (event: { code?: number }) => this.#closed(socket, event.code ?? 1006);
  }

  #receive(data: unknown): void {
    let message: ServerMessage | undefined;
    try {
      message = parseServerMessage(typeof data === 'string' ? data : String(data));
    } catch {
      this.#warn('bad_message', 'Nozle: local mode ignored a message that is not JSON.');
      return;
    }
    switch (message?.type) {
      case 'snapshot': {
        // A server from before snapshots carried external_id sends none.
        const snapshot = { ...message.snapshot, external_id: message.snapshot.external_id ?? null };
        this.#stats.snapshots += 1;
        if (message.now !== undefined) this.#serverAheadMs = message.now - Date.now();
        if (this.#copy.apply(snapshot)) this.#stats.updates += 1;
        this.#seen?.add(snapshot.customer);
        return;
      }
      case 'ready':
        return this.#becomeReady();
      case 'deleted':
        return this.#copy.remove(message.customer);
      case 'stale':
        // Every snapshot of the project changed meaning (e.g. a meter was tied to a feature):
        // answer from the API until new versions stream in.
        return this.#copy.clear();
    }
    // Other types are newer than this SDK (or not what the protocol says): ignored.
  }

  #becomeReady(): void {
    // The server sent every customer it has before `ready`: one not among them was deleted
    // while this client was away.
    if (this.#seen) this.#copy.retain(this.#seen);
    this.#seen = undefined;
    this.#ready = true;
    this.#attempt = 0;
    for (const waiter of [...this.#readyWaiters]) waiter(true);
  }

  #closed(socket: StreamSocket, code: number): void {
    if (socket !== this.#socket) return;
    this.#socket = undefined;
    this.#ready = false;
    this.#seen = undefined;
    clearTimeout(this.#pingTimer);
    if (this.#stopped) return;
    const final = FINAL_CLOSE_CODES.get(code);
    if (final !== undefined) {
      this.#warn('stopped', `Nozle: local mode stopped (close code ${code}: ${final}); can() asks the API from now on.`, { closeCode: code });
      this.#stop();
      return;
    }
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    const wait = backoffDelay(this.#attempt, {
      initialDelayMs: this.#options.initialDelayMs,
      maxDelayMs: this.#options.maxDelayMs,
      maxRetries: Number.POSITIVE_INFINITY,
    });
    this.#attempt += 1;
    this.#reconnectTimer = setTimeout(() => this.#connect(), wait);
    // A reconnection waiting does not keep a finished script alive.
    this.#reconnectTimer.unref?.();
  }

  /** `ws` sockets report the server's pings; silence for too long means a dead connection. */
  #watchPings(socket: StreamSocket): void {
    const emitter = socket as StreamSocket & { on?: (event: string, listener: () => void) => void };
    if (typeof emitter.on === 'function') emitter.on('ping', () => this.#alive(socket));
  }

  #alive(socket: StreamSocket): void {
    const terminate = (socket as StreamSocket & { terminate?: () => void }).terminate;
    if (socket !== this.#socket || socket.readyState !== OPEN || typeof terminate !== 'function') return;
    clearTimeout(this.#pingTimer);
    this.#pingTimer = setTimeout(() => {
      this.#warn('ping_timeout', `Nozle: local mode heard nothing from the server for ${this.#options.pingTimeoutMs} ms; reconnecting.`);
      terminate.call(socket);
    }, this.#options.pingTimeoutMs);
    this.#pingTimer.unref?.();
  }
}

function validRequirement(credits: unknown): boolean {
  if (credits === null || typeof credits !== 'object') return false;
  const { currency, amount, ...rest } = credits as Record<string, unknown>;
  return (
    Object.keys(rest).length === 0 &&
    typeof currency === 'string' &&
    /^[a-z]{3}$/.test(currency) &&
    Number.isSafeInteger(amount) &&
    (amount as number) >= 0 &&
    (amount as number) <= 1e12
  );
}
