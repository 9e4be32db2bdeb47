// SQL for usage events and the ids a project has seen (event_ids keeps them after events are dropped).
import type { Queryable } from '../db/database.js';
import type { Properties } from './aggregate.js';

/** An event to record: its id, its customer (resolved), its name, its instant and its properties. */
interface EventToRecord {
  id: string;
  customerId: string;
  name: string;
  at: Date;
  properties: Properties;
}

/** Which of these ids the project has recorded before. */
export async function knownIds(db: Queryable, projectId: string, ids: string[]): Promise<Set<string>> {
  const { rows } = await db.query<{ id: string }>('select id from event_ids where project_id = $1 and id = any($2)', [projectId, ids]);
  return new Set(rows.map((row) => row.id));
}

/** One statement: ids this project has not seen are recorded with their events. Answers the ids recorded. */
export async function insertFresh(db: Queryable, projectId: string, events: EventToRecord[], now: Date): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const rows = events.map((e) => ({ id: e.id, customer_id: e.customerId, event_name: e.name, ts: e.at.toISOString(), properties: e.properties }));
  const { rows: inserted } = await db.query<{ id: string }>(
    `with incoming as (
       select * from jsonb_to_recordset($2::jsonb) as x(id text, customer_id text, event_name text, ts timestamptz, properties jsonb)
     ), fresh as (
       insert into event_ids (project_id, id, received_at) select $1, id, $3 from incoming on conflict do nothing returning id
     )
     insert into events (project_id, id, customer_id, event_name, timestamp, properties, received_at)
     select $1, i.id, i.customer_id, i.event_name, i.ts, i.properties, $3 from incoming i join fresh f on f.id = i.id
     returning id`,
    [projectId, JSON.stringify(rows), now],
  );
  return new Set(inserted.map((row) => row.id));
}
