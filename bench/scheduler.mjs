// The scheduler: how late a time-driven change reaches a connected client. Customers each hold a
// grant whose window closes at a known whole second (the grants made within one second close
// together); each has a WebSocket client connected, and no request is made after the grants. The figure is
// the delay from the instant to the client's snapshot that no longer allows the feature, p50 and
// p99, against the one-second budget the scheduler promises (its ratio to the budget). One
// process: the server (with its scheduler) and the clients share the machine's clock.
import WebSocket from 'ws';
import { createProjectWithKeys, hashKey, loadConfig, signCustomerToken, startServer } from '@nozle/server';

const CUSTOMERS = positiveInt('BENCH_SCHEDULER_CUSTOMERS', 60);
const BUDGET_MS = 1000;
// Each window closes on the first whole second at least this long after its grant was made.
const LEAD_MS = 1500;

function positiveInt(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${JSON.stringify(raw)}`);
  return value;
}

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

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

/** Connects `customer`'s client; `closed` resolves with the time its snapshot stopped allowing `export` after allowing it. */
function closedAt(url, project, customer) {
  const token = signCustomerToken(hashKey(project.secretKey), { projectId: project.projectId, customer, expiresAt: Math.floor(Date.now() / 1000) + 3600 });
  const socket = new WebSocket(`${url.replace('http', 'ws')}/v1/realtime`);
  let hello;
  let allowed = false;
  const connected = new Promise((resolve) => (hello = resolve));
  const closed = new Promise((resolve, reject) => {
    socket.on('open', () => socket.send(JSON.stringify({ type: 'hello', key: project.publishableKey, token, version: 0 })));
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString());
      if (message.type !== 'snapshot') return;
      hello();
      if (message.snapshot.features.export?.allowed) allowed = true;
      else if (allowed) resolve(Date.now());
    });
    socket.on('error', reject);
  });
  return { socket, connected, closed };
}

const config = loadConfig({
  PORT: '0',
  LOG_LEVEL: 'silent',
  NOZLE_DEMO: 'false',
  ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
});
const running = await startServer(config);
const clients = [];
try {
  const project = await createProjectWithKeys(running.db, 'bench scheduler', new Date());
  const call = (method, path, body) => api(running.url, project.secretKey, method, path, body);
  await call('POST', '/v1/features', { key: 'export', type: 'boolean' });
  for (let i = 0; i < CUSTOMERS; i++) {
    const customer = (await call('POST', '/v1/customers', { external_id: `sched_${i}` })).id;
    const client = closedAt(running.url, project, customer);
    await client.connected;
    clients.push({ ...client, customer });
  }
  for (const client of clients) {
    // Whole seconds, as every time in the API: the grants made within a second close together.
    client.instant = Math.ceil((Date.now() + LEAD_MS) / 1000) * 1000;
    await call('POST', `/v1/customers/${client.customer}/grants`, { feature: 'export', ends_at: client.instant / 1000 });
  }
  const delays = (await Promise.all(clients.map(async ({ closed, instant }) => (await closed) - instant))).sort((a, b) => a - b);
  const [p50, p99] = [percentile(delays, 50), percentile(delays, 99)];
  const instants = new Set(clients.map(({ instant }) => instant)).size;
  console.log(`scheduler, ${config.databaseUrl ? 'Postgres' : 'PGlite in memory'}: ${CUSTOMERS} clients, windows closing at ${instants} instants`);
  console.log(`  delay from the instant to the client: p50 ${p50} ms, p99 ${p99} ms, max ${delays.at(-1)} ms`);
  console.log(`  against the ${BUDGET_MS} ms budget: p50 ${(p50 / BUDGET_MS).toFixed(2)}x, p99 ${(p99 / BUDGET_MS).toFixed(2)}x`);
} finally {
  for (const { socket } of clients) socket.terminate();
  await running.close();
}
