// Raw TCP and WebSocket clients for realtime tests: what a misbehaving client really sends.
import net from 'node:net';
import WebSocket from 'ws';

/** Rejects when `promise` has not settled by the deadline (an "eventually", not a measurement). */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms)));
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

export interface RawClient {
  socket: net.Socket;
  /** Everything the server sent so far. */
  received(): string;
  /** Resolves once the server sent text matching `pattern`. */
  waitFor(pattern: RegExp): Promise<void>;
  /** Resolves when the socket closed (by either side). */
  closed: Promise<void>;
  /** Resolves when the server ended its side (FIN) or the socket closed. */
  ended: Promise<void>;
}

/** A TCP connection that writes `request` as is and then only listens. */
export function rawRequest(url: string, request: string): RawClient {
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname, () => socket.write(request));
  let text = '';
  const waiters = new Set<() => void>();
  socket.on('data', (chunk) => {
    text += chunk.toString('latin1');
    for (const check of waiters) check();
  });
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const ended = new Promise<void>((resolve) => {
    socket.once('end', () => resolve());
    void closed.then(resolve);
  });
  return {
    socket,
    received: () => text,
    closed,
    ended,
    waitFor(pattern) {
      return new Promise((resolve) => {
        const check = () => {
          if (!pattern.test(text)) return;
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
        check();
      });
    },
  };
}

export const upgradeRequest = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  `${method} ${path} HTTP/1.1\r\n` +
  Object.entries({
    Host: 'localhost',
    Connection: 'Upgrade',
    Upgrade: 'websocket',
    'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version': '13',
    ...headers,
  })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('') +
  '\r\n';

/** The status code and JSON body of a raw HTTP response. */
export function parseResponse(text: string): { status: number; body: any } {
  const [head = '', body = ''] = text.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), body: body ? JSON.parse(body) : undefined };
}

export interface WsClient {
  socket: WebSocket;
  messages: Array<{ type: string; [field: string]: unknown }>;
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves with the first message (from the start) of this type. */
  waitForType(type: string): Promise<WsClient['messages'][number]>;
}

/** A `ws` client that sends `hello` (as JSON, or as is when a string) once open. */
export function wsConnect(baseUrl: string, hello: unknown): WsClient {
  const socket = new WebSocket(`${baseUrl.replace('http', 'ws')}/v1/realtime`);
  const messages: WsClient['messages'] = [];
  const waiters = new Set<() => void>();
  socket.on('open', () => socket.send(typeof hello === 'string' ? hello : JSON.stringify(hello)));
  socket.on('message', (data) => {
    messages.push(JSON.parse(data.toString()));
    for (const check of waiters) check();
  });
  socket.on('error', () => {});
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  return {
    socket,
    messages,
    closed,
    waitForType(type) {
      return new Promise((resolve) => {
        const check = () => {
          const found = messages.find((message) => message.type === type);
          if (!found) return;
          waiters.delete(check);
          resolve(found);
        };
        waiters.add(check);
        check();
      });
    },
  };
}
