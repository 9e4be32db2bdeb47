// SQL for webhook endpoints.
import { randomBytes } from 'node:crypto';
import { unixSeconds } from '../clock.js';
import type { Queryable } from '../db/database.js';
import { notFound } from '../http/errors.js';
import { newId } from '../ids.js';

export interface WebhookEndpoint {
  id: string;
  object: 'webhook_endpoint';
  url: string;
  description: string | null;
  enabled_events: string[];
  status: 'enabled' | 'disabled';
  failing_since: number | null;
  created: number;
}

export interface EndpointRow {
  id: string;
  project_id: string;
  url: string;
  description: string | null;
  enabled_events: string[];
  status: 'enabled' | 'disabled';
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Date | null;
  failing_since: Date | null;
  created_at: Date;
}

const COLUMNS = 'id, project_id, url, description, enabled_events, status, secret, previous_secret, previous_secret_expires_at, failing_since, created_at';

export const toEndpoint = (row: EndpointRow): WebhookEndpoint => ({
  id: row.id,
  object: 'webhook_endpoint',
  url: row.url,
  description: row.description,
  enabled_events: row.enabled_events,
  status: row.status,
  failing_since: row.failing_since ? unixSeconds(row.failing_since) : null,
  created: unixSeconds(row.created_at),
});

/** A Standard Webhooks secret: `whsec_` and 24 random bytes in base64. */
const newSigningSecret = (): string => `whsec_${randomBytes(24).toString('base64')}`;

export interface NewEndpoint {
  url: string;
  description: string | null;
  enabledEvents: string[];
}

export async function insertEndpoint(db: Queryable, projectId: string, endpoint: NewEndpoint, now: Date): Promise<EndpointRow> {
  const { rows } = await db.query<EndpointRow>(
    `insert into webhook_endpoints (id, project_id, url, description, enabled_events, status, secret, created_at, updated_at)
     values ($1, $2, $3, $4, $5, 'enabled', $6, $7, $7) returning ${COLUMNS}`,
    [newId('we'), projectId, endpoint.url, endpoint.description, JSON.stringify(endpoint.enabledEvents), newSigningSecret(), now],
  );
  return rows[0]!;
}

export async function findEndpoint(db: Queryable, projectId: string, id: string, forUpdate = false): Promise<EndpointRow> {
  const { rows } = await db.query<EndpointRow>(
    `select ${COLUMNS} from webhook_endpoints where project_id = $1 and id = $2 and deleted_at is null${forUpdate ? ' for update' : ''}`,
    [projectId, id],
  );
  if (!rows[0]) throw notFound('webhook endpoint', id, 'endpoint');
  return rows[0];
}

export async function listEndpointRows(db: Queryable, projectId: string, limit: number, afterSeq?: number): Promise<EndpointRow[]> {
  const { rows } = await db.query<EndpointRow>(
    `select ${COLUMNS} from webhook_endpoints where project_id = $1 and deleted_at is null and ($2::bigint is null or seq < $2)
     order by seq desc limit $3`,
    [projectId, afterSeq ?? null, limit],
  );
  return rows;
}

export async function endpointSeq(db: Queryable, projectId: string, id: string): Promise<number | undefined> {
  const { rows } = await db.query<{ seq: number }>('select seq from webhook_endpoints where project_id = $1 and id = $2 and deleted_at is null', [
    projectId,
    id,
  ]);
  return rows[0]?.seq;
}

export interface EndpointChanges {
  url?: string;
  description?: string | null;
  enabledEvents?: string[];
  status?: 'enabled' | 'disabled';
}

export async function updateEndpointRow(db: Queryable, id: string, changes: EndpointChanges, now: Date): Promise<EndpointRow> {
  const { rows } = await db.query<EndpointRow>(
    `update webhook_endpoints set url = coalesce($2, url), description = case when $3 then $4 else description end,
       enabled_events = coalesce($5::jsonb, enabled_events), status = coalesce($6, status), updated_at = $7
     where id = $1 returning ${COLUMNS}`,
    [
      id,
      changes.url ?? null,
      changes.description !== undefined,
      changes.description ?? null,
      changes.enabledEvents ? JSON.stringify(changes.enabledEvents) : null,
      changes.status ?? null,
      now,
    ],
  );
  return rows[0]!;
}

/** A new secret; the current one keeps signing beside it until `previousExpiresAt`. */
export async function rollEndpointSecret(db: Queryable, id: string, previousExpiresAt: Date, now: Date): Promise<EndpointRow> {
  const { rows } = await db.query<EndpointRow>(
    `update webhook_endpoints set previous_secret = secret, previous_secret_expires_at = $2, secret = $3, updated_at = $4
     where id = $1 returning ${COLUMNS}`,
    [id, previousExpiresAt, newSigningSecret(), now],
  );
  return rows[0]!;
}

/** Deleted endpoints receive nothing more; their past deliveries stay listed. */
export async function deleteEndpointRow(db: Queryable, id: string, now: Date): Promise<void> {
  await db.query('update webhook_endpoints set deleted_at = $2, updated_at = $2 where id = $1', [id, now]);
}
