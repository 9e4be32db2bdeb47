import { useRef, type ReactNode } from 'react';
import { createNozle, type NozleBrowserOptions, type NozleClient } from '@nozle/browser';
import { NozleContext } from './context.js';

/** Props of {@link NozleProvider}: either a ready `client` or the `options` to create one. */
export type NozleProviderProps = { children?: ReactNode } & (
  | { client: NozleClient; options?: never }
  | { options: NozleBrowserOptions; client?: never }
);

/**
 * Makes a Nozle client available to the hooks below it.
 *
 * Pass `client` (from `createNozle`) to share one client with code outside React, or
 * `options` to let the provider create it. `options` are read on the first render only,
 * like a `QueryClient`; to switch projects, remount the provider (e.g. with a `key`).
 *
 * @throws TypeError when neither `client` nor `options` is given, or `options` are invalid.
 */
export function NozleProvider(props: NozleProviderProps): ReactNode {
  const created = useRef<NozleClient | null>(null);
  let client = props.client;
  if (!client) {
    if (!props.options) {
      throw new TypeError('Nozle: <NozleProvider> needs a `client` (from createNozle) or an `options` prop.');
    }
    created.current ??= createNozle(props.options);
    client = created.current;
  }
  return <NozleContext.Provider value={client}>{props.children}</NozleContext.Provider>;
}
