// The reservation race across instances: two servers on one Postgres, 50 concurrent reserves
// sent to both, never hold (nor, once committed, record) more than the limit; each commit,
// sent twice and to either instance, is counted once; both instances come to show it. Skipped
// without DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenCatalog, proCustomer, TOKEN_LIMIT } from './support/reservation-catalog.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const enabled = Boolean(process.env.DATABASE_URL);

describe.skipIf(!enabled)('reservations on two instances sharing Postgres', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({ shared: { database: a.database, projectA: a.projectA, projectB: a.projectB, bus: a.bus } });
    await createTokenCatalog(a);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('lets exactly floor(limit / quantity) of 50 concurrent reserves hold, and their commits record that much once', async () => {
    const customer = await proCustomer(a);
    const quantity = 70;
    const instance = (i: number) => (i % 2 === 0 ? a : b);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => instance(i).call('POST', '/v1/reservations', { body: { customer, feature: 'tokens', quantity } })),
    );
    const held = answers.filter((r) => r.status === 200).map((r) => r.body.id as string);
    expect(held).toHaveLength(Math.floor(TOKEN_LIMIT / quantity));
    for (const refused of answers.filter((r) => r.status !== 200)) expect([refused.status, refused.body.error.code]).toEqual([409, 'limit_reached']);
    // Read from the database both share: what is held never exceeds the limit.
    const { rows } = await a.database.db.query<{ held: string }>("select coalesce(sum(quantity), 0)::text as held from reservations where status = 'held'");
    expect(Number(rows[0]!.held)).toBe(held.length * quantity);

    // Each commit twice, concurrently, one on each instance: recorded once.
    const commits = await Promise.all(held.flatMap((id) => [a, b].map((app) => app.call('POST', `/v1/reservations/${id}/commit`))));
    for (const commit of commits) expect(commit.body).toMatchObject({ status: 'committed', committed_quantity: quantity });
    const used = held.length * quantity;
    // Each instance serves snapshots from its own cache, which hears of the other's commits over
    // the bus they share: a read on one right after a commit on the other may be a moment behind.
    const tokensOn = async (app: TestApp) => (await app.call('GET', `/v1/customers/${customer}/entitlements`)).body.features.tokens;
    for (const app of [a, b]) {
      await expect.poll(() => tokensOn(app), { timeout: 10_000 }).toMatchObject({ used, remaining: TOKEN_LIMIT - used });
      expect((await tokensOn(app)).reserved).toBeUndefined();
    }
    const usage = (await b.call('GET', `/v1/customers/${customer}/usage?meter=tokens`)).body.data;
    expect(usage.length).toBeGreaterThan(0);
    for (const counter of usage) expect(counter.value).toBe(used);
    expect(used).toBeLessThanOrEqual(TOKEN_LIMIT);
  });
});
