export { createNozle, type NozleClient } from './client.js';
export type { NozleBrowserOptions, ResolvedNozleBrowserOptions } from './options.js';
export { VERSION } from './version.js';
