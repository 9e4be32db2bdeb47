// SQL for payment_events: every provider event received, once per id, with how its processing went.
import type { Queryable } from '../db/database.js';
import type { ProviderName } from './provider.js';

export type EventStatus = 'pending' | 'processed' | 'failed' | 'ignored';

interface NewPaymentEvent {
  id: string;
  provider: ProviderName;
  type: string;
  projectId: string | null;
  /** The provider's own body, stored as it came. */
  payload: object;
  receivedAt: Date;
  /** When the retry job may pick it up should its processing die with its process. */
  leaseUntil: Date;
}

/** Stores the event as pending; false when one with its id is stored already. */
export async function insertPaymentEvent(db: Queryable, event: NewPaymentEvent): Promise<boolean> {
  const inserted = await db.query(
    `insert into payment_events (id, provider, type, project_id, payload, status, received_at, next_attempt_at)
     values ($1, $2, $3, $4, $5, 'pending', $6, $7) on conflict (id) do nothing`,
    [event.id, event.provider, event.type, event.projectId, JSON.stringify(event.payload), event.receivedAt, event.leaseUntil],
  );
  return inserted.rowCount !== 0;
}

export async function paymentEventStatus(db: Queryable, id: string): Promise<EventStatus | undefined> {
  const { rows } = await db.query<{ status: EventStatus }>('select status from payment_events where id = $1', [id]);
  return rows[0]?.status;
}

/** Records a processing that went through: processed, or ignored with why. */
export async function recordProcessed(
  db: Queryable,
  id: string,
  outcome: { status: EventStatus; projectId: string | null; reason: string | null },
  now: Date,
): Promise<void> {
  await db.query(
    `update payment_events set status = $2, project_id = coalesce($3, project_id), attempts = attempts + 1, last_error = $4,
       processed_at = $5, next_attempt_at = null
     where id = $1`,
    [id, outcome.status, outcome.projectId, outcome.reason, now],
  );
}

/** Records a failed processing; its next try is at `nextAttempt(attempts so far)`. Answers the attempts. */
export async function recordFailed(db: Queryable, id: string, message: string, nextAttempt: (attempts: number) => Date): Promise<number> {
  const { rows } = await db.query<{ attempts: number }>(
    `update payment_events set status = 'failed', attempts = attempts + 1, last_error = $2 where id = $1 returning attempts`,
    [id, message.slice(0, 1000)],
  );
  const attempts = rows[0]?.attempts ?? 1;
  await db.query('update payment_events set next_attempt_at = $2 where id = $1', [id, nextAttempt(attempts)]);
  return attempts;
}

/** Stored events due for a try (failed ones after their delay), the longest waiting first. */
export async function duePaymentEvents(db: Queryable, now: Date, limit: number): Promise<Array<{ id: string; payload: object }>> {
  const { rows } = await db.query<{ id: string; payload: object }>(
    `select id, payload from payment_events where status in ('pending', 'failed') and next_attempt_at <= $1
     order by next_attempt_at limit $2`,
    [now, limit],
  );
  return rows;
}

interface PaymentEventRow {
  id: string;
  provider: ProviderName;
  type: string;
  status: EventStatus;
  attempts: number;
  last_error: string | null;
  received_at: Date;
  processed_at: Date | null;
  next_attempt_at: Date | null;
}

export async function paymentEventSeq(db: Queryable, projectId: string, id: string): Promise<number | undefined> {
  const { rows } = await db.query<{ seq: number }>('select seq from payment_events where project_id = $1 and id = $2', [projectId, id]);
  return rows[0]?.seq;
}

/** A page of the project's events, newest first, of one status when given. */
export async function paymentEventsPage(
  db: Queryable,
  projectId: string,
  status: EventStatus | undefined,
  afterSeq: number | undefined,
  limit: number,
): Promise<PaymentEventRow[]> {
  const { rows } = await db.query<PaymentEventRow>(
    `select id, provider, type, status, attempts, last_error, received_at, processed_at, next_attempt_at from payment_events
     where project_id = $1 and ($2::text is null or status = $2) and ($3::bigint is null or seq < $3) order by seq desc limit $4`,
    [projectId, status ?? null, afterSeq ?? null, limit],
  );
  return rows;
}
