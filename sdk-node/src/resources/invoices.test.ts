import { describe, expect, it } from 'vitest';
import { customer, invoice, listOf, subscription } from '../../test/fixtures.js';
import { mockApi, nozle } from '../../test/mock-api.js';

const api = mockApi();

const upcoming = {
  object: 'upcoming_invoice',
  customer: customer.id,
  subscription: subscription.id,
  plan: invoice.plan,
  plan_version: 2,
  currency: 'usd',
  period_start: invoice.period_start,
  period_end: invoice.period_end,
  trial: false,
  lines: invoice.lines,
  subtotal: 2_000,
  total: 2_000,
  as_of: invoice.period_start + 86_400,
} as const;

describe('nozle.invoices', () => {
  it('retrieve reads an invoice by id', async () => {
    const sent = api.reply('get', '/v1/invoices/:invoice', invoice);
    expect(await nozle().invoices.retrieve(invoice.id)).toEqual(invoice);
    expect(sent).toMatchObject([{ method: 'GET', path: `/v1/invoices/${invoice.id}` }]);
  });

  it('retrieve refuses an empty id before sending anything', async () => {
    await expect(nozle().invoices.retrieve('')).rejects.toThrow(new TypeError('Nozle: `invoice` must be a non-empty string.'));
  });

  it('list filters by customer and status in the query', async () => {
    const page = listOf('/v1/invoices', [invoice]);
    const sent = api.reply('get', '/v1/invoices', page);
    expect(await nozle().invoices.list({ customer: customer.id, status: 'open' })).toEqual(page);
    expect(sent[0]?.query).toEqual({ customer: customer.id, status: 'open' });
  });

  it('listAll follows has_more with starting_after set to the last id of each page', async () => {
    const second = { ...invoice, id: 'in_second' };
    const sent = api.replyPages('get', '/v1/invoices', [listOf('/v1/invoices', [invoice], true), listOf('/v1/invoices', [second])]);
    const ids: string[] = [];
    for await (const item of nozle().invoices.listAll({ customer: customer.id, limit: 1 })) ids.push(item.id);
    expect(ids).toEqual([invoice.id, second.id]);
    expect(sent.map((request) => request.query)).toEqual([
      { customer: customer.id, limit: '1' },
      { customer: customer.id, limit: '1', starting_after: invoice.id },
    ]);
  });

  it('upcoming reads the preview for a customer, by external id, with an optional subscription', async () => {
    const sent = api.reply('get', '/v1/customers/:customer/upcoming_invoice', upcoming);
    expect(await nozle().invoices.upcoming('user/42', { subscription: subscription.id })).toEqual(upcoming);
    expect(sent).toMatchObject([{ method: 'GET', path: '/v1/customers/user%2F42/upcoming_invoice', query: { subscription: subscription.id } }]);
  });
});
