import { describe, expect, it } from 'vitest';
import { mockApi, nozle } from '../../test/mock-api.js';

const api = mockApi();

const key = { id: 'key_1', object: 'api_key', type: 'secret', name: 'CI', redacted: 'sk_…abcd', created: 1, last_used: null, revoked: null } as const;

describe('nozle.apiKeys', () => {
  it('create posts the type and name, with the caller’s Idempotency-Key', async () => {
    const sent = api.reply('post', '/v1/api_keys', { ...key, secret: 'sk_full' });
    expect((await nozle().apiKeys.create({ type: 'secret', name: 'CI' }, { idempotencyKey: 'make-ci-key' })).secret).toBe('sk_full');
    expect(sent).toMatchObject([{ body: { type: 'secret', name: 'CI' } }]);
    expect(sent[0]?.headers.get('idempotency-key')).toBe('make-ci-key');
  });

  it('revoke posts to the key’s revoke path, and refuses an empty id before sending', async () => {
    const sent = api.reply('post', '/v1/api_keys/:key/revoke', { ...key, revoked: 2 });
    expect((await nozle().apiKeys.revoke('key_1')).revoked).toBe(2);
    expect(sent).toMatchObject([{ method: 'POST', path: '/v1/api_keys/key_1/revoke' }]);
    await expect(nozle().apiKeys.revoke('')).rejects.toThrow(new TypeError('Nozle: `key` must be a non-empty string.'));
  });

  it('listAll follows has_more', async () => {
    const second = { ...key, id: 'key_2' };
    const sent = api.replyPages('get', '/v1/api_keys', [
      { object: 'list', data: [key], has_more: true, url: '/v1/api_keys' },
      { object: 'list', data: [second], has_more: false, url: '/v1/api_keys' },
    ]);
    const ids: string[] = [];
    for await (const item of nozle().apiKeys.listAll({ limit: 1 })) ids.push(item.id);
    expect(ids).toEqual(['key_1', 'key_2']);
    expect(sent.map((request) => request.query)).toEqual([{ limit: '1' }, { limit: '1', starting_after: 'key_1' }]);
  });
});
