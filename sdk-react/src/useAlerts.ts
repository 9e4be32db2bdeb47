import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { ReachedAlert } from '@nozle/browser';
import { useClientFor } from './useNozleClient.js';

/**
 * The alerts (`/v1/alerts`) the signed-in customer has reached and is still at, as they are
 * reached, pushed over the realtime connection with no polling: a usage alert at 80% of a
 * limit, a credit balance running low, a spend threshold passed. Pass a feature key to get only
 * that feature's usage alerts.
 *
 * Re-renders only when the alerts change (not on every snapshot); the array keeps its identity
 * while they do not. Empty before the first snapshot.
 *
 * @example
 * ```tsx
 * const [alert] = useAlerts('messages');
 * return alert ? <Banner>{alert.percent}% of your messages used</Banner> : null;
 * ```
 * @throws Error when called outside a `<NozleProvider>`.
 */
export function useAlerts(feature?: string): readonly ReachedAlert[] {
  const client = useClientFor('useAlerts()');
  const subscribe = useCallback((onChange: () => void) => client.subscribeAlerts(onChange), [client]);
  const getAlerts = useCallback(() => client.getAlerts(), [client]);
  const alerts = useSyncExternalStore(subscribe, getAlerts, getAlerts);
  return useMemo(() => (feature === undefined ? alerts : alerts.filter((alert) => alert.feature === feature)), [alerts, feature]);
}
