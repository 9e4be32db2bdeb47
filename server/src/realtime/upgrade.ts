// The HTTP server hands every `Upgrade` request's socket to us, whatever its path or protocol,
// and forgets it. Each one is answered at once unless it is a WebSocket handshake for the
// realtime path, and kept in `UpgradedSockets` until it closes, so shutdown can end them all.
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { ApiError } from '../http/errors.js';
import { newId } from '../ids.js';

/** Why this upgrade request is not one we take, or undefined when it is. */
export function upgradeRefusal(req: IncomingMessage, realtimePath: string): ApiError | undefined {
  const refusal = (message: string, param: string | null = null) => new ApiError(400, 'invalid_request_error', 'upgrade_not_supported', message, param);
  // Not new URL(): a request target it cannot parse would throw here, outside any request.
  const path = (req.url ?? '').split('?', 1)[0];
  if (path !== realtimePath || req.method !== 'GET') {
    return refusal(`Only GET ${realtimePath} accepts an Upgrade (to websocket); send this request without an Upgrade header.`);
  }
  if (req.headers.upgrade?.trim().toLowerCase() !== 'websocket') return refusal(`${realtimePath} upgrades only to websocket (Upgrade: websocket).`, 'Upgrade');
  return undefined;
}

/** Answers with the API's error object and closes the socket (Express never sees this request). */
export function refuseUpgrade(socket: Duplex, error: ApiError): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const requestId = newId('req');
  const body = JSON.stringify(error.toBody(requestId));
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status]}\r\n` +
      'Connection: close\r\nContent-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\nRequest-Id: ${requestId}\r\n\r\n${body}`,
  );
}

/** Every socket taken over from the HTTP server, until it closes (server.closeAllConnections() no longer sees them). */
export class UpgradedSockets {
  readonly #open = new Set<Duplex>();

  add(socket: Duplex): void {
    this.#open.add(socket);
    socket.once('close', () => this.#open.delete(socket));
    // Node removed its own error listener when it handed the socket over: without one, a
    // connection reset would be an uncaught error.
    socket.on('error', () => socket.destroy());
  }

  get size(): number {
    return this.#open.size;
  }

  destroyAll(): void {
    for (const socket of this.#open) socket.destroy();
  }
}
