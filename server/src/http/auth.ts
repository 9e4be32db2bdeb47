// Who is calling: a Bearer key resolved to its project, and whether that key may call the operation.
import { hashKey, keyTypeOf, redact, type KeyType } from './api-keys.js';
import { ApiError } from './errors.js';
import type { OperationSpec } from './operations.js';

export interface Caller {
  projectId: string;
  keyId: string;
  keyType: KeyType;
}

/** Finds the caller behind a key's hash (the projects slice keeps the keys and implements it). */
export interface KeyResolver {
  resolve(hash: string): Promise<Caller | undefined>;
  /** The hashes of the project's active secret keys (what customer tokens are signed with). */
  secretKeyHashes(projectId: string): Promise<string[]>;
}

const unauthorized = (code: string, message: string) => new ApiError(401, 'authentication_error', code, message);

export async function authenticate(keys: KeyResolver, authorization: string | undefined): Promise<Caller> {
  if (!authorization) {
    throw unauthorized('api_key_missing', 'No API key provided. Send it as a Bearer token: `Authorization: Bearer sk_…`.');
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  const secret = match?.[1];
  if (!secret || !keyTypeOf(secret)) {
    throw unauthorized('api_key_invalid', 'Malformed Authorization header. Send `Authorization: Bearer sk_…` or `Bearer pk_…`.');
  }
  const caller = await keys.resolve(hashKey(secret));
  if (!caller) throw unauthorized('api_key_invalid', `Invalid API key provided: ${redact(secret)}`);
  return caller;
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
