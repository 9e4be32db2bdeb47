import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersion } from '../src/db/migrate.js';
import { createTestDatabase, usingPostgres, type TestDatabase } from './support/test-db.js';
import { openPostgres } from '../src/db/postgres.js';

const databases: TestDatabase[] = [];
afterEach(async () => {
  for (const database of databases.splice(0)) await database.drop();
});

describe('migrations', () => {
  it('are numbered files applied in order, once: a second run applies nothing', async () => {
    const database = await createTestDatabase({ migrated: false });
    databases.push(database);
    const all = loadMigrations();
    expect(all.map((m) => m.version)).toEqual([...all.keys()].map((i) => i + 1));
    expect(await migrate(database.db)).toEqual(all.map((m) => m.version));
    expect(await migrate(database.db)).toEqual([]);
    expect(await schemaVersion(database.db)).toBe(all.at(-1)!.version);
  });

  it('roll a failing migration back whole, leaving the version where it was', async () => {
    const database = await createTestDatabase({ migrated: false });
    databases.push(database);
    const broken = [...loadMigrations(), { version: 999, name: 'broken', sql: 'create table half_done (id int);\nselect no_such_function();' }];
    await expect(migrate(database.db, broken)).rejects.toThrow();
    expect(await schemaVersion(database.db)).toBe(loadMigrations().at(-1)!.version);
    const table = await database.db.query("select to_regclass('half_done') as t");
    expect(table.rows[0]).toEqual({ t: null });
  });

  it.skipIf(!usingPostgres())('run safely from several instances at once (Postgres)', async () => {
    const database = await createTestDatabase({ migrated: false });
    databases.push(database);
    const url = database.env.DATABASE_URL!;
    const schema = new URL(url).searchParams.get('options')!.split('=')[1]!;
    const instances = [0, 1, 2].map(() => openPostgres({ connectionString: process.env.DATABASE_URL!, schema }));
    try {
      const results = await Promise.all(instances.map((db) => migrate(db)));
      expect(results.flat().sort((a, b) => a - b)).toEqual(loadMigrations().map((m) => m.version));
    } finally {
      await Promise.all(instances.map((db) => db.close()));
    }
  });
});
