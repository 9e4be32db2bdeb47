export { NozleProvider, type NozleProviderProps } from './NozleProvider.js';
export { useNozleClient } from './useNozleClient.js';
export { VERSION } from './version.js';
// Re-exported so React apps need only this package to create a client.
export { createNozle, type NozleBrowserOptions, type NozleClient } from '@nozle/browser';
