// The outbox of outgoing webhooks: a change records its event here, in its own transaction, so
// the event exists exactly when the change committed. The webhooks slice delivers it (a port in
// the ground, as entitlement-changes.ts is: every slice may record, none imports the deliverer).
import type { Queryable } from './db/database.js';
import { newId } from './ids.js';

/** The event types Nozle sends (their payloads are the spec's webhooks section). */
export type OutboxEventType = 'customer.entitlements.updated' | 'grant.created';

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
