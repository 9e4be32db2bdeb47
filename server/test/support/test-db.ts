// A database for one test file: in-memory PGlite, or, when DATABASE_URL is set, a fresh schema of
// that Postgres database (dropped afterwards) so concurrent files and runs never share rows.
import pg from 'pg';
import { randomBase62 } from '../../src/ids.js';
import type { Database } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { openPglite } from '../../src/db/pglite.js';
import { openPostgres } from '../../src/db/postgres.js';

export interface TestDatabase {
  db: Database;
  /** Extra settings a child process needs to reach the same database (schema included). */
  env: Record<string, string>;
  drop(): Promise<void>;
}

export const usingPostgres = (): boolean => Boolean(process.env.DATABASE_URL);

export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  let result: TestDatabase;
  if (url) {
    const schema = `nozle_test_${randomBase62(10).toLowerCase()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const db = openPostgres({ connectionString: url, schema });
    result = {
      db,
      env: { DATABASE_URL: withSearchPath(url, schema) },
      async drop() {
        await db.close();
        const cleanup = new pg.Client({ connectionString: url });
        await cleanup.connect();
        await cleanup.query(`drop schema ${schema} cascade`);
        await cleanup.end();
      },
    };
  } else {
    const db = await openPglite();
    result = { db, env: {}, drop: () => db.close() };
  }
  if (options.migrated !== false) await migrate(result.db);
  return result;
}

// libpq's `options` parameter carries the search_path to a separate process.
function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}
