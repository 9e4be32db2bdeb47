// Webhook events are kept for the retention window (30 days unless NOZLE_WEBHOOKS_RETENTION_DAYS
// says otherwise), then deleted with their deliveries and attempts by the delivery work, oldest
// first, in batches; an event with a delivery still to be sent is kept until it is settled.
// Time moves by the clock, not by waiting.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteSettledEventsBefore } from '../src/webhooks/deliveries-store.js';
import { runDeliveryPass, startWebhookDelivery, type DeliveryDeps } from '../src/webhooks/delivery.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

const DAY = 24 * 3_600_000;

let t: TestApp;
let deps: DeliveryDeps;
const receivers: WebhookReceiver[] = [];
const post = (path: string, body: unknown) => t.call('POST', path, { body });

async function receiver(statuses: number[] = []): Promise<WebhookReceiver> {
  const started = await new WebhookReceiver().start();
  started.statuses = statuses;
  receivers.push(started);
  return started;
}

async function endpoint(url: string, enabledEvents: string[]): Promise<string> {
  const res = await post('/v1/webhook_endpoints', { url, enabled_events: enabledEvents });
  expect(res.status).toBe(200);
  return res.body.id;
}

let customers = 0;
/** A grant: its `grant.created` event and its `customer.entitlements.updated` one; answers their ids. */
async function grant(): Promise<{ granted: string; updated: string }> {
  const customer = `ret_user_${++customers}`;
  expect((await post('/v1/customers', { external_id: customer })).status).toBe(200);
  expect((await post(`/v1/customers/${customer}/grants`, { feature: 'export' })).status).toBe(200);
  const latest = async (type: string) => (await t.call('GET', `/v1/webhook_events?type=${type}&limit=1`)).body.data[0].id as string;
  return { granted: await latest('grant.created'), updated: await latest('customer.entitlements.updated') };
}

const exists = async (eventId: string) => {
  const status = (await t.call('GET', `/v1/webhook_events/${eventId}`)).status;
  expect([200, 404]).toContain(status);
  return status === 200;
};
/** The rows of the event left in each table. */
const rowsOf = async (eventId: string) => {
  const count = async (sql: string) => (await t.database.db.query<{ n: number }>(sql, [eventId])).rows[0]!.n;
  return {
    events: await count('select count(*)::int as n from webhook_events where id = $1'),
    deliveries: await count('select count(*)::int as n from webhook_deliveries where event_id = $1'),
    attempts: await count('select count(*)::int as n from webhook_attempts a join webhook_deliveries d on d.id = a.delivery_id where d.event_id = $1'),
  };
};

beforeAll(async () => {
  t = await startTestApp();
  // No retentionMs: the default window, 30 days.
  deps = { db: t.database.db, clock: t.clock, logger: pino({ level: 'silent' }), policy: { allowPrivate: true }, timeoutMs: 5_000, wallNow: () => new Date() };
  expect((await post('/v1/features', { key: 'export', name: 'Export', type: 'boolean' })).status).toBe(200);
});
afterAll(async () => {
  for (const r of receivers) await r.stop();
  await t?.close();
});

describe('webhook retention', () => {
  it('deletes in batches of the size asked, oldest first', async () => {
    const made = [await grant(), await grant(), await grant()];
    await runDeliveryPass(deps);
    const before = new Date(t.clock.now().getTime() + 1);
    const batch = (limit: number) => t.database.db.transaction((tx) => deleteSettledEventsBefore(tx, before, limit));
    // Two grants' events are the four oldest; the last grant's two are left.
    expect(await batch(4)).toBe(4);
    expect(await exists(made[2]!.granted)).toBe(true);
    expect(await exists(made[2]!.updated)).toBe(true);
    expect(await exists(made[1]!.granted)).toBe(false);
    expect(await batch(4)).toBe(2);
    expect(await batch(4)).toBe(0);
  });

  it('deletes a settled event 30 days old with its deliveries and attempts; keeps recent ones, and one still to be sent until it is settled', async () => {
    const ok = await receiver();
    const paused = await receiver([500]);
    const gone = await receiver([500]);
    await endpoint(ok.url, ['grant.created']);
    const goneId = await endpoint(gone.url, ['grant.created']);
    const pausedId = await endpoint(paused.url, ['customer.entitlements.updated']);
    const old = await grant();
    await runDeliveryPass(deps);
    // The old grant's event: delivered to `ok`, a retry pending to `gone`, which is then deleted
    // (never sent: it holds nothing back). Its entitlements event: a retry pending to `paused`,
    // which is disabled: that one waits, so the event is kept.
    expect(ok.received).toHaveLength(1);
    expect(await rowsOf(old.granted)).toEqual({ events: 1, deliveries: 2, attempts: 2 });
    expect((await t.call('DELETE', `/v1/webhook_endpoints/${goneId}`)).status).toBe(200);
    expect((await post(`/v1/webhook_endpoints/${pausedId}`, { status: 'disabled' })).status).toBe(200);

    t.clock.advance(29 * DAY);
    const recent = await grant();
    await runDeliveryPass(deps);
    t.clock.advance(DAY - 1);
    await runDeliveryPass(deps);
    expect(await exists(old.granted)).toBe(true);

    // Past the window, the running delivery loop deletes what is settled.
    t.clock.advance(2);
    const running = startWebhookDelivery(deps);
    try {
      await expect.poll(() => exists(old.granted), { timeout: 15_000 }).toBe(false);
    } finally {
      await running.stop();
    }
    expect(await rowsOf(old.granted)).toEqual({ events: 0, deliveries: 0, attempts: 0 });
    expect(await exists(old.updated)).toBe(true);
    expect(await exists(recent.granted)).toBe(true);
    expect(await exists(recent.updated)).toBe(true);

    // Enabled again, its retry goes out and succeeds: settled, and old, it goes too.
    expect((await post(`/v1/webhook_endpoints/${pausedId}`, { status: 'enabled' })).status).toBe(200);
    await runDeliveryPass(deps);
    expect(paused.received.map((request) => request.answered)).toEqual([500, 200]);
    expect(await rowsOf(old.updated)).toEqual({ events: 0, deliveries: 0, attempts: 0 });
    expect(await exists(recent.granted)).toBe(true);
  });

  it('keeps events for the window it is given', async () => {
    const event = await grant();
    await runDeliveryPass({ ...deps, retentionMs: 7 * DAY });
    t.clock.advance(7 * DAY - 1);
    await runDeliveryPass({ ...deps, retentionMs: 7 * DAY });
    expect(await exists(event.granted)).toBe(true);
    t.clock.advance(2);
    await runDeliveryPass({ ...deps, retentionMs: 7 * DAY });
    expect(await exists(event.granted)).toBe(false);
  });
});
