// An invoice made while a batch of events is being written: the batch's first check saw no
// invoice, so only the second one, under the customer's lock, can keep its events off a bill
// that no longer counts them. Needs two real connections: Postgres only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
const unix = (iso: string) => Date.parse(iso) / 1000;

describe.skipIf(!onPostgres)('an invoice made while a batch of events is written', () => {
  let t: TestApp;
  let customerId: string;
  let subscriptionId: string;
  let meterId: string;

  beforeAll(async () => {
    t = await startTestApp();
    meterId = (await t.call('POST', '/v1/meters', { body: { key: 'calls', event_name: 'api.call', aggregation: 'count' } })).body.id;
    await t.call('POST', '/v1/plans', {
      body: { key: 'metered', interval: 'month', prices: [{ key: 'calls', meter: 'calls', model: 'per_unit', unit_amount: '1' }] },
    });
    customerId = (await t.call('POST', '/v1/customers', { body: { external_id: 'racer' } })).body.id;
    subscriptionId = (await t.call('POST', '/v1/subscriptions', { body: { customer: customerId, plan: 'metered' } })).body.id;
  });
  afterAll(() => t.close());

  it('refuses the events of the invoiced period: they would be counted on no invoice', async () => {
    const periodStart = new Date('2026-03-01T12:00:00Z');
    const periodEnd = new Date('2026-04-01T12:00:00Z');
    t.clock.set(new Date('2026-04-01T12:30:00Z')); // the period has ended: the job's moment
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    // As the billing job does it: the customer's lock, then the invoice, committed only later.
    let locked!: () => void;
    const lockHeld = new Promise<void>((resolve) => (locked = resolve));
    const job = t.database.db.transaction(async (tx) => {
      await tx.query('select id from customers where id = $1 for update', [customerId]);
      const { rows } = await tx.query<{ plan_id: string; plan_version: number }>('select plan_id, plan_version from subscriptions where id = $1', [
        subscriptionId,
      ]);
      await tx.query(
        `insert into invoices (id, project_id, customer_id, subscription_id, plan_id, plan_version, status, currency, period_start, period_end, trial, subtotal, total, created_at)
         values ('in_race', $1, $2, $3, $4, $5, 'open', 'usd', $6, $7, false, 0, 0, $7)`,
        [t.projectA.projectId, customerId, subscriptionId, rows[0]!.plan_id, rows[0]!.plan_version, periodStart, periodEnd],
      );
      await tx.query(
        `insert into invoice_lines (invoice_id, position, type, description, price_key, meter_id, quantity, free_quantity, unit_amount, tiers, exact_amount, amount, period_start, period_end)
         values ('in_race', 0, 'usage', 'calls', 'calls', $1, '0', '0', '1', '[]', '0', 0, $2, $3)`,
        [meterId, periodStart, periodEnd],
      );
      locked();
      await finished;
    });
    await lockHeld;

    const sent = t.call('POST', '/v1/events', {
      body: { events: [{ id: 'in-the-gap', customer: customerId, event: 'api.call', timestamp: unix('2026-04-01T11:59:00Z') }] },
    });
    // The batch has passed its first check (the invoice is not committed) and waits for the lock.
    for (let tries = 0; tries < 500; tries++) {
      const { rows } = await t.database.db.query<{ n: number }>(
        "select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like 'select id from customers where id = $1 for update%'",
      );
      if (Number(rows[0]!.n) > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    finish();
    await job;

    const res = await sent;
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      { index: 0, id: 'in-the-gap', status: 'rejected', error: { code: 'period_invoiced', message: expect.any(String), param: 'events[0][timestamp]' } },
    ]);
    const { rows } = await t.database.db.query<{ n: number }>("select count(*)::int as n from events where id = 'in-the-gap'");
    expect(Number(rows[0]!.n)).toBe(0);
  });
});
