// Subscriptions, purchases, grants and revokes, seen through /v1/check and the snapshot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

const DAY = 86_400_000;
let t: TestApp;
let n = 0;

beforeAll(async () => {
  t = await startTestApp();
  await t.call('POST', '/v1/features', { body: { key: 'export', type: 'boolean' } });
  await t.call('POST', '/v1/features', { body: { key: 'tokens', type: 'metered' } });
  await t.call('POST', '/v1/features', { body: { key: 'seats', type: 'config' } });
  await t.call('POST', '/v1/plans', {
    body: {
      key: 'pro',
      interval: 'month',
      entitlements: [{ feature: 'export' }, { feature: 'tokens', limit: 1000 }, { feature: 'seats', value: { seats: 5 } }],
    },
  });
  await t.call('POST', '/v1/plans', { body: { key: 'trial', interval: 'month', trial_days: 14, entitlements: [{ feature: 'export' }] } });
  await t.call('POST', '/v1/plans', {
    body: {
      key: 'big',
      interval: 'year',
      entitlements: [
        { feature: 'tokens', limit: null },
        { feature: 'seats', value: { seats: 10 } },
      ],
    },
  });
  await t.call('POST', '/v1/plans', { body: { key: 'lifetime', interval: 'one_time', entitlements: [{ feature: 'export' }] } });
});
afterAll(() => t.close());

/** A fresh customer for each test, so no test sees another's sources. */
async function customer(): Promise<string> {
  n += 1;
  const externalId = `user_${n}`;
  await t.call('POST', '/v1/customers', { body: { external_id: externalId } });
  return externalId;
}

const check = async (customerRef: string, feature: string, quantity?: number) =>
  (await t.call('POST', '/v1/check', { body: { customer: customerRef, feature, ...(quantity !== undefined ? { quantity } : {}) } })).body;

describe('with nothing', () => {
  it('a customer has no access, and unknown features and customers are told apart', async () => {
    const c = await customer();
    expect(await check(c, 'export')).toMatchObject({ allowed: false, reason: 'no_access' });
    expect(await check(c, 'teleport')).toMatchObject({ allowed: false, reason: 'not_found' });
    // An unknown customer is an answer, not a 404: `can(req.user.id, ...)` before the customer exists.
    const res = await t.call('POST', '/v1/check', { body: { customer: 'nobody', feature: 'export' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ object: 'check', customer: 'nobody', feature: 'export', allowed: false, reason: 'customer_not_found', version: 0 });
  });

  it('the snapshot lists every feature of the catalog', async () => {
    const c = await customer();
    const snapshot = (await t.call('GET', `/v1/customers/${c}/entitlements`)).body;
    expect(Object.keys(snapshot.features).sort()).toEqual(['export', 'seats', 'tokens']);
    expect(snapshot.features.export).toEqual({ feature: 'export', type: 'boolean', allowed: false, reason: 'no_access', source: null });
  });
});

describe('subscriptions', () => {
  it('an active subscription gives its plan: boolean, metered with limit and reset, config value', async () => {
    t.clock.advance(250); // off the whole second: every time shown must round the same way
    const c = await customer();
    const sub = await t.call('POST', '/v1/subscriptions', { body: { customer: c, plan: 'pro' } });
    expect(sub.body).toMatchObject({ object: 'subscription', status: 'active', plan: 'pro', plan_version: 1, trial_end: null, cancel_at_period_end: false });
    expect(sub.body.current_period_end - sub.body.current_period_start).toBe(31 * 86_400); // March has 31 days
    expect(await check(c, 'export')).toMatchObject({ allowed: true, reason: null, type: 'boolean' });
    const tokens = await check(c, 'tokens', 10);
    expect(tokens).toMatchObject({ allowed: true, limit: 1000, used: 0, remaining: 1000, resets_at: sub.body.current_period_end });
    expect(await check(c, 'tokens', 1001)).toMatchObject({ allowed: false, reason: 'limit_reached' });
    expect(await check(c, 'seats')).toMatchObject({ allowed: true, value: { seats: 5 } });
  });

  it('the most generous of overlapping plans wins', async () => {
    const c = await customer();
    await t.call('POST', '/v1/subscriptions', { body: { customer: c, plan: 'pro' } });
    await t.call('POST', '/v1/subscriptions', { body: { customer: c, plan: 'big' } });
    expect(await check(c, 'tokens', 1_000_000)).toMatchObject({ allowed: true, limit: null });
    expect(await check(c, 'seats')).toMatchObject({ value: { seats: 10 } });
  });

  it('a trial gives access until it ends, then not (time alone moves the snapshot on)', async () => {
    const c = await customer();
    const sub = (await t.call('POST', '/v1/subscriptions', { body: { customer: c, plan: 'trial' } })).body;
    expect(sub).toMatchObject({ status: 'trialing', trial_end: sub.current_period_start + 14 * 86_400 });
    const before = await check(c, 'export');
    expect(before.allowed).toBe(true);
    t.clock.advance(14 * DAY);
    const after = await check(c, 'export');
    expect(after).toMatchObject({ allowed: false, reason: 'no_access' });
    expect(after.version).toBeGreaterThan(before.version);
  });

  it('past_due keeps access through the grace period, then loses it; paying restores it', async () => {
    const c = await customer();
    const sub = (await t.call('POST', '/v1/subscriptions', { body: { customer: c, plan: 'pro' } })).body;
    const late = await t.call('POST', `/v1/subscriptions/${sub.id}`, { body: { status: 'past_due' } });
    expect(late.body.past_due_since).toBe(Math.floor(t.clock.now().getTime() / 1000));
    expect((await check(c, 'export')).allowed).toBe(true);
    t.clock.advance(7 * DAY - 1000);
    expect((await check(c, 'export')).allowed).toBe(true);
    t.clock.advance(1000);
    expect(await check(c, 'export')).toMatchObject({ allowed: false, reason: 'no_access' });
    await t.call('POST', `/v1/subscriptions/${sub.id}`, { body: { status: 'active' } });
    expect((await check(c, 'export')).allowed).toBe(true);
  });

  it('cancel at period end keeps access until the period ends; cancel now ends it at once', async () => {
    const c = await customer();
    const sub = (await t.call('POST', '/v1/subscriptions', { body: { customer: c, plan: 'pro' } })).body;
    const canceling = await t.call('POST', `/v1/subscriptions/${sub.id}/cancel`, { body: { at_period_end: true } });
    expect(canceling.body).toMatchObject({ status: 'active', cancel_at_period_end: true, canceled_at: null });
    expect((await check(c, 'export')).allowed).toBe(true);
    t.clock.advance((sub.current_period_end - Math.floor(t.clock.now().getTime() / 1000)) * 1000);
    expect((await check(c, 'export')).allowed).toBe(false);

    const d = await customer();
    const other = (await t.call('POST', '/v1/subscriptions', { body: { customer: d, plan: 'pro' } })).body;
    const canceled = await t.call('POST', `/v1/subscriptions/${other.id}/cancel`);
    expect(canceled.body).toMatchObject({ status: 'canceled', canceled_at: Math.floor(t.clock.now().getTime() / 1000) });
    expect((await check(d, 'export')).allowed).toBe(false);
    const again = await t.call('POST', `/v1/subscriptions/${other.id}`, { body: { status: 'active' } });
    expect(again.body.error).toMatchObject({ code: 'subscription_canceled' });
  });

  it('an active subscription renews by itself: its period rolls forward', async () => {
    const c = await customer();
    const sub = (await t.call('POST', '/v1/subscriptions', { body: { customer: c, plan: 'pro' } })).body;
    t.clock.advance(40 * DAY);
    const later = (await t.call('GET', `/v1/subscriptions/${sub.id}`)).body;
    expect(later.current_period_start).toBe(sub.current_period_end);
    expect((await check(c, 'tokens')).resets_at).toBe(later.current_period_end);
  });

  it('moves to another plan, and refuses a one_time plan', async () => {
    const c = await customer();
    const sub = (await t.call('POST', '/v1/subscriptions', { body: { customer: c, plan: 'pro' } })).body;
    const moved = await t.call('POST', `/v1/subscriptions/${sub.id}`, { body: { plan: 'big' } });
    expect(moved.body).toMatchObject({ plan: 'big' });
    expect(await check(c, 'export')).toMatchObject({ allowed: false });
    expect((await check(c, 'tokens')).limit).toBeNull();
    const wrong = await t.call('POST', '/v1/subscriptions', { body: { customer: c, plan: 'lifetime' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.param).toBe('plan');
  });

  it('are listed per customer and status', async () => {
    const c = await customer();
    const sub = (await t.call('POST', '/v1/subscriptions', { body: { customer: c, plan: 'pro' } })).body;
    const list = (await t.call('GET', `/v1/subscriptions?customer=${c}&status=active`)).body.data;
    expect(list.map((s: { id: string }) => s.id)).toEqual([sub.id]);
  });
});

describe('one-time purchases', () => {
  it('give access for life, or until expires_at, and not after a refund', async () => {
    const c = await customer();
    const lifetime = (await t.call('POST', '/v1/purchases', { body: { customer: c, plan: 'lifetime' } })).body;
    expect(lifetime).toMatchObject({ object: 'purchase', expires_at: null, refunded_at: null });
    t.clock.advance(3650 * DAY);
    expect((await check(c, 'export')).allowed).toBe(true);
    await t.call('POST', `/v1/purchases/${lifetime.id}/refund`);
    expect((await check(c, 'export')).allowed).toBe(false);

    const d = await customer();
    const expiresAt = Math.floor(t.clock.now().getTime() / 1000) + 86_400;
    await t.call('POST', '/v1/purchases', { body: { customer: d, plan: 'lifetime', expires_at: expiresAt } });
    expect((await check(d, 'export')).allowed).toBe(true);
    t.clock.advance(DAY);
    expect((await check(d, 'export')).allowed).toBe(false);
  });

  it('refuse a recurring plan and an expiry in the past', async () => {
    const c = await customer();
    expect((await t.call('POST', '/v1/purchases', { body: { customer: c, plan: 'pro' } })).body.error.param).toBe('plan');
    const past = Math.floor(t.clock.now().getTime() / 1000) - 10;
    expect((await t.call('POST', '/v1/purchases', { body: { customer: c, plan: 'lifetime', expires_at: past } })).body.error.param).toBe('expires_at');
  });
});

describe('manual grants and revokes', () => {
  it("a grant gives a feature; its terms replace the plan's", async () => {
    const c = await customer();
    await t.call('POST', '/v1/subscriptions', { body: { customer: c, plan: 'pro' } });
    const grant = await t.call('POST', `/v1/customers/${c}/grants`, { body: { feature: 'tokens', limit: 50, reason: 'abuse cap', actor: 'ops@acme.test' } });
    expect(grant.body).toMatchObject({
      object: 'grant',
      kind: 'grant',
      feature: 'tokens',
      limit: 50,
      actor: 'ops@acme.test',
      reason: 'abuse cap',
      ends_at: null,
    });
    expect(await check(c, 'tokens')).toMatchObject({ allowed: true, limit: 50 });
  });

  it('a revoke beats a paid plan; a later grant beats the revoke', async () => {
    const c = await customer();
    await t.call('POST', '/v1/subscriptions', { body: { customer: c, plan: 'pro' } });
    await t.call('POST', `/v1/customers/${c}/grants`, { body: { feature: 'export', kind: 'revoke', reason: 'chargeback' } });
    expect(await check(c, 'export')).toMatchObject({ allowed: false, reason: 'revoked' });
    t.clock.advance(1000);
    await t.call('POST', `/v1/customers/${c}/grants`, { body: { feature: 'export' } });
    expect(await check(c, 'export')).toMatchObject({ allowed: true, reason: null });
  });

  it('respects windows: a grant from tomorrow, for one day', async () => {
    const c = await customer();
    const now = Math.floor(t.clock.now().getTime() / 1000);
    await t.call('POST', `/v1/customers/${c}/grants`, { body: { feature: 'export', starts_at: now + 86_400, ends_at: now + 2 * 86_400 } });
    expect((await check(c, 'export')).allowed).toBe(false);
    t.clock.advance(DAY);
    expect((await check(c, 'export')).allowed).toBe(true);
    t.clock.advance(DAY);
    expect((await check(c, 'export')).allowed).toBe(false);
  });

  it('are kept as an audit trail, newest first, with the API key as actor by default', async () => {
    const c = await customer();
    const first = (await t.call('POST', `/v1/customers/${c}/grants`, { body: { feature: 'export' } })).body;
    const second = (await t.call('POST', `/v1/customers/${c}/grants`, { body: { feature: 'export', kind: 'revoke' } })).body;
    const trail = (await t.call('GET', `/v1/customers/${c}/grants`)).body;
    expect(trail.data.map((g: { id: string }) => g.id)).toEqual([second.id, first.id]);
    expect(first.actor).toMatch(/^key_/);
    expect((await t.call('GET', `/v1/customers/${c}/grants?feature=tokens`)).body.data).toEqual([]);
  });

  it('refuse terms that do not fit the feature or a revoke, a window that ends before it starts, an unknown feature', async () => {
    const c = await customer();
    const cases = [
      [{ feature: 'export', limit: 5 }, 'limit'],
      [{ feature: 'tokens', kind: 'revoke', limit: 5 }, 'limit'],
      [{ feature: 'seats', reset: 'day' }, 'reset'],
      [{ feature: 'export', starts_at: 2_000_000_000, ends_at: 1_999_999_999 }, 'ends_at'],
    ] as const;
    for (const [body, param] of cases) {
      const res = await t.call('POST', `/v1/customers/${c}/grants`, { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.param).toBe(param);
    }
    expect((await t.call('POST', `/v1/customers/${c}/grants`, { body: { feature: 'nope' } })).status).toBe(404);
    expect((await t.call('GET', `/v1/customers/${c}/grants`)).body.data).toEqual([]);
  });
});

describe('snapshot versions', () => {
  it('grow by one with every change, each in its own transaction, even when changes race', async () => {
    const c = await customer();
    const start = (await t.call('GET', `/v1/customers/${c}/entitlements`)).body.version;
    await Promise.all(Array.from({ length: 8 }, () => t.call('POST', `/v1/customers/${c}/grants`, { body: { feature: 'export' } })));
    const end = (await t.call('GET', `/v1/customers/${c}/entitlements`)).body;
    expect(end.version).toBe(start + 8);
    expect(end.features.export).toMatchObject({ allowed: true, source: { type: 'grant' } });
  });
});

describe('another project', () => {
  it("cannot read or change this project's subscriptions, purchases, grants or entitlements", async () => {
    const c = await customer();
    const sub = (await t.call('POST', '/v1/subscriptions', { body: { customer: c, plan: 'pro' } })).body;
    const purchase = (await t.call('POST', '/v1/purchases', { body: { customer: c, plan: 'lifetime' } })).body;
    const b = t.projectB.secretKey;
    const attempts: Array<[string, string, unknown?]> = [
      ['GET', `/v1/subscriptions/${sub.id}`],
      ['POST', `/v1/subscriptions/${sub.id}`, { status: 'past_due' }],
      ['POST', `/v1/subscriptions/${sub.id}/cancel`, {}],
      ['GET', `/v1/purchases/${purchase.id}`],
      ['POST', `/v1/purchases/${purchase.id}/refund`],
      ['GET', `/v1/customers/${c}/grants`],
      ['POST', `/v1/customers/${c}/grants`, { feature: 'export', kind: 'revoke' }],
      ['GET', `/v1/customers/${c}/entitlements`],
    ];
    for (const [method, path, body] of attempts) {
      const res = await t.call(method, path, { key: b, ...(body !== undefined ? { body } : {}) });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    // A check answers rather than 404s, and as for a customer that does not exist.
    expect((await t.call('POST', '/v1/check', { key: b, body: { customer: c, feature: 'export' } })).body).toMatchObject({
      allowed: false,
      reason: 'customer_not_found',
    });
    expect((await t.call('GET', `/v1/subscriptions?customer=${c}`, { key: b })).status).toBe(404);
    expect((await t.call('GET', '/v1/subscriptions', { key: b })).body.data).toEqual([]);
    expect((await t.call('GET', '/v1/purchases', { key: b })).body.data).toEqual([]);
    expect(await check(c, 'export')).toMatchObject({ allowed: true });
    expect((await t.call('GET', `/v1/subscriptions/${sub.id}`)).body.status).toBe('active');
  });
});
