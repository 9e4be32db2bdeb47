// SQL for projects and their API keys.
import type { components } from '@nozle/openapi';
import { unixSeconds } from '../clock.js';
import type { Queryable } from '../db/database.js';
import { notFound } from '../http/errors.js';
import { newId } from '../ids.js';
import type { KeyType } from '../http/api-keys.js';
import { generateKey } from './keys.js';

export type Project = components['schemas']['Project'];
type InvoiceSettings = components['schemas']['InvoiceSettings'];
type ProjectUpdateParams = components['schemas']['ProjectUpdateParams'];

export interface ApiKey {
  id: string;
  object: 'api_key';
  type: KeyType;
  name: string | null;
  redacted: string;
  created: number;
  last_used: number | null;
  revoked: number | null;
}

interface ProjectRow {
  id: string;
  name: string;
  created_at: Date;
  invoice_business_name: string | null;
  invoice_address: string | null;
  invoice_email: string | null;
  invoice_tax_id: string | null;
  invoice_number_prefix: string;
  automatic_tax: boolean;
}

interface ApiKeyRow {
  id: string;
  type: KeyType;
  name: string | null;
  redacted: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const toProject = (row: ProjectRow): Project => ({
  id: row.id,
  object: 'project',
  name: row.name,
  created: unixSeconds(row.created_at),
  invoice_settings: {
    business_name: row.invoice_business_name,
    address: row.invoice_address,
    email: row.invoice_email,
    tax_id: row.invoice_tax_id,
    number_prefix: row.invoice_number_prefix,
  },
  automatic_tax: { enabled: row.automatic_tax },
});

const PROJECT_COLUMNS = 'id, name, created_at, invoice_business_name, invoice_address, invoice_email, invoice_tax_id, invoice_number_prefix, automatic_tax';

/** The settings columns a key of `invoice_settings` is stored in. */
const SETTING_COLUMNS: Record<keyof InvoiceSettings, string> = {
  business_name: 'invoice_business_name',
  address: 'invoice_address',
  email: 'invoice_email',
  tax_id: 'invoice_tax_id',
  number_prefix: 'invoice_number_prefix',
};

const toApiKey = (row: ApiKeyRow): ApiKey => ({
  id: row.id,
  object: 'api_key',
  type: row.type,
  name: row.name,
  redacted: row.redacted,
  created: unixSeconds(row.created_at),
  last_used: row.last_used_at ? unixSeconds(row.last_used_at) : null,
  revoked: row.revoked_at ? unixSeconds(row.revoked_at) : null,
});

const KEY_COLUMNS = 'id, type, name, redacted, created_at, last_used_at, revoked_at';

export async function insertProject(db: Queryable, name: string, now: Date): Promise<Project> {
  const { rows } = await db.query<ProjectRow>(`insert into projects (id, name, created_at) values ($1, $2, $3) returning ${PROJECT_COLUMNS}`, [
    newId('proj'),
    name,
    now,
  ]);
  return toProject(rows[0]!);
}

export async function getProject(db: Queryable, projectId: string): Promise<Project> {
  const { rows } = await db.query<ProjectRow>(`select ${PROJECT_COLUMNS} from projects where id = $1`, [projectId]);
  if (!rows[0]) throw notFound('project', projectId);
  return toProject(rows[0]);
}

/** Changes the fields `params` names (null clears a setting) and answers the project as it is then. */
export async function updateProject(db: Queryable, projectId: string, params: ProjectUpdateParams): Promise<Project> {
  const sets: Array<[string, unknown]> = [];
  if (params.name !== undefined) sets.push(['name', params.name]);
  if (params.automatic_tax !== undefined) sets.push(['automatic_tax', params.automatic_tax.enabled]);
  for (const [key, value] of Object.entries(params.invoice_settings ?? {})) {
    if (value !== undefined) sets.push([SETTING_COLUMNS[key as keyof InvoiceSettings], value]);
  }
  if (sets.length > 0) {
    await db.query(`update projects set ${sets.map(([column], i) => `${column} = $${i + 2}`).join(', ')} where id = $1`, [
      projectId,
      ...sets.map(([, value]) => value),
    ]);
  }
  return getProject(db, projectId);
}

export async function lockProject(db: Queryable, projectId: string): Promise<void> {
  await db.query('select id from projects where id = $1 for update', [projectId]);
}

export async function countProjects(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ count: number }>('select count(*)::int as count from projects');
  return rows[0]?.count ?? 0;
}

/** Creates a key and returns it with its full value, which is never stored. */
export async function insertApiKey(db: Queryable, projectId: string, type: KeyType, name: string | null, now: Date): Promise<ApiKey & { secret: string }> {
  const material = generateKey(type);
  const { rows } = await db.query<ApiKeyRow>(
    `insert into api_keys (id, project_id, type, name, key_hash, redacted, created_at)
     values ($1, $2, $3, $4, $5, $6, $7) returning ${KEY_COLUMNS}`,
    [newId('key'), projectId, type, name, material.hash, material.redacted, now],
  );
  return { ...toApiKey(rows[0]!), secret: material.secret };
}

export async function listApiKeys(db: Queryable, projectId: string, limit: number, afterSeq?: number): Promise<ApiKey[]> {
  const { rows } = await db.query<ApiKeyRow>(
    `select ${KEY_COLUMNS} from api_keys
     where project_id = $1 and ($2::bigint is null or seq < $2)
     order by seq desc limit $3`,
    [projectId, afterSeq ?? null, limit],
  );
  return rows.map(toApiKey);
}

export async function apiKeySeq(db: Queryable, projectId: string, keyId: string): Promise<number | undefined> {
  const { rows } = await db.query<{ seq: number }>('select seq from api_keys where project_id = $1 and id = $2', [projectId, keyId]);
  return rows[0]?.seq;
}

export async function getApiKey(db: Queryable, projectId: string, keyId: string): Promise<ApiKey> {
  const { rows } = await db.query<ApiKeyRow>(`select ${KEY_COLUMNS} from api_keys where project_id = $1 and id = $2`, [projectId, keyId]);
  if (!rows[0]) throw notFound('API key', keyId, 'key');
  return toApiKey(rows[0]);
}

export async function countActiveSecretKeys(db: Queryable, projectId: string): Promise<number> {
  const { rows } = await db.query<{ count: number }>(
    `select count(*)::int as count from api_keys where project_id = $1 and type = 'secret' and revoked_at is null`,
    [projectId],
  );
  return rows[0]?.count ?? 0;
}

/** Revokes the key; returns it with its hash, which caches need to forget it. */
export async function markApiKeyRevoked(db: Queryable, projectId: string, keyId: string, now: Date): Promise<{ key: ApiKey; hash: string }> {
  const { rows } = await db.query<ApiKeyRow & { key_hash: string }>(
    `update api_keys set revoked_at = coalesce(revoked_at, $3) where project_id = $1 and id = $2 returning ${KEY_COLUMNS}, key_hash`,
    [projectId, keyId, now],
  );
  if (!rows[0]) throw notFound('API key', keyId, 'key');
  return { key: toApiKey(rows[0]), hash: rows[0].key_hash };
}

export interface ActiveKey {
  keyId: string;
  projectId: string;
  type: KeyType;
  lastUsedAt: Date | null;
}

export async function findActiveKeyByHash(db: Queryable, hash: string): Promise<ActiveKey | undefined> {
  const { rows } = await db.query<{ id: string; project_id: string; type: KeyType; last_used_at: Date | null }>(
    'select id, project_id, type, last_used_at from api_keys where key_hash = $1 and revoked_at is null',
    [hash],
  );
  const row = rows[0];
  return row && { keyId: row.id, projectId: row.project_id, type: row.type, lastUsedAt: row.last_used_at };
}

export async function touchApiKey(db: Queryable, keyId: string, now: Date): Promise<void> {
  await db.query('update api_keys set last_used_at = $2 where id = $1', [keyId, now]);
}

/**
 * Whether the project asks Stripe Tax to tax its checkouts and the invoices Nozle sends to Stripe
 * (`automatic_tax`). Read by the Stripe paths (payments), and by billing, which then applies none
 * of Nozle's own rates.
 */
export async function automaticTaxEnabled(db: Queryable, projectId: string): Promise<boolean> {
  const { rows } = await db.query<{ automatic_tax: boolean }>('select automatic_tax from projects where id = $1', [projectId]);
  return rows[0]?.automatic_tax ?? false;
}
