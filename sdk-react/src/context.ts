import { createContext } from 'react';
import type { NozleBrowserClient } from '@nozle/browser';

// Holds only the stable client, never entitlement values: a value change here would
// re-render every consumer (state reaches components through the client's store instead).
export const NozleContext = createContext<NozleBrowserClient | null>(null);
NozleContext.displayName = 'NozleContext';
