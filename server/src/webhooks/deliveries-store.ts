// SQL for webhook events, their deliveries (one per endpoint) and the attempts of each.
import type { Queryable } from '../db/database.js';
import { newId } from '../ids.js';

/** Makes the deliveries of up to `limit` undispatched events (claimed, `skip locked`); answers how many events. */
export async function dispatchEvents(db: Queryable, limit: number, now: Date): Promise<number> {
  const { rows: events } = await db.query<{ id: string; project_id: string; type: string }>(
    'select id, project_id, type from webhook_events where not dispatched order by seq limit $1 for update skip locked',
    [limit],
  );
  for (const event of events) {
    const { rows: endpoints } = await db.query<{ id: string }>(
      `select id from webhook_endpoints where project_id = $1 and deleted_at is null and status = 'enabled'
         and (enabled_events @> '["*"]'::jsonb or enabled_events @> jsonb_build_array($2::text))`,
      [event.project_id, event.type],
    );
    for (const endpoint of endpoints) await insertDelivery(db, event.id, endpoint.id, now);
    await db.query('update webhook_events set dispatched = true where id = $1', [event.id]);
  }
  return events.length;
}

/** A pending delivery of `eventId` to `endpointId`, due now (once per pair: a repeat is nothing). */
export async function insertDelivery(db: Queryable, eventId: string, endpointId: string, now: Date): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `insert into webhook_deliveries (id, event_id, endpoint_id, status, next_attempt_at, created_at, updated_at)
     values ($1, $2, $3, 'pending', $4, $4, $4) on conflict (event_id, endpoint_id) do nothing returning id`,
    [newId('wd'), eventId, endpointId, now],
  );
  return rows[0]?.id;
}

/** An attempt claimed: what to send, and where. */
export interface ClaimedAttempt {
  deliveryId: string;
  attempt: number;
  endpointId: string;
  url: string;
  secret: string;
  previousSecret: string | null;
  event: { id: string; type: string; created_at: Date; data: object };
}

/**
 * Claims the next due attempt (`skip locked`) of an endpoint still enabled (a disabled one's wait
 * until it is enabled again; a deleted one's are never sent) and not in `busyEndpoints` (those the
 * caller sends as many to as it allows at once), and leases it until `leaseUntil`: no other worker takes it
 * meanwhile; if this one dies, it is due again when the lease ends (at least once).
 */
export async function claimDueAttempt(db: Queryable, now: Date, leaseUntil: Date, busyEndpoints: readonly string[] = []): Promise<ClaimedAttempt | undefined> {
  const { rows } = await db.query<{
    id: string;
    attempts: number;
    endpoint_id: string;
    url: string;
    secret: string;
    previous_secret: string | null;
    previous_secret_expires_at: Date | null;
    event_id: string;
    type: string;
    data: object;
    created_at: Date;
  }>(
    `select d.id, d.attempts, d.endpoint_id, e.url, e.secret, e.previous_secret, e.previous_secret_expires_at,
       ev.id as event_id, ev.type, ev.data, ev.created_at
     from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id join webhook_events ev on ev.id = d.event_id
     where d.status = 'pending' and d.next_attempt_at <= $1 and e.deleted_at is null and e.status = 'enabled'
       and d.endpoint_id <> all($2::text[])
     order by d.next_attempt_at limit 1
     for update of d skip locked`,
    [now, busyEndpoints],
  );
  const row = rows[0];
  if (!row) return undefined;
  const attempt = row.attempts + 1;
  await db.query('update webhook_deliveries set attempts = $2, next_attempt_at = $3, updated_at = $4 where id = $1', [row.id, attempt, leaseUntil, now]);
  const previousValid = row.previous_secret !== null && row.previous_secret_expires_at !== null && row.previous_secret_expires_at > now;
  return {
    deliveryId: row.id,
    attempt,
    endpointId: row.endpoint_id,
    url: row.url,
    secret: row.secret,
    previousSecret: previousValid ? row.previous_secret : null,
    event: { id: row.event_id, type: row.type, created_at: row.created_at, data: row.data },
  };
}

/** What one attempt got back. */
export interface AttemptResult {
  startedAt: Date;
  statusCode: number | null;
  error: string | null;
  latencyMs: number;
  responseExcerpt: string | null;
  ok: boolean;
}

/**
 * Logs the attempt and settles the delivery: succeeded; due again at `retryAt`; or failed
 * (`retryAt` null), its endpoint then marked failing. Nothing when the lease was lost (the
 * attempt was claimed again meanwhile): that attempt logs itself.
 */
export async function recordAttempt(db: Queryable, claim: ClaimedAttempt, result: AttemptResult, retryAt: Date | null, now: Date): Promise<void> {
  const { rows } = await db.query<{ id: string }>('select id from webhook_deliveries where id = $1 and attempts = $2 for update', [
    claim.deliveryId,
    claim.attempt,
  ]);
  if (!rows[0]) return;
  await db.query(
    `insert into webhook_attempts (delivery_id, attempt, started_at, status_code, error, latency_ms, response_excerpt)
     values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing`,
    [claim.deliveryId, claim.attempt, result.startedAt, result.statusCode, result.error, result.latencyMs, result.responseExcerpt],
  );
  const status = result.ok ? 'succeeded' : retryAt ? 'pending' : 'failed';
  await db.query('update webhook_deliveries set status = $2, next_attempt_at = $3, updated_at = $4 where id = $1', [
    claim.deliveryId,
    status,
    result.ok ? null : retryAt,
    now,
  ]);
  if (result.ok) await db.query('update webhook_endpoints set failing_since = null where id = $1', [claim.endpointId]);
  if (status === 'failed') await db.query('update webhook_endpoints set failing_since = coalesce(failing_since, $2) where id = $1', [claim.endpointId, now]);
}

/**
 * Deletes up to `limit` events recorded before `before`, oldest first, with their deliveries and
 * attempts; answers how many. Only settled ones: dispatched, and no delivery still to be sent
 * (pending: a retry, or waiting for its disabled endpoint); a deleted endpoint's pending ones are
 * never sent, so they hold nothing back. `skip locked`: instances pruning at once share the work,
 * and an event a resend holds is left for later.
 */
export async function deleteSettledEventsBefore(db: Queryable, before: Date, limit: number): Promise<number> {
  const { rows } = await db.query<{ id: string }>(
    `select ev.id from webhook_events ev
     where ev.dispatched and ev.created_at < $1
       and not exists (
         select 1 from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id
         where d.event_id = ev.id and d.status = 'pending' and e.deleted_at is null)
     order by ev.created_at limit $2
     for update of ev skip locked`,
    [before, limit],
  );
  if (rows.length === 0) return 0;
  const ids = rows.map((row) => row.id);
  await db.query('delete from webhook_attempts a using webhook_deliveries d where d.id = a.delivery_id and d.event_id = any($1)', [ids]);
  await db.query('delete from webhook_deliveries where event_id = any($1)', [ids]);
  await db.query('delete from webhook_events where id = any($1)', [ids]);
  return ids.length;
}
