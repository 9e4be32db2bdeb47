export { Nozle } from './client.js';
export type { NozleOptions } from './options.js';
export { VERSION } from './version.js';
