// Outgoing webhooks over HTTP, with real receivers on random ports: endpoints and their URL
// policy, events recorded with the change that raised them, deliveries signed the Standard
// Webhooks way (verified with the `standardwebhooks` package), retried on the policy's
// schedule as the clock moves (no sleeping), a rolled secret signing through its overlap, the
// attempt log and a resend; several workers sending each attempt once, an attempt whose worker
// died sent again when its lease ends, and a slow endpoint holding back no other.
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeBillingPeriods } from '../src/billing/invoices.js';
import { unixSeconds } from '../src/clock.js';
import { claimDueAttempt, dispatchEvents, recordAttempt } from '../src/webhooks/deliveries-store.js';
import { runDeliveryPass, startWebhookDelivery, type DeliveryDeps } from '../src/webhooks/delivery.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { verifyReceived, WebhookReceiver } from './support/webhook-receiver.js';

let t: TestApp;
let deps: DeliveryDeps;
const receivers: WebhookReceiver[] = [];
const post = (path: string, body?: unknown) => t.call('POST', path, body === undefined ? {} : { body });
const advance = (ms: number) => t.clock.advance(ms);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

async function receiver(): Promise<WebhookReceiver> {
  const started = await new WebhookReceiver().start();
  receivers.push(started);
  return started;
}

async function endpoint(url: string, enabledEvents?: string[]): Promise<{ id: string; secret: string }> {
  const res = await post('/v1/webhook_endpoints', { url, ...(enabledEvents ? { enabled_events: enabledEvents } : {}) });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

let customerSeq = 0;
async function grantTo(feature = 'export'): Promise<string> {
  const customer = `wh_user_${++customerSeq}`;
  expect((await post('/v1/customers', { external_id: customer })).status).toBe(200);
  expect((await post(`/v1/customers/${customer}/grants`, { feature })).status).toBe(200);
  return customer;
}

const verify = verifyReceived;

beforeAll(async () => {
  t = await startTestApp();
  deps = { db: t.database.db, clock: t.clock, logger: pino({ level: 'silent' }), policy: { allowPrivate: true }, timeoutMs: 2_000, wallNow: () => new Date() };
  expect((await post('/v1/features', { key: 'export', name: 'Export', type: 'boolean' })).status).toBe(200);
});
afterAll(async () => {
  for (const r of receivers) await r.stop();
  await t?.close();
});
beforeEach(async () => {
  // Each test's endpoints receive only what it raises: older endpoints are deleted, and
  // what earlier tests left pending is sent first.
  for (const { id } of (await t.call('GET', '/v1/webhook_endpoints?limit=100')).body.data) await t.call('DELETE', `/v1/webhook_endpoints/${id}`);
  await runDeliveryPass(deps);
});

describe('webhook endpoints', () => {
  it('shows the signing secret at creation only, and lists endpoints without it', async () => {
    const created = await endpoint('https://api.example.com/nozle', ['grant.created']);
    expect(created).toMatchObject({ object: 'webhook_endpoint', url: 'https://api.example.com/nozle', enabled_events: ['grant.created'], status: 'enabled' });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    const listed = (await t.call('GET', '/v1/webhook_endpoints')).body.data;
    expect(listed.map((e: { id: string }) => e.id)).toContain(created.id);
    expect(listed.every((e: Record<string, unknown>) => !('secret' in e))).toBe(true);
    expect((await t.call('GET', `/v1/webhook_endpoints/${created.id}`)).body).not.toHaveProperty('secret');
  });

  it('refuses an unknown event type, naming the parameter', async () => {
    const res = await post('/v1/webhook_endpoints', { url: 'https://api.example.com/x', enabled_events: ['invoice.exploded'] });
    expect(res.status).toBe(400);
    expect(res.body.error.param).toMatch(/enabled_events/);
  });
});

describe('delivery', () => {
  it('makes exactly one signed delivery of a grant to an endpoint that wants grants, verified by standardwebhooks', async () => {
    const grants = await receiver();
    const all = await receiver();
    const onlyGrants = await endpoint(grants.url, ['grant.created']);
    await endpoint(all.url);
    const customer = await grantTo();
    await runDeliveryPass(deps);
    await runDeliveryPass(deps);

    expect(grants.received).toHaveLength(1);
    const [request] = grants.received;
    const event = verify(onlyGrants.secret, request!) as { id: string; type: string; data: { customer: string; feature: string } };
    expect(event).toMatchObject({ object: 'event', type: 'grant.created', data: { feature: 'export' } });
    expect(request!.headers['webhook-id']).toBe(event.id);
    expect(() => verify(onlyGrants.secret, { ...request!, body: request!.body.replace('export', 'exp0rt') })).toThrow();
    // The '*' endpoint gets the grant and the customer's entitlements changing with it.
    expect(
      all
        .events()
        .map((e) => e.type)
        .sort(),
    ).toEqual(['customer.entitlements.updated', 'grant.created']);
    const updated = all
      .events()
      .filter((e) => e.type === 'customer.entitlements.updated')
      .at(-1)!;
    expect(updated.data).toMatchObject({ object: 'entitlements', features: { export: { allowed: true } } });
    expect((updated.data as { external_id: string }).external_id).toBe(customer);
  });

  it('sends the life of a subscription and its invoice: created, canceled; finalized, paid', async () => {
    const r = await receiver();
    await endpoint(r.url, ['subscription.created', 'subscription.updated', 'subscription.canceled', 'invoice.finalized', 'invoice.paid']);
    expect((await post('/v1/plans', { key: `wh_team_${customerSeq}`, name: 'Team', interval: 'month', base_price: 1_000 })).status).toBe(200);
    const customer = `wh_user_${++customerSeq}`;
    expect((await post('/v1/customers', { external_id: customer })).status).toBe(200);
    const sub = (await post('/v1/subscriptions', { customer, plan: `wh_team_${customerSeq - 1}` })).body;
    advance(24 * 3_600_000);
    expect((await post(`/v1/subscriptions/${sub.id}/cancel`, {})).status).toBe(200);
    await runDeliveryPass(deps);
    // Order is not promised (several workers send at once): compared sorted.
    const sorted = (events: ReturnType<WebhookReceiver['events']>) => events.map((e) => [e.type, e.data['id'], e.data['status']]).sort();
    expect(sorted(r.events())).toEqual([
      ['subscription.canceled', sub.id, 'canceled'],
      ['subscription.created', sub.id, 'active'],
    ]);
    // Its final invoice, built and finalized; then paid out of band.
    await closeBillingPeriods({ db: t.database.db, clock: t.clocks, logger: pino({ level: 'silent' }), snapshots: t.entitlements.snapshots });
    const [invoice] = (await t.call('GET', `/v1/invoices?customer=${customer}`)).body.data;
    expect((await post(`/v1/invoices/${invoice.id}/pay`, { paid_out_of_band: true })).status).toBe(200);
    await runDeliveryPass(deps);
    expect(sorted(r.events().slice(2))).toEqual([
      ['invoice.finalized', invoice.id, 'open'],
      ['invoice.paid', invoice.id, 'paid'],
    ]);
  });

  it('records nothing for a change that was refused', async () => {
    const before = (await t.call('GET', '/v1/webhook_events?type=grant.created&limit=100')).body.data.length;
    expect((await post('/v1/customers/nobody_here/grants', { feature: 'export' })).status).toBe(404);
    expect((await t.call('GET', '/v1/webhook_events?type=grant.created&limit=100')).body.data.length).toBe(before);
  });

  it('retries a receiver that fails twice: three attempts, 5 s then 5 min apart by the clock, all logged', async () => {
    const flaky = await receiver();
    flaky.statuses = [500, 503];
    await endpoint(flaky.url, ['grant.created']);
    await grantTo();
    await runDeliveryPass(deps);
    expect(flaky.received).toHaveLength(1);
    // Not due yet: nothing is sent however often the work runs.
    advance(4_999);
    await runDeliveryPass(deps);
    expect(flaky.received).toHaveLength(1);
    advance(1);
    await runDeliveryPass(deps);
    expect(flaky.received).toHaveLength(2);
    advance(5 * 60_000 - 1);
    await runDeliveryPass(deps);
    expect(flaky.received).toHaveLength(2);
    advance(1);
    await runDeliveryPass(deps);
    expect(flaky.received).toHaveLength(3);
    // One event: the same webhook-id on every attempt (a receiver dedupes on it).
    expect(new Set(flaky.received.map((r) => r.headers['webhook-id'])).size).toBe(1);

    const [event] = (await t.call('GET', '/v1/webhook_events?type=grant.created&limit=1')).body.data;
    expect(event.deliveries).toHaveLength(1);
    expect(event.deliveries[0]).toMatchObject({ status: 'succeeded', next_attempt: null });
    expect(event.deliveries[0].attempts.map((a: { status_code: number; response_excerpt: string }) => [a.status_code, a.response_excerpt])).toEqual([
      [500, 'try again later'],
      [503, 'try again later'],
      [200, 'ok'],
    ]);
    await runDeliveryPass(deps);
    expect(flaky.received).toHaveLength(3);
  });

  it('tries ten times on the schedule of the policy (about three days), then marks the endpoint failing until a delivery succeeds', async () => {
    const down = await receiver();
    down.statuses = Array.from({ length: 10 }, () => 500);
    const { id } = await endpoint(down.url, ['grant.created']);
    const failingSince = async () => (await t.call('GET', `/v1/webhook_endpoints/${id}`)).body.failing_since;
    await grantTo();
    await runDeliveryPass(deps);
    expect(down.received).toHaveLength(1);
    // Each retry falls due exactly its wait after the attempt before, not a millisecond sooner.
    const waits = [5_000, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 14 * HOUR, 20 * HOUR, 24 * HOUR];
    for (const [i, wait] of waits.entries()) {
      expect(await failingSince()).toBeNull();
      advance(wait - 1);
      await runDeliveryPass(deps);
      expect(down.received).toHaveLength(i + 1);
      advance(1);
      await runDeliveryPass(deps);
      expect(down.received).toHaveLength(i + 2);
    }
    expect(waits.reduce((sum, wait) => sum + wait, 0)).toBeGreaterThan(72 * HOUR);
    // The tenth attempt was the last: failing since it failed, and nothing more is sent.
    expect(await failingSince()).toBe(unixSeconds(t.clock.now()));
    advance(7 * 24 * HOUR);
    await runDeliveryPass(deps);
    expect(down.received).toHaveLength(10);
    const [event] = (await t.call('GET', '/v1/webhook_events?type=grant.created&limit=1')).body.data;
    expect(event.deliveries[0]).toMatchObject({ status: 'failed', next_attempt: null });
    expect(event.deliveries[0].attempts).toHaveLength(10);

    const resent = await post(`/v1/webhook_events/${event.id}/resend`, { endpoint: id });
    expect(resent.status).toBe(200);
    expect(resent.body.deliveries[0].status).toBe('pending');
    await runDeliveryPass(deps);
    expect(down.received).toHaveLength(11);
    expect(await failingSince()).toBeNull();
  });

  it('signs with the old secret beside the new one through the overlap of a roll, then with the new one only', async () => {
    const r = await receiver();
    const first = await endpoint(r.url, ['grant.created']);
    const rolled = await post(`/v1/webhook_endpoints/${first.id}/roll_secret`, { expires_in: 3_600 });
    expect(rolled.status).toBe(200);
    expect(rolled.body.secret).not.toBe(first.secret);
    await grantTo();
    await runDeliveryPass(deps);
    expect(() => verify(first.secret, r.received[0]!)).not.toThrow();
    expect(() => verify(rolled.body.secret, r.received[0]!)).not.toThrow();

    // Still within the hour: both.
    advance(HOUR - 1_000);
    await grantTo();
    await runDeliveryPass(deps);
    expect(() => verify(first.secret, r.received[1]!)).not.toThrow();
    expect(() => verify(rolled.body.secret, r.received[1]!)).not.toThrow();

    // The hour is over: the new secret only.
    advance(1_000);
    await grantTo();
    await runDeliveryPass(deps);
    expect(() => verify(rolled.body.secret, r.received[2]!)).not.toThrow();
    expect(() => verify(first.secret, r.received[2]!)).toThrow();
  });

  it('sends nothing to a disabled endpoint, nor the retries it had pending; a deleted one gets none either', async () => {
    const r = await receiver();
    r.statuses = [500];
    const { id } = await endpoint(r.url, ['grant.created']);
    await grantTo();
    await runDeliveryPass(deps);
    expect(r.received).toHaveLength(1);
    expect((await post(`/v1/webhook_endpoints/${id}`, { status: 'disabled' })).body.status).toBe('disabled');
    await grantTo();
    advance(60_000);
    await runDeliveryPass(deps);
    expect(r.received).toHaveLength(1);
    // Enabled again, its pending retry goes out (events raised while disabled were not for it).
    expect((await post(`/v1/webhook_endpoints/${id}`, { status: 'enabled' })).status).toBe(200);
    await runDeliveryPass(deps);
    expect(r.received).toHaveLength(2);

    const gone = await receiver();
    gone.statuses = [500];
    const deleted = await endpoint(gone.url, ['grant.created']);
    await grantTo();
    await runDeliveryPass(deps);
    expect((await t.call('DELETE', `/v1/webhook_endpoints/${deleted.id}`)).status).toBe(200);
    advance(60_000);
    await runDeliveryPass(deps);
    expect(gone.received).toHaveLength(1);
  });

  it('several workers at once send each attempt once', async () => {
    const r = await receiver();
    await endpoint(r.url, ['grant.created']);
    for (let i = 0; i < 8; i += 1) await grantTo();
    await Promise.all([runDeliveryPass({ ...deps, workers: 4 }), runDeliveryPass({ ...deps, workers: 4 }), runDeliveryPass({ ...deps, workers: 4 })]);
    expect(r.received).toHaveLength(8);
    expect(new Set(r.received.map((request) => request.headers['webhook-id'])).size).toBe(8);
  });

  it('sends an attempt again once the lease of a worker that died with it ends; the dead worker’s late answer is not recorded', async () => {
    const r = await receiver();
    const { id } = await endpoint(r.url, ['grant.created']);
    await grantTo();
    const db = t.database.db;
    await db.transaction((tx) => dispatchEvents(tx, 100, t.clock.now()));
    // A worker claims the attempt, leased for a minute, and dies before sending it.
    const dead = await db.transaction((tx) => claimDueAttempt(tx, t.clock.now(), new Date(t.clock.now().getTime() + MINUTE)));
    expect(dead).toMatchObject({ endpointId: id, attempt: 1, event: { type: 'grant.created' } });
    await runDeliveryPass(deps);
    advance(MINUTE - 1);
    await runDeliveryPass(deps);
    expect(r.received).toHaveLength(0);
    advance(1);
    await runDeliveryPass(deps);
    expect(r.received).toHaveLength(1);
    expect(r.received[0]!.headers['webhook-id']).toBe(dead!.event.id);

    // It comes back with an answer after all: too late, the attempt was claimed again.
    const late = { startedAt: new Date(), statusCode: 500, error: 'HTTP 500', latencyMs: 1, responseExcerpt: 'late', ok: false };
    await db.transaction((tx) => recordAttempt(tx, dead!, late, new Date(t.clock.now().getTime() + 5_000), t.clock.now()));
    const event = (await t.call('GET', `/v1/webhook_events/${dead!.event.id}`)).body;
    expect(event.deliveries[0]).toMatchObject({ status: 'succeeded', next_attempt: null });
    expect(event.deliveries[0].attempts.map((a: { attempt: number; status_code: number }) => [a.attempt, a.status_code])).toEqual([[2, 200]]);
  });

  it('keeps delivering to the other endpoints while one hangs: it holds its cap of attempts in flight, and only that', async () => {
    const slow = await receiver();
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    slow.respond = async () => {
      await released;
      return 200;
    };
    const fast = await receiver();
    await endpoint(slow.url, ['grant.created']);
    await endpoint(fast.url, ['grant.created']);
    // The real loop, with a deadline the hang stays well within.
    const running = startWebhookDelivery({ ...deps, timeoutMs: 120_000, workers: 4, perEndpoint: 2 });
    try {
      await grantTo();
      await expect.poll(() => slow.received.length, { timeout: 15_000 }).toBe(1);
      // Raised while it hangs: they reach the fast endpoint; the slow one gets one more (its cap
      // of 2), the rest wait their turn and leave the other 2 workers free.
      for (let i = 0; i < 5; i += 1) await grantTo();
      await expect.poll(() => fast.received.length, { timeout: 15_000 }).toBe(6);
      await expect.poll(() => slow.received.length, { timeout: 15_000 }).toBe(2);
      expect(slow.received.map((request) => request.answered)).toEqual([undefined, undefined]);
      release();
      await expect.poll(() => slow.received.length, { timeout: 15_000 }).toBe(6);
      await expect.poll(() => slow.received.every((request) => request.answered === 200), { timeout: 15_000 }).toBe(true);
    } finally {
      release();
      await running.stop();
    }
    expect(new Set(slow.received.map((request) => request.headers['webhook-id']))).toEqual(
      new Set(fast.received.map((request) => request.headers['webhook-id'])),
    );
  });
});
