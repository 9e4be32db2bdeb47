import type { ReactNode } from 'react';
import type { FailureMode } from '@nozle/browser';
import { useCanFor } from './useCan.js';

/** Props of {@link Gate}. */
export interface GateProps {
  /** The feature's key. */
  feature: string;
  /** For a metered feature, how many units the gated content is about to use. @defaultValue 1 */
  quantity?: number;
  /** What to render while the server cannot be heard. @defaultValue the client's `failureMode` (`'failClosed'`: `fallback`) */
  failureMode?: FailureMode;
  /** Rendered when the customer may use the feature. */
  children?: ReactNode;
  /**
   * Rendered when the customer may not (no access, revoked, at its limit, unknown feature), for
   * a customer that does not exist (yet), and when the server cannot be heard and the client
   * fails closed. @defaultValue `null`
   */
  fallback?: ReactNode;
  /**
   * Rendered while the client holds no snapshot yet and the server still has its `timeoutMs`
   * to answer (never for good: an unknown customer or an unreachable server settles into
   * `fallback` or `children`, by the failure mode). Defaults to nothing rather than
   * `fallback`, so paying customers never see an "upgrade" prompt flash before their
   * entitlements arrive; with a `bootstrap` snapshot there is no loading state at all.
   * @defaultValue `null`
   */
  loading?: ReactNode;
}

/**
 * Renders `children` when the customer may use `feature`, `fallback` when not, and `loading`
 * before the first snapshot. Flips as soon as the store changes; re-renders only when this
 * feature changes.
 *
 * @example
 * ```tsx
 * <Gate feature="exports" fallback={<Checkout plan="pro">Upgrade to export</Checkout>}>
 *   <ExportButton />
 * </Gate>
 * ```
 * @throws Error when rendered outside a `<NozleProvider>`.
 */
export function Gate({ feature, quantity, failureMode, children = null, fallback = null, loading = null }: GateProps): ReactNode {
  const can = useCanFor('<Gate>', feature, { quantity, failureMode });
  if (can.loading) return loading;
  return can.allowed ? children : fallback;
}
