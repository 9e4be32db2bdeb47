// SQL for manual grants and revokes: an audit trail, only ever inserted.
import { unixSeconds } from '../clock.js';
import type { Queryable } from '../db/database.js';
import type { JsonValue, ResetInterval } from '../entitlements/types.js';
import { newId } from '../ids.js';

export interface Grant {
  id: string;
  object: 'grant';
  customer: string;
  feature: string;
  kind: 'grant' | 'revoke';
  starts_at: number;
  ends_at: number | null;
  limit: number | null;
  reset: ResetInterval | null;
  overage: boolean | null;
  value: JsonValue;
  reason: string | null;
  actor: string;
  created: number;
}

interface GrantRow {
  id: string;
  customer_id: string;
  feature_key: string;
  kind: 'grant' | 'revoke';
  starts_at: Date;
  ends_at: Date | null;
  limit_value: number | null;
  reset: ResetInterval | null;
  overage: boolean | null;
  value: JsonValue;
  reason: string | null;
  actor: string;
  created_at: Date;
}

const COLUMNS = 'id, customer_id, feature_key, kind, starts_at, ends_at, limit_value, reset, overage, value, reason, actor, created_at';

const toGrant = (row: GrantRow): Grant => ({
  id: row.id,
  object: 'grant',
  customer: row.customer_id,
  feature: row.feature_key,
  kind: row.kind,
  starts_at: unixSeconds(row.starts_at),
  ends_at: row.ends_at ? unixSeconds(row.ends_at) : null,
  limit: row.limit_value,
  reset: row.reset,
  overage: row.overage,
  value: row.value,
  reason: row.reason,
  actor: row.actor,
  created: unixSeconds(row.created_at),
});

export interface NewGrant {
  customerId: string;
  feature: string;
  kind: 'grant' | 'revoke';
  startsAt: Date;
  endsAt: Date | null;
  limit: number | null;
  reset: ResetInterval | null;
  overage: boolean | null;
  value: JsonValue;
  reason: string | null;
  actor: string;
}

export async function insertGrant(db: Queryable, projectId: string, grant: NewGrant, now: Date): Promise<Grant> {
  const { rows } = await db.query<GrantRow>(
    `insert into grants (id, project_id, customer_id, feature_key, kind, starts_at, ends_at, limit_value, reset, overage, value,
       reason, actor, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) returning ${COLUMNS}`,
    [
      newId('grt'),
      projectId,
      grant.customerId,
      grant.feature,
      grant.kind,
      grant.startsAt,
      grant.endsAt,
      grant.limit,
      grant.reset,
      grant.overage,
      JSON.stringify(grant.value),
      grant.reason,
      grant.actor,
      now,
    ],
  );
  return toGrant(rows[0]!);
}

export async function listGrantRows(
  db: Queryable,
  projectId: string,
  customerId: string,
  feature: string | undefined,
  limit: number,
  afterSeq?: number,
): Promise<Grant[]> {
  const { rows } = await db.query<GrantRow>(
    `select ${COLUMNS} from grants
     where project_id = $1 and customer_id = $2 and ($3::text is null or feature_key = $3) and ($4::bigint is null or seq < $4)
     order by seq desc limit $5`,
    [projectId, customerId, feature ?? null, afterSeq ?? null, limit],
  );
  return rows.map(toGrant);
}

export async function grantSeq(db: Queryable, projectId: string, customerId: string, id: string): Promise<number | undefined> {
  const { rows } = await db.query<{ seq: number }>('select seq from grants where project_id = $1 and customer_id = $2 and id = $3', [
    projectId,
    customerId,
    id,
  ]);
  return rows[0]?.seq;
}
