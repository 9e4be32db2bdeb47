import { useContext } from 'react';
import type { NozleClient } from '@nozle/browser';
import { NozleContext } from './context.js';

/**
 * Returns the client given to the nearest `<NozleProvider>`.
 *
 * @throws Error when called outside a `<NozleProvider>`.
 */
export function useNozleClient(): NozleClient {
  const client = useContext(NozleContext);
  if (!client) {
    throw new Error('Nozle: useNozleClient() must be used inside a <NozleProvider>. Wrap your app in <NozleProvider client={...}>.');
  }
  return client;
}
