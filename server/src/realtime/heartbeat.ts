// Heartbeats: every client is pinged; one that did not answer the last ping is gone.
import type { WebSocket, WebSocketServer } from 'ws';

export class Heartbeat {
  readonly #alive = new WeakMap<WebSocket, boolean>();
  readonly #timer: NodeJS.Timeout;

  constructor(wss: WebSocketServer, intervalMs: number) {
    this.#timer = setInterval(() => {
      for (const client of wss.clients) {
        if (!this.#alive.get(client)) {
          client.terminate();
          continue;
        }
        this.#alive.set(client, false);
        client.ping();
      }
    }, intervalMs);
    this.#timer.unref();
  }

  /** Counts the socket alive now and at every pong. */
  watch(ws: WebSocket): void {
    this.#alive.set(ws, true);
    ws.on('pong', () => this.#alive.set(ws, true));
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
