// Migration 0026 numbers the invoices finalized before it, per project in the order they were
// finalized, gives each a hosted page token, and sets each project's counter after the last one;
// drafts are left without either.
import { afterAll, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../src/db/migrate.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';

let database: TestDatabase | undefined;
afterAll(() => database?.drop());

it('numbers the invoices finalized before it, in the order they were finalized, per project', async () => {
  database = await createTestDatabase({ migrated: false });
  const { db } = database;
  const migrations = loadMigrations();
  await migrate(
    db,
    migrations.filter((m) => m.version < 26),
  );
  await db.transaction(async (tx) => {
    // Only the invoices matter here: the rows they point at are left out (foreign keys off for this transaction).
    await tx.query('set local session_replication_role = replica');
    await tx.query("insert into projects (id, name, created_at) values ('proj_a', 'A', now()), ('proj_b', 'B', now())");
    const invoice = (id: string, project: string, status: string, finalized: string | null, start: string) =>
      tx.query(
        `insert into invoices (id, project_id, customer_id, subscription_id, plan_id, plan_version, status, currency, period_start, period_end,
           trial, subtotal, total, created_at, finalized_at)
         values ($1, $2, 'cus_x', 'sub_' || $1, 'plan_x', 1, $3, 'usd', $5::timestamptz, $5::timestamptz + interval '1 month', false, 100, 100, $5::timestamptz, $4::timestamptz)`,
        [id, project, status, finalized, start],
      );
    await invoice('in_a2', 'proj_a', 'paid', '2026-02-01T00:00:00Z', '2026-01-01T00:00:00Z');
    await invoice('in_a1', 'proj_a', 'open', '2026-01-01T00:00:00Z', '2025-12-01T00:00:00Z');
    await invoice('in_a3', 'proj_a', 'draft', null, '2026-02-01T00:00:00Z');
    await invoice('in_b1', 'proj_b', 'void', '2026-03-01T00:00:00Z', '2026-02-01T00:00:00Z');
  });
  await migrate(
    db,
    migrations.filter((m) => m.version === 26),
  );
  const { rows } = await db.query<{ id: string; number: string | null; hosted_token: string | null }>(
    'select id, number, hosted_token from invoices order by id',
  );
  expect(rows.map((row) => [row.id, row.number])).toEqual([
    ['in_a1', 'INV-0001'],
    ['in_a2', 'INV-0002'],
    ['in_a3', null],
    ['in_b1', 'INV-0001'],
  ]);
  expect(rows.map((row) => row.hosted_token === null || /^[0-9a-f]{64}$/.test(row.hosted_token))).toEqual([true, true, true, true]);
  expect(rows.filter((row) => row.hosted_token !== null)).toHaveLength(3);
  const counters = await db.query<{ project_id: string; last_number: number }>(
    'select project_id, last_number from invoice_number_counters order by project_id',
  );
  expect(counters.rows.map((row) => [row.project_id, Number(row.last_number)])).toEqual([
    ['proj_a', 2],
    ['proj_b', 1],
  ]);
});
