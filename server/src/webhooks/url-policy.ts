// Where Nozle may send a webhook (the SSRF policy). By default: `https:` only, to a public
// address, never to a loopback, private, link-local or otherwise reserved one (the server's
// own network), neither as written in the URL nor as its name resolves at delivery (a name
// that later points inside is refused then). A server that allows private addresses
// (`NOZLE_WEBHOOKS_ALLOW_PRIVATE`, on by default in sandbox mode) may also send to
// `http:` and to localhost, for development.
import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

export interface UrlPolicy {
  allowPrivate: boolean;
  /** How a name resolves at delivery: the system's resolver (node:dns lookup) unless given (tests). */
  lookup?: (hostname: string) => Promise<Array<{ address: string }>>;
}

/** True for every address that is not a public unicast one (loopback, private, link-local, reserved, …). */
function isPrivateAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return true;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() !== 'unicast';
}

// Brackets off an IPv6 literal; a final dot off a fully qualified name (`localhost.` is localhost).
const literalHost = (hostname: string): string => hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');

/** Why `url` may not be an endpoint's, or undefined when it may (its name is checked again at delivery). */
export function refuseUrl(url: string, policy: UrlPolicy): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be an absolute URL';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'must be an https: URL';
  if (parsed.username !== '' || parsed.password !== '') return 'must not carry credentials';
  if (policy.allowPrivate) return undefined;
  if (parsed.protocol !== 'https:') return 'must be an https: URL (http: only where the server allows private addresses)';
  const host = literalHost(parsed.hostname);
  if (host === 'localhost' || host.endsWith('.localhost') || (ipaddr.isValid(host) && isPrivateAddress(host))) {
    return 'must not point at a loopback, private or reserved address';
  }
  return undefined;
}

/** At delivery: refuses a name that resolves to a private address (unless allowed); answers why, or undefined. */
export async function refuseResolved(url: string, policy: UrlPolicy): Promise<string | undefined> {
  const refused = refuseUrl(url, policy);
  if (refused || policy.allowPrivate) return refused;
  const host = literalHost(new URL(url).hostname);
  if (ipaddr.isValid(host)) return undefined;
  try {
    const addresses = await (policy.lookup ?? ((name: string) => lookup(name, { all: true })))(host);
    return addresses.some((entry) => isPrivateAddress(entry.address)) ? `${host} resolves to a private or reserved address` : undefined;
  } catch (error) {
    return `${host} does not resolve: ${error instanceof Error ? error.message : String(error)}`;
  }
}
