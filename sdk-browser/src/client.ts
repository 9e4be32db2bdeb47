import { resolveNozleBrowserOptions, type NozleBrowserOptions, type ResolvedNozleBrowserOptions } from './options.js';

/** A Nozle browser client. For now it only carries its validated options. */
export interface NozleClient {
  /** The options this client was created with, validated and with defaults filled in. */
  readonly options: ResolvedNozleBrowserOptions;
}

/**
 * Creates the browser client. Call it once per app (or pass it to `<NozleProvider>`).
 * Nothing is sent over the network here.
 *
 * @example
 * ```ts
 * import { createNozle } from '@nozle/browser';
 *
 * const nozle = createNozle({ publishableKey: 'pk_live_...' });
 * ```
 *
 * @param options - see {@link NozleBrowserOptions}; `baseUrl` defaults to `http://localhost:4000`.
 * @throws TypeError when `publishableKey` does not start with `pk_` (a secret `sk_` key is
 *   refused outright) or `baseUrl` is not an http(s) URL.
 */
export function createNozle(options: NozleBrowserOptions): NozleClient {
  return Object.freeze({ options: resolveNozleBrowserOptions(options) });
}
