// Cached `POST /v1/check` under load, as ratios against a bare Express 5 JSON route measured
// in the same run (absolute figures depend on the machine; the ratios much less).
import { once } from 'node:events';
import { createServer } from 'node:http';
import autocannon from 'autocannon';
import express from 'express';
import { createProjectWithKeys, loadConfig, startServer } from '@nozle/server';

const SECONDS = positiveInt('BENCH_SECONDS', 5);
const CONNECTIONS = positiveInt('BENCH_CONNECTIONS', 10);
// Not recorded: lets the JIT settle and opens the keep-alive connections before each measurement.
const WARMUP_SECONDS = 1;

const CHECK_BODY = JSON.stringify({ customer: 'bench_user', feature: 'export' });

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

async function startBaseline() {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(express.json());
  app.post('/baseline', (req, res) => {
    res.json({ feature: req.body.feature, allowed: true, reason: null });
  });
  const server = createServer(app);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${server.address().port}`, server };
}

// autocannon's own percentiles are whole milliseconds, too coarse for a sub-millisecond
// baseline: keep each response time (float ms) and take the percentiles here.
function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function load(url, authorization, body, seconds) {
  const instance = autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body,
    connections: CONNECTIONS,
    duration: seconds,
  });
  const times = [];
  instance.on('response', (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) times.push(ms);
  });
  const result = await instance;
  const failed = result.errors + result.timeouts + result.non2xx;
  // A ratio over error answers would measure the error path, not the check.
  if (failed > 0) throw new Error(`${url}: ${failed} failed requests (errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx})`);
  times.sort((a, b) => a - b);
  return { rps: result.requests.average, p50: percentile(times, 50), p99: percentile(times, 99), total: result.requests.total };
}

async function measure(url, authorization, body) {
  await load(url, authorization, body, WARMUP_SECONDS);
  return load(url, authorization, body, SECONDS);
}

const env = process.env;
const config = loadConfig({
  PORT: '0',
  LOG_LEVEL: 'silent',
  NOZLE_DEMO: 'false',
  // The bench measures checks as fast as they go: no budget may stop it.
  NOZLE_RATE_LIMIT_CHECKS: '0',
  ...(env.DATABASE_URL ? { DATABASE_URL: env.DATABASE_URL } : {}),
  ...(env.REDIS_URL ? { REDIS_URL: env.REDIS_URL } : {}),
});
const database = config.databaseUrl ? `Postgres (${new URL(config.databaseUrl).host})` : 'PGlite in memory';
const cache = config.redisUrl ? `memory + Redis (${new URL(config.redisUrl).host})` : 'memory (no Redis)';

const nozle = await startServer(config);
let baseline;
try {
  baseline = await startBaseline();
  const project = await createProjectWithKeys(nozle.db, 'bench', new Date());
  const call = (method, path, body) => api(nozle.url, project.secretKey, method, path, body);
  await call('POST', '/v1/features', { key: 'export', type: 'boolean' });
  await call('POST', '/v1/customers', { external_id: 'bench_user' });
  await call('POST', '/v1/customers/bench_user/grants', { feature: 'export' });
  // Warms the cache (customer ref, snapshot, catalog) and proves the scenario answers what it should.
  const warm = await call('POST', '/v1/check', JSON.parse(CHECK_BODY));
  if (warm.allowed !== true) throw new Error(`the warm-up check was not allowed: ${JSON.stringify(warm)}`);

  console.log(`POST /v1/check (cached), ${CONNECTIONS} connections, ${SECONDS} s each after ${WARMUP_SECONDS} s warm-up`);
  console.log(`database: ${database}; entitlement cache: ${cache}; Node ${process.version}`);

  const base = await measure(`${baseline.url}/baseline`, undefined, CHECK_BODY);
  const check = await measure(`${nozle.url}/v1/check`, `Bearer ${project.secretKey}`, CHECK_BODY);

  const row = (name, m) =>
    `${name.padEnd(25)}${m.rps.toFixed(0).padStart(10)}${`${m.p50.toFixed(2)} ms`.padStart(11)}${`${m.p99.toFixed(2)} ms`.padStart(11)}${String(m.total).padStart(12)}`;
  console.log();
  console.log(`${''.padEnd(25)}${'req/s'.padStart(10)}${'p50'.padStart(11)}${'p99'.padStart(11)}${'requests'.padStart(12)}`);
  console.log(row('baseline (bare Express)', base));
  console.log(row('POST /v1/check', check));
  console.log();
  const ratio = (a, b) => `${(a / b).toFixed(2)}x`;
  console.log(`check / baseline: throughput ${ratio(check.rps, base.rps)}, p50 ${ratio(check.p50, base.p50)}, p99 ${ratio(check.p99, base.p99)}`);
} finally {
  if (baseline) {
    baseline.server.closeAllConnections();
    await new Promise((resolve) => baseline.server.close(resolve));
  }
  await nozle.close();
}
