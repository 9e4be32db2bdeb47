// The outbox of outgoing webhooks: a change records its event here, in its own transaction, so
// the event exists exactly when the change committed. The webhooks slice delivers it (a port in
// the ground, as entitlement-changes.ts is: every slice may record, none imports the deliverer).
import type { components } from '@nozle/openapi';
import type { Queryable } from './db/database.js';
import { newId } from './ids.js';

/** The event types Nozle sends: the spec's (their payloads are its webhooks section). */
export type OutboxEventType = components['schemas']['WebhookEventType'];

/** Records an event of `projectId` in the transaction `db`; answers its id (`evt_…`). */
export async function recordOutboxEvent(db: Queryable, projectId: string, type: OutboxEventType, data: object, now: Date): Promise<string> {
  const id = newId('whe');
  await db.query('insert into webhook_events (id, project_id, type, data, created_at) values ($1, $2, $3, $4, $5)', [
    id,
    projectId,
    type,
    JSON.stringify(data),
    now,
  ]);
  return id;
}

/**
 * Records the event unless one with the same `onceKey` (what raised it, e.g. a provider's event
 * id) was recorded in the project already: for a cause that may be processed twice (a retry).
 * Answers whether it was recorded.
 */
export async function recordOutboxEventOnce(
  db: Queryable,
  projectId: string,
  type: OutboxEventType,
  onceKey: string,
  data: object,
  now: Date,
): Promise<boolean> {
  const inserted = await db.query(
    `insert into webhook_events (id, project_id, type, data, created_at, once_key) values ($1, $2, $3, $4, $5, $6)
     on conflict (project_id, once_key) where once_key is not null do nothing`,
    [newId('whe'), projectId, type, JSON.stringify(data), now, onceKey],
  );
  return inserted.rowCount !== 0;
}
