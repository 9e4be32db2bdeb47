// Sandbox mode's forwarding (`NOZLE_WEBHOOKS_FORWARD_TO`): every project sends every event to one
// local URL, so a newcomer sees webhooks arrive with no tunnel and no endpoint to register. The
// endpoint is an ordinary one (listed, logged, retried), made once per project and URL; its
// secret is printed at each start, which only a development server does.
import type { Queryable } from '../db/database.js';
import { insertEndpoint } from './endpoints-store.js';

export interface Forwarding {
  projectId: string;
  endpointId: string;
  secret: string;
}

export async function forwardEveryProject(db: Queryable, url: string, now: Date): Promise<Forwarding[]> {
  const { rows: projects } = await db.query<{ id: string }>('select id from projects order by created_at', []);
  const forwarding: Forwarding[] = [];
  for (const { id: projectId } of projects) {
    const { rows } = await db.query<{ id: string; secret: string }>(
      'select id, secret from webhook_endpoints where project_id = $1 and url = $2 and deleted_at is null order by seq limit 1',
      [projectId, url],
    );
    const endpoint = rows[0] ?? (await insertEndpoint(db, projectId, { url, description: 'NOZLE_WEBHOOKS_FORWARD_TO', enabledEvents: ['*'] }, now));
    forwarding.push({ projectId, endpointId: endpoint.id, secret: endpoint.secret });
  }
  return forwarding;
}
