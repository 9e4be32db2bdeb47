// Realtime: how fast a grant reaches N connected WebSocket clients and what each connection costs
// the server, against a bare `ws` broadcast server in the same run; and what a local can() costs,
// in the browser store and in the Node SDK's local mode, against a Map.get and a property read.
// Absolute figures depend on the machine; the ratios much less.
//
// Processes: this one orchestrates (and sends the grants); each server (Nozle, or the bare
// baseline) runs alone in a fresh `node --expose-gc realtime-server.mjs`, once per client count,
// so that its memory and event loop are its own and no run reuses pages another one freed; the N
// clients run in `realtime-clients.mjs`. Times are CLOCK_MONOTONIC (process.hrtime), shared by
// the processes of one machine.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { createNozle } from '@nozle/browser';
import { Nozle } from '@nozle/node';
import { createProjectWithKeys, loadConfig, startServer } from '@nozle/server';

const CLIENTS = positiveInts('BENCH_CLIENTS', [1000, 10_000]);
// Measured pushes per side and client count, alternating grant and revoke, after WARMUP_PUSHES.
const PUSHES = positiveInt('BENCH_PUSHES', 10);
// Not recorded: a grant and a revoke, so that each fresh server process has run both paths.
const WARMUP_PUSHES = 2;
const CAN_CALLS = positiveInt('BENCH_CAN_CALLS', 1_000_000);
// Handshakes in flight at a time while the clients connect.
const CONNECT_CONCURRENCY = 200;
// Each can() loop is timed in slices of this many calls, the three loops in turn.
const SLICE = 10_000;
// Not recorded: lets the JIT settle on every loop before the measurement.
const CAN_WARMUP = Math.min(CAN_CALLS, 100_000);
// A push that has not reached every client by then is reported missing.
const COLLECT_TIMEOUT_MS = 30_000;
const CUSTOMER = 'bench_user';

function positiveInt(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${JSON.stringify(raw)}`);
  return value;
}

function positiveInts(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const values = raw.split(',').map((part) => Number(part.trim()));
  if (values.some((value) => !Number.isInteger(value) || value < 1))
    throw new Error(`${name} must be positive integers separated by commas, got ${JSON.stringify(raw)}`);
  return values;
}

const now = () => {
  const [s, ns] = process.hrtime();
  return s * 1e3 + ns / 1e6;
};

async function api(baseUrl, secretKey, method, path, body) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text);
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const env = process.env;
const config = loadConfig({
  PORT: '0',
  LOG_LEVEL: 'silent',
  NOZLE_DEMO: 'false',
  ...(env.DATABASE_URL ? { DATABASE_URL: env.DATABASE_URL } : {}),
});
const database = config.databaseUrl ? `Postgres (${new URL(config.databaseUrl).host})` : 'PGlite in memory';

// ---------------------------------------------------------------------------------------------
// A child process with request/answer over IPC; a `fatal` message or an exit fails what waits.

function spawnRole(file, args, execArgv = []) {
  const child = fork(fileURLToPath(new URL(file, import.meta.url)), [JSON.stringify(args)], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const next = (type) =>
    new Promise((resolve, reject) => {
      const onMessage = (message) => {
        if (message.type === type) {
          cleanup();
          resolve(message);
        } else if (message.type === 'fatal') {
          cleanup();
          reject(new Error(`${file}: ${message.message}`));
        }
      };
      const onExit = (code, signal) => {
        cleanup();
        reject(new Error(`${file} exited (${signal ?? code}) while the bench waited for "${type}"`));
      };
      const cleanup = () => {
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
    });
  return {
    child,
    exited,
    next,
    request(message, answer) {
      const waiting = next(answer);
      child.send(message);
      return waiting;
    },
  };
}

/** Waits for a child to exit by itself (it should, once its servers or sockets are closed). */
async function exitOf(role, name) {
  let timer;
  const result = await Promise.race([role.exited, new Promise((resolve) => (timer = setTimeout(() => resolve(undefined), 10_000)))]);
  clearTimeout(timer);
  if (result) return result.code === 0 ? 'exited' : `exited with ${result.signal ?? result.code}`;
  role.child.kill();
  return `${name} did not exit within 10 s of closing (killed)`;
}

// ---------------------------------------------------------------------------------------------
// Part 1: the cost of a local can(). Also takes the snapshots the bare server will send, so that
// its messages are the size of Nozle's.

async function measureCan() {
  const running = await startServer(config);
  let node;
  try {
    const project = await createProjectWithKeys(running.db, 'bench', new Date());
    const call = (method, path, body) => api(running.url, project.secretKey, method, path, body);
    await call('POST', '/v1/features', { key: 'export', type: 'boolean' });
    await call('POST', '/v1/customers', { external_id: CUSTOMER });
    const initial = await call('GET', `/v1/customers/${CUSTOMER}/entitlements`);
    await call('POST', `/v1/customers/${CUSTOMER}/grants`, { feature: 'export' });
    const granted = await call('GET', `/v1/customers/${CUSTOMER}/entitlements`);
    if (granted.features.export?.allowed !== true) throw new Error(`the grant did not allow export: ${JSON.stringify(granted)}`);

    // (a) The browser store, from a bootstrap snapshot: no connection.
    const browser = createNozle({ publishableKey: project.publishableKey, baseUrl: running.url, bootstrap: granted, autoConnect: false });
    // (b) Node local mode, streaming the project from the server in this process.
    node = new Nozle({ secretKey: project.secretKey, baseUrl: running.url, stream: { WebSocket } });
    if (!(await node.localReady())) throw new Error(`local mode was not ready within 10 s: ${JSON.stringify(node.localStats())}`);
    // The baseline: the same snapshot object, found in a Map by the same reference.
    const copy = new Map([[CUSTOMER, granted]]);

    // Two slots of the same string: the compiler cannot take the lookup out of the loop.
    const refs = [CUSTOMER, CUSTOMER];
    const loops = {
      baseline(count) {
        let allowed = 0;
        const started = performance.now();
        for (let i = 0; i < count; i++) if (copy.get(refs[i & 1]).features.export.allowed) allowed += 1;
        return { ms: performance.now() - started, allowed };
      },
      browser(count) {
        let allowed = 0;
        const started = performance.now();
        for (let i = 0; i < count; i++) if (browser.can('export')) allowed += 1;
        return { ms: performance.now() - started, allowed };
      },
      async node(count) {
        let allowed = 0;
        const started = performance.now();
        for (let i = 0; i < count; i++) if ((await node.can(refs[i & 1], 'export')).allowed) allowed += 1;
        return { ms: performance.now() - started, allowed };
      },
      nodeLocal(count) {
        let allowed = 0;
        const started = performance.now();
        for (let i = 0; i < count; i++) if (node.canLocal(refs[i & 1], 'export')?.allowed) allowed += 1;
        return { ms: performance.now() - started, allowed };
      },
    };
    const names = Object.keys(loops);

    // Slices of each loop in turn, the order rotating, so that all three meet the same drift.
    const run = async (calls) => {
      const perCall = Object.fromEntries(names.map((name) => [name, []]));
      const totals = Object.fromEntries(names.map((name) => [name, { ms: 0, allowed: 0 }]));
      let slice = 0;
      for (let done = 0; done < calls; done += SLICE, slice++) {
        const count = Math.min(SLICE, calls - done);
        for (let k = 0; k < names.length; k++) {
          const name = names[(slice + k) % names.length];
          const { ms, allowed } = await loops[name](count);
          perCall[name].push((ms * 1e6) / count);
          totals[name].ms += ms;
          totals[name].allowed += allowed;
        }
      }
      return { perCall, totals, slices: slice };
    };
    await run(CAN_WARMUP);
    const { perCall, totals, slices } = await run(CAN_CALLS);

    const stats = node.localStats();
    const nodeCalls = CAN_WARMUP + CAN_CALLS;
    const complete = names.every((name) => totals[name].allowed === CAN_CALLS) && stats.localAnswers === 2 * nodeCalls && stats.apiAnswers === 0;

    // The snapshot after a revoke, for the bare server's alternate message.
    await call('POST', `/v1/customers/${CUSTOMER}/grants`, { feature: 'export', kind: 'revoke' });
    const revoked = await call('GET', `/v1/customers/${CUSTOMER}/entitlements`);
    browser.close();

    const result = {};
    for (const name of names) result[name] = { median: median(perCall[name]), mean: (totals[name].ms * 1e6) / CAN_CALLS, allowed: totals[name].allowed };
    return { result, slices, stats, nodeCalls, complete, templates: { initial, granted, revoked } };
  } finally {
    await node?.shutdown();
    await running.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Part 2: N clients of one server; pushes timed from the grant request and from its 200.

async function measureSide(side, clients, templates) {
  const server = spawnRole('realtime-server.mjs', { side, templates }, ['--expose-gc']);
  let clientsRole;
  try {
    const listening = await server.next('listening');
    let hello;
    let push;
    if (side === 'nozle') {
      const call = (method, path, body) => api(listening.url, listening.secretKey, method, path, body);
      await call('POST', '/v1/features', { key: 'export', type: 'boolean' });
      await call('POST', '/v1/customers', { external_id: CUSTOMER });
      // Every client watches the same customer: after the first hello its snapshot is in the cache.
      const minter = new Nozle({ secretKey: listening.secretKey, baseUrl: listening.url });
      const token = await minter.customerToken(CUSTOMER, { expiresIn: 3600 });
      await minter.shutdown();
      hello = { type: 'hello', key: listening.publishableKey, token, version: 0 };
      push = (kind) =>
        fetch(`${listening.url}/v1/customers/${CUSTOMER}/grants`, {
          method: 'POST',
          headers: { authorization: `Bearer ${listening.secretKey}`, 'content-type': 'application/json' },
          body: JSON.stringify(kind === 'revoke' ? { feature: 'export', kind } : { feature: 'export' }),
        });
    } else {
      // A hello of the same shape (the bare server reads only its type and key).
      hello = { type: 'hello', key: 'pk_bare', token: 'x'.repeat(150), version: 0 };
      push = (kind) =>
        fetch(`${listening.url}/v1/broadcast`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(kind === 'revoke' ? { feature: 'export', kind } : { feature: 'export' }),
        });
    }

    const before = await server.request({ type: 'memory' }, 'memory');
    clientsRole = spawnRole('realtime-clients.mjs', {
      url: `${listening.url.replace(/^http/, 'ws')}/v1/realtime`,
      count: clients,
      hello,
      concurrency: CONNECT_CONCURRENCY,
    });
    const connected = await clientsRole.next('connected');
    const problems = [];
    if (connected.failed > 0 || Object.keys(connected.errors).length > 0 || Object.keys(connected.closes).length > 0) {
      problems.push(
        `connecting: ${connected.open} of ${clients} greeted, ${connected.failed} failed; errors ${JSON.stringify(connected.errors)}; closes ${JSON.stringify(connected.closes)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = await server.request({ type: 'memory' }, 'memory');

    // Both processes read CLOCK_MONOTONIC: a message must arrive after it was sent.
    const sent = now();
    const clock = await clientsRole.request({ type: 'clock', t: sent }, 'clock');
    const back = now();
    if (!(clock.child >= sent && clock.child <= back))
      throw new Error(`the clients' clock is not the parent's: sent ${sent}, child ${clock.child}, back ${back}`);

    await server.request({ type: 'eld-start' }, 'eld-started');
    const fromCommit = [];
    const fromRequest = [];
    const commits = [];
    const firsts = [];
    let early = 0;
    let arrivals = 0;
    let lastVersion;
    for (let round = 0; round < WARMUP_PUSHES + PUSHES; round++) {
      await clientsRole.request({ type: 'arm' }, 'armed');
      const kind = round % 2 === 0 ? 'grant' : 'revoke';
      const t0 = now();
      const response = await push(kind);
      const t200 = now();
      const text = await response.text();
      if (response.status !== 200) throw new Error(`the ${kind} answered ${response.status}: ${text}`);
      const collected = await clientsRole.request({ type: 'collect', timeoutMs: COLLECT_TIMEOUT_MS }, 'collected');
      const versions = Object.keys(collected.versions).map(Number);
      const missing = clients - collected.arrivals.length;
      if (missing > 0 || versions.length !== 1 || (lastVersion !== undefined && versions[0] <= lastVersion)) {
        problems.push(
          `push ${round} (${kind}): ${collected.arrivals.length} of ${clients} clients got it within ${COLLECT_TIMEOUT_MS / 1000} s; versions ${JSON.stringify(collected.versions)}; ` +
            `${collected.open} clients open; closes ${JSON.stringify(collected.closes)}; errors ${JSON.stringify(collected.errors)}`,
        );
      }
      lastVersion = Math.max(...versions);
      if (round < WARMUP_PUSHES) continue;
      commits.push(t200 - t0);
      let first = Infinity;
      for (const at of collected.arrivals) {
        first = Math.min(first, at);
        fromCommit.push(at - t200);
        fromRequest.push(at - t0);
        if (at < t200) early += 1;
        arrivals += 1;
      }
      firsts.push(first - t0);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const eld = await server.request({ type: 'eld-stop' }, 'eld');

    // Shutdown with every client connected: each should be told 1001 and let go.
    const closing = clientsRole.request({ type: 'watch-close', timeoutMs: 20_000 }, 'all-closed');
    const closed = await server.request({ type: 'close' }, 'closed');
    const clientsClosed = await closing;
    const serverExit = await exitOf(server, 'the server process');
    const clientsExit = await exitOf(clientsRole, 'the clients process');
    const closeCodes = Object.entries(clientsClosed.closes);
    if (clientsClosed.left > 0 || closeCodes.some(([code]) => !code.startsWith('1001'))) {
      problems.push(
        `shutdown: ${clientsClosed.left} clients still open after ${clientsClosed.seconds.toFixed(1)} s; closes ${JSON.stringify(clientsClosed.closes)}; errors ${JSON.stringify(clientsClosed.errors)}`,
      );
    }
    if (serverExit !== 'exited') problems.push(`server process: ${serverExit}`);
    if (clientsExit !== 'exited') problems.push(`clients process: ${clientsExit}`);

    fromCommit.sort((a, b) => a - b);
    fromRequest.sort((a, b) => a - b);
    return {
      connectSeconds: connected.seconds,
      memory: {
        rss: (after.rss - before.rss) / clients,
        heapUsed: (after.heapUsed - before.heapUsed) / clients,
        external: (after.external - before.external) / clients,
        rssGrowth: after.rss - before.rss,
        heapGrowth: after.heapUsed - before.heapUsed,
      },
      commit: { p50: percentile(fromCommit, 50), p99: percentile(fromCommit, 99) },
      request: { p50: percentile(fromRequest, 50), p99: percentile(fromRequest, 99) },
      answerMs: median(commits),
      firstMs: median(firsts),
      earlyShare: arrivals ? early / arrivals : 0,
      eld,
      closeMs: closed.ms,
      problems,
    };
  } finally {
    for (const role of [clientsRole, server]) if (role && role.child.exitCode === null && role.child.signalCode === null) role.child.kill();
  }
}

// ---------------------------------------------------------------------------------------------

console.log(
  `realtime: ${CLIENTS.join(', ')} clients of one customer, ${PUSHES} pushes each (grant/revoke alternating) after ${WARMUP_PUSHES} warm-up; can(): ${CAN_CALLS} calls after ${CAN_WARMUP} warm-up`,
);
console.log(`database: ${database}; Node ${process.version}; clock: CLOCK_MONOTONIC (process.hrtime) in every process`);

const can = await measureCan();
const ratio = (a, b) => `${(a / b).toFixed(2)}x`;
const ms = (value) => `${value.toFixed(2)} ms`;
const ns = (value) => `${value.toFixed(1)} ns`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
let failed = !can.complete;

console.log();
console.log(`local can() (${can.slices} slices of up to ${SLICE} calls, each loop in turn)`);
console.log(`${''.padEnd(42)}${'median/call'.padStart(13)}${'mean/call'.padStart(13)}`);
const canRow = (name, m) => console.log(`${name.padEnd(42)}${ns(m.median).padStart(13)}${ns(m.mean).padStart(13)}`);
canRow('baseline (Map.get + property read)', can.result.baseline);
canRow('browser store: client.can()', can.result.browser);
canRow('Node local mode: await nozle.can()', can.result.node);
canRow('Node local mode: nozle.canLocal()', can.result.nodeLocal);
console.log(
  `can / baseline (median slice): browser ${ratio(can.result.browser.median, can.result.baseline.median)}, ` +
    `Node local ${ratio(can.result.node.median, can.result.baseline.median)}, ` +
    `Node canLocal ${ratio(can.result.nodeLocal.median, can.result.baseline.median)}`,
);
console.log(
  `answered: allowed ${can.result.baseline.allowed} / ${can.result.browser.allowed} / ${can.result.node.allowed} of ${CAN_CALLS}; ` +
    `Node local answers ${can.stats.localAnswers} of ${2 * can.nodeCalls} (can and canLocal), API answers ${can.stats.apiAnswers}: ${can.complete ? 'ok' : 'MISMATCH'}`,
);

for (const clients of CLIENTS) {
  const bare = await measureSide('bare', clients, can.templates);
  const nozle = await measureSide('nozle', clients, can.templates);
  const rate = (m) => `${m.connectSeconds.toFixed(1)} s, ${(clients / m.connectSeconds).toFixed(0)} hellos/s`;
  console.log();
  console.log(`${clients} clients: connected and greeted in ${rate(bare)} (bare), ${rate(nozle)} (Nozle)`);
  console.log(
    `${'push to every client'.padEnd(22)}${'from request: p50'.padStart(18)}${'p99'.padStart(10)}${'first'.padStart(10)}${'200 at'.padStart(10)}` +
      `${'before 200'.padStart(11)}${'from 200: p50'.padStart(15)}${'p99'.padStart(10)}${'loop max'.padStart(10)}`,
  );
  const row = (name, m) =>
    console.log(
      `${name.padEnd(22)}${ms(m.request.p50).padStart(18)}${ms(m.request.p99).padStart(10)}${ms(m.firstMs).padStart(10)}${ms(m.answerMs).padStart(10)}` +
        `${`${(m.earlyShare * 100).toFixed(0)}%`.padStart(11)}${ms(m.commit.p50).padStart(15)}${ms(m.commit.p99).padStart(10)}${ms(m.eld.maxMs).padStart(10)}`,
    );
  row('baseline (bare ws)', bare);
  row('Nozle /v1/realtime', nozle);
  console.log(
    `${'server memory/client'.padEnd(22)}${'rss'.padStart(18)}${'heapUsed'.padStart(10)}${'external'.padStart(10)}${'growth: rss'.padStart(15)}${'heap'.padStart(10)}${'close()'.padStart(10)}`,
  );
  const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const memRow = (name, m) =>
    console.log(
      `${name.padEnd(22)}${kb(m.memory.rss).padStart(18)}${kb(m.memory.heapUsed).padStart(10)}${kb(m.memory.external).padStart(10)}` +
        `${mb(m.memory.rssGrowth).padStart(15)}${mb(m.memory.heapGrowth).padStart(10)}${`${(m.closeMs / 1000).toFixed(2)} s`.padStart(10)}`,
    );
  memRow('baseline (bare ws)', bare);
  memRow('Nozle /v1/realtime', nozle);
  console.log(
    `Nozle / bare, ${clients} clients: latency from the request p50 ${ratio(nozle.request.p50, bare.request.p50)}, p99 ${ratio(nozle.request.p99, bare.request.p99)}; ` +
      `loop max ${ratio(nozle.eld.maxMs, bare.eld.maxMs)}; memory per client rss ${ratio(nozle.memory.rss, bare.memory.rss)}, heapUsed ${ratio(nozle.memory.heapUsed, bare.memory.heapUsed)}`,
  );
  // Both servers push before they answer, so most clients hold the new version before the 200
  // arrives: times from the 200 are mostly negative, and a ratio of them would mean nothing.
  console.log(
    `(no ratio from the 200: it comes after the push; ${(bare.earlyShare * 100).toFixed(0)}% (bare) and ${(nozle.earlyShare * 100).toFixed(0)}% (Nozle) of clients had the new version before it)`,
  );
  for (const [name, m] of [
    ['bare', bare],
    ['Nozle', nozle],
  ]) {
    for (const problem of m.problems) console.log(`PROBLEM (${name}, ${clients} clients): ${problem}`);
    // Not a timing threshold: clients that never got a push, or errors, mean something else was measured.
    if (m.problems.length > 0) failed = true;
  }
}
if (failed) process.exitCode = 1;
