// SQL for reconciliation_runs: every reconciliation, with what it changed.
import type { Queryable } from '../db/database.js';
import type { SyncChange } from './sync.js';

interface ReconciliationRow {
  id: string;
  trigger: 'schedule' | 'api';
  started_at: Date;
  finished_at: Date | null;
  checked: number;
  changes: SyncChange[];
  error: string | null;
}

/** Records a finished run; `projectId` null for a scheduled run over every project. */
export async function insertReconciliation(db: Queryable, projectId: string | null, run: ReconciliationRow): Promise<void> {
  await db.query(
    `insert into reconciliation_runs (id, project_id, trigger, started_at, finished_at, checked, changes, error)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [run.id, projectId, run.trigger, run.started_at, run.finished_at, run.checked, JSON.stringify(run.changes), run.error],
  );
}

export async function reconciliationSeq(db: Queryable, projectId: string, id: string): Promise<number | undefined> {
  const { rows } = await db.query<{ seq: number }>('select seq from reconciliation_runs where id = $1 and (project_id = $2 or project_id is null)', [
    id,
    projectId,
  ]);
  return rows[0]?.seq;
}

/**
 * A page of the runs a project sees (its own and the scheduled ones), newest first. A scheduled
 * run covers every project: of its changes, only those of this project's customers are read.
 */
export async function reconciliationsPage(db: Queryable, projectId: string, afterSeq: number | undefined, limit: number): Promise<ReconciliationRow[]> {
  const { rows } = await db.query<ReconciliationRow>(
    `select r.id, r.trigger, r.started_at, r.finished_at, r.checked, r.error,
       coalesce((select jsonb_agg(c.change order by c.position) from jsonb_array_elements(r.changes) with ordinality as c(change, position)
                 where exists (select 1 from customers u where u.project_id = $1 and u.id = c.change->>'customer')), '[]'::jsonb) as changes
     from reconciliation_runs r
     where (r.project_id = $1 or r.project_id is null) and ($2::bigint is null or r.seq < $2) order by r.seq desc limit $3`,
    [projectId, afterSeq ?? null, limit],
  );
  return rows;
}

/** The provider's subscriptions Nozle holds live (of one project, when given): what reconciliation checks are still there. */
export async function liveProviderSubscriptions(
  db: Queryable,
  provider: string,
  projectId: string | undefined,
): Promise<Array<{ providerId: string; projectId: string }>> {
  const { rows } = await db.query<{ provider_subscription_id: string; project_id: string }>(
    `select provider_subscription_id, project_id from subscriptions where provider = $1 and status <> 'canceled' and ($2::text is null or project_id = $2)`,
    [provider, projectId ?? null],
  );
  return rows.map((row) => ({ providerId: row.provider_subscription_id, projectId: row.project_id }));
}
