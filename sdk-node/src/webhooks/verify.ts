// `nozle.webhooks.verify()`: checks a Standard Webhooks signature (HMAC-SHA256 of
// `id.timestamp.body`, 5 minutes of tolerance) with the `standardwebhooks` library, then
// parses the event envelope.
import { WebhookVerificationError, type Webhook } from 'standardwebhooks';
import { NozleWebhookVerificationError, type WebhookVerificationReason } from './errors.js';
import { isWebhookEvent, type NozleWebhookEvent, type WebhookEvent } from './event.js';
import { resolveWebhookSecret, verifierFor } from './secret.js';

/** The request's headers: a fetch `Headers`, or Node's `req.headers` (names in any case). */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export interface WebhookVerifyOptions {
  /**
   * The endpoint's signing secret (`whsec_…`).
   * @defaultValue the `webhookSecret` option of `new Nozle(...)`
   */
  secret?: string;
}

// The library's messages, pinned with its version; anything else counts as a bad signature.
const REASONS: Record<string, WebhookVerificationReason> = {
  'Missing required headers': 'missing_headers',
  'Message timestamp too old': 'timestamp_too_old',
  'Message timestamp too new': 'timestamp_too_new',
  'Invalid Signature Headers': 'missing_headers',
};

/** Verifies Nozle's outgoing webhooks. */
export class Webhooks {
  readonly #secret: string | undefined;
  readonly #verifiers = new Map<string, Webhook>();

  /** @internal Reached as `nozle.webhooks`; `secret` is the client's `webhookSecret`, already checked. */
  constructor(secret: string | undefined) {
    this.#secret = secret;
  }

  /**
   * Checks that a request is an event Nozle signed for this endpoint, sent less than 5 minutes
   * ago, and returns the event. Pass the body exactly as it arrived (a string or a Buffer:
   * `express.raw({ type: 'application/json' })`, `await request.text()`), not a parsed object:
   * parsing and serialising again changes the bytes the signature covers.
   *
   * @param rawBody - the request body, unparsed
   * @param headers - the request's headers (`webhook-id`, `webhook-timestamp`, `webhook-signature`)
   * @param options - `secret`: the endpoint's `whsec_…` secret, when the client was made without `webhookSecret`
   * @returns the event: `id` (the same on a redelivery: skip ids you handled), `type`, `created`,
   *   `data`, typed per `type` (NozleWebhookEvent: a check of `event.type` narrows `event.data`)
   * @throws NozleWebhookVerificationError when the signature does not match, a header is missing,
   *   the timestamp is off by more than 5 minutes, or the body is not an event (see `reason`)
   * @throws TypeError when no secret is known, or `rawBody` is not a string or bytes
   *
   * @example
   * ```ts
   * app.post('/webhooks/nozle', express.raw({ type: 'application/json' }), (req, res) => {
   *   let event;
   *   try {
   *     event = nozle.webhooks.verify(req.body, req.headers);
   *   } catch (error) {
   *     return res.status(400).send(error instanceof NozleWebhookVerificationError ? error.reason : 'bad request');
   *   }
   *   // idempotently by event.id
   *   if (event.type === 'usage.threshold_reached') notify(event.data.customer, event.data.feature);
   *   res.sendStatus(200);
   * });
   * ```
   */
  verify<Event extends WebhookEvent<string, object> = NozleWebhookEvent>(
    rawBody: string | Uint8Array,
    headers: WebhookHeaders,
    options?: WebhookVerifyOptions,
  ): Event {
    const secret = resolveWebhookSecret(options?.secret, 'secret') ?? this.#secret;
    if (secret === undefined) {
      throw new TypeError('Nozle: webhooks.verify() needs a secret: pass { secret: "whsec_..." } or new Nozle({ webhookSecret }).');
    }
    const body = bodyText(rawBody);
    try {
      verifierFor(secret, this.#verifiers).verify(body, headerRecord(headers), { jsonParse: false });
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      const reason = REASONS[error.message] ?? 'invalid_signature';
      throw new NozleWebhookVerificationError(reason, `Nozle: webhook not verified (${reason}): ${error.message}.`, error);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch (error) {
      throw new NozleWebhookVerificationError('invalid_payload', 'Nozle: the webhook body is signed but not JSON.', error);
    }
    if (!isWebhookEvent(parsed)) {
      throw new NozleWebhookVerificationError('invalid_payload', 'Nozle: the webhook body is signed but is not an event (id, type, created, data).');
    }
    return parsed as Event;
  }
}

function bodyText(rawBody: unknown): string {
  if (typeof rawBody === 'string') return rawBody;
  if (rawBody instanceof Uint8Array) return new TextDecoder().decode(rawBody);
  throw new TypeError(
    'Nozle: webhooks.verify() needs the raw body as a string or Buffer (e.g. express.raw({ type: "application/json" })), not a parsed object.',
  );
}

/** Lower-cased names; a header sent twice (Node gives an array) joins as one space-separated list. */
function headerRecord(headers: WebhookHeaders): Record<string, string> {
  const record: Record<string, string> = {};
  if (headers instanceof Headers) {
    // forEach rather than iteration: not every lib setting types Headers as iterable.
    headers.forEach((value, name) => {
      record[name] = value;
    });
    return record;
  }
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) record[name.toLowerCase()] = Array.isArray(value) ? value.join(' ') : value;
  }
  return record;
}
