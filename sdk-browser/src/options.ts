// Validates and fills in `createNozle(...)` options once, so the rest of the client can trust them.
import { resolveBaseUrl } from '@nozle/openapi';

/** Options accepted by `createNozle(options)`. */
export interface NozleBrowserOptions {
  /**
   * Publishable key of your project (`pk_…`). Safe to ship to browsers: on its own it reads
   * nothing about any customer.
   */
  publishableKey: string;
  /**
   * Base URL of the Nozle API, without a trailing `/v1`.
   * @defaultValue `'http://localhost:4000'` (a local `nozle` server)
   */
  baseUrl?: string;
}

/** {@link NozleBrowserOptions} after validation, with every default filled in. */
export interface ResolvedNozleBrowserOptions {
  readonly publishableKey: string;
  readonly baseUrl: string;
}

/**
 * @throws TypeError when an option is missing or malformed. Messages never include the key.
 */
export function resolveNozleBrowserOptions(options: NozleBrowserOptions): ResolvedNozleBrowserOptions {
  if (options === null || typeof options !== 'object') {
    throw new TypeError('Nozle: options are required, e.g. createNozle({ publishableKey: "pk_..." }).');
  }
  return Object.freeze({
    publishableKey: resolvePublishableKey(options.publishableKey),
    baseUrl: resolveBaseUrl(options.baseUrl),
  });
}

function resolvePublishableKey(publishableKey: unknown): string {
  if (typeof publishableKey !== 'string' || publishableKey === '') {
    throw new TypeError('Nozle: `publishableKey` is required and must be a string starting with "pk_".');
  }
  if (publishableKey.startsWith('sk_')) {
    // A secret key in a browser bundle is readable by anyone: refuse it loudly.
    throw new TypeError(
      'Nozle: `publishableKey` is a secret key ("sk_..."). Never ship it to a browser; use a publishable key ("pk_...") and keep the secret key in @nozle/node on your server.',
    );
  }
  if (!/^pk_\S+$/.test(publishableKey)) {
    throw new TypeError('Nozle: `publishableKey` must start with "pk_" (a publishable key from your project settings).');
  }
  return publishableKey;
}
