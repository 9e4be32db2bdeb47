// The realtime connection (docs/realtime.md): says hello with the version held, feeds every
// snapshot to the store, and reconnects (or gives up) according to the close code.
import {
  CLOSE,
  frame,
  NozleAPIError,
  NozleAuthenticationError,
  NozleInvalidRequestError,
  parseServerMessage,
  type NozleError,
  type NozleErrorInit,
  type NozleErrorType,
  type ServerMessage,
} from '@nozle/openapi';
import type { Backoff } from './backoff.js';
import type { CustomerTokenSource } from './customer-token.js';
import type { EntitlementStore } from './store.js';

type ErrorClass = new (init: NozleErrorInit) => NozleError;

interface ConnectionOptions {
  url: string;
  publishableKey: string;
  tokens: CustomerTokenSource;
  store: EntitlementStore;
  backoff: Backoff;
  /** The injected class; `globalThis.WebSocket` is looked up when connecting otherwise. */
  WebSocket: typeof WebSocket | undefined;
  onError: (error: Error) => void;
  /** How long the server has to answer (its first snapshot or `ready`) before the status is `unavailable`. */
  timeoutMs: number;
}

export interface Connection {
  /** Starts connecting; does nothing while already connecting or open. */
  connect(): void;
  /** Closes the socket and stops reconnecting. */
  close(): void;
  /**
   * The snapshot held changed with time alone: ask the server what comes after. Offline, try
   * now rather than wait out the backoff; connected, the server pushes the change itself, so
   * say hello again only if no newer version came within `graceMs`.
   */
  refresh(graceMs: number): void;
}

export function createConnection(options: ConnectionOptions): Connection {
  return new RealtimeConnection(options);
}

/** One connection's life: attempts (a token, then a socket), what the server says, and what a close means. */
class RealtimeConnection implements Connection {
  readonly #options: ConnectionOptions;
  #active = false;
  #socket: WebSocket | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #refreshTimer: ReturnType<typeof setTimeout> | null = null;
  /** Since connecting, or since an open connection was lost: fires when the server stayed silent for `timeoutMs`. */
  #downTimer: ReturnType<typeof setTimeout> | null = null;
  /** One attempt's socket: dropped (and another tried) when it brings no answer within `timeoutMs`. */
  #answerTimer: ReturnType<typeof setTimeout> | null = null;
  // Bumped by every attempt and by close(), so late callbacks of an older attempt do nothing.
  #attempt = 0;
  // One immediate retry with a fresh token per close reason, until a connection works again.
  #renewedAfterExpiry = false;
  #renewedAfterUnauthorized = false;
  readonly #resync = createResyncListeners(() => {
    // Back online or visible again while not connected: try now rather than wait out a delay.
    if (!this.#active || this.#options.store.getStatus() === 'open') return;
    this.#options.backoff.reset();
    this.#open();
  });

  constructor(options: ConnectionOptions) {
    this.#options = options;
  }

  connect(): void {
    if (this.#active) return;
    this.#active = true;
    this.#renewedAfterExpiry = false;
    this.#renewedAfterUnauthorized = false;
    this.#options.backoff.reset();
    this.#resync.add();
    this.#startDownTimer();
    this.#open();
  }

  close(): void {
    if (this.#active || this.#options.store.getStatus() !== 'closed') this.#stop();
  }

  refresh(graceMs: number): void {
    if (!this.#active) return;
    const { store } = this.#options;
    if (store.getStatus() !== 'open') {
      this.#options.backoff.reset();
      return this.#open();
    }
    if (this.#refreshTimer !== null) return;
    const version = store.getVersion();
    this.#refreshTimer = setTimeout(() => {
      this.#refreshTimer = null;
      if (this.#active && store.getVersion() === version) this.#open();
    }, graceMs);
  }

  /** A new attempt: a token first, then the socket. */
  #open(): void {
    this.#clearTimer();
    this.#dropSocket();
    const current = ++this.#attempt;
    this.#setWaiting();
    const Transport = this.#options.WebSocket ?? globalThis.WebSocket;
    if (typeof Transport !== 'function') {
      return this.#fail(new Error('Nozle: no WebSocket in this runtime; pass `WebSocket` to createNozle() to connect.'));
    }
    this.#options.tokens.next().then(
      (token) => {
        if (this.#active && current === this.#attempt) this.#start(Transport, token, current);
      },
      (error: unknown) => {
        if (!this.#active || current !== this.#attempt) return;
        this.#options.onError(asError(error, 'Nozle: could not get a customer token'));
        this.#retryLater();
      },
    );
  }

  #start(Transport: typeof WebSocket, token: string, current: number): void {
    let ws: WebSocket;
    try {
      ws = new Transport(this.#options.url);
    } catch (error) {
      return this.#fail(asError(error, 'Nozle: could not open the realtime connection'));
    }
    this.#socket = ws;
    const isCurrent = () => this.#active && current === this.#attempt && this.#socket === ws;
    // A server that takes the socket and never answers: give this attempt up, try another.
    this.#answerTimer = setTimeout(() => {
      this.#answerTimer = null;
      if (isCurrent() && this.#options.store.getStatus() !== 'open') this.#retryLater();
    }, this.#options.timeoutMs);
    ws.onopen = () => {
      if (!isCurrent()) return;
      ws.send(frame.hello(this.#options.publishableKey, { token, version: this.#options.store.getVersion() }));
    };
    ws.onmessage = (event: MessageEvent) => {
      if (isCurrent()) this.#receive(event.data);
    };
    ws.onclose = (event: CloseEvent) => {
      if (!isCurrent()) return;
      this.#socket = null;
      this.#closed(event.code, event.reason);
    };
    // A close event always follows; the code there says what to do.
    ws.onerror = () => {};
  }

  #receive(data: unknown): void {
    const message = typeof data === 'string' ? readMessage(data) : undefined;
    if (message?.type === 'snapshot') this.#options.store.apply(message.snapshot, message.now);
    // Other types (a backend's, or from a newer server): nothing to do with them.
    else if (message?.type !== 'ready') return;
    // The first answer (snapshot or ready) means we are current: the connection works.
    if (this.#options.store.getStatus() !== 'open') {
      this.#clearTimer('answer');
      this.#clearTimer('down');
      this.#options.backoff.reset();
      this.#renewedAfterExpiry = false;
      this.#renewedAfterUnauthorized = false;
      this.#options.store.setStatus('open');
    }
  }

  #closed(code: number, reason: string): void {
    const { renewable } = this.#options.tokens;
    // An open connection lost: the server has `timeoutMs` to be back before checks say so.
    if (this.#options.store.getStatus() === 'open') this.#startDownTimer();
    switch (code) {
      case CLOSE.notFound:
        // The customer does not exist (yet): an answer, not a failure. Settled, not retried.
        this.#stop('customer_not_found');
        return this.#options.store.markCustomerMissing();
      case CLOSE.badRequest:
        return this.#fail(closeError(code, reason));
      // A token signed with the revoked secret key is worth one fresh token (the backend may
      // sign with a new key); a revoked publishable key is then refused (4401) and we stop.
      case CLOSE.unauthorized:
      case CLOSE.keyRevoked:
        if (!renewable || this.#renewedAfterUnauthorized) return this.#fail(closeError(code, reason));
        this.#renewedAfterUnauthorized = true;
        return this.#open();
      case CLOSE.tokenExpired:
        // A fixed token cannot be renewed: reconnecting with it would be refused forever.
        if (!renewable) return this.#fail(closeError(code, reason));
        if (this.#renewedAfterExpiry) return this.#retryLater();
        this.#renewedAfterExpiry = true;
        return this.#open();
      default:
        // 1001, 1006, 4408, 4429, 1011...: the server or the network, not us. Come back later.
        return this.#retryLater();
    }
  }

  #retryLater(): void {
    this.#dropSocket();
    this.#setWaiting();
    this.#clearTimer();
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#open();
    }, this.#options.backoff.next());
  }

  #fail(error: Error): void {
    this.#stop();
    this.#options.onError(error);
  }

  #stop(status: 'closed' | 'customer_not_found' = 'closed'): void {
    this.#active = false;
    this.#attempt += 1;
    this.#clearTimer();
    this.#clearTimer('answer');
    this.#clearTimer('down');
    if (this.#refreshTimer !== null) clearTimeout(this.#refreshTimer);
    this.#refreshTimer = null;
    this.#resync.remove();
    this.#dropSocket();
    this.#options.store.setStatus(status);
  }

  /** `connecting`, unless the server already stayed silent too long (`unavailable` until it answers). */
  #setWaiting(): void {
    if (this.#options.store.getStatus() !== 'unavailable') this.#options.store.setStatus('connecting');
  }

  #startDownTimer(): void {
    if (this.#downTimer !== null) return;
    this.#downTimer = setTimeout(() => {
      this.#downTimer = null;
      if (this.#active && this.#options.store.getStatus() !== 'open') this.#options.store.setStatus('unavailable');
    }, this.#options.timeoutMs);
  }

  #dropSocket(): void {
    this.#clearTimer('answer');
    const ws = this.#socket;
    this.#socket = null;
    // Its handlers check isCurrent(), so nothing it does from now on reaches the store.
    if (ws !== null && ws.readyState !== ws.CLOSING && ws.readyState !== ws.CLOSED) ws.close(1000, 'closed by the client');
  }

  #clearTimer(which: 'retry' | 'answer' | 'down' = 'retry'): void {
    if (which === 'answer') {
      if (this.#answerTimer !== null) clearTimeout(this.#answerTimer);
      this.#answerTimer = null;
    } else if (which === 'down') {
      if (this.#downTimer !== null) clearTimeout(this.#downTimer);
      this.#downTimer = null;
    } else {
      if (this.#timer !== null) clearTimeout(this.#timer);
      this.#timer = null;
    }
  }
}

/** The server's message, or undefined for one to ignore (not JSON, or nothing this client knows). */
function readMessage(text: string): ServerMessage | undefined {
  try {
    return parseServerMessage(text);
  } catch {
    return undefined;
  }
}

/** A typed error for a close code the client gives up on; `code` is the close code, e.g. `'4401'`. */
function closeError(code: number, reason: string): NozleError {
  const meanings: Record<number, [ErrorClass, NozleErrorType, string]> = {
    [CLOSE.badRequest]: [NozleInvalidRequestError, 'invalid_request_error', 'the server did not understand the hello'],
    [CLOSE.unauthorized]: [NozleAuthenticationError, 'authentication_error', 'invalid publishable key or customer token'],
    [CLOSE.keyRevoked]: [NozleAuthenticationError, 'authentication_error', 'the publishable key, or the secret key that signed the token, was revoked'],
    [CLOSE.tokenExpired]: [NozleAuthenticationError, 'authentication_error', 'the customer token expired; pass `getCustomerToken` to renew it'],
  };
  const [ErrorClass, type, meaning] = meanings[code] ?? [NozleAPIError, 'api_error', 'unexpected close'];
  return new ErrorClass({
    message: `Nozle: realtime connection closed (${code}): ${meaning}${reason ? ` (${reason})` : ''}.`,
    type,
    code: String(code),
    raw: { code, reason },
  });
}

function asError(error: unknown, message: string): Error {
  return error instanceof Error ? error : new Error(`${message}: ${String(error)}`);
}

/**
 * 'online' and 'visibilitychange' (back to visible) on the global object, where there is one:
 * a tab that slept or lost the network should not wait out its backoff delay.
 */
function createResyncListeners(resync: () => void) {
  let added = false;
  const onOnline = () => resync();
  const onVisibilityChange = () => {
    if (globalThis.document?.visibilityState === 'visible') resync();
  };
  return {
    add() {
      if (added || typeof globalThis.addEventListener !== 'function') return;
      added = true;
      globalThis.addEventListener('online', onOnline);
      globalThis.addEventListener('visibilitychange', onVisibilityChange);
    },
    remove() {
      if (!added) return;
      added = false;
      globalThis.removeEventListener('online', onOnline);
      globalThis.removeEventListener('visibilitychange', onVisibilityChange);
    },
  };
}
