// Webhook endpoints through the API: their URL checked against the policy, their secret shown
// at creation and when rolled, never again.
import type { components } from '@nozle/openapi';
import type { Queryable } from '../db/database.js';
import type { Work } from '../db/work.js';
import { invalidParam } from '../http/errors.js';
import { paginate, type ListEnvelope, type PageRequest } from '../http/pagination.js';
import {
  deleteEndpointRow,
  endpointSeq,
  findEndpoint,
  insertEndpoint,
  listEndpointRows,
  rollEndpointSecret,
  toEndpoint,
  updateEndpointRow,
  type EndpointRow,
  type WebhookEndpoint,
} from './endpoints-store.js';
import { refuseUrl, type UrlPolicy } from './url-policy.js';

type CreateParams = components['schemas']['WebhookEndpointCreateParams'];
type UpdateParams = components['schemas']['WebhookEndpointUpdateParams'];
type RollParams = components['schemas']['WebhookEndpointRollParams'];

/** How long a rolled secret keeps signing beside the new one, unless asked otherwise. */
const DEFAULT_OVERLAP_SECONDS = 24 * 3600;

const withSecret = (row: EndpointRow): WebhookEndpoint & { secret: string } => ({ ...toEndpoint(row), secret: row.secret });

function checkedUrl(url: string, policy: UrlPolicy): string {
  const refused = refuseUrl(url, policy);
  if (refused) throw invalidParam('url', `The endpoint's url ${refused}.`, 'url_refused');
  return url;
}

/** '*' stands alone: every event. */
const eventTypes = (types: string[]): string[] => (types.includes('*') ? ['*'] : [...new Set(types)]);

export async function createEndpoint(work: Work, policy: UrlPolicy, projectId: string, params: CreateParams): Promise<WebhookEndpoint & { secret: string }> {
  const row = await insertEndpoint(
    work.db,
    projectId,
    { url: checkedUrl(params.url, policy), description: params.description ?? null, enabledEvents: eventTypes(params.enabled_events ?? ['*']) },
    work.now,
  );
  return withSecret(row);
}

export async function retrieveEndpoint(db: Queryable, projectId: string, id: string): Promise<WebhookEndpoint> {
  return toEndpoint(await findEndpoint(db, projectId, id));
}

export function listEndpoints(db: Queryable, projectId: string, page: PageRequest): Promise<ListEnvelope<WebhookEndpoint>> {
  return paginate(
    '/v1/webhook_endpoints',
    page,
    'webhook endpoint',
    (id) => endpointSeq(db, projectId, id),
    async (limit, afterSeq) => (await listEndpointRows(db, projectId, limit, afterSeq)).map(toEndpoint),
  );
}

export async function updateEndpoint(work: Work, policy: UrlPolicy, projectId: string, id: string, params: UpdateParams): Promise<WebhookEndpoint> {
  const row = await findEndpoint(work.db, projectId, id, true);
  const updated = await updateEndpointRow(
    work.db,
    row.id,
    {
      ...(params.url === undefined ? {} : { url: checkedUrl(params.url, policy) }),
      ...(params.description === undefined ? {} : { description: params.description }),
      ...(params.enabled_events === undefined ? {} : { enabledEvents: eventTypes(params.enabled_events) }),
      ...(params.status === undefined ? {} : { status: params.status }),
    },
    work.now,
  );
  return toEndpoint(updated);
}

export async function rollSecret(work: Work, projectId: string, id: string, params: RollParams): Promise<WebhookEndpoint & { secret: string }> {
  const row = await findEndpoint(work.db, projectId, id, true);
  const overlapMs = (params.expires_in ?? DEFAULT_OVERLAP_SECONDS) * 1000;
  return withSecret(await rollEndpointSecret(work.db, row.id, new Date(work.now.getTime() + overlapMs), work.now));
}

export async function deleteEndpoint(work: Work, projectId: string, id: string): Promise<{ id: string; object: 'webhook_endpoint'; deleted: true }> {
  const row = await findEndpoint(work.db, projectId, id, true);
  await deleteEndpointRow(work.db, row.id, work.now);
  return { id: row.id, object: 'webhook_endpoint', deleted: true };
}
