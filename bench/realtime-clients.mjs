// The client side of the realtime bench (realtime.mjs forks it): N raw `ws` clients of one
// server, each sending the hello and waiting for its first message, in a process of their own so
// that the server's process holds only the server. Reports over IPC; not a bench of its own.
//
// Times are CLOCK_MONOTONIC (process.hrtime), in milliseconds: the same clock as the parent's,
// since both run on this machine (the parent checks it with the `clock` command).
import WebSocket from 'ws';

const { url, count, hello, concurrency } = JSON.parse(process.argv[2]);
const helloText = JSON.stringify(hello);

const now = () => {
  const [s, ns] = process.hrtime();
  return s * 1e3 + ns / 1e6;
};

process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
function fail(error) {
  process.send?.({ type: 'fatal', message: error?.stack ?? String(error) });
  process.exit(1);
}

const sockets = new Array(count);
// Per client: when the first message after `arm` arrived (0: not yet), and its version.
const arrivals = new Float64Array(count);
const versions = new Float64Array(count);
let armed = false;
let arrived = 0;
let allArrived;
let open = 0;
let allClosed;
/** What went wrong, exactly: error messages and close codes (with whether the client had been greeted). */
const errors = new Map();
const closes = new Map();
const tally = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);

function connect(index) {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    sockets[index] = ws;
    let greeted = false;
    ws.on('open', () => ws.send(helloText));
    ws.on('message', (data) => {
      const at = now();
      const message = JSON.parse(data);
      if (!greeted) {
        greeted = true;
        open += 1;
        resolve(true);
        return;
      }
      if (armed && arrivals[index] === 0) {
        arrivals[index] = at;
        versions[index] = message.snapshot?.version ?? -1;
        arrived += 1;
        if (arrived === open) allArrived?.();
      }
    });
    ws.on('error', (error) => tally(errors, error.code ? `${error.code}: ${error.message}` : error.message));
    ws.on('close', (code, reason) => {
      tally(closes, `${code}${reason.length ? ` ${reason}` : ''}${greeted ? '' : ' (before its first message)'}`);
      if (!greeted) return resolve(false);
      open -= 1;
      if (armed && arrivals[index] === 0 && arrived === open) allArrived?.();
      if (open === 0) allClosed?.();
    });
  });
}

const report = () => ({ errors: Object.fromEntries(errors), closes: Object.fromEntries(closes) });

// A window of handshakes in flight: all N at once would overflow the listen backlog and measure
// SYN retries instead.
let next = 0;
let failed = 0;
const started = now();
await Promise.all(
  Array.from({ length: Math.min(concurrency, count) }, async () => {
    while (next < count) {
      if (!(await connect(next++))) failed += 1;
    }
  }),
);
process.send({ type: 'connected', seconds: (now() - started) / 1000, open, failed, ...report() });

process.on('message', async (message) => {
  if (message.type === 'clock') {
    process.send({ type: 'clock', parent: message.t, child: now() });
  } else if (message.type === 'arm') {
    arrivals.fill(0);
    versions.fill(0);
    arrived = 0;
    armed = true;
    process.send({ type: 'armed' });
  } else if (message.type === 'collect') {
    if (arrived < open) {
      let timer;
      await new Promise((resolve) => {
        allArrived = resolve;
        timer = setTimeout(resolve, message.timeoutMs);
      });
      clearTimeout(timer);
      allArrived = undefined;
    }
    armed = false;
    // Only clients still open; the parent counts the missing ones.
    const got = [];
    const seen = new Map();
    for (let i = 0; i < count; i++) {
      if (arrivals[i] === 0) continue;
      got.push(arrivals[i]);
      tally(seen, versions[i]);
    }
    process.send({ type: 'collected', arrivals: got, versions: Object.fromEntries(seen), open, ...report() });
  } else if (message.type === 'watch-close') {
    // The server is about to shut down: it should close every client (1001).
    const since = now();
    closes.clear();
    let timer;
    if (open > 0) {
      await new Promise((resolve) => {
        allClosed = resolve;
        timer = setTimeout(resolve, message.timeoutMs);
      });
    }
    clearTimeout(timer);
    const left = open;
    for (const ws of sockets) ws?.terminate();
    process.send({ type: 'all-closed', seconds: (now() - since) / 1000, left, ...report() });
    process.disconnect();
  }
});
