import { describe, expect, it } from 'vitest';
import { NozleError } from '../index.js';
import { mockApi, nozle } from '../../test/mock-api.js';
import type { Reservation } from './reservations.js';

const api = mockApi();

const held: Reservation = {
  id: 'rsv_1',
  object: 'reservation',
  customer: 'cus_1',
  feature: 'tokens',
  currency: null,
  quantity: 4000,
  status: 'held',
  committed_quantity: null,
  expires_at: 1_778_533_963,
  created: 1_778_533_663,
};

describe('nozle.reserve()', () => {
  it('posts the reservation and answers a handle whose commit sends the actual amount', async () => {
    const created = api.reply('post', '/v1/reservations', held);
    const committed = api.reply('post', '/v1/reservations/:reservation/commit', { ...held, status: 'committed', committed_quantity: 1234 });
    const hold = await nozle().reserve('user_42', 'tokens', 4000, { expiresIn: 120, idempotencyKey: 'req-9' });
    expect(created).toMatchObject([
      { method: 'POST', path: '/v1/reservations', body: { customer: 'user_42', feature: 'tokens', quantity: 4000, expires_in: 120 } },
    ]);
    expect(created[0]?.headers.get('idempotency-key')).toBe('req-9');
    expect(hold.id).toBe('rsv_1');
    expect((await hold.commit(1234)).committed_quantity).toBe(1234);
    expect(hold.reservation.status).toBe('committed');
    expect(committed).toMatchObject([{ path: '/v1/reservations/rsv_1/commit', body: { quantity: 1234 } }]);
  });

  it('release posts to the reservation’s release', async () => {
    api.reply('post', '/v1/reservations', held);
    const released = api.reply('post', '/v1/reservations/:reservation/release', { ...held, status: 'released' });
    const hold = await nozle().reserve('user_42', 'tokens', 4000);
    expect((await hold.release()).status).toBe('released');
    expect(released[0]?.path).toBe('/v1/reservations/rsv_1/release');
  });

  it('rejects with the API’s 409 when the quantity does not fit', async () => {
    const error = { type: 'invalid_request_error', code: 'limit_reached', message: 'Does not fit.', param: 'quantity', request_id: 'req_1' };
    api.reply('post', '/v1/reservations', { error }, { status: 409 });
    const refused = nozle().reserve('user_42', 'tokens', 4000);
    await expect(refused).rejects.toBeInstanceOf(NozleError);
    await expect(refused).rejects.toMatchObject({ status: 409, code: 'limit_reached' });
  });
});

describe('nozle.reserveCredits()', () => {
  it('posts the currency and the amount as the quantity, and answers a handle', async () => {
    const credit: Reservation = { ...held, feature: null, currency: 'usd', quantity: 500 };
    const created = api.reply('post', '/v1/reservations', credit);
    const hold = await nozle().reserveCredits('user_42', 'usd', 500, { expiresIn: 60 });
    expect(created).toMatchObject([
      { method: 'POST', path: '/v1/reservations', body: { customer: 'user_42', currency: 'usd', quantity: 500, expires_in: 60 } },
    ]);
    expect(created[0]?.body).not.toHaveProperty('feature');
    expect(hold.reservation).toEqual(credit);
  });
});

describe('nozle.reservations', () => {
  it('retrieve reads one reservation; commit without a quantity sends an empty body', async () => {
    const got = api.reply('get', '/v1/reservations/:reservation', held);
    const committed = api.reply('post', '/v1/reservations/:reservation/commit', { ...held, status: 'committed', committed_quantity: 4000 });
    expect(await nozle().reservations.retrieve('rsv_1')).toEqual(held);
    expect(got[0]?.path).toBe('/v1/reservations/rsv_1');
    await nozle().reservations.commit('rsv_1');
    expect(committed[0]?.body).toEqual({});
  });

  it('refuses an empty id before sending anything', async () => {
    await expect(nozle().reservations.release('')).rejects.toThrow('`reservation` must be a non-empty string');
  });
});
