/** Close codes the client acts on (see docs/realtime.md). */
export const CLOSE = {
  badRequest: 4400,
  unauthorized: 4401,
  /** The key, or the secret key that signed the customer token, was revoked while connected. */
  keyRevoked: 4403,
  notFound: 4404,
  helloTimeout: 4408,
  tokenExpired: 4409,
  tooSlow: 4429,
  goingAway: 1001,
} as const;
