import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { Availability, FailureMode, LocalCheck, NozleBrowserClient } from '@nozle/browser';
import { useClientFor } from './useNozleClient.js';

/** Options of {@link useCan}. */
export interface UseCanOptions {
  /**
   * For a metered feature, how many units the caller is about to use: an integer >= 0 (the
   * client throws a TypeError otherwise). @defaultValue 1
   */
  quantity?: number;
  /**
   * What to answer while the server cannot be heard (`'failClosed'`, `'failOpen'`, `'lastKnown'`).
   * @defaultValue the client's `failureMode`
   */
  failureMode?: FailureMode;
}

/** What {@link useCan} returns: the store's local answer for one feature. */
export interface Can {
  /** Whether the customer may use the feature now (`false` while loading). */
  readonly allowed: boolean;
  /**
   * `true` until the client holds its first snapshot (from `bootstrap` or the server), and only
   * while the server still has its `timeoutMs` to answer: an unknown customer or a server that
   * cannot be heard settles it (`reason` says which), so it never stays `true` for good.
   */
  readonly loading: boolean;
  /**
   * Why not: `null` when allowed; `'loading'` while loading; `'not_found'` for an unknown
   * feature; `'customer_not_found'` for an unknown customer; `'unavailable'` when the server
   * cannot be heard (then `allowed` follows the client's `failureMode`).
   */
  readonly reason: LocalCheck['reason'];
  /** Metered only: the limit, `null` when unlimited, `undefined` for other feature types. */
  readonly limit: LocalCheck['limit'];
  /** Metered only: units used in the current period. */
  readonly used: LocalCheck['used'];
  /** Metered only: units left, `null` when unlimited. */
  readonly remaining: LocalCheck['remaining'];
  /** Metered only: when usage starts again (a timestamp as in the API), `null` if never. */
  readonly resetsAt: LocalCheck['resets_at'];
  /** Config features: the configured value. */
  readonly value: LocalCheck['value'];
}

/**
 * Whether the signed-in customer may use `feature`, kept current by the realtime connection.
 *
 * The component re-renders only when this feature's entry changes (or when the first snapshot
 * arrives), not on changes to other features; the returned object keeps its identity while the
 * entry is unchanged, so it can be a dependency of `useMemo`/`useEffect`. On the server (and
 * during hydration) it answers from the client's `bootstrap` snapshot.
 *
 * @example
 * ```tsx
 * const { allowed, remaining } = useCan('exports', { quantity: 1 });
 * ```
 * @throws Error when called outside a `<NozleProvider>`.
 */
export function useCan(feature: string, options?: UseCanOptions): Can {
  return useCanFor('useCan()', feature, options);
}

/** {@link useCan}, naming `user` in the error thrown outside a provider. */
export function useCanFor(user: string, feature: string, options?: UseCanOptions): Can {
  const client = useClientFor(user);
  const subscribeFeature = useCallback((onChange: () => void) => client.subscribeFeature(feature, onChange), [client, feature]);
  const getFeature = useCallback(() => client.getFeature(feature), [client, feature]);
  const entry = useSyncExternalStore(subscribeFeature, getFeature, getFeature);
  const availability = useAvailability(client);
  const loading = availability === 'loading';
  const quantity = options?.quantity;
  const failureMode = options?.failureMode;

  return useMemo(
    () => {
      const check = client.check(feature, { quantity, failureMode });
      return Object.freeze({
        allowed: check.allowed,
        loading,
        reason: check.reason,
        limit: check.limit,
        used: check.used,
        remaining: check.remaining,
        resetsAt: check.resets_at,
        value: check.value,
      });
    },
    // check() reads the store itself; `entry` is listed so the answer is recomputed exactly
    // when this feature's entry changes, and kept (same object) while it does not.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `entry` is the change signal, on purpose
    [client, feature, quantity, failureMode, entry, availability],
  );
}

/**
 * What the client answers from (`ready`, `loading`, `unavailable`, `customer_not_found`). A
 * string that rarely changes, so although it listens to every change of the store, it
 * re-renders its component only when the first snapshot lands or the server's state changes.
 */
function useAvailability(client: NozleBrowserClient): Availability {
  const subscribe = useCallback((onChange: () => void) => client.subscribe(onChange), [client]);
  const availability = useCallback(() => client.getAvailability(), [client]);
  return useSyncExternalStore(subscribe, availability, availability);
}
