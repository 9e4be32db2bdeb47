// Reservations of prepaid credit over HTTP (PGlite, or Postgres with DATABASE_URL): 50 concurrent
// holds never hold more than the balance; the snapshot's balance and the check's credit
// requirement count what is held; a commit draws from the grants once, earliest expiring first;
// release and expiry free the hold; a grant that expired under a hold refuses the commit.
import { Nozle, NozleError } from '@nozle/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
const post = (path: string, body?: unknown) => t.call('POST', path, body === undefined ? {} : { body });
const reserve = (customer: string, quantity: number, extra: Record<string, unknown> = {}) =>
  post('/v1/reservations', { customer, currency: 'usd', quantity, ...extra });
const balance = async (customer: string) => (await t.call('GET', `/v1/customers/${customer}/entitlements`)).body.credits.usd as number | undefined;
const grants = async (customer: string) =>
  Object.fromEntries(
    ((await t.call('GET', `/v1/customers/${customer}/credits`)).body.grants as Array<{ description: string; remaining: number }>).map((g) => [
      g.description,
      g.remaining,
    ]),
  );
const now = () => Math.floor(t.clocks.clockFor(t.projectA.projectId).now().getTime() / 1000);
const DAY = 86_400;

let seq = 0;
/** A new customer on `basic` (the boolean feature `api`) with `amount` usd of credit that never expires. */
async function customerWithCredit(amount: number): Promise<string> {
  const ref = `credit_user_${++seq}`;
  expect((await post('/v1/customers', { external_id: ref })).status).toBe(200);
  expect((await post('/v1/subscriptions', { customer: ref, plan: 'basic' })).status).toBe(200);
  expect((await post(`/v1/customers/${ref}/credits`, { amount, currency: 'usd', description: 'forever' })).status).toBe(200);
  return ref;
}

beforeAll(async () => {
  t = await startTestApp();
  expect((await post('/v1/features', { key: 'api', type: 'boolean' })).status).toBe(200);
  expect((await post('/v1/plans', { key: 'basic', interval: 'month', entitlements: [{ feature: 'api' }] })).status).toBe(200);
});
afterAll(async () => {
  await t?.close();
});

describe('reserving credit under concurrency', () => {
  it('lets exactly floor(balance / amount) of 50 concurrent holds succeed, the rest refused with insufficient_credits', async () => {
    const customer = await customerWithCredit(1000);
    const answers = await Promise.all(Array.from({ length: 50 }, () => reserve(customer, 30)));
    const held = answers.filter((a) => a.status === 200);
    expect(held).toHaveLength(33); // 33 × 30 = 990 ≤ 1000 < 34 × 30
    for (const answer of held) expect(answer.body).toMatchObject({ object: 'reservation', status: 'held', feature: null, currency: 'usd', quantity: 30 });
    for (const answer of answers.filter((a) => a.status !== 200)) {
      expect(answer.status).toBe(409);
      expect(answer.body.error).toMatchObject({ code: 'insufficient_credits', param: 'quantity' });
    }
    // The balance every check reads is what is left free: 1000 − 990.
    expect(await balance(customer)).toBe(10);
    const check = (amount: number) => post('/v1/check', { customer, feature: 'api', credits: { currency: 'usd', amount } });
    expect((await check(10)).body.allowed).toBe(true);
    expect((await check(11)).body).toMatchObject({ allowed: false, reason: 'insufficient_credits' });
    // The grants themselves are untouched until a commit draws on them.
    expect(await grants(customer)).toEqual({ forever: 1000 });
  });
});

describe('committing credit', () => {
  it('draws the actual amount once, from the grant that expires first', async () => {
    const customer = await customerWithCredit(1000);
    const soon = now() + 10 * DAY;
    expect((await post(`/v1/customers/${customer}/credits`, { amount: 200, currency: 'usd', expires_at: soon, description: 'soon' })).status).toBe(200);
    const hold = (await reserve(customer, 500)).body;
    expect(await balance(customer)).toBe(700); // 1200 − 500 held
    const first = await post(`/v1/reservations/${hold.id}/commit`, { quantity: 350 });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ status: 'committed', quantity: 500, committed_quantity: 350 });
    // 350 = all 200 of the grant expiring first + 150 of the one that never expires.
    expect(await grants(customer)).toEqual({ soon: 0, forever: 850 });
    expect(await balance(customer)).toBe(850);
    const again = await post(`/v1/reservations/${hold.id}/commit`, { quantity: 350 });
    expect(again.body).toEqual(first.body);
    expect(await grants(customer)).toEqual({ soon: 0, forever: 850 });
  });

  it('commits the held amount when none is sent, refuses more than was held, and draws nothing for 0', async () => {
    const customer = await customerWithCredit(300);
    const hold = (await reserve(customer, 100)).body;
    const more = await post(`/v1/reservations/${hold.id}/commit`, { quantity: 101 });
    expect(more.status).toBe(400);
    expect(more.body.error.param).toBe('quantity');
    expect((await post(`/v1/reservations/${hold.id}/commit`)).body.committed_quantity).toBe(100);
    expect(await grants(customer)).toEqual({ forever: 200 });
    const zero = (await reserve(customer, 50)).body;
    expect((await post(`/v1/reservations/${zero.id}/commit`, { quantity: 0 })).body).toMatchObject({ status: 'committed', committed_quantity: 0 });
    expect(await grants(customer)).toEqual({ forever: 200 });
    expect(await balance(customer)).toBe(200);
  });

  it('refuses the commit and keeps the hold when a grant expired under it and left too little', async () => {
    const ref = `credit_user_${++seq}`;
    expect((await post('/v1/customers', { external_id: ref })).status).toBe(200);
    expect((await post(`/v1/customers/${ref}/credits`, { amount: 100, currency: 'usd', expires_at: now() + 60, description: 'minute' })).status).toBe(200);
    const hold = (await reserve(ref, 80, { expires_in: 600 })).body;
    expect((await post('/v1/test_clock/advance', { to: now() + 120 })).status).toBe(200);
    const commit = await post(`/v1/reservations/${hold.id}/commit`, { quantity: 80 });
    expect(commit.status).toBe(409);
    expect(commit.body.error).toMatchObject({ code: 'insufficient_credits', param: 'quantity' });
    expect((await t.call('GET', `/v1/reservations/${hold.id}`)).body.status).toBe('held');
  });
});

describe('releasing and expiring credit holds', () => {
  it('frees the balance on release and at expires_at, drawing nothing', async () => {
    const customer = await customerWithCredit(500);
    const released = (await reserve(customer, 500)).body;
    expect((await reserve(customer, 1)).status).toBe(409);
    expect((await post(`/v1/reservations/${released.id}/release`)).body.status).toBe('released');
    expect(await balance(customer)).toBe(500);

    const expiring = (await reserve(customer, 400, { expires_in: 60 })).body;
    const snapshot = (await t.call('GET', `/v1/customers/${customer}/entitlements`)).body;
    expect(snapshot.credits.usd).toBe(100);
    expect(snapshot.valid_until).toBeLessThanOrEqual(expiring.expires_at);
    expect((await post('/v1/test_clock/advance', { to: expiring.expires_at + 1 })).status).toBe(200);
    expect((await t.call('GET', `/v1/reservations/${expiring.id}`)).body.status).toBe('expired');
    expect(await balance(customer)).toBe(500);
    expect(await grants(customer)).toEqual({ forever: 500 });
  });
});

describe('the SDKs', () => {
  it('reserveCredits holds, refuses what the free balance cannot cover, and commits through the handle once', async () => {
    const nozle = new Nozle({ secretKey: t.projectA.secretKey, baseUrl: t.url });
    const customer = await customerWithCredit(1000);
    const hold = await nozle.reserveCredits(customer, 'usd', 900, { expiresIn: 120 });
    expect(hold.reservation).toMatchObject({ status: 'held', currency: 'usd', quantity: 900 });
    const refused = await nozle.reserveCredits(customer, 'usd', 101).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(NozleError);
    expect(refused).toMatchObject({ status: 409, code: 'insufficient_credits' });
    await hold.commit(640);
    expect((await hold.commit(640)).committed_quantity).toBe(640);
    expect((await nozle.entitlements(customer)).credits?.usd).toBe(360);
    await nozle.shutdown();
  });
});

describe('bad requests for credit', () => {
  it.each([
    ['a feature and a currency both', { feature: 'tokens' }, 'currency'],
    ['neither a feature nor a currency', { currency: undefined }, 'feature'],
    ['an upper-case currency', { currency: 'USD' }, 'currency'],
    ['an unknown customer', { customer: 'nobody_here' }, 'customer'],
  ])('refuses %s with a 400 naming it, holding nothing', async (_, change, param) => {
    const customer = await customerWithCredit(100);
    const res = await reserve(customer, 10, change);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.param).toBe(param);
    expect(await balance(customer)).toBe(100);
  });

  it('refuses a customer with no credit in the currency with insufficient_credits', async () => {
    const customer = await customerWithCredit(100);
    const res = await reserve(customer, 1, { currency: 'eur' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('insufficient_credits');
  });
});

describe('listing reservations', () => {
  it("lists a customer's reservations newest first, by state (held and expired split by time), with cursors", async () => {
    const customer = await customerWithCredit(1000);
    const committed = (await reserve(customer, 10)).body;
    expect((await post(`/v1/reservations/${committed.id}/commit`)).status).toBe(200);
    const released = (await reserve(customer, 20)).body;
    expect((await post(`/v1/reservations/${released.id}/release`)).status).toBe(200);
    const expiring = (await reserve(customer, 30, { expires_in: 60 })).body;
    const held = (await reserve(customer, 40, { expires_in: 3600 })).body;
    const list = (query: string) => t.call('GET', `/v1/reservations?customer=${customer}${query}`);

    const all = await list('');
    expect(all.status).toBe(200);
    expect(all.body.data.map((r: { id: string }) => r.id)).toEqual([held.id, expiring.id, released.id, committed.id]);
    const page = await list(`&limit=2&starting_after=${expiring.id}`);
    expect(page.body).toMatchObject({ has_more: false });
    expect(page.body.data.map((r: { id: string }) => r.id)).toEqual([released.id, committed.id]);

    expect((await post('/v1/test_clock/advance', { to: expiring.expires_at + 1 })).status).toBe(200);
    const ids = async (status: string) => (await list(`&status=${status}`)).body.data.map((r: { id: string }) => r.id);
    expect(await ids('held')).toEqual([held.id]);
    expect(await ids('expired')).toEqual([expiring.id]);
    expect(await ids('committed')).toEqual([committed.id]);
    expect(await ids('released')).toEqual([released.id]);
  });

  it('refuses an unknown status with a 400 naming it, and an unknown customer or cursor with a 404', async () => {
    const bad = await t.call('GET', '/v1/reservations?status=pending');
    expect(bad.status).toBe(400);
    expect(bad.body.error.param).toBe('status');
    expect((await t.call('GET', '/v1/reservations?customer=nobody_here')).status).toBe(404);
    const cursor = await t.call('GET', '/v1/reservations?starting_after=rsv_doesnotexist');
    expect(cursor.status).toBe(404);
    expect(cursor.body.error.param).toBe('starting_after');
  });
});
