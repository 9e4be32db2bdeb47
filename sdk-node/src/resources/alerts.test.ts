import { describe, expect, it } from 'vitest';
import { listOf } from '../../test/fixtures.js';
import { mockApi, nozle } from '../../test/mock-api.js';
import type { Alert } from './alerts.js';

const api = mockApi();

const alert: Alert = {
  id: 'alr_1',
  object: 'alert',
  type: 'usage',
  customer: null,
  plan: 'pro',
  feature: 'messages',
  percent: 80,
  amount: null,
  currency: null,
  enabled: true,
  description: null,
  metadata: {},
  created: 1_778_533_663,
};

describe('nozle.alerts', () => {
  it('create posts the params to /v1/alerts with the caller’s idempotency key', async () => {
    const sent = api.reply('post', '/v1/alerts', alert);
    const params = { type: 'usage', plan: 'pro', feature: 'messages', percent: 80 } as const;
    expect(await nozle().alerts.create(params, { idempotencyKey: 'alert-80' })).toEqual(alert);
    expect(sent).toMatchObject([{ method: 'POST', path: '/v1/alerts', body: params }]);
    expect(sent[0]?.headers.get('idempotency-key')).toBe('alert-80');
  });

  it('retrieve, update and del address one alert by its id', async () => {
    const got = api.reply('get', '/v1/alerts/:alert', alert);
    const updated = api.reply('post', '/v1/alerts/:alert', { ...alert, percent: 90 });
    const deleted = api.reply('delete', '/v1/alerts/:alert', { id: 'alr_1', object: 'alert', deleted: true });
    expect(await nozle().alerts.retrieve('alr_1')).toEqual(alert);
    expect((await nozle().alerts.update('alr_1', { percent: 90 })).percent).toBe(90);
    expect(await nozle().alerts.del('alr_1')).toEqual({ id: 'alr_1', object: 'alert', deleted: true });
    expect([got[0]?.path, updated[0]?.path, deleted[0]?.path]).toEqual(['/v1/alerts/alr_1', '/v1/alerts/alr_1', '/v1/alerts/alr_1']);
    expect(updated[0]?.body).toEqual({ percent: 90 });
  });

  it('refuses an empty id before sending anything', async () => {
    await expect(nozle().alerts.retrieve('')).rejects.toThrow('`alert` must be a non-empty string');
  });

  it('list sends limit and starting_after, and listAll pages through', async () => {
    const page = listOf('/v1/alerts', [alert]);
    const sent = api.reply('get', '/v1/alerts', page);
    expect(await nozle().alerts.list({ limit: 1, starting_after: 'alr_0' })).toEqual(page);
    expect(sent[0]?.query).toEqual({ limit: '1', starting_after: 'alr_0' });
    const all: Alert[] = [];
    for await (const each of nozle().alerts.listAll()) all.push(each);
    expect(all).toEqual([alert]);
  });
});
