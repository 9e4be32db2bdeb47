import { describe, expect, expectTypeOf, it } from 'vitest';
import { customer, listOf } from '../../test/fixtures.js';
import { mockApi, nozle } from '../../test/mock-api.js';
import type { Customer } from '../index.js';

const api = mockApi();

describe('nozle.customers', () => {
  it('create posts the params to /v1/customers and returns the customer', async () => {
    const sent = api.reply('post', '/v1/customers', customer);
    const created = await nozle().customers.create({ external_id: 'user/42', email: 'ada@example.com' });
    expectTypeOf(created).toEqualTypeOf<Customer>();
    expect(created).toEqual(customer);
    expect(sent).toMatchObject([{ method: 'POST', path: '/v1/customers', body: { external_id: 'user/42', email: 'ada@example.com' } }]);
  });

  it('create without params sends an empty object', async () => {
    const sent = api.reply('post', '/v1/customers', customer);
    await nozle().customers.create();
    expect(sent[0]?.body).toEqual({});
  });

  it('retrieve URL-encodes an external_id such as user/42 into one path segment', async () => {
    const sent = api.reply('get', '/v1/customers/:customer', customer);
    expect(await nozle().customers.retrieve('user/42')).toEqual(customer);
    expect(sent).toMatchObject([{ method: 'GET', path: '/v1/customers/user%2F42', body: undefined }]);
  });

  it('update posts the changes and sends the caller’s idempotency key', async () => {
    const sent = api.reply('post', '/v1/customers/:customer', { ...customer, name: 'Ada King' });
    const updated = await nozle().customers.update(customer.id, { name: 'Ada King', metadata: { plan: '' } }, { idempotencyKey: 'rename-ada-1' });
    expect(updated.name).toBe('Ada King');
    expect(sent[0]).toMatchObject({
      method: 'POST',
      path: `/v1/customers/${customer.id}`,
      body: { name: 'Ada King', metadata: { plan: '' } },
    });
    expect(sent[0]?.headers.get('idempotency-key')).toBe('rename-ada-1');
  });

  it('update sends a promotion code for the customer and returns its discount', async () => {
    const discount = {
      id: 'di_1',
      object: 'discount' as const,
      coupon: {
        id: 'loyal10',
        object: 'coupon' as const,
        name: null,
        percent_off: 10,
        amount_off: null,
        currency: null,
        currency_options: {},
        duration: 'forever' as const,
        duration_in_months: null,
        max_redemptions: null,
        redeem_by: null,
        times_redeemed: 1,
        valid: true,
        applies_to: { plans: null },
        metadata: {},
        created: 1_700_000_000,
      },
      promotion_code: 'promo_1',
      customer: customer.id,
      subscription: null,
      start: 1_700_000_000,
      end: null,
    };
    const sent = api.reply('post', '/v1/customers/:customer', { ...customer, discount });
    const updated = await nozle().customers.update(customer.id, { promotion_code: 'LOYAL' });
    expect(updated.discount).toEqual(discount);
    expect(sent[0]?.body).toEqual({ promotion_code: 'LOYAL' });
  });

  it('del sends a DELETE and returns the deleted stub', async () => {
    const sent = api.reply('delete', '/v1/customers/:customer', { id: customer.id, object: 'customer', deleted: true });
    expect(await nozle().customers.del(customer.id)).toEqual({ id: customer.id, object: 'customer', deleted: true });
    expect(sent).toMatchObject([{ method: 'DELETE', path: `/v1/customers/${customer.id}` }]);
  });

  it('list sends its filters as the query and returns the page', async () => {
    const page = listOf('/v1/customers', [customer]);
    const sent = api.reply('get', '/v1/customers', page);
    expect(await nozle().customers.list({ limit: 5, email: 'ada@example.com' })).toEqual(page);
    expect(sent[0]?.query).toEqual({ limit: '5', email: 'ada@example.com' });
  });

  it('listAll follows has_more with starting_after set to the last id of each page', async () => {
    const second = { ...customer, id: 'cus_second' };
    const third = { ...customer, id: 'cus_third' };
    const sent = api.replyPages('get', '/v1/customers', [listOf('/v1/customers', [customer, second], true), listOf('/v1/customers', [third])]);
    const ids: string[] = [];
    for await (const item of nozle().customers.listAll({ limit: 2 })) ids.push(item.id);
    expect(ids).toEqual([customer.id, 'cus_second', 'cus_third']);
    expect(sent.map((request) => request.query)).toEqual([{ limit: '2' }, { limit: '2', starting_after: 'cus_second' }]);
  });

  it('rejects an empty id before sending anything', async () => {
    await expect(nozle().customers.update('', { name: 'x' })).rejects.toThrow(new TypeError('Nozle: `customer` must be a non-empty string.'));
  });
});
