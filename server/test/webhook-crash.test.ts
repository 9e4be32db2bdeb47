// A server killed (SIGKILL) after a change committed and before its webhook went out: the event
// was recorded with the change (the outbox), so the next server up delivers it, once. Postgres
// only: the test holds a lock of its own on webhook_deliveries, so the killed server's dispatch
// is caught waiting, between the commit and the send.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAll, startMain, type Child } from './support/child.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

const enabled = Boolean(process.env.DATABASE_URL);

describe.skipIf(!enabled)('webhooks across a crash', () => {
  let database: TestDatabase;
  let receiver: WebhookReceiver;
  const servers: Child[] = [];

  const start = () => startMain(database.env, servers);

  beforeAll(async () => {
    database = await createTestDatabase({ migrated: false });
    receiver = await new WebhookReceiver().start();
  });
  afterAll(async () => {
    killAll(servers);
    await receiver?.stop();
    await database?.drop();
  });

  it('delivers after a restart the event of a change committed before the kill', async () => {
    const first = await start();
    const call = (path: string, body: unknown) =>
      fetch(`${first.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${first.secretKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await call('/v1/webhook_endpoints', { url: receiver.url, enabled_events: ['grant.created'] })).status).toBe(200);
    expect((await call('/v1/customers', { external_id: 'crash-user' })).status).toBe(200);

    // Deliveries can't be made while this lock is held: the server's dispatch waits on it.
    const schema = new URL(database.env.DATABASE_URL!).searchParams.get('options')!.replace('-c search_path=', '');
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query('begin');
    await admin.query(`lock table ${schema}.webhook_deliveries in exclusive mode`);
    expect((await call('/v1/customers/crash-user/grants', { feature: 'export' })).status).toBe(200);
    const waiting = async () =>
      (
        await admin.query<{ n: number }>(
          `select count(*)::int as n from pg_locks l join pg_class c on c.oid = l.relation
           where not l.granted and c.relname = 'webhook_deliveries' and c.relnamespace = $1::regnamespace`,
          [schema],
        )
      ).rows[0]!.n;
    await expect.poll(waiting, { timeout: 15_000 }).toBeGreaterThan(0);

    servers[0]!.process.kill('SIGKILL');
    await servers[0]!.exited;
    await admin.query('rollback');
    await admin.end();
    expect(receiver.received).toHaveLength(0);

    await start();
    await expect.poll(() => receiver.events().filter((event) => event.type === 'grant.created').length, { timeout: 30_000 }).toBe(1);
    expect(receiver.events()[0]!.data).toMatchObject({ feature: 'export', object: 'grant' });
    // Once: recorded as the one attempt of a delivery that succeeded, and nothing sent after it.
    const attempts = async () =>
      (
        await database.db.query<{ status: string; attempts: number; logged: number }>(
          `select d.status, d.attempts, (select count(*)::int from webhook_attempts a where a.delivery_id = d.id) as logged
           from webhook_deliveries d join webhook_events ev on ev.id = d.event_id where ev.type = 'grant.created'`,
        )
      ).rows;
    await expect.poll(attempts, { timeout: 15_000 }).toEqual([{ status: 'succeeded', attempts: 1, logged: 1 }]);
    expect(receiver.received).toHaveLength(1);
  });
});
