export { NozleProvider, type NozleProviderProps } from './NozleProvider.js';
export { useNozleClient } from './useNozleClient.js';
export { useCan, type Can, type UseCanOptions } from './useCan.js';
export { useEntitlements } from './useEntitlements.js';
export { useAlerts } from './useAlerts.js';
export { useCustomer, type CustomerState } from './useCustomer.js';
export { Gate, type GateProps } from './Gate.js';
export { Checkout, type CheckoutProps } from './Checkout.js';
export { VERSION } from './version.js';
// Re-exported so React apps need only this package to create a client and name its types.
export {
  createNozle,
  type CheckoutParams,
  type Availability,
  type CheckOptions,
  type Entitlement,
  type Entitlements,
  type FailureMode,
  type HostedSession,
  type LocalCheck,
  type LocalCheckReason,
  type NozleBrowserClient,
  type NozleBrowserOptions,
  type NozleStatus,
  type PortalParams,
  type ReachedAlert,
  type ResolvedNozleBrowserOptions,
} from '@nozle/browser';
