// The sandbox's hosted pages are HTML, not API operations: read and post them as a browser
// does (a form post, redirects left unfollowed so a test sees where they point).

export interface PageResult {
  status: number;
  /** The Location header of a redirect, resolved against the page's address; null otherwise. */
  location: string | null;
  html: string;
}

async function toPage(response: Response, url: string): Promise<PageResult> {
  const location = response.headers.get('location');
  return { status: response.status, location: location === null ? null : new URL(location, url).toString(), html: await response.text() };
}

/** GETs a hosted page. */
export async function openPage(url: string): Promise<PageResult> {
  return toPage(await fetch(url, { redirect: 'manual' }), url);
}

/** POSTs a hosted page's form, urlencoded, as its buttons do. */
export async function submitPage(url: string, fields: Record<string, string>): Promise<PageResult> {
  const response = await fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return toPage(response, url);
}

/** The sandbox's test cards. */
export const CARDS = {
  pays: '4242 4242 4242 4242',
  declined: '4000 0000 0000 0002',
  paysThenDeclines: '4000 0000 0000 0341',
} as const;
