import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/errors.js';
import { checkRevocable } from './key-rules.js';
import type { ApiKey } from './store.js';

const key = (over: Partial<ApiKey>): ApiKey => ({
  id: 'key_1',
  object: 'api_key',
  type: 'secret',
  name: null,
  redacted: 'sk_…',
  created: 0,
  last_used: null,
  revoked: null,
  ...over,
});

describe('checkRevocable', () => {
  it.each([
    { name: 'the last active secret key', key: key({}), active: 1, refused: true },
    { name: 'a secret key beside another', key: key({}), active: 2, refused: false },
    { name: 'a secret key already revoked (revoking again changes nothing)', key: key({ revoked: 5 }), active: 1, refused: false },
    { name: 'a publishable key, whatever the secret keys', key: key({ type: 'publishable' }), active: 1, refused: false },
  ])('$name', ({ key, active, refused }) => {
    let error: unknown;
    try {
      checkRevocable(key, active);
    } catch (caught) {
      error = caught;
    }
    if (refused) expect(error).toMatchObject({ status: 400, code: 'last_secret_key', param: 'key' });
    else expect(error).toBeUndefined();
    if (refused) expect(error).toBeInstanceOf(ApiError);
  });
});
