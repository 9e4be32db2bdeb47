// The server side of the realtime bench (realtime.mjs forks it, with --expose-gc, once per side and
// client count): either the Nozle server, started in this process with startServer(), or the
// baseline, a bare `ws` server that broadcasts a snapshot-sized JSON message on an HTTP request.
// Nothing else runs here (the WebSocket clients are another process, the grants come from the
// parent), so this process's memory and event loop are the server's alone.
//
// Commands arrive over IPC: memory, eld-start, eld-stop, close. Not a bench of its own.
import { once } from 'node:events';
import { createServer } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { WebSocketServer } from 'ws';
import { createProjectWithKeys, loadConfig, startServer } from '@nozle/server';

const REALTIME_PATH = '/v1/realtime';
const { side, templates } = JSON.parse(process.argv[2]);

if (typeof globalThis.gc !== 'function') fail(new Error('realtime-server.mjs must run with node --expose-gc'));
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

function fail(error) {
  process.send?.({ type: 'fatal', message: error?.stack ?? String(error) });
  process.exit(1);
}

// The baseline: what pushing one message to N sockets costs with `ws` and nothing else. It is
// attached to a node:http server the way the Nozle server attaches its hub (noServer, an
// `upgrade` listener, the same path and maxPayload), greets each hello with the current message,
// and on `POST /v1/broadcast` makes the next version's message once and sends it to every client,
// then answers 200 (the Nozle server also pushes before it answers).
async function startBare() {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 });
  const subscribers = new Set();
  let version = templates.initial.version;
  let current = JSON.stringify({ type: 'snapshot', snapshot: templates.initial });

  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/broadcast') {
        res.writeHead(404).end();
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      version += 1;
      const snapshot = { ...(body.kind === 'revoke' ? templates.revoked : templates.granted), version };
      current = JSON.stringify({ type: 'snapshot', snapshot });
      for (const ws of subscribers) ws.send(current);
      const answer = JSON.stringify({ version });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) });
      res.end(answer);
    });
  });
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://x').pathname !== REALTIME_PATH) return socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', () => {});
      ws.once('message', (data) => {
        const hello = JSON.parse(data.toString());
        if (hello.type !== 'hello' || typeof hello.key !== 'string') return ws.close(4400, 'expected a hello');
        subscribers.add(ws);
        ws.on('close', () => subscribers.delete(ws));
        ws.send(current);
      });
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    async close() {
      // As the hub does: every client is told to go, then the servers close.
      for (const ws of wss.clients) ws.close(1001, 'server shutting down');
      await new Promise((resolve) => wss.close(() => resolve()));
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

async function startNozle() {
  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: 'silent',
    NOZLE_DEMO: 'false',
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
  });
  const running = await startServer(config);
  const project = await createProjectWithKeys(running.db, 'bench', new Date());
  return { url: running.url, secretKey: project.secretKey, publishableKey: project.publishableKey, close: () => running.close() };
}

/** After full collections, so that what is measured is what the connections hold, not garbage. */
async function memory() {
  for (let i = 0; i < 3; i++) {
    globalThis.gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  return { rss, heapUsed, external, arrayBuffers };
}

const server = side === 'nozle' ? await startNozle() : await startBare();
const loop = monitorEventLoopDelay({ resolution: 1 });

process.on('message', async (message) => {
  try {
    if (message.type === 'memory') {
      process.send({ type: 'memory', ...(await memory()) });
    } else if (message.type === 'eld-start') {
      loop.reset();
      loop.enable();
      process.send({ type: 'eld-started' });
    } else if (message.type === 'eld-stop') {
      loop.disable();
      process.send({ type: 'eld', maxMs: loop.max / 1e6, p99Ms: loop.percentile(99) / 1e6 });
    } else if (message.type === 'close') {
      const started = performance.now();
      await server.close();
      process.send({ type: 'closed', ms: performance.now() - started });
      // Nothing else holds the process: it exits by itself once the server let go of everything.
      process.disconnect();
    }
  } catch (error) {
    fail(error);
  }
});

// eslint-disable-next-line no-unused-vars -- dropped: a function cannot be sent to the parent
const { close: _close, ...listening } = server;
process.send({ type: 'listening', ...listening });
