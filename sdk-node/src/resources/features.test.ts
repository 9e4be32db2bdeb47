import { describe, expect, it } from 'vitest';
import { feature, listOf } from '../../test/fixtures.js';
import { mockApi, nozle } from '../../test/mock-api.js';

const api = mockApi();

describe('nozle.features', () => {
  it('create posts the params to /v1/features and returns the feature', async () => {
    const sent = api.reply('post', '/v1/features', feature);
    expect(await nozle().features.create({ key: 'exports', type: 'metered', name: 'Exports' })).toEqual(feature);
    expect(sent).toMatchObject([{ method: 'POST', path: '/v1/features', body: { key: 'exports', type: 'metered', name: 'Exports' } }]);
  });

  it('retrieve reads a feature by its key', async () => {
    const sent = api.reply('get', '/v1/features/:feature', feature);
    expect(await nozle().features.retrieve('exports')).toEqual(feature);
    expect(sent).toMatchObject([{ method: 'GET', path: '/v1/features/exports' }]);
  });

  it('update posts the changes with the caller’s idempotency key', async () => {
    const sent = api.reply('post', '/v1/features/:feature', { ...feature, name: 'CSV exports' });
    const updated = await nozle().features.update('exports', { name: 'CSV exports' }, { idempotencyKey: 'feat-rename' });
    expect(updated.name).toBe('CSV exports');
    expect(sent[0]).toMatchObject({ path: '/v1/features/exports', body: { name: 'CSV exports' } });
    expect(sent[0]?.headers.get('idempotency-key')).toBe('feat-rename');
  });

  it('list sends limit and starting_after and returns the page', async () => {
    const page = listOf('/v1/features', [feature]);
    const sent = api.reply('get', '/v1/features', page);
    expect(await nozle().features.list({ limit: 1, starting_after: 'feat_0' })).toEqual(page);
    expect(sent[0]?.query).toEqual({ limit: '1', starting_after: 'feat_0' });
  });
});
