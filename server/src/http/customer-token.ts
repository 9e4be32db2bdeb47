// Customer tokens: what a browser shows, with a publishable key, to read one customer's
// entitlements. The app's backend mints them with its secret key (`nozle.customerToken()`):
//   base64url(JSON {p: projectId, c: customer, e: expiry in Unix seconds}) "." base64url(HMAC)
// where the HMAC-SHA256 key is the SHA-256 (hex) of the secret key — what the server stores —
// so the server can check it without ever holding the secret key itself.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface CustomerTokenClaims {
  projectId: string;
  customer: string;
  expiresAt: number;
}

export type TokenProblem = 'token_malformed' | 'token_expired' | 'token_invalid';

const BASE64URL = /^[A-Za-z0-9_-]+$/;

const encode = (value: Buffer | string) => Buffer.from(value).toString('base64url');

export function signCustomerToken(keyHash: string, claims: CustomerTokenClaims): string {
  const payload = encode(JSON.stringify({ p: claims.projectId, c: claims.customer, e: claims.expiresAt }));
  return `${payload}.${encode(createHmac('sha256', keyHash).update(payload).digest())}`;
}

/** Reads the claims without trusting them (to know which project's keys to check against). */
export function readCustomerToken(token: string): CustomerTokenClaims | undefined {
  const [payload, signature, extra] = token.split('.');
  // Strictly base64url: Buffer's decoder skips other characters, which would let a token
  // carry junk (a NUL, spaces) and still verify.
  if (!payload || !signature || extra !== undefined || !BASE64URL.test(payload) || !BASE64URL.test(signature)) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { p?: unknown; c?: unknown; e?: unknown };
    if (typeof claims.p !== 'string' || typeof claims.c !== 'string' || typeof claims.e !== 'number') return undefined;
    return { projectId: claims.p, customer: claims.c, expiresAt: claims.e };
  } catch {
    return undefined;
  }
}

/**
 * Checks the token against the hashes of the project's active secret keys (a revoked key's
 * tokens stop working with it). Every comparison takes the same time whatever it finds.
 */
export function verifyCustomerToken(token: string, keyHashes: readonly string[], now: Date): CustomerTokenClaims | TokenProblem {
  const verified = verifyCustomerTokenKey(token, keyHashes, now);
  return typeof verified === 'string' ? verified : verified.claims;
}

/**
 * Like verifyCustomerToken, and also says which key hash signed it: a connection that lives on
 * the token must end when that key is revoked.
 */
export function verifyCustomerTokenKey(
  token: string,
  keyHashes: readonly string[],
  now: Date,
): { claims: CustomerTokenClaims; keyHash: string } | TokenProblem {
  const claims = readCustomerToken(token);
  if (!claims) return 'token_malformed';
  const [payload, signature] = token.split('.') as [string, string];
  const given = Buffer.from(signature, 'base64url');
  const matches = keyHashes.map((keyHash) => {
    const expected = createHmac('sha256', keyHash).update(payload).digest();
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  const keyHash = keyHashes[matches.indexOf(true)];
  if (keyHash === undefined) return 'token_invalid';
  if (claims.expiresAt * 1000 <= now.getTime()) return 'token_expired';
  return { claims, keyHash };
}
