// A real HTTP server on a random port for one test: each request is answered by the next
// handler in line (the last one answers the rest), and every request is recorded.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface TestServer {
  url: string;
  /** Headers of each request, in the order they came. */
  requests: IncomingMessage['headers'][];
  close(): Promise<void>;
}

/** Answers with `status` and a JSON body. */
export const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Handler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  };

/** Takes the request and never answers. */
export const hang: Handler = () => {};

/** Drops the connection without an answer: a network error for the client. */
export const drop: Handler = (req) => {
  req.socket.destroy();
};

export async function startServer(...handlers: Handler[]): Promise<TestServer> {
  const requests: IncomingMessage['headers'][] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests.push(req.headers);
      const handler = handlers[Math.min(requests.length, handlers.length) - 1]!;
      handler(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
