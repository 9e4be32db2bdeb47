// Hosted pages: a checkout session to buy a plan, a portal session to manage billing. The
// browser asks with the publishable key and the customer token, then goes to the answer's url.
import { NozleAPIError, NozleConnectionError, NozleError, errorFromResponse, fetchWithRetries, randomUUID, type ResolvedCallPolicy } from '@nozle/openapi';
import type { CustomerTokenSource } from './customer-token.js';
import type { HostedSession } from './types.js';

export interface CheckoutParams {
  /** The plan to buy (its key). */
  plan: string;
  /** Where checkout sends the user after paying. */
  successUrl?: string;
  /** Where checkout sends the user when they give up. */
  cancelUrl?: string;
}

export interface PortalParams {
  /** Where the portal's "back" link goes. */
  returnUrl?: string;
}

export interface HostedSessionsOptions {
  baseUrl: string;
  publishableKey: string;
  tokens: CustomerTokenSource;
  /** The injected fetch; `globalThis.fetch` is looked up at each call otherwise. */
  fetch: typeof fetch | undefined;
  /** Timeout and retries of each call. */
  policy: ResolvedCallPolicy;
}

export function createHostedSessions(options: HostedSessionsOptions) {
  async function post(path: string, body: Record<string, string | undefined>): Promise<HostedSession> {
    const token = await options.tokens.next();
    // Called as a plain function: a browser's fetch throws "Illegal invocation" on another `this`.
    const fetchImpl = options.fetch ?? globalThis.fetch;
    const request = new Request(`${options.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${options.publishableKey}`,
        'Nozle-Customer-Token': token,
        'Content-Type': 'application/json',
        // One key for every attempt of this call: a retry replays the session made, never a second one.
        'Idempotency-Key': randomUUID(),
      },
      body: JSON.stringify(body),
    });
    let response: Response;
    try {
      response = await fetchWithRetries(request, (attempt) => fetchImpl(attempt), options.policy);
    } catch (error) {
      if (error instanceof NozleError || (error instanceof Error && error.name === 'AbortError')) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new NozleConnectionError(`Could not reach the Nozle API: ${reason}`, error);
    }
    const answer = await readJson(response);
    if (!response.ok) throw errorFromResponse(response.status, answer, response.headers.get('Request-Id'));
    if (!isHostedSession(answer)) {
      throw new NozleAPIError({ message: 'The Nozle API answered without a session id and url.', type: 'api_error', status: response.status, raw: answer });
    }
    return { id: answer.id, url: answer.url };
  }

  return {
    /** `POST /v1/checkout/sessions` with `{ plan, success_url?, cancel_url? }`. */
    checkout(params: CheckoutParams): Promise<HostedSession> {
      if (params === null || typeof params !== 'object' || typeof params.plan !== 'string' || params.plan === '') {
        return Promise.reject(new TypeError('Nozle: checkout() needs `plan`, a non-empty string.'));
      }
      return post('/v1/checkout/sessions', { plan: params.plan, success_url: params.successUrl, cancel_url: params.cancelUrl });
    },
    /** `POST /v1/portal/sessions` with `{ return_url? }`. */
    openPortal(params: PortalParams = {}): Promise<HostedSession> {
      return post('/v1/portal/sessions', { return_url: params.returnUrl });
    },
  };
}

/** The body as JSON, or `null` (a proxy may answer with HTML or nothing). */
async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return null;
  }
}

function isHostedSession(value: unknown): value is HostedSession {
  if (typeof value !== 'object' || value === null) return false;
  const { id, url } = value as { id?: unknown; url?: unknown };
  return typeof id === 'string' && typeof url === 'string';
}
