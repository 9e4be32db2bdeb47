// The rule a key revocation keeps, pure: a project always has an active secret key.
import { ApiError } from '../http/errors.js';
import type { ApiKey } from './store.js';

/** Throws when revoking `key` would leave the project without an active secret key. */
export function checkRevocable(key: ApiKey, activeSecretKeys: number): void {
  if (key.type === 'secret' && key.revoked === null && activeSecretKeys <= 1) {
    throw new ApiError(
      400,
      'invalid_request_error',
      'last_secret_key',
      'This is the last active secret key of the project; create another before revoking it.',
      'key',
    );
  }
}
