// The reference's server URL is this placeholder (scripts/build-reference.mjs puts it there);
// /docs replaces it with the origin the reader reached, so "Servers" is the server at hand.

export const ORIGIN_PLACEHOLDER = 'https://nozle-origin.invalid';

// Scheme, host and port only: anything else (a Host header with quotes or tags) could break out
// of the page's markup or script, so it is never written into the page.
const PLAIN_ORIGIN = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$|^https?:\/\/\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/** The reference page with `origin` as its server, or as built (the placeholder) when `origin` is not a plain origin. */
export function withOrigin(html: string, origin: string): string {
  return PLAIN_ORIGIN.test(origin) ? html.replaceAll(ORIGIN_PLACEHOLDER, origin) : html;
}
