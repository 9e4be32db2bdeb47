// The SDK keeps tracking while the server stops mid-stream and comes back: every event ends up
// counted exactly once (retries resend the same ids; the server takes each id once).
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Nozle, type NozleTrackError } from '@nozle/node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runEntry, type Child } from './support/child.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';

// These start and restart whole servers (child processes): on a loaded machine that alone can
// take most of the default 30 s, which says nothing about the behaviour under test. The retry
// horizon (about 90 s) outlasts a slow restart of the embedded database under a full CI load.
vi.setConfig({ testTimeout: 240_000 });

const usingPostgres = Boolean(process.env.DATABASE_URL);
const children: Child[] = [];
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const child of children.splice(0)) if (child.process.exitCode === null) child.process.kill('SIGKILL');
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startServer(env: Record<string, string>): Promise<Child> {
  const child = runEntry('main', [], env);
  children.push(child);
  await child.waitFor(/Nozle is running at/);
  return child;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('tracking through a server restart', () => {
  it(`counts every event exactly once when the server is ${usingPostgres ? 'killed (Postgres)' : 'stopped (embedded, data folder)'} mid-stream`, async () => {
    let database: Record<string, string>;
    if (usingPostgres) {
      const db: TestDatabase = await createTestDatabase({ migrated: false });
      cleanups.push(() => db.drop());
      database = db.env;
    } else {
      const dir = mkdtempSync(path.join(tmpdir(), 'nozle-track-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      database = { NOZLE_DATA_DIR: dir };
    }
    const env = { ...database, PORT: String(await freePort()) };
    let server = await startServer(env);
    const [, secretKey] = await server.waitFor(/Secret key:\s+(sk_\w+)/);
    const baseUrl = `http://127.0.0.1:${env.PORT}`;

    const errors: NozleTrackError[] = [];
    const nozle = new Nozle({
      secretKey: secretKey!,
      baseUrl,
      track: { flushAt: 25, flushIntervalMs: 20, retry: { maxRetries: 100, initialDelayMs: 20, maxDelayMs: 1_000 }, onError: (error) => errors.push(error) },
    });
    const api = (method: string, route: string, body?: unknown) =>
      fetch(`${baseUrl}${route}`, {
        method,
        headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      }).then((res) => res.json() as Promise<{ data: Array<{ value: number }> }>);
    await api('POST', '/v1/meters', { key: 'calls', event_name: 'api_call', aggregation: 'count' });
    await nozle.customers.create({ external_id: 'tracked' });

    const TOTAL = 600;
    const stopAt = 200;
    for (let i = 0; i < TOTAL; i++) {
      nozle.track({ customer: 'tracked', event: 'api_call', properties: { i } });
      if (i % 20 === 0) await sleep(5);
      if (i === stopAt) {
        // Mid-stream: batches are in flight or queued while the server goes away.
        server.process.kill(usingPostgres ? 'SIGKILL' : 'SIGTERM');
        await server.exited;
      }
      if (i === stopAt + 150) server = await startServer({ ...env, NOZLE_DEMO: 'false' });
    }
    await nozle.shutdown(120_000);

    // Reasons and messages, not the events: a failure then says why in one screen.
    expect(errors.map((error) => `${error.reason}: ${error.message}`)).toEqual([]);
    const stats = nozle.trackStats();
    expect(stats.tracked).toBe(TOTAL);
    const usage = await api('GET', '/v1/customers/tracked/usage?meter=calls');
    expect(usage.data.map((u) => u.value)).toEqual([TOTAL]);
    expect(stats.retries).toBeGreaterThan(0); // the stop really interrupted the stream
  });
});
