import { useEffect, useRef, type ReactNode } from 'react';
import { createNozle, type NozleBrowserClient, type NozleBrowserOptions } from '@nozle/browser';
import { NozleContext } from './context.js';

/** Props of {@link NozleProvider}: either a ready `client` or the `options` to create one. */
export type NozleProviderProps = { children?: ReactNode } & (
  { client: NozleBrowserClient; options?: never } | { options: NozleBrowserOptions; client?: never }
);

/**
 * Makes a Nozle client available to the hooks below it. The context carries only the client;
 * entitlements reach components through the client's store, so a change to one feature
 * re-renders only the components that read it.
 *
 * - `options`: the provider creates the client once, on its first render, and owns it.
 *   Rendering never connects (so server rendering never does): the provider connects in an
 *   effect after mounting, when a customer token source (`customerToken` or
 *   `getCustomerToken`) is given and `options.autoConnect` is not `false` (then call
 *   `useNozleClient().connect()` yourself), and closes the client on unmount. Pass
 *   `options.bootstrap` (a snapshot your server fetched) to render entitlements on the server
 *   and on the first client render, with no loading state.
 * - `client` (from `createNozle`): share one client with code outside React. Its creator owns
 *   it: the provider neither connects nor closes it. With `autoConnect` (the default) it
 *   connects by itself when the first hook subscribes, which React does after mounting.
 *
 * `options` are read on the first render only, like a `QueryClient`; to switch projects or
 * customers, remount the provider (e.g. with a `key`).
 *
 * @throws TypeError when neither `client` nor `options` is given, or `options` are invalid.
 */
export function NozleProvider(props: NozleProviderProps): ReactNode {
  const created = useRef<{ client: NozleBrowserClient; connect: boolean } | null>(null);
  let client = props.client;
  if (!client) {
    if (!props.options) {
      throw new TypeError('Nozle: <NozleProvider> needs a `client` (from createNozle) or an `options` prop.');
    }
    created.current ??= createOwnClient(props.options);
    client = created.current.client;
  }
  const own = created.current?.client === client ? created.current : null;

  useEffect(() => {
    if (!own) return;
    if (own.connect) own.client.connect();
    // Under StrictMode this runs connect, close, connect: the client starts again after close().
    return () => own.client.close();
  }, [own]);

  return <NozleContext.Provider value={client}>{props.children}</NozleContext.Provider>;
}

function createOwnClient(options: NozleBrowserOptions): { client: NozleBrowserClient; connect: boolean } {
  // The provider connects and closes its own client, so the client must not connect by itself
  // on the first subscribe: after a close (StrictMode's remount) it would stay closed.
  const client = createNozle({ ...options, autoConnect: false });
  const hasToken = options.customerToken !== undefined || options.getCustomerToken !== undefined;
  return { client, connect: options.autoConnect !== false && hasToken };
}
