// Numbered plain-SQL migrations (migrations/0001_name.sql), run the same on Postgres and PGlite.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from './database.js';

interface Migration {
  version: number;
  name: string;
  sql: string;
}

// From src/db/ in development and tests, from dist/ once bundled.
// import.meta.dirname rather than new URL(): tests under jsdom swap in a URL class node:url refuses.
const MIGRATIONS_DIR = ['../../migrations/', '../migrations/']
  .map((relative) => path.resolve(import.meta.dirname, relative))
  .find((dir) => existsSync(path.join(dir, '0001_projects_keys_customers.sql')));
// Any constant works; it only has to be the same for every instance that migrates.
const MIGRATION_LOCK_ID = 7_240_001;

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  if (!dir) throw new Error('The migrations folder of @nozle/server is missing.');
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[\w-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      sql: readFileSync(path.join(dir, file), 'utf8'),
    }));
}

/** Applies the pending migrations, each in its own transaction, one instance at a time. */
export async function migrate(db: Database, migrations = loadMigrations()): Promise<number[]> {
  // Under the lock too: two instances running `create table if not exists` at once collide.
  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_ID]);
    await tx.query(`
      create table if not exists nozle_migrations (
        version integer primary key,
        name text not null,
        applied_at timestamptz not null default now()
      )`);
  });
  const applied: number[] = [];
  for (const migration of migrations) {
    const ran = await db.transaction(async (tx) => {
      // Serialises concurrent instances; the loser finds the version applied and skips it.
      await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_ID]);
      const done = await tx.query('select 1 from nozle_migrations where version = $1', [migration.version]);
      if (done.rows.length > 0) return false;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('insert into nozle_migrations (version, name) values ($1, $2)', [migration.version, migration.name]);
      return true;
    });
    if (ran) applied.push(migration.version);
  }
  return applied;
}

/** The newest version applied, or 0. */
export async function schemaVersion(db: Database): Promise<number> {
  const { rows } = await db.query<{ version: number | null }>('select max(version) as version from nozle_migrations');
  return rows[0]?.version ?? 0;
}

// Migrations are plain statements separated by `;` at the end of a line; no functions with
// bodies, so this split is enough and keeps every statement inside the transaction.
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
    .filter((statement) => statement.length > 0);
}
