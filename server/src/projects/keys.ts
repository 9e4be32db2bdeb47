// API key material: generation, hashing and the redacted form we can show again.
import { createHash } from 'node:crypto';
import { randomBase62 } from '../ids.js';

export type KeyType = 'secret' | 'publishable';

const PREFIX: Record<KeyType, string> = { secret: 'sk_', publishable: 'pk_' };

export interface NewKeyMaterial {
  secret: string;
  hash: string;
  redacted: string;
}

export function generateKey(type: KeyType): NewKeyMaterial {
  const secret = `${PREFIX[type]}${randomBase62(40)}`;
  return { secret, hash: hashKey(secret), redacted: redact(secret) };
}

// Keys carry ~238 random bits, so one fast SHA-256 is enough (no password-style stretching);
// it lets the lookup use an index on the hash.
export const hashKey = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export const redact = (secret: string): string => `${secret.slice(0, 3)}…${secret.slice(-4)}`;

export function keyTypeOf(secret: string): KeyType | undefined {
  if (secret.startsWith('sk_')) return 'secret';
  if (secret.startsWith('pk_')) return 'publishable';
  return undefined;
}
