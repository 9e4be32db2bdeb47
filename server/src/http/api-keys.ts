// API key strings as the request binding sees them: their kind, their stored hash, the redacted form.
import { createHash } from 'node:crypto';

export type KeyType = 'secret' | 'publishable';

export const KEY_PREFIX: Record<KeyType, string> = { secret: 'sk_', publishable: 'pk_' };

// Keys carry ~238 random bits, so one fast SHA-256 is enough (no password-style stretching);
// it lets the lookup use an index on the hash.
export const hashKey = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export const redact = (secret: string): string => `${secret.slice(0, 3)}…${secret.slice(-4)}`;

export function keyTypeOf(secret: string): KeyType | undefined {
  if (secret.startsWith(KEY_PREFIX.secret)) return 'secret';
  if (secret.startsWith(KEY_PREFIX.publishable)) return 'publishable';
  return undefined;
}
