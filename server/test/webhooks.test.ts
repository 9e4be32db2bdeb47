// Outgoing webhooks over HTTP, with real receivers on random ports: endpoints and their URL
// policy, events recorded with the change that raised them, deliveries signed the Standard
// Webhooks way (verified with the `standardwebhooks` package), retried on the policy's
// schedule as the clock moves (no sleeping), a rolled secret signing through its overlap, the
// attempt log and a resend; several workers sending each attempt once.
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeBillingPeriods } from '../src/billing/invoices.js';
import { runDeliveryPass, type DeliveryDeps } from '../src/webhooks/delivery.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { verifyReceived, WebhookReceiver } from './support/webhook-receiver.js';

let t: TestApp;
let deps: DeliveryDeps;
const receivers: WebhookReceiver[] = [];
const post = (path: string, body?: unknown) => t.call('POST', path, body === undefined ? {} : { body });
const advance = (ms: number) => t.clock.advance(ms);

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

  it('gives up after about three days, marks the endpoint failing, and sends again on a resend', async () => {
    const down = await receiver();
    down.statuses = Array.from({ length: 10 }, () => 500);
    const { id } = await endpoint(down.url, ['grant.created']);
    await grantTo();
    let elapsed = 0;
    for (let i = 0; i < 12; i += 1) {
      await runDeliveryPass(deps);
      advance(25 * 3_600_000);
      elapsed += 25;
    }
    expect(down.received).toHaveLength(10);
    const [event] = (await t.call('GET', '/v1/webhook_events?type=grant.created&limit=1')).body.data;
    expect(event.deliveries[0]).toMatchObject({ status: 'failed', next_attempt: null });
    expect((await t.call('GET', `/v1/webhook_endpoints/${id}`)).body.failing_since).not.toBeNull();
    expect(elapsed).toBeGreaterThan(72);

    const resent = await post(`/v1/webhook_events/${event.id}/resend`, { endpoint: id });
    expect(resent.status).toBe(200);
    expect(resent.body.deliveries[0].status).toBe('pending');
    await runDeliveryPass(deps);
    expect(down.received).toHaveLength(11);
    expect((await t.call('GET', `/v1/webhook_endpoints/${id}`)).body.failing_since).toBeNull();
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

    advance(3_600_000);
    await grantTo();
    await runDeliveryPass(deps);
    expect(() => verify(rolled.body.secret, r.received[1]!)).not.toThrow();
    expect(() => verify(first.secret, r.received[1]!)).toThrow();
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
});
