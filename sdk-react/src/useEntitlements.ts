import { useCallback, useSyncExternalStore } from 'react';
import type { Entitlements } from '@nozle/browser';
import { useClientFor } from './useNozleClient.js';

/**
 * The customer's whole entitlement snapshot, or `null` before the first one. Re-renders on
 * every new version: to gate on one feature, prefer `useCan`, which re-renders only when that
 * feature changes.
 *
 * @throws Error when called outside a `<NozleProvider>`.
 */
export function useEntitlements(): Entitlements | null {
  const client = useClientFor('useEntitlements()');
  const subscribe = useCallback((onChange: () => void) => client.subscribe(onChange), [client]);
  const getSnapshot = useCallback(() => client.getSnapshot(), [client]);
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
