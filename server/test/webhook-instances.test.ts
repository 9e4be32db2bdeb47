// Two server processes on one Postgres database share the webhook deliveries of 200 grants, to a
// receiver that fails the first attempt of every fourth event (retried 5 s later, by the real
// clock: these are separate processes). Every event is delivered and every attempt sent once:
// what the receiver got matches the attempt log, and the attempts the two processes logged add
// up to it, none in both. Which process sends what is the database's choice; the receiver's gates
// make both send first attempts and retries (see `gate`). Postgres only: two processes cannot
// share an in-memory PGlite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAll, startMain, type Child } from './support/child.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

const enabled = Boolean(process.env.DATABASE_URL);
const GRANTS = 200;
const FAIL_EVERY = 4;
const LANES = 8;

/**
 * Holds whoever passes until `size` are waiting at once, then lets everyone through for good.
 * The processes send one attempt at a time to an endpoint (NOZLE_WEBHOOKS_PER_ENDPOINT=1), so
 * while one process's request waits here, the next to arrive is the other's: with `size` 2, both
 * processes provably sent.
 */
function gate(size: number): { pass(): Promise<void> } {
  let waiting: Array<() => void> = [];
  let open = false;
  return {
    pass() {
      if (open) return Promise.resolve();
      return new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (waiting.length < size) return;
        open = true;
        for (const release of waiting) release();
        waiting = [];
      });
    },
  };
}

interface LoggedAttempt {
  event: string;
  attempt: number;
  status: number | null;
}

/** The attempts a server process logged (one JSON line each, `webhook delivered` / `webhook attempt failed`). */
function attemptsLogged(server: Child): LoggedAttempt[] {
  const attempts: LoggedAttempt[] = [];
  for (const line of server.output().split('\n')) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as { msg?: string } & LoggedAttempt;
    if (entry.msg === 'webhook delivered' || entry.msg === 'webhook attempt failed') {
      attempts.push({ event: entry.event, attempt: entry.attempt, status: entry.status });
    }
  }
  return attempts;
}

describe.skipIf(!enabled)('webhooks on two instances', () => {
  let database: TestDatabase;
  let receiver: WebhookReceiver;
  const servers: Child[] = [];

  const start = () => startMain({ LOG_LEVEL: 'info', NOZLE_WEBHOOKS_PER_ENDPOINT: '1', ...database.env }, servers);

  beforeAll(async () => {
    database = await createTestDatabase({ migrated: false });
    receiver = await new WebhookReceiver().start();
  });
  afterAll(async () => {
    killAll(servers);
    await receiver?.stop();
    await database?.drop();
  });

  it('delivers every event, sending each attempt once, with both processes sending first attempts and retries', { timeout: 240_000 }, async () => {
    // The first starts on the empty database (migrations, the demo project and its key); the second joins it.
    const a = await start();
    const b = await start();
    const secretKey = a.secretKey!;
    const call = async (baseUrl: string, path: string, body: unknown) => {
      const res = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status, await res.clone().text()).toBe(200);
      return res.json() as Promise<{ id: string }>;
    };

    // Per event (its webhook-id): the first request of every fourth fails; all else answers 200.
    const requests = new Map<string, number>();
    const failing = new Set<string>();
    const firstAttempts = gate(2);
    const retries = gate(2);
    receiver.respond = async (request) => {
      const id = String(request.headers['webhook-id']);
      const n = (requests.get(id) ?? 0) + 1;
      requests.set(id, n);
      if (n === 1 && requests.size % FAIL_EVERY === 1) failing.add(id);
      await (n === 1 ? firstAttempts : retries).pass();
      return n === 1 && failing.has(id) ? 500 : 200;
    };

    await call(a.url, '/v1/features', { key: 'shared_export', name: 'Shared export', type: 'boolean' });
    await call(b.url, '/v1/webhook_endpoints', { url: receiver.url, enabled_events: ['grant.created'] });
    // Half the grants through each process, a few at a time.
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < GRANTS; i = next++) {
        const server = i % 2 === 0 ? a : b;
        await call(server.url, '/v1/customers', { external_id: `two-${i}` });
        await call(server.url, `/v1/customers/two-${i}/grants`, { feature: 'shared_export' });
      }
    };
    await Promise.all(Array.from({ length: LANES }, lane));

    const query = async <Row>(sql: string) => (await database.db.query<Row>(sql)).rows;
    const succeeded = async () => (await query<{ n: number }>("select count(*)::int as n from webhook_deliveries where status = 'succeeded'"))[0]!.n;
    await expect.poll(succeeded, { timeout: 180_000, interval: 250 }).toBe(GRANTS);

    // Every grant's event has one delivery, succeeded; the log holds each of its attempts.
    const events = await query<{ id: string }>("select id from webhook_events where type = 'grant.created'");
    expect(events).toHaveLength(GRANTS);
    const deliveries = await query<{ event_id: string; status: string; attempts: number }>('select event_id, status, attempts from webhook_deliveries');
    expect(deliveries).toHaveLength(GRANTS);
    expect(deliveries.every((delivery) => delivery.status === 'succeeded')).toBe(true);
    const logged = await query<{ event_id: string; attempt: number; status_code: number | null }>(
      'select d.event_id, a.attempt, a.status_code from webhook_attempts a join webhook_deliveries d on d.id = a.delivery_id order by d.event_id, a.attempt',
    );
    const log = new Map<string, Array<number | null>>();
    for (const row of logged) log.set(row.event_id, [...(log.get(row.event_id) ?? []), row.status_code]);

    // What the receiver got, per event, in order: exactly the log (a second send of one attempt
    // would be a request more). A failing event: 500 then 200; every other: one 200.
    expect(failing.size).toBe(GRANTS / FAIL_EVERY);
    const got = new Map<string, Array<number | null | undefined>>();
    for (const request of receiver.received) {
      const id = String(request.headers['webhook-id']);
      got.set(id, [...(got.get(id) ?? []), request.answered]);
    }
    expect(new Set(got.keys())).toEqual(new Set(events.map((event) => event.id)));
    for (const { id } of events) {
      const expected = failing.has(id) ? [500, 200] : [200];
      expect(got.get(id), id).toEqual(expected);
      expect(log.get(id), id).toEqual(expected);
    }
    for (const delivery of deliveries) expect(delivery.attempts).toBe(log.get(delivery.event_id)!.length);

    // Each process's own account of its attempts: together the log, no attempt in both; both
    // sent first attempts and retries.
    // (A line is written just after its attempt is recorded: wait for the last ones to arrive.)
    await expect.poll(() => attemptsLogged(a.server).length + attemptsLogged(b.server).length, { timeout: 15_000 }).toBe(logged.length);
    const byA = attemptsLogged(a.server);
    const byB = attemptsLogged(b.server);
    const key = (attempt: { event: string; attempt: number }) => `${attempt.event}#${attempt.attempt}`;
    const sent = [...byA, ...byB].map(key);
    expect(new Set(sent).size).toBe(sent.length);
    expect(new Set(sent)).toEqual(new Set(logged.map((row) => key({ event: row.event_id, attempt: row.attempt }))));
    for (const attempt of [...byA, ...byB]) expect(attempt.status).toBe(log.get(attempt.event)![attempt.attempt - 1]);
    for (const own of [byA, byB]) {
      expect(own.some((attempt) => attempt.attempt === 1)).toBe(true);
      expect(own.some((attempt) => attempt.attempt === 2)).toBe(true);
    }
  });
});
