// Two instances on one database share the scheduler's due work and none does a transition
// twice: grant windows closing at one instant (a new snapshot version each, exactly one) and
// sandbox renewals falling due at one instant (one charge each).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemClock } from '../src/clock.js';
import { CARDS, submitPage } from './support/sandbox-pages.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const CUSTOMERS = 12;
const RENEWALS = 4;

let a: TestApp;
let b: TestApp;
beforeAll(async () => {
  a = await startTestApp({ scheduler: true, baseClock: systemClock });
  b = await startTestApp({ scheduler: true, baseClock: systemClock, shared: { database: a.database, projectA: a.projectA, projectB: a.projectB } });
  await a.call('POST', '/v1/features', { body: { key: 'export', type: 'boolean' } });
  await a.call('POST', '/v1/plans', { body: { key: 'pro', name: 'Pro', interval: 'month', base_price: 2900, entitlements: [{ feature: 'export' }] } });
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

const query = async <Row>(sql: string, params: unknown[] = []) => (await a.database.db.query<Row>(sql, params)).rows;
const versionOf = async (customer: string) =>
  (await query<{ version: number }>('select version from entitlement_snapshots where customer_id = $1', [customer]))[0]!.version;
const until = async (what: string, done: () => Promise<boolean>) => {
  for (let waited = 0; !(await done()); waited += 100) {
    if (waited > 15_000) throw new Error(`${what}: not within 15 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

async function subscribedCustomer(i: number): Promise<string> {
  const customer = (await a.call('POST', '/v1/customers', { body: { external_id: `renews-${i}` } })).body.id as string;
  const session = await a.call('POST', '/v1/checkout/sessions', { body: { customer, plan: 'pro', success_url: 'https://app.example.com/ok' } });
  expect((await submitPage(session.body.url, { card: CARDS.pays, action: 'pay' })).status).toBe(303);
  return customer;
}

it('shares the due work of two instances and does each transition once', async () => {
  const instant = new Date(Math.ceil(Date.now() / 1000) * 1000 + 3000);
  const windows: Array<{ customer: string; version: number }> = [];
  for (let i = 0; i < CUSTOMERS; i++) {
    const customer = (await a.call('POST', '/v1/customers', { body: { external_id: `window-${i}` } })).body.id as string;
    await a.call('POST', `/v1/customers/${customer}/grants`, { body: { feature: 'export', ends_at: instant.getTime() / 1000 } });
    windows.push({ customer, version: await versionOf(customer) });
  }
  const renewing: string[] = [];
  for (let i = 0; i < RENEWALS; i++) renewing.push(await subscribedCustomer(i));
  // Their periods end at the same instant: the sandbox renews (and charges) each at it.
  await query('update sandbox_subscriptions set current_period_end = $1', [instant]);
  const paid = async () => (await query<{ n: number }>("select count(*)::int as n from payment_events where type = 'invoice.paid'"))[0]!.n;
  expect(await paid()).toBe(RENEWALS);

  await until('every window closed', async () => {
    const versions = await Promise.all(windows.map(({ customer }) => versionOf(customer)));
    return versions.every((version, i) => version > windows[i]!.version);
  });
  await until('every renewal charged', async () => (await paid()) >= 2 * RENEWALS);
  // Long enough for a second run of any of them to show.
  await new Promise((resolve) => setTimeout(resolve, 1500));

  for (const { customer, version } of windows) expect(await versionOf(customer)).toBe(version + 1);
  expect(await paid()).toBe(2 * RENEWALS);
  const periods = await query<{ current_period_start: Date }>('select current_period_start from sandbox_subscriptions');
  expect(periods.map((row) => row.current_period_start.getTime())).toEqual(Array(RENEWALS).fill(instant.getTime()));
  for (const customer of renewing) {
    const [subscription] = (await b.call('GET', `/v1/subscriptions?customer=${customer}`)).body.data;
    expect(subscription).toMatchObject({ status: 'active', current_period_start: instant.getTime() / 1000 });
  }
});
