import {
  useCallback,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ButtonHTMLAttributes,
  type MouseEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import type { Entitlements, NozleBrowserClient } from '@nozle/browser';
import { useClientFor } from './useNozleClient.js';

/** Props of {@link Checkout}; other props (`className`, `aria-*`, …) go to the `<button>`. */
export interface CheckoutProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onError' | 'children'> {
  /** The plan's key. */
  plan: string;
  /** Where the checkout page sends the customer after paying. @defaultValue the project's setting */
  successUrl?: string;
  /** Where the checkout page sends the customer when they give up. @defaultValue the project's setting */
  cancelUrl?: string;
  /** The button's content; `label` is the same for a plain string. @defaultValue `'Checkout'` */
  children?: ReactNode;
  label?: ReactNode;
  /** Called when a click starts a checkout, before the request. */
  onStart?: () => void;
  /** Called when the checkout session could not be created; the button is enabled again. @defaultValue `console.error` */
  onError?: (error: unknown) => void;
  /**
   * Called once the store shows the plan active (a feature whose `source.plan` is `plan`),
   * with that snapshot: after a checkout this button started, including one that left the
   * page and came back to `successUrl` (remembered for a day in `sessionStorage`), or when
   * the plan becomes active while the button is mounted. Not called on mount for a plan the
   * customer already had.
   */
  onComplete?: (entitlements: Entitlements) => void;
  /** Sends the browser to the checkout page. @defaultValue `(url) => window.location.assign(url)` */
  navigate?: (url: string) => void;
}

/**
 * A button that starts a hosted checkout for `plan` and sends the browser to it. Disabled
 * while the session is being created (and while the browser leaves). A user `onClick` runs
 * first and can cancel with `event.preventDefault()`.
 *
 * @example
 * ```tsx
 * <Checkout plan="pro" successUrl={`${location.origin}/billing`} onComplete={() => toast('Welcome to Pro')}>
 *   Upgrade to Pro
 * </Checkout>
 * ```
 * @throws Error when rendered outside a `<NozleProvider>`.
 */
export function Checkout(props: CheckoutProps): ReactNode {
  const { plan, successUrl, cancelUrl, children, label, onStart, onError, onComplete, navigate, onClick, disabled, ...button } = props;
  const client = useClientFor('<Checkout>');
  const [starting, setStarting, startingRef] = useStarting();
  const pendingKey = `nozle:checkout:${client.options.publishableKey}:${plan}`;
  const pending = useCompletion(client, plan, pendingKey, setStarting, onComplete);
  useEnableOnReturn(setStarting);

  const start = async (event: MouseEvent<HTMLButtonElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || startingRef.current) return;
    setStarting(true);
    onStart?.();
    let url: string;
    try {
      ({ url } = await client.checkout({ plan, successUrl, cancelUrl }));
    } catch (error) {
      setStarting(false);
      (onError ?? console.error)(error);
      return;
    }
    pending.current = true;
    writePending(pendingKey, true);
    (navigate ?? ((to: string) => window.location.assign(to)))(url);
  };

  return (
    <button type="button" {...button} disabled={disabled || starting} aria-busy={starting || undefined} onClick={start}>
      {children ?? label ?? 'Checkout'}
    </button>
  );
}

/**
 * Whether a checkout is starting. The state disables the button; the ref also stops a second
 * click that lands before React has re-rendered it.
 */
function useStarting(): [boolean, (value: boolean) => void, RefObject<boolean>] {
  const [starting, setStartingState] = useState(false);
  const startingRef = useRef(false);
  const setStarting = useCallback((value: boolean) => {
    startingRef.current = value;
    setStartingState(value);
  }, []);
  return [starting, setStarting, startingRef];
}

/**
 * Calls `onComplete` once the plan shows active after a checkout (started here, or remembered in
 * `sessionStorage` across the trip to the checkout page), or after it was seen inactive.
 * @returns whether a checkout is pending, for the click that starts one to set
 */
function useCompletion(
  client: NozleBrowserClient,
  plan: string,
  pendingKey: string,
  setStarting: (value: boolean) => void,
  onComplete: CheckoutProps['onComplete'],
): RefObject<boolean> {
  const onCompleteRef = useRef(onComplete);
  useEffect(() => {
    onCompleteRef.current = onComplete;
  });

  // null before the first snapshot, then whether the plan is active: a value that changes
  // rarely, so new versions that leave it as it was do not re-render the button.
  const subscribe = useCallback((onChange: () => void) => client.subscribe(onChange), [client]);
  const getActive = useCallback(() => planIsActive(client.getSnapshot(), plan), [client, plan]);
  const active = useSyncExternalStore(subscribe, getActive, getActive);

  const pending = useRef(false);
  const sawInactive = useRef(false);
  useEffect(() => {
    pending.current = readPending(pendingKey);
    sawInactive.current = false;
  }, [pendingKey]);
  useEffect(() => {
    if (active === null) return;
    if (!active) {
      sawInactive.current = true;
      return;
    }
    if (!pending.current && !sawInactive.current) return;
    pending.current = false;
    sawInactive.current = false;
    writePending(pendingKey, false);
    setStarting(false);
    const snapshot = client.getSnapshot();
    if (snapshot) onCompleteRef.current?.(snapshot);
  }, [active, client, pendingKey, setStarting]);
  return pending;
}

// Coming back with the browser's back button restores this page as it was left: enable
// the button again.
function useEnableOnReturn(setStarting: (value: boolean) => void): void {
  useEffect(() => {
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) setStarting(false);
    };
    window.addEventListener('pageshow', onPageShow);
    return () => window.removeEventListener('pageshow', onPageShow);
  }, [setStarting]);
}

function planIsActive(snapshot: Entitlements | null, plan: string): boolean | null {
  if (!snapshot) return null;
  return Object.values(snapshot.features).some((entry) => entry.source?.plan === plan);
}

const PENDING_FOR_MS = 24 * 60 * 60 * 1000;

// sessionStorage is per tab and survives the round trip to the checkout page. It can throw
// (storage disabled, quota): then only a checkout started on this page is remembered.
function readPending(key: string): boolean {
  try {
    const startedAt = Number(window.sessionStorage.getItem(key));
    return startedAt > 0 && Date.now() - startedAt < PENDING_FOR_MS;
  } catch {
    return false;
  }
}

function writePending(key: string, pending: boolean): void {
  try {
    if (pending) window.sessionStorage.setItem(key, String(Date.now()));
    else window.sessionStorage.removeItem(key);
  } catch {
    // See readPending.
  }
}
