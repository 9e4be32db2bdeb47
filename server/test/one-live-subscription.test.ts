// A customer holds at most one live (not canceled) subscription to a plan, whatever races
// (`basic` sits in a group of its own here: one per group is test/plan-groups.test.ts's):
// the database refuses the second (a partial unique index), the API answers it as a 409
// naming `plan`, and every path that makes or moves subscriptions (the API, plan changes,
// checkout, the provider sync) meets the rule without failing. The migration that adds the
// index first resolves duplicates made before it existed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../src/db/migrate.js';
import { syncSubscription } from '../src/payments/sync.js';
import { CARDS, submitPage } from './support/sandbox-pages.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let n = 0;

beforeAll(async () => {
  t = await startTestApp();
  for (const [path, body] of [
    ['/v1/features', { key: 'export', type: 'boolean' }],
    ['/v1/plans', { key: 'pro', interval: 'month', currency: 'usd', base_price: 2900, entitlements: [{ feature: 'export' }] }],
    ['/v1/plans', { key: 'basic', group: 'side', interval: 'month', currency: 'usd', base_price: 900 }],
  ] as const) {
    expect((await t.call('POST', path, { body })).status).toBe(200);
  }
});
afterAll(() => t.close());

async function newCustomer(): Promise<string> {
  n += 1;
  const res = await t.call('POST', '/v1/customers', { body: { external_id: `one_live_${n}` } });
  expect(res.status).toBe(200);
  return res.body.id;
}

const liveRows = async (customer: string) =>
  (
    await t.database.db.query<{ id: string; plan_id: string }>("select id, plan_id from subscriptions where customer_id = $1 and status <> 'canceled'", [
      customer,
    ])
  ).rows;

describe('one live subscription per customer and plan', () => {
  it('100 concurrent creations make one subscription; the other 99 are 409s naming plan', async () => {
    const customer = await newCustomer();
    const answers = await Promise.all(Array.from({ length: 100 }, () => t.call('POST', '/v1/subscriptions', { body: { customer, plan: 'pro' } })));
    const statuses = answers.map((res) => res.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(99);
    for (const res of answers.filter((r) => r.status === 409)) {
      expect(res.body.error).toMatchObject({ type: 'invalid_request_error', code: 'resource_already_exists', param: 'plan' });
    }
    const rows = (await t.database.db.query('select id from subscriptions where customer_id = $1', [customer])).rows;
    expect(rows).toHaveLength(1);
  }, 120_000);

  it('an idempotent replay of the creation answers the same subscription, not a 409', async () => {
    const customer = await newCustomer();
    const headers = { 'Idempotency-Key': `one-live-${customer}` };
    const first = await t.call('POST', '/v1/subscriptions', { body: { customer, plan: 'pro' }, headers });
    const replay = await t.call('POST', '/v1/subscriptions', { body: { customer, plan: 'pro' }, headers });
    expect(first.status).toBe(200);
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(first.body.id);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
  });

  it('once the live one is canceled, the plan can be subscribed again', async () => {
    const customer = await newCustomer();
    const first = await t.call('POST', '/v1/subscriptions', { body: { customer, plan: 'pro' } });
    expect((await t.call('POST', `/v1/subscriptions/${first.body.id}/cancel`, { body: {} })).status).toBe(200);
    const again = await t.call('POST', '/v1/subscriptions', { body: { customer, plan: 'pro' } });
    expect(again.status).toBe(200);
    expect(again.body.id).not.toBe(first.body.id);
  });

  it('another plan is another subscription', async () => {
    const customer = await newCustomer();
    expect((await t.call('POST', '/v1/subscriptions', { body: { customer, plan: 'pro' } })).status).toBe(200);
    expect((await t.call('POST', '/v1/subscriptions', { body: { customer, plan: 'basic' } })).status).toBe(200);
    expect(await liveRows(customer)).toHaveLength(2);
  });

  it('a plan change onto a plan another live subscription holds is a 409, and changes nothing', async () => {
    const customer = await newCustomer();
    await t.call('POST', '/v1/subscriptions', { body: { customer, plan: 'pro' } });
    const basic = await t.call('POST', '/v1/subscriptions', { body: { customer, plan: 'basic' } });
    const change = await t.call('POST', `/v1/subscriptions/${basic.body.id}`, { body: { plan: 'pro' } });
    expect(change.status).toBe(409);
    expect(change.body.error).toMatchObject({ code: 'resource_already_exists', param: 'plan' });
    expect((await t.call('GET', `/v1/subscriptions/${basic.body.id}`)).body.plan).toBe('basic');
  });

  it('a checkout for a plan the customer already holds is refused when the session is made', async () => {
    const customer = await newCustomer();
    await t.call('POST', '/v1/subscriptions', { body: { customer, plan: 'pro' } });
    const res = await t.call('POST', '/v1/checkout/sessions', { body: { customer, plan: 'pro' } });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'resource_already_exists', param: 'plan' });
    expect((await t.call('POST', '/v1/checkout/sessions', { body: { customer, plan: 'basic' } })).status).toBe(200);
  });

  it('of two checkouts opened for one plan, the second to be paid charges nothing', async () => {
    const customer = await newCustomer();
    const first = await t.call('POST', '/v1/checkout/sessions', { body: { customer, plan: 'pro' } });
    const second = await t.call('POST', '/v1/checkout/sessions', { body: { customer, plan: 'pro' } });
    expect((await submitPage(first.body.url, { action: 'pay', card: CARDS.pays })).status).toBe(303);
    const refused = await submitPage(second.body.url, { action: 'pay', card: CARDS.pays });
    expect(refused.status).toBe(409);
    expect(refused.html).toContain('Already subscribed');
    expect(await liveRows(customer)).toHaveLength(1);
    const sandboxSubs = await t.database.db.query(
      "select s.id from sandbox_subscriptions s join payment_customers m on m.provider_customer_id = s.customer and m.provider = 'sandbox' where m.customer_id = $1",
      [customer],
    );
    expect(sandboxSubs.rows).toHaveLength(1);
  });

  it('the provider sync reports a second live subscription to a plan instead of failing on it', async () => {
    const customer = await newCustomer();
    // The checkout makes the customer and the price at the provider; the API subscription then holds the plan.
    await t.call('POST', '/v1/checkout/sessions', { body: { customer, plan: 'pro' } });
    const held = await t.call('POST', '/v1/subscriptions', { body: { customer, plan: 'pro' } });
    const { db } = t.database;
    const providerCustomer = (
      await db.query<{ id: string }>("select provider_customer_id as id from payment_customers where customer_id = $1 and provider = 'sandbox'", [customer])
    ).rows[0]!.id;
    const price = (
      await db.query<{ id: string }>(
        "select pp.provider_price_id as id from payment_prices pp join plans p on p.id = pp.plan_id where p.key = 'pro' and pp.provider = 'sandbox'",
      )
    ).rows[0]!.id;
    const now = t.clock.now();
    const second = {
      id: `sub_sbx_dup${n}`,
      customer: providerCustomer,
      price,
      currentPeriodStart: now,
      currentPeriodEnd: new Date(now.getTime() + 30 * 86_400_000),
      billingCycleAnchor: now,
      trialEnd: null,
      cancelAtPeriodEnd: false,
      canceledAt: null,
      created: now,
      scheduledChange: null,
      quantity: 1,
    };

    const outcome = await db.transaction((tx) => syncSubscription(tx, 'sandbox', { ...second, status: 'active' }, now));
    expect(outcome).toMatchObject({ kind: 'ignored' });
    expect(outcome.kind === 'ignored' && outcome.reason).toContain(held.body.id);
    expect((await liveRows(customer)).map((row) => row.id)).toEqual([held.body.id]);

    // The provider's canceled copy is mirrored as such: it frees nothing and breaks nothing.
    const canceled = await db.transaction((tx) => syncSubscription(tx, 'sandbox', { ...second, status: 'canceled', canceledAt: now }, now));
    expect(canceled).toMatchObject({ kind: 'changed' });
    expect((await liveRows(customer)).map((row) => row.id)).toEqual([held.body.id]);
  });
});

describe('migration 0013', () => {
  const databases: TestDatabase[] = [];
  afterEach(async () => {
    for (const database of databases.splice(0)) await database.drop();
  });

  it('keeps the newest live subscription per customer and plan, cancels the older ones, then builds the index', async () => {
    const database = await createTestDatabase({ migrated: false });
    databases.push(database);
    const { db } = database;
    await migrate(
      db,
      loadMigrations().filter((m) => m.version < 13),
    );
    // Raw rows, as the schema was then: today's project code reads columns later migrations add.
    const project = { projectId: 'proj_before0013' };
    await db.query("insert into projects (id, name, created_at) values ($1, 'Before 0013', '2026-01-01T00:00:00Z')", [project.projectId]);
    const at = (day: number) => new Date(Date.UTC(2026, 0, day));
    await db.query("insert into customers (id, project_id, metadata, created_at, updated_at) values ('cus_dup', $1, '{}', $2, $2)", [project.projectId, at(1)]);
    for (const plan of ['plan_a', 'plan_b']) {
      await db.query(`insert into plans (id, project_id, key, current_version, created_at) values ($1, $2, $1, 1, $3)`, [plan, project.projectId, at(1)]);
      await db.query(
        `insert into plan_versions (plan_id, version, name, interval, currency, base_price, trial_days, entitlements, created_at) values ($1, 1, $1, 'month', 'usd', 100, 0, '[]', $2)`,
        [plan, at(1)],
      );
    }
    const rows: Array<[id: string, plan: string, status: string, day: number]> = [
      ['sub_old', 'plan_a', 'active', 1],
      ['sub_mid', 'plan_a', 'past_due', 2],
      ['sub_new', 'plan_a', 'trialing', 3],
      ['sub_done', 'plan_a', 'canceled', 4],
      ['sub_other_plan', 'plan_b', 'active', 1],
    ];
    for (const [id, plan, status, day] of rows) {
      await db.query(
        `insert into subscriptions (id, project_id, customer_id, plan_id, plan_version, status, current_period_start, current_period_end, metadata, created_at, updated_at)
         values ($1, $2, 'cus_dup', $3, 1, $4, $5, $5, '{}', $5, $5)`,
        [id, project.projectId, plan, status, at(day)],
      );
    }

    // Up to 0015: 0016 then keeps one live subscription per group (test/plan-groups-migration.test.ts).
    expect(
      await migrate(
        db,
        loadMigrations().filter((m) => m.version < 16),
      ),
    ).toContain(13);

    const after = await db.query<{ id: string; status: string }>('select id, status from subscriptions order by id');
    expect(Object.fromEntries(after.rows.map((row) => [row.id, row.status]))).toEqual({
      sub_done: 'canceled',
      sub_mid: 'canceled',
      sub_new: 'trialing',
      sub_old: 'canceled',
      sub_other_plan: 'active',
    });
    await expect(
      db.query(
        `insert into subscriptions (id, project_id, customer_id, plan_id, plan_version, status, current_period_start, current_period_end, billing_cycle_anchor,
           metadata, created_at, updated_at)
         values ('sub_again', $1, 'cus_dup', 'plan_a', 1, 'active', now(), now(), now(), '{}', now(), now())`,
        [project.projectId],
      ),
    ).rejects.toMatchObject({ code: '23505' });
  });
});
