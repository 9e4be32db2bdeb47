// New API key material: the secret shown once, and what is stored of it.
import { hashKey, KEY_PREFIX, redact, type KeyType } from '../http/api-keys.js';
import { randomBase62 } from '../ids.js';

export interface NewKeyMaterial {
  secret: string;
  hash: string;
  redacted: string;
}

export function generateKey(type: KeyType): NewKeyMaterial {
  const secret = `${KEY_PREFIX[type]}${randomBase62(40)}`;
  return { secret, hash: hashKey(secret), redacted: redact(secret) };
}
