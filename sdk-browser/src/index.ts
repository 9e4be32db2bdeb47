export { createNozle, type NozleBrowserClient } from './client.js';
export type { NozleBrowserOptions, ResolvedNozleBrowserOptions } from './options.js';
export type { CheckoutParams, PortalParams } from './checkout.js';
export type {
  Availability,
  CheckOptions,
  Entitlement,
  Entitlements,
  FailureMode,
  HostedSession,
  LocalCheck,
  LocalCheckReason,
  NozleStatus,
  ReachedAlert,
} from './types.js';
export {
  NozleError,
  NozleAuthenticationError,
  NozlePermissionError,
  NozleInvalidRequestError,
  NozleRateLimitError,
  NozleAPIError,
  NozleConnectionError,
  NozleTimeoutError,
} from '@nozle/openapi';
export { VERSION } from './version.js';
