// Reservations over HTTP on one server (PGlite, or Postgres with DATABASE_URL): 50 concurrent
// reserves never hold more than the limit; a commit records usage once (counters, snapshot and
// GET usage agree); release and expiry (the test clock moved) free the hold; the snapshot's
// remaining and the check count what is held; bad parameters are 400s naming them.
import { Nozle, NozleError } from '@nozle/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenCatalog, proCustomer, TOKEN_LIMIT } from './support/reservation-catalog.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
const post = (path: string, body?: unknown) => t.call('POST', path, body === undefined ? {} : { body });
const reserve = (customer: string, quantity: number, extra: Record<string, unknown> = {}) =>
  post('/v1/reservations', { customer, feature: 'tokens', quantity, ...extra });
const tokens = async (customer: string) => (await t.call('GET', `/v1/customers/${customer}/entitlements`)).body.features.tokens;
const now = () => Math.floor(t.clocks.clockFor(t.projectA.projectId).now().getTime() / 1000);

beforeAll(async () => {
  t = await startTestApp();
  await createTokenCatalog(t);
  expect((await post('/v1/meters', { key: 'calls', event_name: 'api_call', aggregation: 'count' })).status).toBe(200);
  expect((await post('/v1/features', { key: 'calls', type: 'metered', meter: 'calls' })).status).toBe(200);
  expect((await post('/v1/features', { key: 'export', type: 'boolean' })).status).toBe(200);
});
afterAll(async () => {
  await t?.close();
});

describe('reserving under concurrency', () => {
  it('lets exactly floor(limit / quantity) of 50 concurrent reserves hold, and the rest are refused with limit_reached', async () => {
    const customer = await proCustomer(t);
    const answers = await Promise.all(Array.from({ length: 50 }, () => reserve(customer, 30)));
    const held = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status !== 200);
    expect(held).toHaveLength(Math.floor(TOKEN_LIMIT / 30));
    for (const answer of held) expect(answer.body).toMatchObject({ object: 'reservation', status: 'held', quantity: 30, feature: 'tokens' });
    for (const answer of refused) {
      expect(answer.status).toBe(409);
      expect(answer.body.error).toMatchObject({ code: 'limit_reached', param: 'quantity' });
    }
    // The snapshot counts what is held, and so does the check.
    expect(await tokens(customer)).toMatchObject({ used: 0, reserved: 990, remaining: 10 });
    const check = await post('/v1/check', { customer, feature: 'tokens', quantity: 11 });
    expect(check.body).toMatchObject({ allowed: false, reason: 'limit_reached', remaining: 10 });
    expect((await post('/v1/check', { customer, feature: 'tokens', quantity: 10 })).body.allowed).toBe(true);
  });
});

describe('committing', () => {
  it('records the actual amount as usage once, however often it is committed', async () => {
    const customer = await proCustomer(t);
    const reservation = (await reserve(customer, 400)).body;
    expect(reservation.id).toMatch(/^rsv_/);
    const first = await post(`/v1/reservations/${reservation.id}/commit`, { quantity: 250 });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ id: reservation.id, status: 'committed', quantity: 400, committed_quantity: 250 });
    const again = await post(`/v1/reservations/${reservation.id}/commit`, { quantity: 250 });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect((await t.call('GET', `/v1/reservations/${reservation.id}`)).body).toEqual(first.body);

    // The hold is gone and the usage counted once, in the snapshot and in the counters alike.
    const entitlement = await tokens(customer);
    expect(entitlement).toMatchObject({ used: 250, remaining: TOKEN_LIMIT - 250 });
    expect(entitlement.reserved).toBeUndefined();
    const usage = (await t.call('GET', `/v1/customers/${customer}/usage?meter=tokens`)).body.data;
    // Each counter of the meter (the feature's period, the calendar month) counted it once.
    expect(usage.length).toBeGreaterThan(0);
    for (const counter of usage) expect(counter.value).toBe(250);
    // The event's id is the reservation's: sending it again is a duplicate.
    const replay = await post('/v1/events', { events: [{ id: reservation.id, customer, event: 'completion', properties: { tokens: 250 } }] });
    expect(replay.body.results[0].status).toBe('duplicate');
  });

  it('commits the reserved quantity when none is sent, and refuses more than was reserved', async () => {
    const customer = await proCustomer(t);
    const reservation = (await reserve(customer, 100)).body;
    const more = await post(`/v1/reservations/${reservation.id}/commit`, { quantity: 101 });
    expect(more.status).toBe(400);
    expect(more.body.error.param).toBe('quantity');
    const committed = await post(`/v1/reservations/${reservation.id}/commit`);
    expect(committed.body).toMatchObject({ status: 'committed', committed_quantity: 100 });
    expect(await tokens(customer)).toMatchObject({ used: 100, remaining: 900 });
    const release = await post(`/v1/reservations/${reservation.id}/release`);
    expect(release.status).toBe(409);
    expect(release.body.error.code).toBe('reservation_committed');
  });

  it('commits 0 as a hold freed and nothing recorded', async () => {
    const customer = await proCustomer(t);
    const reservation = (await reserve(customer, 500)).body;
    expect((await post(`/v1/reservations/${reservation.id}/commit`, { quantity: 0 })).body).toMatchObject({ status: 'committed', committed_quantity: 0 });
    expect(await tokens(customer)).toMatchObject({ used: 0, remaining: TOKEN_LIMIT });
  });
});

describe('releasing and expiring', () => {
  it('frees the hold on release; a released reservation cannot be committed', async () => {
    const customer = await proCustomer(t);
    const reservation = (await reserve(customer, TOKEN_LIMIT)).body;
    expect((await reserve(customer, 1)).status).toBe(409);
    expect(await tokens(customer)).toMatchObject({ reserved: TOKEN_LIMIT, remaining: 0 });
    const released = await post(`/v1/reservations/${reservation.id}/release`);
    expect(released.body).toMatchObject({ status: 'released', committed_quantity: null });
    expect((await post(`/v1/reservations/${reservation.id}/release`)).body).toEqual(released.body);
    expect(await tokens(customer)).toMatchObject({ used: 0, remaining: TOKEN_LIMIT });
    const commit = await post(`/v1/reservations/${reservation.id}/commit`, { quantity: 1 });
    expect(commit.status).toBe(409);
    expect(commit.body.error.code).toBe('reservation_released');
    expect((await reserve(customer, TOKEN_LIMIT)).status).toBe(200);
  });

  it('frees the hold at expires_at: the snapshot is valid until then, and the reservation reads expired', async () => {
    const customer = await proCustomer(t);
    const reservation = (await reserve(customer, TOKEN_LIMIT, { expires_in: 60 })).body;
    expect(reservation.expires_at).toBe(now() + 60);
    const snapshot = (await t.call('GET', `/v1/customers/${customer}/entitlements`)).body;
    expect(snapshot.valid_until).toBeLessThanOrEqual(reservation.expires_at);
    expect(snapshot.upcoming.features.tokens).toMatchObject({ remaining: TOKEN_LIMIT });
    expect((await reserve(customer, 1)).status).toBe(409);

    expect((await post('/v1/test_clock/advance', { to: reservation.expires_at + 1 })).status).toBe(200);
    expect((await t.call('GET', `/v1/reservations/${reservation.id}`)).body.status).toBe('expired');
    expect(await tokens(customer)).toMatchObject({ remaining: TOKEN_LIMIT });
    expect((await post('/v1/check', { customer, feature: 'tokens', quantity: TOKEN_LIMIT })).body.allowed).toBe(true);
    const commit = await post(`/v1/reservations/${reservation.id}/commit`);
    expect(commit.status).toBe(409);
    expect(commit.body.error.code).toBe('reservation_expired');
    expect((await post(`/v1/reservations/${reservation.id}/release`)).body.status).toBe('expired');
    expect((await reserve(customer, TOKEN_LIMIT)).status).toBe(200);
  });
});

describe('the Node SDK', () => {
  it('reserves, refuses what does not fit with the 409, and commits through the handle once', async () => {
    const nozle = new Nozle({ secretKey: t.projectA.secretKey, baseUrl: t.url });
    const customer = await proCustomer(t);
    const hold = await nozle.reserve(customer, 'tokens', 900, { expiresIn: 120 });
    expect(hold.reservation).toMatchObject({ status: 'held', quantity: 900, expires_at: now() + 120 });
    const refused = await nozle.reserve(customer, 'tokens', 101).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(NozleError);
    expect(refused).toMatchObject({ status: 409, code: 'limit_reached' });
    expect((await nozle.can(customer, 'tokens', { quantity: 101 })).reason).toBe('limit_reached');
    await hold.commit(600);
    expect((await hold.commit(600)).committed_quantity).toBe(600);
    expect((await nozle.entitlements(customer)).features.tokens).toMatchObject({ used: 600, remaining: 400 });
    await nozle.shutdown();
  });
});

describe('bad requests', () => {
  it.each([
    ['an unknown feature', { feature: 'nope' }, 'feature'],
    ['a feature that is not metered', { feature: 'export' }, 'feature'],
    ['a feature whose meter counts events', { feature: 'calls' }, 'feature'],
    ['an unknown customer', { customer: 'nobody_here' }, 'customer'],
    ['a quantity of 0', { quantity: 0 }, 'quantity'],
    ['a quantity above 10^12', { quantity: 1_000_000_000_001 }, 'quantity'],
    ['a fractional quantity', { quantity: 1.5 }, 'quantity'],
    ['an expires_in of 0', { expires_in: 0 }, 'expires_in'],
    ['an expires_in above a day', { expires_in: 86_401 }, 'expires_in'],
  ])('refuses %s with a 400 naming it', async (_, change, param) => {
    const customer = await proCustomer(t);
    const res = await post('/v1/reservations', { customer, feature: 'tokens', quantity: 10, ...change });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.param).toBe(param);
  });

  it('refuses a customer without the feature with no_access, holding nothing', async () => {
    const ref = 'rsv_free_user';
    expect((await post('/v1/customers', { external_id: ref })).status).toBe(200);
    const res = await reserve(ref, 1);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'no_access', param: 'feature' });
  });

  it('answers 404 for a reservation that does not exist, and 400 for an id of another kind', async () => {
    expect((await t.call('GET', '/v1/reservations/rsv_doesnotexist')).status).toBe(404);
    expect((await post('/v1/reservations/rsv_doesnotexist/commit')).status).toBe(404);
    expect((await t.call('GET', '/v1/reservations/cus_123')).status).toBe(400);
  });
});
