// Where the API is: one rule for every client (the typed client and both SDKs).

/** A local `nozle` server, as `pnpm start` runs it. */
export const DEFAULT_BASE_URL = 'http://localhost:4000';

/**
 * The base URL without a trailing slash (paths are appended as `${baseUrl}/v1/...`);
 * {@link DEFAULT_BASE_URL} when absent.
 * @throws TypeError when it is not an absolute http(s) URL.
 */
export function resolveBaseUrl(baseUrl: unknown): string {
  if (baseUrl === undefined) return DEFAULT_BASE_URL;
  if (typeof baseUrl !== 'string' || !isHttpUrl(baseUrl)) {
    throw new TypeError(`Nozle: \`baseUrl\` must be an absolute http(s) URL, got ${JSON.stringify(baseUrl)}.`);
  }
  return baseUrl.replace(/\/+$/, '');
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
