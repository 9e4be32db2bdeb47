// One attempt of a delivery over HTTP: the event signed the Standard Webhooks way (headers
// webhook-id, webhook-timestamp, webhook-signature; the `standardwebhooks` package signs),
// with a deadline, the receiver's answer kept as a short excerpt.
import { Webhook } from 'standardwebhooks';
import type { AttemptResult, ClaimedAttempt } from './deliveries-store.js';
import { refuseResolved, type UrlPolicy } from './url-policy.js';

export interface SenderOptions {
  policy: UrlPolicy;
  /** Per attempt; a receiver slower than this is a failed attempt. */
  timeoutMs: number;
  /** The wall clock: the signature's timestamp is the time of sending as a receiver's clock reads it, never a moved test clock. */
  wallNow: () => Date;
}

const EXCERPT_CHARS = 500;

/** The body every attempt of the event sends, byte for byte: what the signature covers. */
function eventBody(event: ClaimedAttempt['event']): string {
  return JSON.stringify({ id: event.id, object: 'event', type: event.type, created: Math.floor(event.created_at.getTime() / 1000), data: event.data });
}

/** The signature header: the current secret's, and a rolled one's while it still signs (receivers accept either). */
function signatureHeader(claim: Pick<ClaimedAttempt, 'secret' | 'previousSecret' | 'event'>, body: string, at: Date): string {
  const secrets = [claim.secret, ...(claim.previousSecret ? [claim.previousSecret] : [])];
  return secrets.map((secret) => new Webhook(secret).sign(claim.event.id, at, body)).join(' ');
}

export async function sendAttempt(claim: ClaimedAttempt, options: SenderOptions): Promise<AttemptResult> {
  const startedAt = options.wallNow();
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const refused = await refuseResolved(claim.url, options.policy);
  if (refused) return { startedAt, statusCode: null, error: `refused: ${refused}`, latencyMs: elapsed(), responseExcerpt: null, ok: false };
  const body = eventBody(claim.event);
  try {
    const response = await fetch(claim.url, {
      method: 'POST',
      redirect: 'manual', // a redirect could lead past the address policy
      signal: AbortSignal.timeout(options.timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Nozle-Webhooks/1',
        'webhook-id': claim.event.id,
        'webhook-timestamp': String(Math.floor(startedAt.getTime() / 1000)),
        'webhook-signature': signatureHeader(claim, body, startedAt),
      },
      body,
    });
    const text = await response.text().catch(() => '');
    return {
      startedAt,
      statusCode: response.status,
      error: response.ok ? null : `HTTP ${response.status}`,
      latencyMs: elapsed(),
      responseExcerpt: text.slice(0, EXCERPT_CHARS),
      ok: response.status >= 200 && response.status < 300,
    };
  } catch (error) {
    const reason =
      error instanceof Error && error.name === 'TimeoutError'
        ? `no answer within ${options.timeoutMs} ms`
        : error instanceof Error
          ? error.message
          : String(error);
    return { startedAt, statusCode: null, error: reason, latencyMs: elapsed(), responseExcerpt: null, ok: false };
  }
}
