// Where Nozle may send a customer's browser: the return URLs of checkout and the portal. Only
// https (http for this machine: localhost, 127.0.0.1, ::1), so a URL a client sends can never
// run script (`javascript:`), carry a page (`data:`) or leave over plain http to another host.
// `NOZLE_ALLOW_HTTP_REDIRECTS` admits http to any host, for a test network without TLS.
import { invalidParam } from '../http/errors.js';

export interface RedirectPolicy {
  /** http to any host, not only to this machine. */
  allowHttp: boolean;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const isLoopback = (hostname: string) => LOOPBACK_HOSTS.has(hostname) || hostname.endsWith('.localhost');

/** Why `url` may not be a redirect target, or undefined when it may. */
export function redirectUrlProblem(url: string, policy: RedirectPolicy): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be an absolute URL';
  }
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol === 'http:' && (policy.allowHttp || isLoopback(parsed.hostname))) return undefined;
  return policy.allowHttp ? 'must be an https: or http: URL' : 'must be an https: URL (http: only for localhost, 127.0.0.1 and ::1)';
}

/** Refuses (400, naming `param`) a URL the customer may not be sent to. */
export function assertRedirectUrl(param: string, url: string, policy: RedirectPolicy): void {
  const problem = redirectUrlProblem(url, policy);
  if (problem) throw invalidParam(param, `${param} ${problem}.`, 'url_invalid');
}
