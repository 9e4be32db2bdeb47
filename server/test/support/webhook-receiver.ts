// An HTTP receiver of webhooks on a random port: records every request, answers each with the
// next of `statuses` (200 once they run out), or as `respond` decides (in its own time: a slow
// receiver, a gate), and records what it answered.
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  /** The status answered; null when the sender gave up first (its deadline), undefined while it waits. */
  answered?: number | null;
}

export class WebhookReceiver {
  readonly received: Received[] = [];
  statuses: number[] = [];
  /** Decides each answer, and may take its time; the next of `statuses` when unset. */
  respond: ((request: Received) => number | Promise<number>) | undefined;
  url = '';
  #server: Server | undefined;

  async start(): Promise<this> {
    this.#server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => void this.#answer({ headers: req.headers, body }, res));
    });
    // No idle timeout of the server's own: after a long stall of the event loop (PGlite starting in
    // the same process) it could close a kept-alive connection just as the sender reuses it
    // (ECONNRESET). The sender closes idle connections itself; stop() closes the rest.
    this.#server.keepAliveTimeout = 0;
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/hooks`;
    return this;
  }

  async #answer(request: Received, res: ServerResponse): Promise<void> {
    this.received.push(request);
    const status = this.respond ? await this.respond(request) : (this.statuses.shift() ?? 200);
    if (res.destroyed) {
      request.answered = null;
      return;
    }
    request.answered = status;
    res.statusCode = status;
    res.end(status === 200 ? 'ok' : 'try again later');
  }

  /** The events received, parsed. */
  events(): Array<{ id: string; type: string; data: Record<string, unknown> }> {
    return this.received.map((request) => JSON.parse(request.body));
  }

  /** Stops listening and closes every connection, a request still waiting for its answer included. */
  async stop(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }
}

/** Verifies a received request with the `standardwebhooks` package, as a receiver would; throws when it does not verify. */
export const verifyReceived = (secret: string, request: Received): unknown =>
  new Webhook(secret).verify(request.body, {
    'webhook-id': String(request.headers['webhook-id']),
    'webhook-timestamp': String(request.headers['webhook-timestamp']),
    'webhook-signature': String(request.headers['webhook-signature']),
  });
