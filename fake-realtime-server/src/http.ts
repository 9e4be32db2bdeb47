// A real HTTP server on a random port for the SDKs' tests (the API side that hangs, fails or
// rate-limits): each request is answered by the next handler in line (the last one answers the
// rest), and every request is recorded. @nozle/openapi keeps its own copy (it cannot depend on
// this package, which depends on it).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface TestServer {
  url: string;
  /** Headers of each request, in the order they came. */
  requests: IncomingMessage['headers'][];
  /** The body of each request, as text. */
  bodies: string[];
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
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push(req.headers);
      bodies.push(Buffer.concat(chunks).toString('utf8'));
      const handler = handlers[Math.min(requests.length, handlers.length) - 1]!;
      handler(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    bodies,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
