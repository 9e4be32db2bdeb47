import { describe, expect, it } from 'vitest';
import { mockApi, nozle } from '../../test/mock-api.js';

const api = mockApi();

describe('nozle.usage and nozle.meters', () => {
  it('usage.list reads a customer’s counters by external id, with the meter and period in the query', async () => {
    const page = { object: 'list', data: [], has_more: false, url: '/v1/customers/user%2F42/usage' };
    const sent = api.reply('get', '/v1/customers/:customer/usage', page);
    expect(await nozle().usage.list('user/42', { meter: 'messages', period: 'all' })).toEqual(page);
    expect(sent).toMatchObject([{ path: '/v1/customers/user%2F42/usage', query: { meter: 'messages', period: 'all' } }]);
  });

  it('usage.query posts the range and grouping', async () => {
    const result = { object: 'usage_query', meter: 'messages', start: 1, end: 2, group_by: 'day', data: [{ group: '2026-03-01', value: 3 }] };
    const sent = api.reply('post', '/v1/usage/query', result);
    expect(await nozle().usage.query({ meter: 'messages', start: 1, end: 2, group_by: 'day' })).toEqual(result);
    expect(sent).toMatchObject([{ body: { meter: 'messages', start: 1, end: 2, group_by: 'day' } }]);
    expect(sent[0]?.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('meters.retrieve takes a key in the path; an empty one is refused before sending', async () => {
    const sent = api.reply('get', '/v1/meters/:meter', { id: 'mtr_1' });
    await nozle().meters.retrieve('messages');
    expect(sent).toMatchObject([{ path: '/v1/meters/messages' }]);
    await expect(nozle().meters.retrieve('')).rejects.toThrow(new TypeError('Nozle: `meter` must be a non-empty string.'));
  });
});
