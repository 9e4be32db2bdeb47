// The error `nozle.webhooks.verify()` throws for a request that is not a genuine, fresh event.

/**
 * Why a webhook was refused:
 * - `missing_headers`: no `webhook-id`, `webhook-timestamp` or `webhook-signature` header, or a
 *   `webhook-timestamp` that is not a number of seconds;
 * - `invalid_signature`: no `v1` signature matches the body with this secret (a wrong secret, a
 *   body changed on the way, or a body that was parsed and serialised again before verifying);
 * - `timestamp_too_old` / `timestamp_too_new`: `webhook-timestamp` is more than 5 minutes from
 *   this machine's clock (a replayed request, or a clock far off);
 * - `invalid_payload`: signed correctly, but not a JSON event envelope.
 */
export type WebhookVerificationReason = 'missing_headers' | 'invalid_signature' | 'timestamp_too_old' | 'timestamp_too_new' | 'invalid_payload';

/** Thrown by `nozle.webhooks.verify()`: answer the request with a 400 and do not act on it. */
export class NozleWebhookVerificationError extends Error {
  override readonly name = 'NozleWebhookVerificationError';
  readonly reason: WebhookVerificationReason;

  constructor(reason: WebhookVerificationReason, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.reason = reason;
  }
}
