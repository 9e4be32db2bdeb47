// SQL for reading webhook events with their deliveries and attempts, and for a resend.
import type { components } from '@nozle/openapi';
import { unixSeconds } from '../clock.js';
import type { OutboxEventType } from '../outbox.js';
import type { Queryable } from '../db/database.js';
import { notFound } from '../http/errors.js';

export type WebhookEvent = components['schemas']['WebhookEvent'];
type WebhookDelivery = components['schemas']['WebhookDelivery'];

interface EventRow {
  id: string;
  type: OutboxEventType;
  created_at: Date;
  data: Record<string, unknown>;
}

async function withDeliveries(db: Queryable, rows: EventRow[]): Promise<WebhookEvent[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const { rows: deliveries } = await db.query<{
    id: string;
    event_id: string;
    endpoint_id: string;
    status: WebhookDelivery['status'];
    next_attempt_at: Date | null;
  }>('select id, event_id, endpoint_id, status, next_attempt_at from webhook_deliveries where event_id = any($1) order by seq', [ids]);
  const { rows: attempts } = await db.query<{
    delivery_id: string;
    attempt: number;
    started_at: Date;
    status_code: number | null;
    error: string | null;
    latency_ms: number;
    response_excerpt: string | null;
  }>('select a.* from webhook_attempts a join webhook_deliveries d on d.id = a.delivery_id where d.event_id = any($1) order by a.attempt', [ids]);
  return rows.map((row) => ({
    id: row.id,
    object: 'event',
    type: row.type,
    created: unixSeconds(row.created_at),
    data: row.data,
    deliveries: deliveries
      .filter((delivery) => delivery.event_id === row.id)
      .map((delivery) => ({
        id: delivery.id,
        endpoint: delivery.endpoint_id,
        status: delivery.status,
        next_attempt: delivery.status === 'pending' && delivery.next_attempt_at ? unixSeconds(delivery.next_attempt_at) : null,
        attempts: attempts
          .filter((attempt) => attempt.delivery_id === delivery.id)
          .map((attempt) => ({
            attempt: attempt.attempt,
            started: unixSeconds(attempt.started_at),
            status_code: attempt.status_code,
            error: attempt.error,
            latency_ms: attempt.latency_ms,
            response_excerpt: attempt.response_excerpt,
          })),
      })),
  }));
}

export async function findWebhookEvent(db: Queryable, projectId: string, id: string): Promise<WebhookEvent> {
  const { rows } = await db.query<EventRow>('select id, type, created_at, data from webhook_events where project_id = $1 and id = $2', [projectId, id]);
  if (!rows[0]) throw notFound('webhook event', id, 'event');
  return (await withDeliveries(db, rows))[0]!;
}

/**
 * Holds the event (`for share`) for the rest of the transaction: retention skips held events, so
 * one made pending again here is never deleted meanwhile. Throws a 404 when there is none.
 */
export async function lockWebhookEvent(db: Queryable, projectId: string, id: string): Promise<void> {
  const { rows } = await db.query('select id from webhook_events where project_id = $1 and id = $2 for share', [projectId, id]);
  if (!rows[0]) throw notFound('webhook event', id, 'event');
}

export async function listWebhookEventRows(
  db: Queryable,
  projectId: string,
  type: string | undefined,
  limit: number,
  afterSeq?: number,
): Promise<WebhookEvent[]> {
  const { rows } = await db.query<EventRow>(
    `select id, type, created_at, data from webhook_events
     where project_id = $1 and ($2::text is null or type = $2) and ($3::bigint is null or seq < $3)
     order by seq desc limit $4`,
    [projectId, type ?? null, afterSeq ?? null, limit],
  );
  return withDeliveries(db, rows);
}

export async function webhookEventSeq(db: Queryable, projectId: string, id: string): Promise<number | undefined> {
  const { rows } = await db.query<{ seq: number }>('select seq from webhook_events where project_id = $1 and id = $2', [projectId, id]);
  return rows[0]?.seq;
}

/** Due again now: its next attempt is the next in its count (a failed delivery is pending again). */
export async function resendDelivery(db: Queryable, eventId: string, endpointId: string, now: Date): Promise<boolean> {
  const { rowCount } = await db.query(
    `update webhook_deliveries set status = 'pending', next_attempt_at = $3, updated_at = $3 where event_id = $1 and endpoint_id = $2`,
    [eventId, endpointId, now],
  );
  return rowCount > 0;
}
