// The envelope of Nozle's outgoing webhooks, as `nozle.webhooks.verify()` returns it.
// The spec declares it as `WebhookPayloadBase`, and its `webhooks` section each type's `data`:
// NozleWebhookEvent is their union, typed from the spec, so a check of `type` narrows `data`.
import type { webhooks } from '@nozle/openapi';

/**
 * One event Nozle sent to your endpoint. `id` is also the `webhook-id` header: a redelivery
 * carries the same one, so keep the ids you handled and skip repeats (delivery is at least once).
 */
export interface WebhookEvent<Type extends string = string, Data extends object = Record<string, unknown>> {
  /** The event's `whe_…` id. */
  id: string;
  /** What happened, e.g. `subscription.updated`. */
  type: Type;
  /** When it happened, in Unix seconds. */
  created: number;
  /** The object the event is about, as the API returns it. */
  data: Data;
}

/** The `data` the spec's `webhooks` section declares for event type `Type`. */
type DeliveredData<Type extends keyof webhooks> = webhooks[Type]['post'] extends {
  requestBody: { content: { 'application/json': { data?: infer Data } } };
}
  ? Extract<Data, object>
  : never;

/**
 * Every event this version of the SDK knows, one member per `type`: `if (event.type ===
 * 'credits.low')` narrows `event.data` to that event's payload. A server newer than the SDK may
 * send a type not listed here: keep a default branch that acknowledges it.
 */
export type NozleWebhookEvent = {
  [Type in keyof webhooks]: WebhookEvent<Type, DeliveredData<Type>>;
}[keyof webhooks];

/** Whether a parsed body has the envelope's fields (other fields are kept, for newer servers). */
export function isWebhookEvent(value: unknown): value is WebhookEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Record<string, unknown>;
  return (
    typeof event.id === 'string' && typeof event.type === 'string' && typeof event.created === 'number' && typeof event.data === 'object' && event.data !== null
  );
}
