import pg from 'pg';
import type { Database, Queryable, QueryResult } from './database.js';
import { isConnectionLost } from './failures.js';

// int8 (counts, bigserial) as numbers, like PGlite; our values stay far below 2^53.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (value: string) => Number(value) : (pg.types.getTypeParser(oid, format) as (value: string) => unknown)) as typeof pg.types.getTypeParser,
};

const DEFAULT_STATEMENT_TIMEOUT_MS = 10_000;
const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
const DEFAULT_LOCK_HEARTBEAT_MS = 5_000;
// The client waits this much longer than the server, so a slow statement ends as the server's
// clean cancel (57014) and only a silent network ends in the client's own timeout.
const CLIENT_TIMEOUT_MARGIN_MS = 1_000;

interface PostgresOptions {
  connectionString: string;
  /** Puts every connection on this schema (tests isolate each run in its own schema). */
  schema?: string;
  max?: number;
  /** The longest a statement may run (server side), and, a little longer, wait for its answer (client side). */
  statementTimeoutMs?: number;
  /** The longest opening a connection (or waiting for a free one) may take. */
  connectTimeoutMs?: number;
  /** How often withLock checks that the connection holding its lock is still alive. */
  lockHeartbeatMs?: number;
}

export function openPostgres(options: PostgresOptions): Database {
  const pool = openPool(options);
  const lockHeartbeatMs = options.lockHeartbeatMs ?? DEFAULT_LOCK_HEARTBEAT_MS;
  return {
    kind: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    transaction: (fn) => inTransaction(pool, fn),
    withLock: (name, fn) => withAdvisoryLock(pool, lockHeartbeatMs, name, fn),
    close: () => pool.end(),
  };
}

function openPool(options: PostgresOptions): pg.Pool {
  const statementTimeoutMs = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    types,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    statement_timeout: statementTimeoutMs,
    // Client side too: a partition answers nothing, so only the client's own timer ends the wait.
    query_timeout: statementTimeoutMs + CLIENT_TIMEOUT_MARGIN_MS,
    connectionTimeoutMillis: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  // An idle client's error (the server restarted) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  return pool;
}

async function run<Row>(client: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>> {
  const result = await client.query(sql, params as unknown[] | undefined);
  return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
}

async function inTransaction<T>(pool: pg.Pool, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  const lease = await checkOut(pool);
  try {
    await lease.client.query('begin');
    const tx: Queryable = { query: (sql, params) => run(lease.client, sql, params) };
    const result = await fn(tx);
    await lease.client.query('commit');
    lease.release();
    return result;
  } catch (error) {
    // On a lost connection Postgres rolls back by itself; asking would wait out a timeout.
    if (lease.failure() || isConnectionLost(error)) {
      lease.release(error);
    } else {
      lease.release(
        await lease.client.query('rollback').then(
          () => undefined,
          (rollbackError: unknown) => rollbackError,
        ),
      );
    }
    throw error;
  }
}

// A session-level advisory lock on a connection of its own, held while `fn` runs its
// own queries through the pool; it is gone with the connection if this process dies.
async function withAdvisoryLock<T>(
  pool: pg.Pool,
  heartbeatMs: number,
  name: string,
  fn: (lost: AbortSignal) => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  const lease = await checkOut(pool);
  let locked = false;
  try {
    const { rows } = await lease.client.query<{ locked: boolean }>('select pg_try_advisory_lock(hashtext($1)) as locked', [name]);
    locked = rows[0]?.locked === true;
  } catch (error) {
    lease.release(error);
    throw error;
  }
  if (!locked) {
    lease.release();
    return { ran: false };
  }
  // If the holding connection dies, so does the lock: `fn` learns it through the signal.
  const lost = new AbortController();
  lease.onFailure((error) => lost.abort(error));
  // A silent network sends no error: only a query that gets no answer in time finds it.
  const heartbeat = startHeartbeat(lease, heartbeatMs);
  try {
    return { ran: true, value: await fn(lost.signal) };
  } finally {
    await heartbeat.stop();
    if (lease.failure()) {
      lease.release(lease.failure());
    } else {
      const unlocked = await lease.client.query('select pg_advisory_unlock(hashtext($1))', [name]).then(
        () => undefined,
        (error: unknown) => error,
      );
      lease.release(unlocked);
    }
  }
}

/** `select 1` on the lease every `intervalMs`, one at a time; a failure fails the lease. */
function startHeartbeat(lease: Lease, intervalMs: number): { stop(): Promise<void> } {
  let beat: Promise<void> = Promise.resolve();
  let stopped = false;
  let timer: NodeJS.Timeout;
  const schedule = () => {
    timer = setTimeout(() => {
      beat = lease.client.query('select 1').then(
        () => undefined,
        (error: unknown) => lease.fail(error),
      );
      void beat.then(() => {
        if (!stopped && lease.failure() === undefined) schedule();
      });
    }, intervalMs);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await beat;
    },
  };
}

interface Lease {
  client: pg.PoolClient;
  /** The error that broke the connection while checked out, if one did. */
  failure(): unknown;
  onFailure(listener: (error: unknown) => void): void;
  fail(error: unknown): void;
  /** Back to the pool, or, given an error, destroyed (a broken client must not be reused). */
  release(error?: unknown): void;
}

// A checked-out client has no listener of the pool's: without one, a connection that dies
// while checked out raises an 'error' event nobody handles, which ends the process.
async function checkOut(pool: pg.Pool): Promise<Lease> {
  const client = await pool.connect();
  let failure: unknown;
  const listeners: Array<(error: unknown) => void> = [];
  const fail = (error: unknown) => {
    if (failure !== undefined) return;
    failure = error ?? new Error('Connection terminated');
    for (const listener of listeners) listener(failure);
  };
  client.on('error', fail);
  let released = false;
  return {
    client,
    failure: () => failure,
    onFailure: (listener) => listeners.push(listener),
    fail,
    release(error) {
      if (released) return;
      released = true;
      client.off('error', fail);
      // Late errors of a destroyed client still need a listener.
      if (error !== undefined) client.on('error', () => {});
      client.release(error instanceof Error ? error : error === undefined ? undefined : true);
    },
  };
}
