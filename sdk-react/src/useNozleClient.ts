import { useContext } from 'react';
import type { NozleBrowserClient } from '@nozle/browser';
import { NozleContext } from './context.js';

/**
 * Returns the client given to the nearest `<NozleProvider>`.
 *
 * @throws Error when called outside a `<NozleProvider>`.
 */
export function useNozleClient(): NozleBrowserClient {
  return useClientFor('useNozleClient()');
}

/** The provider's client; `user` names the hook or component in the error thrown without one. */
export function useClientFor(user: string): NozleBrowserClient {
  const client = useContext(NozleContext);
  if (!client) {
    throw new Error(`Nozle: ${user} must be used inside a <NozleProvider>. Wrap your app in <NozleProvider client={...}>.`);
  }
  return client;
}
