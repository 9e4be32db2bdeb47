// Reading the webhook events (the outbox, as each endpoint received it), and a manual resend.
import type { Queryable } from '../db/database.js';
import type { Work } from '../db/work.js';
import { paginate, type ListEnvelope, type PageRequest } from '../http/pagination.js';
import { insertDelivery } from './deliveries-store.js';
import { findEndpoint } from './endpoints-store.js';
import { findWebhookEvent, listWebhookEventRows, lockWebhookEvent, resendDelivery, webhookEventSeq, type WebhookEvent } from './events-store.js';

export const retrieveWebhookEvent = findWebhookEvent;

export function listWebhookEvents(db: Queryable, projectId: string, page: PageRequest & { type?: string }): Promise<ListEnvelope<WebhookEvent>> {
  return paginate(
    '/v1/webhook_events',
    page,
    'webhook event',
    (id) => webhookEventSeq(db, projectId, id),
    (limit, afterSeq) => listWebhookEventRows(db, projectId, page.type, limit, afterSeq),
  );
}

/**
 * Sends the event again to `endpointId` now (an endpoint made after the event gets its first
 * delivery); answers the event with its deliveries.
 */
export async function resendWebhookEvent(work: Work, projectId: string, eventId: string, endpointId: string): Promise<WebhookEvent> {
  await lockWebhookEvent(work.db, projectId, eventId);
  const endpoint = await findEndpoint(work.db, projectId, endpointId, true);
  if (!(await resendDelivery(work.db, eventId, endpoint.id, work.now))) await insertDelivery(work.db, eventId, endpoint.id, work.now);
  return findWebhookEvent(work.db, projectId, eventId);
}
