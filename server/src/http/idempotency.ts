// Stored idempotent responses: the same key and request replays, a different request is refused,
// a key still being worked on answers 409.
import { createHash, randomUUID } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import type { Queryable } from '../db/database.js';
import { ApiError } from './errors.js';

/** How long a key is remembered. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
/** How long a first request may hold a key before a retry may take over (it crashed). */
export const IDEMPOTENCY_LEASE_MS = 60_000;

export type Claim = { kind: 'execute'; token: string } | { kind: 'replay'; status: number; body: unknown };

export interface KeyRef {
  projectId: string;
  key: string;
}

export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(stringify([method, path, body ?? null]) ?? '')
    .digest('hex');
}

/**
 * Claims the key for this request. A new key, one older than the TTL, or an in-flight one whose
 * lease ran out (its request died) is taken; otherwise the stored outcome decides.
 */
export async function claimKey(db: Queryable, ref: KeyRef, fingerprint: string, now: Date): Promise<Claim> {
  const token = randomUUID();
  const claimed = await db.query(
    `insert into idempotency_keys (project_id, key, request_hash, lease_token, locked_until, created_at)
     values ($1, $2, $3, $4, $5, $6)
     on conflict (project_id, key) do update
       set request_hash = excluded.request_hash, lease_token = excluded.lease_token,
           locked_until = excluded.locked_until, created_at = excluded.created_at,
           response_status = null, response_body = null
       where idempotency_keys.created_at < $7
          or (idempotency_keys.response_status is null
              and idempotency_keys.locked_until < $6
              and idempotency_keys.request_hash = excluded.request_hash)
     returning lease_token`,
    [ref.projectId, ref.key, fingerprint, token, new Date(now.getTime() + IDEMPOTENCY_LEASE_MS), now, new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS)],
  );
  if (claimed.rows.length > 0) return { kind: 'execute', token };

  const { rows } = await db.query<{ request_hash: string; response_status: number | null; response_body: unknown }>(
    'select request_hash, response_status, response_body from idempotency_keys where project_id = $1 and key = $2',
    [ref.projectId, ref.key],
  );
  const stored = rows[0];
  if (!stored || stored.request_hash !== fingerprint) {
    throw new ApiError(
      400,
      'idempotency_error',
      'idempotency_key_reused',
      `Idempotency-Key '${ref.key}' was used with a different request. Use a new key for a new request.`,
      'Idempotency-Key',
    );
  }
  if (stored.response_status === null) {
    throw new ApiError(
      409,
      'idempotency_error',
      'idempotency_key_in_use',
      `A request with Idempotency-Key '${ref.key}' is still in progress. Retry after it completes.`,
      'Idempotency-Key',
    );
  }
  return { kind: 'replay', status: stored.response_status, body: stored.response_body };
}

/**
 * Stores the outcome. Called inside the request's own transaction, so the change and its stored
 * response commit together; false when the lease was lost to a retry (the caller must roll back).
 */
export async function completeKey(db: Queryable, ref: KeyRef, token: string, status: number, body: unknown): Promise<boolean> {
  const { rowCount } = await db.query(
    `update idempotency_keys set response_status = $4, response_body = $5, lease_token = null, locked_until = null
     where project_id = $1 and key = $2 and lease_token = $3`,
    [ref.projectId, ref.key, token, status, JSON.stringify(body)],
  );
  return rowCount === 1;
}

/** Forgets a claim whose request failed on our side, so a retry runs it afresh. */
export async function releaseKey(db: Queryable, ref: KeyRef, token: string): Promise<void> {
  await db.query('delete from idempotency_keys where project_id = $1 and key = $2 and lease_token = $3', [ref.projectId, ref.key, token]);
}

/** Deletes keys past their TTL; run periodically. */
export async function purgeExpiredKeys(db: Queryable, now: Date): Promise<number> {
  const { rowCount } = await db.query('delete from idempotency_keys where created_at < $1', [new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS)]);
  return rowCount;
}
