import { describe, expect, it } from 'vitest';
import { grant, listOf } from '../../test/fixtures.js';
import { mockApi, nozle } from '../../test/mock-api.js';

const api = mockApi();

describe('nozle.grants', () => {
  it('create posts to the customer’s grants, URL-encoding the external_id', async () => {
    const sent = api.reply('post', '/v1/customers/:customer/grants', grant);
    const params = { feature: 'exports', limit: 500, reset: 'month', reason: 'support ticket 1234' } as const;
    expect(await nozle().grants.create('user/42', params, { idempotencyKey: 'ticket-1234' })).toEqual(grant);
    expect(sent).toMatchObject([{ method: 'POST', path: '/v1/customers/user%2F42/grants', body: params }]);
    expect(sent[0]?.headers.get('idempotency-key')).toBe('ticket-1234');
  });

  it('create sends a revoke', async () => {
    const sent = api.reply('post', '/v1/customers/:customer/grants', { ...grant, kind: 'revoke' });
    expect((await nozle().grants.create(grant.customer, { feature: 'exports', kind: 'revoke' })).kind).toBe('revoke');
    expect(sent[0]?.body).toEqual({ feature: 'exports', kind: 'revoke' });
  });

  it('list filters by feature in the query', async () => {
    const page = listOf(`/v1/customers/${grant.customer}/grants`, [grant]);
    const sent = api.reply('get', '/v1/customers/:customer/grants', page);
    expect(await nozle().grants.list(grant.customer, { feature: 'exports' })).toEqual(page);
    expect(sent).toMatchObject([{ method: 'GET', path: `/v1/customers/${grant.customer}/grants`, query: { feature: 'exports' } }]);
  });

  it('listAll crosses pages of one customer’s grants', async () => {
    const url = `/v1/customers/${grant.customer}/grants`;
    const sent = api.replyPages('get', '/v1/customers/:customer/grants', [listOf(url, [grant], true), listOf(url, [{ ...grant, id: 'grt_older' }])]);
    const ids: string[] = [];
    for await (const item of nozle().grants.listAll(grant.customer)) ids.push(item.id);
    expect(ids).toEqual([grant.id, 'grt_older']);
    expect(sent.map((request) => request.query)).toEqual([{}, { starting_after: grant.id }]);
  });
});
