// The server between a TCP proxy and a real Postgres: the test resets or silences the network.
// A dropped or silent database must never end the process or hang a request: a request caught
// by it answers 503 database_unavailable, and the server recovers by itself once it is back.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import pg from 'pg';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/app.js';
import type { Database } from '../src/db/database.js';
import { openPostgres } from '../src/db/postgres.js';
import { createProjectWithKeys } from '../src/projects/create-project.js';
import { runEntry, type Child } from './support/child.js';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';

const enabled = Boolean(process.env.DATABASE_URL);
// Whole servers and real timeouts; the deadlines below are for "eventually", not measurements.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const STATEMENT_TIMEOUT_MS = 1_000;
const CONNECT_TIMEOUT_MS = 1_000;
// The longest a request may take to give up: the client's wait for an answer (statement timeout
// plus its one-second margin) or a connection attempt, with room for a loaded machine.
const GIVE_UP_DEADLINE_MS = 15_000;

/** Polls `check` until it returns a value (not undefined) or the deadline passes. */
async function eventually<T>(check: () => Promise<T | undefined>, what: string, deadlineMs = 30_000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const schemaOf = (database: TestDatabase) => new URL(database.env.DATABASE_URL!).searchParams.get('options')!.replace('-c search_path=', '');

/** The test database's URL, reaching Postgres through the proxy. */
function throughProxy(database: TestDatabase, proxy: TcpProxy): string {
  const url = new URL(database.env.DATABASE_URL!);
  url.hostname = '127.0.0.1';
  url.port = String(proxy.port);
  return url.toString();
}

async function startProxy(): Promise<TcpProxy> {
  const target = new URL(process.env.DATABASE_URL!);
  return startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
}

/** A direct connection (not through the proxy) holding an exclusive lock on the schema's customers table. */
async function lockCustomers(schema: string): Promise<{ waiting(): Promise<number>; release(): Promise<void> }> {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query('begin');
  await admin.query(`lock table ${schema}.customers in access exclusive mode`);
  return {
    async waiting() {
      const { rows } = await admin.query<{ n: number }>(
        `select count(*)::int as n from pg_locks l join pg_class c on c.oid = l.relation
          where not l.granted and c.relname = 'customers' and c.relnamespace = $1::regnamespace`,
        [schema],
      );
      return rows[0]!.n;
    },
    async release() {
      await admin.query('rollback');
      await admin.end();
    },
  };
}

const json = async (res: Response) => ({ status: res.status, headers: res.headers, body: await res.json() });

describe.skipIf(!enabled)('the server as a process, when its database connection drops', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let server: Child;
  let url: string;
  let secretKey: string;
  const post = (body: unknown) =>
    fetch(`${url}/v1/customers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(GIVE_UP_DEADLINE_MS),
    }).then(json);

  beforeAll(async () => {
    database = await createTestDatabase({ migrated: false });
    proxy = await startProxy();
    server = runEntry('main', [], {
      PORT: '0',
      DATABASE_URL: throughProxy(database, proxy),
      NOZLE_DB_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
    });
    [, url] = (await server.waitFor(/Nozle is running at (http:\/\/\S+)/)) as [string, string];
    [, secretKey] = (await server.waitFor(/Secret key:\s+(sk_\w+)/)) as [string, string];
    expect((await post({ external_id: 'before' })).status).toBe(200);
  });
  afterAll(async () => {
    if (server?.process.exitCode === null) server.process.kill('SIGKILL');
    await proxy?.close();
    await database?.drop();
  });

  it('lives through a reset while idle, and serves again over new connections', async () => {
    proxy.reset();
    const health = await fetch(`${url}/healthz`).then(json);
    expect(health.status).toBe(200);
    const created = await eventually(async () => {
      const res = await post({ external_id: 'after_idle_reset' });
      return res.status === 200 ? res : undefined;
    }, 'a request to succeed after the reset');
    expect(created.body.external_id).toBe('after_idle_reset');
    expect(server.process.exitCode).toBeNull();
  });

  it('answers a request in flight 503 database_unavailable when its connection is reset, stays up, and writes nothing', async () => {
    const lock = await lockCustomers(schemaOf(database));
    try {
      const inFlight = post({ external_id: 'in_flight' });
      // The request's transaction is now waiting on the table: its connection is checked out.
      await eventually(async () => ((await lock.waiting()) > 0 ? true : undefined), 'the request to wait on the lock');
      proxy.reset();
      const res = await inFlight;
      expect(res.status).toBe(503);
      expect(res.body.error).toMatchObject({ type: 'api_error', code: 'database_unavailable', param: null });
      expect(res.headers.get('retry-after')).toBe('1');
    } finally {
      await lock.release();
    }
    expect((await fetch(`${url}/healthz`).then(json)).status).toBe(200);
    await eventually(async () => ((await post({ external_id: 'after_busy_reset' })).status === 200 ? true : undefined), 'a request to succeed again');
    const { rows } = await database.db.query(`select 1 from customers where external_id = 'in_flight'`);
    expect(rows).toEqual([]);
    expect(server.process.exitCode).toBeNull();
  });
});

describe.skipIf(!enabled)('an app over a database behind a network that fails', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let db: Database;
  let http: Server;
  let url: string;
  let secretKey: string;
  const uncaught: unknown[] = [];
  const recordUncaught = (error: unknown) => uncaught.push(error);
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${secretKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(GIVE_UP_DEADLINE_MS),
    }).then(json);

  beforeAll(async () => {
    process.on('uncaughtException', recordUncaught);
    database = await createTestDatabase();
    secretKey = (await createProjectWithKeys(database.db, 'Faults', new Date())).secretKey;
    proxy = await startProxy();
    db = openPostgres({
      connectionString: throughProxy(database, proxy),
      statementTimeoutMs: STATEMENT_TIMEOUT_MS,
      connectTimeoutMs: CONNECT_TIMEOUT_MS,
      lockHeartbeatMs: 100,
    });
    const app = createApp({ db, logger: pino({ level: 'silent' }), validateResponses: true });
    http = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterEach(() => {
    proxy.blackhole(false);
    expect(uncaught).toEqual([]);
  });
  afterAll(async () => {
    process.off('uncaughtException', recordUncaught);
    http?.closeAllConnections();
    await new Promise<void>((resolve) => (http ? http.close(() => resolve()) : resolve()));
    await db?.close();
    await proxy?.close();
    await database?.drop();
  });

  it('answers 503 database_unavailable during a partition, readiness too, and serves again once the network heals', async () => {
    expect((await call('GET', '/v1/customers')).status).toBe(200);
    proxy.blackhole(true);

    const started = Date.now();
    const during = await call('GET', '/v1/customers');
    const tookMs = Date.now() - started;
    expect(during.status).toBe(503);
    expect(during.body.error).toMatchObject({ type: 'api_error', code: 'database_unavailable' });
    expect(during.headers.get('retry-after')).toBe('1');
    // New connections are accepted and never answered: the connect timeout ends those.
    const ready = await call('GET', '/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.checks.database).toBe('unavailable');
    const write = await call('POST', '/v1/customers', { external_id: 'partitioned' });
    expect(write.status).toBe(503);
    console.info(`partition: a read gave up after ${tookMs} ms (statement timeout ${STATEMENT_TIMEOUT_MS} ms + 1 s client margin)`);

    proxy.blackhole(false);
    await eventually(async () => ((await call('GET', '/readyz')).status === 200 ? true : undefined), 'readiness after the partition');
    expect((await call('POST', '/v1/customers', { external_id: 'healed' })).status).toBe(200);
  });

  it('answers 503 when a statement runs past the statement timeout, and writes nothing', async () => {
    const lock = await lockCustomers(schemaOf(database));
    try {
      const res = await call('POST', '/v1/customers', { external_id: 'too_slow' });
      expect(res.status).toBe(503);
      expect(res.body.error).toMatchObject({ type: 'api_error', code: 'database_unavailable' });
    } finally {
      await lock.release();
    }
    const { rows } = await database.db.query(`select 1 from customers where external_id = 'too_slow'`);
    expect(rows).toEqual([]);
    expect((await call('POST', '/v1/customers', { external_id: 'fast_again' })).status).toBe(200);
  });

  it('fails a transaction whose connection is reset between statements, without a crash, and the pool recovers', async () => {
    const outcome = db.transaction(async (tx) => {
      await tx.query('select 1');
      proxy.reset();
      // Give the reset time to reach the idle, checked-out client before the next statement.
      await eventually(async () => (proxy.connections() === 0 ? true : undefined), 'the proxied sockets to close');
      await tx.query('select 2');
    });
    await expect(outcome).rejects.toThrow();
    await eventually(async () => ((await db.query('select 1 as one')).rows[0] ? true : undefined), 'a query after the reset');
  });

  it('tells the holder of a lock that it is lost when the lock connection dies, and frees the lock for another instance', async () => {
    const result = await db.withLock('nozle:faults-test', async (signal) => {
      proxy.reset();
      await eventually(async () => (signal.aborted ? true : undefined), 'the lock holder to learn its lock is gone');
      return 'stopped early';
    });
    expect(result).toEqual({ ran: true, value: 'stopped early' });
    // Postgres let the lock go with the connection: another instance (a direct connection) takes it.
    const other = await database.db.withLock('nozle:faults-test', async () => 'taken');
    expect(other).toEqual({ ran: true, value: 'taken' });
  });

  it('tells the holder of a lock that it is lost when its connection goes silent', async () => {
    const result = await db.withLock('nozle:faults-silent', async (signal) => {
      proxy.blackhole(true);
      await eventually(async () => (signal.aborted ? true : undefined), 'the heartbeat to find the lock connection silent');
      return 'stopped early';
    });
    expect(result).toEqual({ ran: true, value: 'stopped early' });
  });
});
