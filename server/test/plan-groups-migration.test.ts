// Migration 0016 keeps one live subscription per customer and plan group: duplicates made before
// it are resolved (a paid one before a free one, then the newest, stays live; the others are
// canceled), statuses that give no access and add-ons are left alone, then the index refuses a
// second live subscription in a group.
import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../src/db/migrate.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';

const databases: TestDatabase[] = [];
afterEach(async () => {
  for (const database of databases.splice(0)) await database.drop();
});

const at = (day: number) => new Date(Date.UTC(2026, 0, day));

describe('migration 0016', () => {
  it('keeps the newest paid live subscription per customer and group, cancels the others, then builds the index', async () => {
    const database = await createTestDatabase({ migrated: false });
    databases.push(database);
    const { db } = database;
    await migrate(
      db,
      loadMigrations().filter((m) => m.version < 16),
    );
    // Raw rows, as the schema was then: today's project code reads columns later migrations add.
    const projectId = 'proj_before0016';
    await db.query("insert into projects (id, name, created_at) values ($1, 'Before 0016', $2)", [projectId, at(1)]);
    for (const customer of ['cus_a', 'cus_b']) {
      await db.query("insert into customers (id, project_id, metadata, created_at, updated_at) values ($1, $2, '{}', $3, $3)", [customer, projectId, at(1)]);
    }
    const plans: Array<[id: string, group: string, addOn: boolean, price: number]> = [
      ['plan_free', 'main', false, 0],
      ['plan_basic', 'main', false, 900],
      ['plan_pro', 'main', false, 2900],
      ['plan_team', 'main', false, 4900],
      ['plan_seats', 'seats', false, 500],
      ['plan_boost', 'default', true, 300],
    ];
    for (const [plan, group, addOn, price] of plans) {
      await db.query('insert into plans (id, project_id, key, current_version, plan_group, add_on, created_at) values ($1, $2, $1, 1, $3, $4, $5)', [
        plan,
        projectId,
        group,
        addOn,
        at(1),
      ]);
      await db.query(
        `insert into plan_versions (plan_id, version, name, interval, currency, base_price, trial_days, entitlements, created_at)
         values ($1, 1, $1, 'month', 'usd', $2, 0, '[]', $3)`,
        [plan, price, at(1)],
      );
    }
    const rows: Array<[id: string, customer: string, plan: string, status: string, day: number]> = [
      ['sub_a_pro', 'cus_a', 'plan_pro', 'active', 2],
      ['sub_a_basic', 'cus_a', 'plan_basic', 'past_due', 3],
      ['sub_a_free', 'cus_a', 'plan_free', 'active', 5],
      ['sub_a_paused', 'cus_a', 'plan_team', 'paused', 1],
      ['sub_a_seats', 'cus_a', 'plan_seats', 'active', 1],
      ['sub_a_boost', 'cus_a', 'plan_boost', 'active', 1],
      ['sub_b_free', 'cus_b', 'plan_free', 'active', 2],
      ['sub_b_incomplete', 'cus_b', 'plan_pro', 'incomplete', 3],
    ];
    for (const [id, customer, plan, status, day] of rows) {
      await db.query(
        `insert into subscriptions (id, project_id, customer_id, plan_id, plan_version, plan_group, status, current_period_start, current_period_end,
           billing_cycle_anchor, scheduled_plan_id, scheduled_plan_version, scheduled_change_at, metadata, created_at, updated_at)
         values ($1, $2, $3, $4, 1, (select case when add_on then null else plan_group end from plans where id = $4), $5, $6, $6, $6,
           'plan_free', 1, $6, '{}', $6, $6)`,
        [id, projectId, customer, plan, status, at(day)],
      );
    }

    expect(await migrate(db)).toContain(16);

    const after = await db.query<{ id: string; status: string; canceled: boolean; scheduled: string | null }>(
      'select id, status, canceled_at is not null as canceled, scheduled_plan_id as scheduled from subscriptions order by id',
    );
    const byId = Object.fromEntries(after.rows.map((row) => [row.id, row]));
    expect(Object.fromEntries(after.rows.map((row) => [row.id, row.status]))).toEqual({
      sub_a_basic: 'past_due',
      sub_a_boost: 'active',
      sub_a_free: 'canceled',
      sub_a_paused: 'paused',
      sub_a_pro: 'canceled',
      sub_a_seats: 'active',
      sub_b_free: 'active',
      sub_b_incomplete: 'incomplete',
    });
    expect(byId.sub_a_free).toMatchObject({ canceled: true, scheduled: null });
    expect(byId.sub_a_pro).toMatchObject({ canceled: true, scheduled: null });
    expect(byId.sub_a_basic).toMatchObject({ canceled: false, scheduled: 'plan_free' });

    const insertLive = (id: string, plan: string, status: string) =>
      db.query(
        `insert into subscriptions (id, project_id, customer_id, plan_id, plan_version, plan_group, status, current_period_start, current_period_end,
           billing_cycle_anchor, metadata, created_at, updated_at)
         values ($1, $2, 'cus_b', $3, 1, (select case when add_on then null else plan_group end from plans where id = $3), $4, now(), now(), now(), '{}', now(), now())`,
        [id, projectId, plan, status],
      );
    // A second live subscription in a group is refused; one that gives no access, or an add-on, is not.
    await expect(insertLive('sub_b_basic', 'plan_basic', 'trialing')).rejects.toMatchObject({ code: '23505', constraint: 'subscriptions_one_live_per_group' });
    await expect(insertLive('sub_b_team_unpaid', 'plan_team', 'unpaid')).resolves.toBeDefined();
    await expect(insertLive('sub_b_boost', 'plan_boost', 'active')).resolves.toBeDefined();
  });
});
