import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import lockfile from 'proper-lockfile';
import type { Database, QueryResult } from './database.js';

interface PgliteOptions {
  /** A folder to keep the data in; in memory when absent. */
  dataDir?: string;
}

export class DataDirLockedError extends Error {
  constructor(dataDir: string) {
    super(`The data folder ${dataDir} is in use by another Nozle process. ` + 'Stop it, or point NOZLE_DATA_DIR at another folder.');
    this.name = 'DataDirLockedError';
  }
}

const toResult = <Row>(result: { rows: Row[]; affectedRows?: number }): QueryResult<Row> => ({
  rows: result.rows,
  rowCount: result.affectedRows || result.rows.length,
});

/** Embedded Postgres (WASM). One connection: PGlite queues queries behind an open transaction. */
export async function openPglite(options: PgliteOptions = {}): Promise<Database> {
  const release = options.dataDir ? await lockDataDir(options.dataDir) : undefined;
  let db: PGlite;
  try {
    db = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  } catch (error) {
    await release?.();
    throw error;
  }

  // One process owns the data folder (see lockDataDir), so an in-process set is the lock.
  const held = new Set<string>();
  return {
    kind: 'pglite',
    query: async (sql, params) => toResult(await db.query(sql, params ? [...params] : undefined)),
    transaction: (fn) =>
      db.transaction((tx: Transaction) => fn({ query: async (sql, params) => toResult(await tx.query(sql, params ? [...params] : undefined)) })),
    async withLock(name, fn) {
      if (held.has(name)) return { ran: false };
      held.add(name);
      try {
        // In process, the lock cannot be lost while we live: the signal never aborts.
        return { ran: true, value: await fn(new AbortController().signal) };
      } finally {
        held.delete(name);
      }
    },
    async close() {
      await db.close();
      await release?.();
    },
  };
}

// PGlite gives no protection against a second process opening the same folder, which
// corrupts it; a lock file (kept fresh while we live, stale after a crash) does.
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  mkdirSync(dataDir, { recursive: true });
  try {
    return await lockfile.lock(dataDir, { lockfilePath: `${path.resolve(dataDir)}.lock`, stale: 10_000, update: 2_000 });
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') throw new DataDirLockedError(dataDir);
    throw error;
  }
}
