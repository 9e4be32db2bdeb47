// What one `nozle.track()` call costs its caller, as a ratio against pushing the same event into a
// plain array, measured in the same run (absolute figures depend on the machine; the ratio much less).
import { once } from 'node:events';
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Nozle } from '@nozle/node';

const CALLS = positiveInt('BENCH_TRACK_CALLS', 100_000);
// The default track.maxQueueSize: a tight loop never yields, so nothing is sent while it runs and
// a longer one would push the oldest events out (and measure that). The loop runs in chunks of
// this size, with a flush in between that is not timed.
const CHUNK = 10_000;
// Each loop is timed in slices of this many calls, interleaved (see measure()).
const SLICE = 1000;
// Not recorded: lets the JIT settle on both loops before the measurement.
const WARMUP_CALLS = Math.min(CALLS, CHUNK);

function positiveInt(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${JSON.stringify(raw)}`);
  return value;
}

// Stands in for the API: answers each batch at once, in the shape of `POST /v1/events`'s answer,
// every event accepted. Its cost is in the untimed flushes, not in the measured loop.
async function startStub() {
  let received = 0;
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const { events } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      received += events.length;
      const body = JSON.stringify({
        object: 'event_batch',
        accepted: events.length,
        duplicates: 0,
        rejected: 0,
        results: events.map((event, index) => ({ index, id: event.id, status: 'accepted' })),
      });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${server.address().port}`, server, received: () => received };
}

const CUSTOMERS = Array.from({ length: 10 }, (_, i) => `bench_user_${i}`);
const PROPERTIES = { endpoint: '/v1/check', status: 200, region: 'eu' };

// The baseline's array: kept until the flush, as track() keeps its queue (and so the compiler
// cannot drop the work).
let sink = [];

// Both loops take the same arguments; the baseline adds the id track() would make.
function baselineSlice(count, offset) {
  const events = sink;
  const started = performance.now();
  for (let i = offset; i < offset + count; i++) {
    events.push({ id: globalThis.crypto.randomUUID(), customer: CUSTOMERS[i % 10], event: 'api_call', properties: PROPERTIES });
  }
  return performance.now() - started;
}

function trackSlice(nozle, count, offset) {
  const started = performance.now();
  for (let i = offset; i < offset + count; i++) {
    nozle.track({ customer: CUSTOMERS[i % 10], event: 'api_call', properties: PROPERTIES });
  }
  return performance.now() - started;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Times `calls` calls of both loops in slices of SLICE calls, a slice of each in turn (which goes
 * first alternates, so both meet the same drift of the machine), with an untimed flush after every
 * CHUNK calls. Returns, per loop, the mean time per call (every slice: garbage collection
 * included) and the median over slices (the steady state: a slice that met a major GC or the
 * machine's other work does not move it; the baseline is short enough for both to matter).
 */
async function measure(nozle, calls) {
  const baselineNs = [];
  const trackNs = [];
  const totalMs = { baseline: 0, track: 0 };
  const timed = (loop, into, ms, count) => {
    totalMs[loop] += ms;
    into.push((ms * 1e6) / count);
  };
  let slice = 0;
  for (let done = 0; done < calls; done += CHUNK) {
    const chunkEnd = Math.min(done + CHUNK, calls);
    for (let offset = done; offset < chunkEnd; offset += SLICE, slice++) {
      const count = Math.min(SLICE, chunkEnd - offset);
      if (slice % 2 === 0) {
        timed('baseline', baselineNs, baselineSlice(count, offset), count);
        timed('track', trackNs, trackSlice(nozle, count, offset), count);
      } else {
        timed('track', trackNs, trackSlice(nozle, count, offset), count);
        timed('baseline', baselineNs, baselineSlice(count, offset), count);
      }
    }
    await nozle.flush();
    sink = [];
  }
  return {
    baseline: { mean: (totalMs.baseline * 1e6) / calls, median: median(baselineNs) },
    track: { mean: (totalMs.track * 1e6) / calls, median: median(trackNs) },
    slices: baselineNs.length,
  };
}

const stub = await startStub();
try {
  // Default track options: flushAt 100, flushIntervalMs 1000, maxQueueSize 10000, maxBatchSize 1000.
  const warm = new Nozle({ secretKey: 'sk_test_bench', baseUrl: stub.url });
  await measure(warm, WARMUP_CALLS);
  await warm.shutdown(30_000);

  const nozle = new Nozle({ secretKey: 'sk_test_bench', baseUrl: stub.url });
  const receivedBefore = stub.received();
  console.log(
    `nozle.track() with default track options, ${CALLS} calls in chunks of ${CHUNK} (flushed between chunks, untimed), after ${WARMUP_CALLS} warm-up calls`,
  );
  console.log(`API: a stub node:http server in this process answering every batch 200; Node ${process.version}`);

  const { baseline, track, slices } = await measure(nozle, CALLS);
  const shutdownStarted = performance.now();
  await nozle.shutdown(30_000);
  const shutdownMs = performance.now() - shutdownStarted;
  const stats = nozle.trackStats();

  const ns = (value) => `${value.toFixed(0)} ns`.padStart(13);
  const row = (name, m) => `${name.padEnd(36)}${ns(m.median)}${(1e3 / m.median).toFixed(2).padStart(11)}${ns(m.mean)}`;
  console.log();
  console.log(
    `${''.padEnd(36)}${'median/call'.padStart(13)}${'M calls/s'.padStart(11)}${'mean/call'.padStart(13)}   (${slices} slices of up to ${SLICE} calls)`,
  );
  console.log(row('baseline (randomUUID + array push)', baseline));
  console.log(row('nozle.track()', track));
  console.log();
  const ratio = (key) => `${(track[key] / baseline[key]).toFixed(2)}x`;
  console.log(`track / baseline: ${ratio('median')} per call (median slice); mean with GC included ${ratio('mean')} (noisier)`);
  const received = stub.received() - receivedBefore;
  const complete = stats.tracked === CALLS && stats.accepted === CALLS && stats.dropped === 0 && received === CALLS;
  console.log(
    `sent: tracked ${stats.tracked}, accepted ${stats.accepted}, dropped ${stats.dropped}, rejected ${stats.rejected}, ` +
      `requests ${stats.requests}, retries ${stats.retries}; the stub received ${received}; shutdown took ${shutdownMs.toFixed(0)} ms: ${complete ? 'ok' : 'MISMATCH'}`,
  );
  // Not a timing threshold: a run that lost events measured something else.
  if (!complete) process.exitCode = 1;
} finally {
  stub.server.closeAllConnections();
  await new Promise((resolve) => stub.server.close(resolve));
}
