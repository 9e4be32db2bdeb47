// Who is calling: a Bearer key resolved to its project, and whether that key may call the operation.
import type { Clock } from '../clock.js';
import type { Queryable } from '../db/database.js';
import { hashKey, keyTypeOf, redact, type KeyType } from '../projects/keys.js';
import { findActiveKeyByHash, touchApiKey } from '../projects/store.js';
import { ApiError } from './errors.js';
import type { OperationSpec } from './operations.js';

export interface Caller {
  projectId: string;
  keyId: string;
  keyType: KeyType;
}

// `last_used` is kept to the minute, so a busy key writes at most once a minute.
const LAST_USED_RESOLUTION_MS = 60_000;

const unauthorized = (code: string, message: string) => new ApiError(401, 'authentication_error', code, message);

export async function authenticate(db: Queryable, authorization: string | undefined, clock: Clock): Promise<Caller> {
  if (!authorization) {
    throw unauthorized('api_key_missing', 'No API key provided. Send it as a Bearer token: `Authorization: Bearer sk_…`.');
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  const secret = match?.[1];
  if (!secret || !keyTypeOf(secret)) {
    throw unauthorized('api_key_invalid', 'Malformed Authorization header. Send `Authorization: Bearer sk_…` or `Bearer pk_…`.');
  }
  const key = await findActiveKeyByHash(db, hashKey(secret));
  if (!key) throw unauthorized('api_key_invalid', `Invalid API key provided: ${redact(secret)}`);

  const now = clock.now();
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await touchApiKey(db, key.keyId, now);
  }
  return { projectId: key.projectId, keyId: key.keyId, keyType: key.type };
}

const SCHEME_FOR: Record<KeyType, string> = { secret: 'secretKey', publishable: 'publishableKey' };

/** Throws 403 when the key's kind is not among the operation's security schemes. */
export function authorize(caller: Caller, operation: OperationSpec): void {
  if (operation.security.includes(SCHEME_FOR[caller.keyType])) return;
  if (caller.keyType === 'publishable') {
    throw new ApiError(
      403,
      'permission_error',
      'secret_key_required',
      `${operation.method.toUpperCase()} ${operation.path} needs a secret key (sk_…); publishable keys may call only client endpoints.`,
    );
  }
  throw new ApiError(403, 'permission_error', 'publishable_key_required', `${operation.method.toUpperCase()} ${operation.path} is a client endpoint.`);
}
