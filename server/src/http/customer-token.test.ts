import { describe, expect, it } from 'vitest';
import { hashKey } from './api-keys.js';
import { signCustomerToken, verifyCustomerToken, verifyCustomerTokenKey } from './customer-token.js';

const keyHash = hashKey('sk_test_secret');
const otherHash = hashKey('sk_test_other');
const now = new Date('2026-06-01T00:00:00Z');
const claims = { projectId: 'proj_1', customer: 'user_1', expiresAt: now.getTime() / 1000 + 60 };

describe('customer tokens', () => {
  it("verify against any of the project's key hashes, giving back the claims", () => {
    const token = signCustomerToken(keyHash, claims);
    expect(verifyCustomerToken(token, [otherHash, keyHash], now)).toEqual(claims);
  });

  it('say which key hash signed them', () => {
    const token = signCustomerToken(keyHash, claims);
    expect(verifyCustomerTokenKey(token, [otherHash, keyHash], now)).toEqual({ claims, keyHash });
  });

  it.each([
    ['signed with another key', () => signCustomerToken(otherHash, claims), 'token_invalid'],
    [
      'with a changed customer',
      () => {
        const [, signature] = signCustomerToken(keyHash, claims).split('.');
        const forged = Buffer.from(JSON.stringify({ p: 'proj_1', c: 'user_2', e: claims.expiresAt })).toString('base64url');
        return `${forged}.${signature}`;
      },
      'token_invalid',
    ],
    ['expired (expiry is now)', () => signCustomerToken(keyHash, { ...claims, expiresAt: now.getTime() / 1000 }), 'token_expired'],
    ['not a token', () => 'hello', 'token_malformed'],
    ['with three parts', () => `${signCustomerToken(keyHash, claims)}.x`, 'token_malformed'],
    // Buffer's base64url decoder would skip these and still find the signature.
    ['with a NUL byte appended', () => `${signCustomerToken(keyHash, claims)}\u0000`, 'token_malformed'],
    ['with a space inside the signature', () => signCustomerToken(keyHash, claims).replace(/\.(.)/, '.$1 '), 'token_malformed'],
  ])('refuse one %s', (_name, make, problem) => {
    expect(verifyCustomerToken(make(), [keyHash], now)).toBe(problem);
  });
});
