// Usage events per second through `POST /v1/events` into Postgres, as a ratio against a raw bulk
// insert of the same rows into the same table, through `pg`, in the same run (absolute figures
// depend on the machine; the ratio much less).
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createProjectWithKeys, loadConfig, startServer } from '@nozle/server';

const EVENTS = positiveInt('BENCH_EVENTS', 20_000);
const BATCH = positiveInt('BENCH_BATCH', 1000);
const CONCURRENCY = positiveInt('BENCH_CONCURRENCY', 4);
// Each round times BENCH_EVENTS through the baseline, then through the API.
const ROUNDS = positiveInt('BENCH_ROUNDS', 3);
const CUSTOMERS = 10;
const EVENT_NAME = 'api_call';
// Not recorded: one batch per concurrent request on each side, so the JIT, the validators and
// the pools' connections are warm before each measurement.
const WARMUP_EVENTS = Math.min(EVENTS, BATCH * CONCURRENCY);
// The API's own limit on events per request.
if (BATCH > 1000) throw new Error(`BENCH_BATCH must be at most 1000 (the API's limit), got ${BATCH}`);

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

// libpq's `options` parameter puts every connection of a pool (the server's too) on the schema.
function withSearchPath(url, schema) {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

/** `count` events from `first` on, split into batches: `[{ index, events }]`, events spread over the customers. */
function makeBatches(prefix, first, count, customers) {
  const now = Date.now() / 1000;
  const batches = [];
  for (let start = 0; start < count; start += BATCH) {
    const events = [];
    for (let i = first + start; i < first + Math.min(start + BATCH, count); i++) {
      events.push({
        id: `${prefix}_${i}`,
        customer: customers[i % customers.length],
        event: EVENT_NAME,
        timestamp: now,
        properties: { endpoint: '/v1/check', status: 200, region: 'eu' },
      });
    }
    batches.push(events);
  }
  return batches;
}

/** Runs `send` over every batch, `CONCURRENCY` at a time; returns the elapsed seconds and what `send` returned. */
async function drive(batches, send) {
  const results = new Array(batches.length);
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const index = next++;
      results[index] = await send(batches[index]);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, batches.length) }, worker));
  return { seconds: (performance.now() - started) / 1000, results };
}

const baseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const schema = `nozle_bench_${randomBytes(6).toString('hex')}`;
const url = withSearchPath(baseUrl, schema);

const admin = new pg.Client({ connectionString: baseUrl });
await admin.connect();
const {
  rows: [{ server_version: pgVersion }],
} = await admin.query('show server_version');
await admin.query(`create schema ${schema}`);
await admin.end();

let nozle;
let raw;
try {
  nozle = await startServer(loadConfig({ PORT: '0', LOG_LEVEL: 'silent', NOZLE_DEMO: 'false', DATABASE_URL: url }));
  const project = await createProjectWithKeys(nozle.db, 'bench', new Date());
  const call = (method, path, body) => api(nozle.url, project.secretKey, method, path, body);
  const meter = await call('POST', '/v1/meters', { key: 'api_calls', event_name: EVENT_NAME, aggregation: 'count' });
  const customers = [];
  for (let i = 0; i < CUSTOMERS; i++) customers.push(await call('POST', '/v1/customers', { external_id: `bench_user_${i}` }));
  const externalIds = customers.map((c) => c.external_id);

  // The baseline writes the same rows into the same partitioned events table (same monthly
  // partition, same two indexes) under another project id, so it never meets the API's rows.
  // It is the statement the server uses for the events themselves, without the event_ids dedupe,
  // the customer lookup, the counters, HTTP or validation: what the API adds is the ratio.
  raw = new pg.Pool({ connectionString: url, max: CONCURRENCY });
  const rawProject = 'proj_bench_raw';
  const customerIds = customers.map((c) => c.id);
  const RAW_INSERT = `insert into events (project_id, id, customer_id, event_name, timestamp, properties, received_at)
     select $1, id, customer_id, event_name, to_timestamp(ts), properties, now()
     from jsonb_to_recordset($2::jsonb) as x(id text, customer_id text, event_name text, ts double precision, properties jsonb)`;
  const rawBodies = (prefix, first, count) =>
    makeBatches(prefix, first, count, customerIds).map((events) =>
      JSON.stringify(events.map((e) => ({ id: e.id, customer_id: e.customer, event_name: e.event, ts: e.timestamp, properties: e.properties }))),
    );
  const insertRaw = async (json) => (await raw.query(RAW_INSERT, [rawProject, json])).rowCount;

  const apiBodies = (prefix, first, count) => makeBatches(prefix, first, count, externalIds).map((events) => JSON.stringify({ events }));
  const postEvents = async (body) => {
    const response = await fetch(`${nozle.url}/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${project.secretKey}`, 'content-type': 'application/json' },
      body,
    });
    const text = await response.text();
    // A ratio over error answers would measure the error path, not ingestion.
    if (!response.ok) throw new Error(`POST /v1/events answered ${response.status}: ${text.slice(0, 500)}`);
    const result = JSON.parse(text);
    return { accepted: result.accepted, duplicates: result.duplicates, rejected: result.rejected };
  };

  console.log(
    `POST /v1/events: ${EVENTS} events in batches of ${BATCH}, ${CONCURRENCY} requests at a time, ${ROUNDS} rounds after ${WARMUP_EVENTS} warm-up events`,
  );
  console.log(`database: Postgres ${pgVersion} (${new URL(baseUrl).host}), schema ${schema}; ${CUSTOMERS} customers, 1 count meter; Node ${process.version}`);

  // Bodies are made before the clock starts on both sides: the client's JSON is not the server's cost.
  await drive(rawBodies('raw_warm', 0, WARMUP_EVENTS), insertRaw);
  await drive(apiBodies('warm', 0, WARMUP_EVENTS), postEvents);

  // Alternating rounds, so that what drifts during the run (the tables' size, a checkpoint, the
  // machine's other work) weighs on both sides alike; the medians are reported.
  const rounds = [];
  for (let round = 0; round < ROUNDS; round++) {
    const rawRun = await drive(rawBodies(`raw${round}`, 0, EVENTS), insertRaw);
    const rawRows = rawRun.results.reduce((sum, n) => sum + n, 0);
    if (rawRows !== EVENTS) throw new Error(`the raw insert wrote ${rawRows} rows, not ${EVENTS}`);
    const apiRun = await drive(apiBodies(`evt${round}`, 0, EVENTS), postEvents);
    const total = (key) => apiRun.results.reduce((sum, r) => sum + r[key], 0);
    rounds.push({
      raw: EVENTS / rawRun.seconds,
      rawSeconds: rawRun.seconds,
      api: EVENTS / apiRun.seconds,
      apiSeconds: apiRun.seconds,
      accepted: total('accepted'),
      duplicates: total('duplicates'),
      rejected: total('rejected'),
    });
  }

  const {
    rows: [counted],
  } = await nozle.db.query(`select coalesce(sum(value), 0)::text as value from usage_counters where project_id = $1 and meter_id = $2`, [
    project.projectId,
    meter.id,
  ]);
  const {
    rows: [stored],
  } = await nozle.db.query(`select count(*)::int as n from events where project_id = $1 and id like 'evt%'`, [project.projectId]);

  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  };
  const row = (name, rate, seconds, unit) => `${name.padEnd(34)}${rate.toFixed(0).padStart(10)} ${unit.padEnd(9)}${`${seconds.toFixed(2)} s`.padStart(9)}`;
  console.log();
  console.log(`${''.padEnd(34)}${'median per second'.padStart(20)}${'median time'.padStart(13)}`);
  console.log(row('baseline (raw insert through pg)', median(rounds.map((r) => r.raw)), median(rounds.map((r) => r.rawSeconds)), 'rows/s'));
  console.log(row('POST /v1/events', median(rounds.map((r) => r.api)), median(rounds.map((r) => r.apiSeconds)), 'events/s'));
  console.log();
  const ratio = median(rounds.map((r) => r.api)) / median(rounds.map((r) => r.raw));
  console.log(
    `events / baseline: throughput ${ratio.toFixed(2)}x (rounds: ${rounds.map((r) => `${(r.api / r.raw).toFixed(2)}x`).join(' ')}; ` +
      'the aim is at least 0.50x, information, not a threshold)',
  );
  const accepted = rounds.reduce((sum, r) => sum + r.accepted, 0);
  const sent = ROUNDS * EVENTS;
  const complete = rounds.every((r) => r.accepted === EVENTS) && stored.n === sent && Number(counted.value) === WARMUP_EVENTS + sent;
  console.log(
    `counted: accepted ${accepted} of ${sent} (${rounds.map((r) => r.accepted).join(' + ')}; duplicates ${rounds.reduce((s, r) => s + r.duplicates, 0)}, ` +
      `rejected ${rounds.reduce((s, r) => s + r.rejected, 0)}); events stored ${stored.n}; ` +
      `meter counter ${counted.value} (${WARMUP_EVENTS} warm-up + ${sent}): ${complete ? 'ok' : 'MISMATCH'}`,
  );
  // Not a timing threshold: a run that lost events measured something else.
  if (!complete) process.exitCode = 1;
} finally {
  await raw?.end();
  await nozle?.close();
  const cleanup = new pg.Client({ connectionString: baseUrl });
  await cleanup.connect();
  await cleanup.query(`drop schema ${schema} cascade`);
  await cleanup.end();
}
