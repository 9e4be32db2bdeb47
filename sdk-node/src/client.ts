import { resolveNozleOptions, type NozleOptions } from './options.js';

/**
 * The Nozle client for backend code. Create one per process and share it.
 *
 * @example
 * ```ts
 * import { Nozle } from '@nozle/node';
 *
 * const nozle = new Nozle({ secretKey: process.env.NOZLE_SECRET_KEY! });
 * ```
 */
export class Nozle {
  /** Base URL every request goes to, without a trailing slash. */
  readonly baseUrl: string;

  // Private so the secret key never shows up in logs or `JSON.stringify(nozle)`.
  readonly #secretKey: string;
  readonly #fetch: typeof globalThis.fetch;

  /**
   * Validates `options` once; nothing is sent over the network here.
   *
   * @param options - see {@link NozleOptions}; `baseUrl` defaults to `http://localhost:4000`
   *   and `fetch` to `globalThis.fetch`.
   * @throws TypeError when `secretKey` does not start with `sk_`, `baseUrl` is not an
   *   http(s) URL, or `fetch` is not a function.
   */
  constructor(options: NozleOptions) {
    const resolved = resolveNozleOptions(options);
    this.baseUrl = resolved.baseUrl;
    this.#secretKey = resolved.secretKey;
    this.#fetch = resolved.fetch;
  }
}
