import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { NozleStatus } from '@nozle/browser';
import { useClientFor } from './useNozleClient.js';

/** What {@link useCustomer} returns. */
export interface CustomerState {
  /** The customer's id (`cus_…`) from the snapshot; `null` before the first snapshot. */
  readonly customerId: string | null;
  /** The snapshot's version; `null` before the first snapshot. */
  readonly version: number | null;
  /**
   * The realtime connection: `'idle'` until the provider connects, then `'connecting'`, `'open'`,
   * `'unavailable'` (no answer within `timeoutMs`; still reconnecting), `'customer_not_found'`
   * (settled) or `'closed'`.
   */
  readonly status: NozleStatus;
}

/**
 * Who the entitlements belong to, which version the client holds, and the connection's state.
 * Re-renders when one of the three changes (so on every new version).
 *
 * @throws Error when called outside a `<NozleProvider>`.
 */
export function useCustomer(): CustomerState {
  const client = useClientFor('useCustomer()');
  const subscribe = useCallback((onChange: () => void) => client.subscribe(onChange), [client]);
  const getCustomerId = useCallback(() => client.getSnapshot()?.customer ?? null, [client]);
  const getVersion = useCallback(() => client.getSnapshot()?.version ?? null, [client]);
  const getStatus = useCallback(() => client.getStatus(), [client]);
  const customerId = useSyncExternalStore(subscribe, getCustomerId, getCustomerId);
  const version = useSyncExternalStore(subscribe, getVersion, getVersion);
  const status = useSyncExternalStore(subscribe, getStatus, getStatus);
  return useMemo(() => Object.freeze({ customerId, version, status }), [customerId, version, status]);
}
