import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.call('POST', '/v1/features', { body: { key: 'export', type: 'boolean' } });
  await t.call('POST', '/v1/features', { body: { key: 'tokens', type: 'metered', name: 'AI tokens' } });
  await t.call('POST', '/v1/features', { body: { key: 'seats', type: 'config' } });
});
afterAll(() => t.close());

describe('features', () => {
  it('creates one with a feat_ id, its name defaulting to the key', async () => {
    const res = await t.call('POST', '/v1/features', { body: { key: 'sso', type: 'boolean' } });
    expect(res.body).toEqual({
      id: expect.stringMatching(/^feat_/),
      object: 'feature',
      key: 'sso',
      name: 'sso',
      type: 'boolean',
      meter: null,
      metadata: {},
      created: expect.any(Number),
    });
  });

  it('refuses a second feature with the same key (409) and a key that is not a slug (400)', async () => {
    expect((await t.call('POST', '/v1/features', { body: { key: 'export', type: 'metered' } })).status).toBe(409);
    const bad = await t.call('POST', '/v1/features', { body: { key: 'Export Now', type: 'boolean' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.param).toBe('key');
  });

  it('is found by id or key, renamed, and listed', async () => {
    const byKey = await t.call('GET', '/v1/features/tokens');
    expect((await t.call('GET', `/v1/features/${byKey.body.id}`)).body).toEqual(byKey.body);
    const renamed = await t.call('POST', '/v1/features/tokens', { body: { name: 'Tokens' } });
    expect(renamed.body).toMatchObject({ key: 'tokens', type: 'metered', name: 'Tokens' });
    const keys = (await t.call('GET', '/v1/features?limit=100')).body.data.map((f: { key: string }) => f.key);
    expect(keys).toEqual(expect.arrayContaining(['export', 'tokens', 'seats']));
  });

  it('keeps its key and type fixed', async () => {
    const res = await t.call('POST', '/v1/features/export', { body: { type: 'metered' } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'parameter_unknown', param: 'type' });
  });
});

describe('plans', () => {
  it('creates a plan at version 1 with complete entitlements (defaults filled in)', async () => {
    const res = await t.call('POST', '/v1/plans', {
      body: {
        key: 'pro',
        name: 'Pro',
        interval: 'month',
        currency: 'eur',
        base_price: 2900,
        trial_days: 14,
        entitlements: [{ feature: 'export' }, { feature: 'tokens', limit: 1000 }, { feature: 'seats', value: { seats: 5 } }],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      object: 'plan',
      key: 'pro',
      version: 1,
      interval: 'month',
      currency: 'eur',
      base_price: 2900,
      trial_days: 14,
      entitlements: [
        { feature: 'export', enabled: true },
        { feature: 'tokens', limit: 1000, reset: 'month', overage: false },
        { feature: 'seats', value: { seats: 5 } },
      ],
    });
  });

  it.each([
    { name: 'an unknown feature', entitlements: [{ feature: 'nope' }], param: 'entitlements[0][feature]', code: 'resource_missing' },
    { name: 'a metered feature without a limit', entitlements: [{ feature: 'tokens' }], param: 'entitlements[0][limit]', code: 'parameter_missing' },
    { name: 'a limit on a boolean feature', entitlements: [{ feature: 'export', limit: 5 }], param: 'entitlements[0][limit]', code: 'parameter_unknown' },
    { name: 'a config feature without a value', entitlements: [{ feature: 'seats' }], param: 'entitlements[0][value]', code: 'parameter_missing' },
    {
      name: 'the same feature twice',
      entitlements: [{ feature: 'export' }, { feature: 'export' }],
      param: 'entitlements[1][feature]',
      code: 'parameter_invalid',
    },
    { name: 'a negative limit', entitlements: [{ feature: 'tokens', limit: -1 }], param: 'entitlements[0][limit]', code: 'parameter_invalid' },
  ])('refuses $name, naming the parameter, and creates nothing', async ({ entitlements, param, code }) => {
    const res = await t.call('POST', '/v1/plans', { body: { key: 'broken', interval: 'month', entitlements } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ param, code });
    expect((await t.call('GET', '/v1/plans/broken')).status).toBe(404);
  });

  it('refuses a trial on a one_time plan', async () => {
    const res = await t.call('POST', '/v1/plans', { body: { key: 'lifetime_trial', interval: 'one_time', trial_days: 3 } });
    expect(res.body.error).toMatchObject({ param: 'trial_days' });
  });

  it('changes a plan nobody holds in place, keeping its version', async () => {
    await t.call('POST', '/v1/plans', { body: { key: 'draft', interval: 'month', entitlements: [{ feature: 'tokens', limit: 10 }] } });
    const res = await t.call('POST', '/v1/plans/draft', { body: { entitlements: [{ feature: 'tokens', limit: 20 }], base_price: 500 } });
    expect(res.body).toMatchObject({ version: 1, base_price: 500, entitlements: [{ feature: 'tokens', limit: 20 }] });
  });

  it('makes a new version when the plan has subscribers, who keep theirs until migrated', async () => {
    await t.call('POST', '/v1/plans', { body: { key: 'team', interval: 'month', entitlements: [{ feature: 'tokens', limit: 100 }] } });
    await t.call('POST', '/v1/customers', { body: { external_id: 'team_user' } });
    const sub = (await t.call('POST', '/v1/subscriptions', { body: { customer: 'team_user', plan: 'team' } })).body;
    expect(sub.plan_version).toBe(1);

    const v2 = await t.call('POST', '/v1/plans/team', { body: { entitlements: [{ feature: 'tokens', limit: 500 }] } });
    expect(v2.body).toMatchObject({ version: 2, entitlements: [{ feature: 'tokens', limit: 500 }] });
    expect((await t.call('GET', '/v1/plans/team?version=1')).body.entitlements).toEqual([{ feature: 'tokens', limit: 100, reset: 'month', overage: false }]);
    expect((await t.call('GET', `/v1/subscriptions/${sub.id}`)).body.plan_version).toBe(1);
    const before = (await t.call('POST', '/v1/check', { body: { customer: 'team_user', feature: 'tokens' } })).body;
    expect(before.limit).toBe(100);

    const migrated = await t.call('POST', '/v1/plans/team/migrate', { body: {} });
    expect(migrated.body).toEqual({ object: 'plan_migration', plan: 'team', to_version: 2, migrated: 1 });
    expect((await t.call('GET', `/v1/subscriptions/${sub.id}`)).body.plan_version).toBe(2);
    const after = (await t.call('POST', '/v1/check', { body: { customer: 'team_user', feature: 'tokens' } })).body;
    expect(after.limit).toBe(500);
    expect(after.version).toBeGreaterThan(before.version);
  });

  it('refuses to migrate to a version that does not exist', async () => {
    const res = await t.call('POST', '/v1/plans/team/migrate', { body: { to_version: 9 } });
    expect(res.status).toBe(400);
    expect(res.body.error.param).toBe('to_version');
  });

  it('lists plans at their current version', async () => {
    const plans = (await t.call('GET', '/v1/plans?limit=100')).body.data;
    expect(plans.find((p: { key: string }) => p.key === 'team')).toMatchObject({ version: 2 });
  });
});

describe('another project', () => {
  it("cannot see, change or use this project's features and plans", async () => {
    const b = t.projectB.secretKey;
    expect((await t.call('GET', '/v1/features/export', { key: b })).status).toBe(404);
    expect((await t.call('POST', '/v1/features/export', { key: b, body: { name: 'x' } })).status).toBe(404);
    expect((await t.call('GET', '/v1/plans/pro', { key: b })).status).toBe(404);
    expect((await t.call('POST', '/v1/plans/pro/migrate', { key: b, body: {} })).status).toBe(404);
    expect((await t.call('GET', '/v1/features', { key: b })).body.data).toEqual([]);
    await t.call('POST', '/v1/customers', { key: b, body: { external_id: 'b_user' } });
    const sub = await t.call('POST', '/v1/subscriptions', { key: b, body: { customer: 'b_user', plan: 'pro' } });
    expect(sub.status).toBe(404);
    expect(sub.body.error.param).toBe('plan');
    // The same key is free in another project.
    expect((await t.call('POST', '/v1/features', { key: b, body: { key: 'export', type: 'boolean' } })).status).toBe(200);
  });
});
