// Customer tokens: what the backend hands a browser so it can read one customer's entitlements
// with the publishable key. The format is the server's (server/src/http/customer-token.ts):
//   base64url(JSON {p: projectId, c: customer, e: expiry in Unix seconds}) "." base64url(HMAC-SHA256)
// keyed by the SHA-256 (hex) of the secret key, which is what the server stores.
import { createHash, createHmac } from 'node:crypto';

/** Options of `nozle.customerToken()`. */
export interface CustomerTokenOptions {
  /**
   * Seconds until the token expires, a whole number from 1 to 604800 (7 days). The browser's
   * connection is closed when it expires, and the browser asks for a new one.
   * @defaultValue `3600` (one hour)
   */
  expiresIn?: number;
}

const DEFAULT_EXPIRES_IN = 3600;
const MAX_EXPIRES_IN = 7 * 24 * 3600;

export interface CustomerTokenClaims {
  projectId: string;
  customer: string;
  /** Unix seconds. */
  expiresAt: number;
}

/** The key the HMAC is made with: the secret key's SHA-256, as lowercase hex. */
export function customerTokenKey(secretKey: string): string {
  return createHash('sha256').update(secretKey).digest('hex');
}

export function signCustomerToken(tokenKey: string, claims: CustomerTokenClaims): string {
  const payload = Buffer.from(JSON.stringify({ p: claims.projectId, c: claims.customer, e: claims.expiresAt })).toString('base64url');
  return `${payload}.${createHmac('sha256', tokenKey).update(payload).digest('base64url')}`;
}

/**
 * @returns `expiresIn` in seconds, or the default
 * @throws TypeError when `customer` is not a non-empty string or `expiresIn` is not a whole
 *   number of seconds from 1 to 7 days
 */
export function resolveCustomerTokenArgs(customer: unknown, options: CustomerTokenOptions | undefined): number {
  if (typeof customer !== 'string' || customer === '') {
    throw new TypeError("Nozle: customerToken(customer) needs the customer's id or external_id, a non-empty string.");
  }
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw new TypeError('Nozle: the options of customerToken() must be an object, e.g. { expiresIn: 3600 }.');
  }
  const expiresIn = options?.expiresIn ?? DEFAULT_EXPIRES_IN;
  if (!Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > MAX_EXPIRES_IN) {
    throw new TypeError(
      `Nozle: customerToken() \`expiresIn\` must be a whole number of seconds from 1 to ${MAX_EXPIRES_IN} (7 days), got ${String(expiresIn)}.`,
    );
  }
  return expiresIn;
}
