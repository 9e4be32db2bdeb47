// Redemption limits under a race: parallel requests that each apply the same promotion code (or
// coupon) never redeem it more often than its max_redemptions, and a first-time code is redeemed
// once per customer. Needs parallel transactions on separate connections: Postgres only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

const onPostgres = Boolean(process.env.DATABASE_URL);

describe.skipIf(!onPostgres)('coupon redemptions under a race', () => {
  let t: TestApp;
  const racers = Array.from({ length: 20 }, (_, n) => `racer-${n}`);

  beforeAll(async () => {
    t = await startTestApp();
    t.setTime(new Date('2026-04-01T12:00:00Z'));
    const plans = [
      { key: 'basic', name: 'Basic', interval: 'month', base_price: 3_000 },
      { key: 'extra-a', name: 'Extra A', add_on: true, interval: 'month', base_price: 500 },
      { key: 'extra-b', name: 'Extra B', add_on: true, interval: 'month', base_price: 500 },
      { key: 'extra-c', name: 'Extra C', add_on: true, interval: 'month', base_price: 500 },
    ];
    for (const plan of plans) expect((await t.call('POST', '/v1/plans', { body: plan })).status).toBe(200);
    for (const id of [...racers, 'newbie']) expect((await t.call('POST', '/v1/customers', { body: { external_id: id } })).status).toBe(200);
    const coupons = [
      { id: 'race20', percent_off: 20, duration: 'once' },
      { id: 'three', percent_off: 5, duration: 'forever', max_redemptions: 3 },
      { id: 'first', percent_off: 30, duration: 'once' },
    ];
    for (const coupon of coupons) expect((await t.call('POST', '/v1/coupons', { body: coupon })).status).toBe(200);
    expect((await t.call('POST', '/v1/promotion_codes', { body: { coupon: 'race20', code: 'RACE', max_redemptions: 5 } })).status).toBe(200);
    const firstTime = { coupon: 'first', code: 'HELLO', restrictions: { first_time_transaction: true } };
    expect((await t.call('POST', '/v1/promotion_codes', { body: firstTime })).status).toBe(200);
  });
  afterAll(() => t.close());

  const discountsOf = async (column: 'promotion_code_id' | 'coupon_id', value: string) =>
    Number((await t.database.db.query<{ n: string }>(`select count(*) as n from discounts where ${column} = $1`, [value])).rows[0]!.n);

  it('20 parallel subscriptions with a promotion code of max_redemptions 5: exactly 5 redeemed, 15 refused', async () => {
    const answers = await Promise.all(
      racers.map((customer) => t.call('POST', '/v1/subscriptions', { body: { customer, plan: 'basic', promotion_code: 'RACE' } })),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(5);
    const refused = answers.filter((a) => a.status !== 200);
    expect(refused).toHaveLength(15);
    for (const answer of refused) expect(answer.body.error).toMatchObject({ param: 'promotion_code', code: 'max_redemptions_reached' });

    const promo = (await t.call('GET', '/v1/promotion_codes?code=RACE')).body.data[0];
    expect(promo.times_redeemed).toBe(5);
    expect((await t.call('GET', '/v1/coupons/race20')).body.times_redeemed).toBe(5);
    expect(await discountsOf('promotion_code_id', promo.id)).toBe(5);
    // The refused requests made no subscription: 5 customers subscribed, 15 did not.
    const subscribed = await t.database.db.query('select distinct customer_id from subscriptions where project_id = $1', [t.projectA.projectId]);
    expect(subscribed.rows).toHaveLength(5);
  });

  it('20 parallel customer updates with a coupon of max_redemptions 3: exactly 3 redeemed', async () => {
    const answers = await Promise.all(racers.map((customer) => t.call('POST', `/v1/customers/${customer}`, { body: { coupon: 'three' } })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(3);
    for (const answer of answers.filter((a) => a.status !== 200)) {
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ param: 'coupon', code: 'max_redemptions_reached' });
    }
    expect((await t.call('GET', '/v1/coupons/three')).body).toMatchObject({ times_redeemed: 3, valid: false });
    expect(await discountsOf('coupon_id', 'three')).toBe(3);
  });

  it('a first-time code applied by one customer to three subscriptions at once is redeemed once', async () => {
    const answers = await Promise.all(
      ['extra-a', 'extra-b', 'extra-c'].map((plan) => t.call('POST', '/v1/subscriptions', { body: { customer: 'newbie', plan, promotion_code: 'HELLO' } })),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    for (const answer of answers.filter((a) => a.status !== 200)) {
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ param: 'promotion_code', code: 'not_first_time_transaction' });
    }
    expect((await t.call('GET', '/v1/promotion_codes?code=HELLO')).body.data[0].times_redeemed).toBe(1);
  });
});
