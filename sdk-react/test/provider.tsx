// What the hook tests share: a provider around the hook, and each test's leftovers cleaned up.
import { cleanup } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { NozleBrowserClient } from '@nozle/browser';
import { afterEach, vi } from 'vitest';
import { NozleProvider } from '../src/NozleProvider.js';
import { closeClients } from './nozle.js';

/** A renderHook wrapper: the hook under test inside a provider for this client. */
export const wrapperFor = (client: NozleBrowserClient) =>
  function Wrapper({ children }: { children: ReactNode }) {
    return <NozleProvider client={client}>{children}</NozleProvider>;
  };

/** After each test of the file: its tree unmounted, its clients closed, its spies restored. */
export function cleanUpAfterEach(): void {
  afterEach(() => {
    cleanup();
    closeClients();
    vi.restoreAllMocks();
  });
}
