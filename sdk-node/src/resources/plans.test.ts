import { describe, expect, it } from 'vitest';
import { listOf, plan } from '../../test/fixtures.js';
import { mockApi, nozle } from '../../test/mock-api.js';
import type { PlanCreateParams } from './plans.js';

const api = mockApi();

describe('nozle.plans', () => {
  it('create posts the params to /v1/plans and returns the plan', async () => {
    const sent = api.reply('post', '/v1/plans', plan);
    const params = { key: 'pro', interval: 'month', base_price: 2_000, entitlements: plan.entitlements } as const;
    expect(await nozle().plans.create(params)).toEqual(plan);
    expect(sent).toMatchObject([{ method: 'POST', path: '/v1/plans', body: params }]);
  });

  it('retrieve asks for a past version in the query', async () => {
    const sent = api.reply('get', '/v1/plans/:plan', { ...plan, version: 1 });
    expect((await nozle().plans.retrieve('pro', { version: 1 })).version).toBe(1);
    expect(sent).toMatchObject([{ method: 'GET', path: '/v1/plans/pro', query: { version: '1' } }]);
  });

  it('retrieve without a version sends no query', async () => {
    const sent = api.reply('get', '/v1/plans/:plan', plan);
    await nozle().plans.retrieve('pro');
    expect(sent[0]?.query).toEqual({});
  });

  it('create and update send usage prices as given, amounts as decimal strings', async () => {
    const prices: PlanCreateParams['prices'] = [
      {
        key: 'tokens',
        meter: 'tokens',
        model: 'graduated',
        tiers: [
          { up_to: 1_000, unit_amount: '0' },
          { up_to: null, unit_amount: '0.0015' },
        ],
        free_units: '100',
      },
    ];
    const created = api.reply('post', '/v1/plans', plan);
    await nozle().plans.create({ key: 'pro', interval: 'month', base_price: 2_900, prices });
    expect(created[0]?.body).toEqual({ key: 'pro', interval: 'month', base_price: 2_900, prices });
    const updated = api.reply('post', '/v1/plans/:plan', plan);
    await nozle().plans.update('pro', { prices: [{ key: 'calls', meter: 'calls', model: 'per_unit', unit_amount: '0.5' }] });
    expect(updated[0]?.body).toEqual({ prices: [{ key: 'calls', meter: 'calls', model: 'per_unit', unit_amount: '0.5' }] });
  });

  it('update posts the changes', async () => {
    const sent = api.reply('post', '/v1/plans/:plan', { ...plan, version: 3, base_price: 2_500 });
    expect((await nozle().plans.update('pro', { base_price: 2_500 })).version).toBe(3);
    expect(sent).toMatchObject([{ method: 'POST', path: '/v1/plans/pro', body: { base_price: 2_500 } }]);
  });

  it('migrate posts the versions and returns how many subscriptions moved', async () => {
    const migration = { object: 'plan_migration', plan: plan.id, to_version: 2, migrated: 7 } as const;
    const sent = api.reply('post', '/v1/plans/:plan/migrate', migration);
    expect(await nozle().plans.migrate('pro', { from_version: 1 }, { idempotencyKey: 'migrate-pro-1' })).toEqual(migration);
    expect(sent[0]).toMatchObject({ path: '/v1/plans/pro/migrate', body: { from_version: 1 } });
    expect(sent[0]?.headers.get('idempotency-key')).toBe('migrate-pro-1');
  });

  it('list returns the page', async () => {
    const page = listOf('/v1/plans', [plan]);
    const sent = api.reply('get', '/v1/plans', page);
    expect(await nozle().plans.list()).toEqual(page);
    expect(sent).toMatchObject([{ method: 'GET', path: '/v1/plans', query: {} }]);
  });
});
