// The envelope of Nozle's outgoing webhooks, as `nozle.webhooks.verify()` returns it.
// The spec declares it as `WebhookPayloadBase` (its `webhooks` section has each type's `data`);
// this generic form also reads event types a newer server adds.

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

/** Whether a parsed body has the envelope's fields (other fields are kept, for newer servers). */
export function isWebhookEvent(value: unknown): value is WebhookEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Record<string, unknown>;
  return (
    typeof event.id === 'string' && typeof event.type === 'string' && typeof event.created === 'number' && typeof event.data === 'object' && event.data !== null
  );
}
