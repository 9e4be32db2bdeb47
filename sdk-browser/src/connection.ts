// The realtime connection (docs/realtime.md): says hello with the version held, feeds every
// snapshot to the store, and reconnects (or gives up) according to the close code.
import {
  NozleAPIError,
  NozleAuthenticationError,
  NozleInvalidRequestError,
  type NozleError,
  type NozleErrorInit,
  type NozleErrorType,
} from '@nozle/openapi';
import type { Backoff } from './backoff.js';
import type { CustomerTokenSource } from './customer-token.js';
import { isSnapshot } from './options.js';
import type { EntitlementStore } from './store.js';

/** Close codes the server sends (see docs/realtime.md). */
export const CLOSE = {
  badRequest: 4400,
  unauthorized: 4401,
  /** The publishable key, or the secret key that signed the token, was revoked while connected. */
  keyRevoked: 4403,
  notFound: 4404,
  tokenExpired: 4409,
} as const;

type ErrorClass = new (init: NozleErrorInit) => NozleError;

export interface ConnectionOptions {
  url: string;
  publishableKey: string;
  tokens: CustomerTokenSource;
  store: EntitlementStore;
  backoff: Backoff;
  /** The injected class; `globalThis.WebSocket` is looked up when connecting otherwise. */
  WebSocket: typeof WebSocket | undefined;
  onError: (error: Error) => void;
}

export interface Connection {
  /** Starts connecting; does nothing while already connecting or open. */
  connect(): void;
  /** Closes the socket and stops reconnecting. */
  close(): void;
}

export function createConnection(options: ConnectionOptions): Connection {
  const { store, backoff, tokens } = options;
  let active = false;
  let socket: WebSocket | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  // Bumped by every attempt and by close(), so late callbacks of an older attempt do nothing.
  let attempt = 0;
  // One immediate retry with a fresh token per close reason, until a connection works again.
  let renewedAfterExpiry = false;
  let renewedAfterUnauthorized = false;
  const resync = createResyncListeners(() => {
    // Back online or visible again while not connected: try now rather than wait out a delay.
    if (!active || store.getStatus() === 'open') return;
    backoff.reset();
    open();
  });

  function open(): void {
    clearTimer();
    dropSocket();
    const current = ++attempt;
    store.setStatus('connecting');
    const Transport = options.WebSocket ?? globalThis.WebSocket;
    if (typeof Transport !== 'function') {
      return fail(new Error('Nozle: no WebSocket in this runtime; pass `WebSocket` to createNozle() to connect.'));
    }
    tokens.next().then(
      (token) => {
        if (active && current === attempt) start(Transport, token, current);
      },
      (error: unknown) => {
        if (!active || current !== attempt) return;
        options.onError(asError(error, 'Nozle: could not get a customer token'));
        retryLater();
      },
    );
  }

  function start(Transport: typeof WebSocket, token: string, current: number): void {
    let ws: WebSocket;
    try {
      ws = new Transport(options.url);
    } catch (error) {
      return fail(asError(error, 'Nozle: could not open the realtime connection'));
    }
    socket = ws;
    const isCurrent = () => active && current === attempt && socket === ws;
    ws.onopen = () => {
      if (!isCurrent()) return;
      ws.send(JSON.stringify({ type: 'hello', key: options.publishableKey, token, version: store.getVersion() }));
    };
    ws.onmessage = (event: MessageEvent) => {
      if (isCurrent()) receive(event.data);
    };
    ws.onclose = (event: CloseEvent) => {
      if (!isCurrent()) return;
      socket = null;
      closed(event.code, event.reason);
    };
    // A close event always follows; the code there says what to do.
    ws.onerror = () => {};
  }

  function receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: { type?: unknown; snapshot?: unknown };
    try {
      message = JSON.parse(data) as typeof message;
    } catch {
      return;
    }
    if (message.type === 'snapshot' && isSnapshot(message.snapshot)) {
      store.apply(message.snapshot);
    } else if (message.type !== 'ready') {
      return; // A message type from a newer server: nothing to do with it.
    }
    // The first answer (snapshot or ready) means we are current: the connection works.
    if (store.getStatus() !== 'open') {
      backoff.reset();
      renewedAfterExpiry = false;
      renewedAfterUnauthorized = false;
      store.setStatus('open');
    }
  }

  function closed(code: number, reason: string): void {
    switch (code) {
      case CLOSE.badRequest:
      case CLOSE.notFound:
        return fail(closeError(code, reason));
      case CLOSE.unauthorized:
      // A token signed with the revoked secret key is worth one fresh token (the backend may
      // sign with a new key); a revoked publishable key is then refused (4401) and we stop.
      case CLOSE.keyRevoked:
        if (!tokens.renewable || renewedAfterUnauthorized) return fail(closeError(code, reason));
        renewedAfterUnauthorized = true;
        return open();
      case CLOSE.tokenExpired:
        // A fixed token cannot be renewed: reconnecting with it would be refused forever.
        if (!tokens.renewable) return fail(closeError(code, reason));
        if (renewedAfterExpiry) return retryLater();
        renewedAfterExpiry = true;
        return open();
      default:
        // 1001, 1006, 4408, 4429, 1011...: the server or the network, not us. Come back later.
        return retryLater();
    }
  }

  function retryLater(): void {
    store.setStatus('connecting');
    clearTimer();
    timer = setTimeout(() => {
      timer = null;
      open();
    }, backoff.next());
  }

  function fail(error: Error): void {
    stop();
    options.onError(error);
  }

  function stop(): void {
    active = false;
    attempt += 1;
    clearTimer();
    resync.remove();
    dropSocket();
    store.setStatus('closed');
  }

  function dropSocket(): void {
    const ws = socket;
    socket = null;
    // Its handlers check isCurrent(), so nothing it does from now on reaches the store.
    if (ws !== null && ws.readyState !== ws.CLOSING && ws.readyState !== ws.CLOSED) ws.close(1000, 'closed by the client');
  }

  function clearTimer(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  return {
    connect() {
      if (active) return;
      active = true;
      renewedAfterExpiry = false;
      renewedAfterUnauthorized = false;
      backoff.reset();
      resync.add();
      open();
    },
    close() {
      if (active || store.getStatus() !== 'closed') stop();
    },
  };
}

/** A typed error for a close code the client gives up on; `code` is the close code, e.g. `'4401'`. */
function closeError(code: number, reason: string): NozleError {
  const meanings: Record<number, [ErrorClass, NozleErrorType, string]> = {
    [CLOSE.badRequest]: [NozleInvalidRequestError, 'invalid_request_error', 'the server did not understand the hello'],
    [CLOSE.unauthorized]: [NozleAuthenticationError, 'authentication_error', 'invalid publishable key or customer token'],
    [CLOSE.keyRevoked]: [NozleAuthenticationError, 'authentication_error', 'the publishable key, or the secret key that signed the token, was revoked'],
    [CLOSE.notFound]: [NozleInvalidRequestError, 'invalid_request_error', "the token's customer does not exist"],
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
