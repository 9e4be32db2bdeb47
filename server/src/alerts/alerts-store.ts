// SQL for the alerts table: the alerts of a project as the API creates, lists and changes them.
import type { components } from '@nozle/openapi';
import { unixSeconds } from '../clock.js';
import type { Metadata } from '../customers/metadata.js';
import type { Queryable } from '../db/database.js';
import { notFound } from '../http/errors.js';
import { newId } from '../ids.js';

export type Alert = components['schemas']['Alert'];
export type AlertType = components['schemas']['AlertType'];

/** A row of `alerts`, with its plan's key. */
export interface AlertRow {
  id: string;
  project_id: string;
  type: AlertType;
  customer_id: string | null;
  plan_id: string | null;
  plan_key: string | null;
  feature_key: string | null;
  percent: number | null;
  amount: number | string | null;
  currency: string | null;
  enabled: boolean;
  description: string | null;
  metadata: Metadata;
  created_at: Date;
}

/** The columns of an alert row, `a` being `alerts` and `p` its plan (left joined). */
export const ALERT_COLUMNS =
  'a.id, a.project_id, a.type, a.customer_id, a.plan_id, p.key as plan_key, a.feature_key, a.percent, a.amount, a.currency, a.enabled, a.description, a.metadata, a.created_at';

export const toAlert = (row: AlertRow): Alert => ({
  id: row.id,
  object: 'alert',
  type: row.type,
  customer: row.customer_id,
  plan: row.plan_key,
  feature: row.feature_key,
  percent: row.percent,
  amount: row.amount === null ? null : Number(row.amount),
  currency: row.currency,
  enabled: row.enabled,
  description: row.description,
  metadata: row.metadata,
  created: unixSeconds(row.created_at),
});

export interface NewAlert {
  type: AlertType;
  customerId: string | null;
  planId: string | null;
  feature: string | null;
  percent: number | null;
  amount: number | null;
  currency: string | null;
  enabled: boolean;
  description: string | null;
  metadata: Metadata;
}

const SELECT = `select ${ALERT_COLUMNS} from alerts a left join plans p on p.id = a.plan_id`;

export async function insertAlert(db: Queryable, projectId: string, alert: NewAlert, now: Date): Promise<AlertRow> {
  const id = newId('alr');
  await db.query(
    `insert into alerts (id, project_id, type, customer_id, plan_id, feature_key, percent, amount, currency, enabled, description, metadata, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)`,
    [
      id,
      projectId,
      alert.type,
      alert.customerId,
      alert.planId,
      alert.feature,
      alert.percent,
      alert.amount,
      alert.currency,
      alert.enabled,
      alert.description,
      JSON.stringify(alert.metadata),
      now,
    ],
  );
  return findAlert(db, projectId, id);
}

export async function findAlert(db: Queryable, projectId: string, id: string, forUpdate = false): Promise<AlertRow> {
  const { rows } = await db.query<AlertRow>(`${SELECT} where a.project_id = $1 and a.id = $2 and a.deleted_at is null${forUpdate ? ' for update of a' : ''}`, [
    projectId,
    id,
  ]);
  if (!rows[0]) throw notFound('alert', id, 'alert');
  return rows[0];
}

export async function listAlertRows(db: Queryable, projectId: string, limit: number, afterSeq?: number): Promise<AlertRow[]> {
  const { rows } = await db.query<AlertRow>(
    `${SELECT} where a.project_id = $1 and a.deleted_at is null and ($2::bigint is null or a.seq < $2) order by a.seq desc limit $3`,
    [projectId, afterSeq ?? null, limit],
  );
  return rows;
}

export async function alertSeq(db: Queryable, projectId: string, id: string): Promise<number | undefined> {
  const { rows } = await db.query<{ seq: number }>('select seq from alerts where project_id = $1 and id = $2 and deleted_at is null', [projectId, id]);
  return rows[0]?.seq;
}

export interface AlertChanges {
  percent?: number;
  amount?: number;
  enabled?: boolean;
  description?: string | null;
  metadata?: Metadata;
}

export async function updateAlertRow(db: Queryable, projectId: string, id: string, changes: AlertChanges, now: Date): Promise<AlertRow> {
  await db.query(
    `update alerts set percent = coalesce($2, percent), amount = coalesce($3, amount), enabled = coalesce($4, enabled),
       description = case when $5 then $6 else description end, metadata = coalesce($7::jsonb, metadata), updated_at = $8
     where id = $1`,
    [
      id,
      changes.percent ?? null,
      changes.amount ?? null,
      changes.enabled ?? null,
      changes.description !== undefined,
      changes.description ?? null,
      changes.metadata ? JSON.stringify(changes.metadata) : null,
      now,
    ],
  );
  return findAlert(db, projectId, id);
}

/** A deleted alert fires no more; the events it raised stay. */
export async function deleteAlertRow(db: Queryable, id: string, now: Date): Promise<void> {
  await db.query('update alerts set deleted_at = $2, updated_at = $2 where id = $1', [id, now]);
}
