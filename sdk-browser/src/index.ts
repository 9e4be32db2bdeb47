export { createNozle, type NozleBrowserClient } from './client.js';
export type { NozleBrowserOptions, ResolvedNozleBrowserOptions } from './options.js';
export type { CheckoutParams, PortalParams } from './checkout.js';
export type { Entitlement, Entitlements, HostedSession, LocalCheck, LocalCheckReason, NozleStatus } from './types.js';
export {
  NozleError,
  NozleAuthenticationError,
  NozlePermissionError,
  NozleInvalidRequestError,
  NozleRateLimitError,
  NozleAPIError,
  NozleConnectionError,
} from '@nozle/openapi';
export { VERSION } from './version.js';
