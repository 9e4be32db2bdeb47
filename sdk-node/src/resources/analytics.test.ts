import { describe, expect, it } from 'vitest';
import { listOf } from '../../test/fixtures.js';
import { mockApi, nozle } from '../../test/mock-api.js';

const api = mockApi();

const costModel = {
  id: 'cm_1a2b3c',
  object: 'cost_model',
  meter: 'tokens',
  property: 'model',
  value: 'gpt-4o',
  unit_cost: '0.005',
  currency: 'usd',
  effective_from: 1_772_323_200,
  effective_to: null,
  created: 1_772_366_400,
} as const;

describe('nozle.costModels', () => {
  it('create posts the model with the idempotency key', async () => {
    const sent = api.reply('post', '/v1/cost_models', costModel);
    const params = { meter: 'tokens', property: 'model', value: 'gpt-4o', unit_cost: '0.005', effective_from: 1_772_323_200 };
    expect(await nozle().costModels.create(params, { idempotencyKey: 'cm-1' })).toEqual(costModel);
    expect(sent).toMatchObject([{ method: 'POST', path: '/v1/cost_models', body: params }]);
    expect(sent[0]?.headers.get('idempotency-key')).toBe('cm-1');
  });

  it('listAll follows the pages, filtered by meter', async () => {
    const sent = api.replyPages('get', '/v1/cost_models', [
      listOf('/v1/cost_models', [costModel], true),
      listOf('/v1/cost_models', [{ ...costModel, id: 'cm_older' }]),
    ]);
    const ids: string[] = [];
    for await (const item of nozle().costModels.listAll({ meter: 'tokens' })) ids.push(item.id);
    expect(ids).toEqual([costModel.id, 'cm_older']);
    expect(sent.map((request) => request.query)).toEqual([{ meter: 'tokens' }, { meter: 'tokens', starting_after: costModel.id }]);
  });
});

describe('nozle.analytics', () => {
  it('margin sends the window and grouping in the query', async () => {
    const figures = { revenue: 100, cost: '2.5', margin: '97.5', margin_percent: '97.50' };
    const report = {
      object: 'margin_report',
      start: 1_772_409_600,
      end: 1_775_088_000,
      currency: 'usd',
      group_by: 'property',
      groups: [{ key: 'gpt-4o', ...figures }],
      totals: figures,
      active_subscriptions: 1,
      mrr: 100,
      churn_rate: null,
    } as const;
    const sent = api.reply('get', '/v1/analytics/margin', report);
    expect(await nozle().analytics.margin({ start: 1_772_409_600, end: 1_775_088_000, group_by: 'property', property: 'model' })).toEqual(report);
    expect(sent[0]?.query).toEqual({ start: '1772409600', end: '1775088000', group_by: 'property', property: 'model' });
  });
});
