// What the project routes call: API keys made and revoked, each change told to every instance's key cache once committed.
import type { components } from '@nozle/openapi';
import type { Queryable } from '../db/database.js';
import type { Work } from '../db/work.js';
import { hashKey } from '../http/api-keys.js';
import { paginate, type ListEnvelope, type PageRequest } from '../http/pagination.js';
import { checkRevocable } from './key-rules.js';
import {
  apiKeySeq,
  countActiveSecretKeys,
  getApiKey,
  insertApiKey,
  listApiKeys as listApiKeyRows,
  lockProject,
  markApiKeyRevoked,
  type ApiKey,
} from './store.js';

type ApiKeyCreateParams = components['schemas']['ApiKeyCreateParams'];

/** Where a changed key is announced (the key cache). */
export interface KeyChanges {
  changed(hash: string): Promise<void>;
}

export async function createApiKey(work: Work, keys: KeyChanges, projectId: string, params: ApiKeyCreateParams): Promise<ApiKey & { secret: string }> {
  const key = await insertApiKey(work.db, projectId, params.type, params.name ?? null, work.now);
  // A new secret key signs customer tokens from now on: every instance must know it.
  work.afterCommit(() => keys.changed(hashKey(key.secret)));
  return key;
}

export function listApiKeys(db: Queryable, projectId: string, page: PageRequest): Promise<ListEnvelope<ApiKey>> {
  return paginate(
    '/v1/api_keys',
    page,
    'API key',
    (id) => apiKeySeq(db, projectId, id),
    (limit, afterSeq) => listApiKeyRows(db, projectId, limit, afterSeq),
  );
}

export async function revokeApiKey(work: Work, keys: KeyChanges, projectId: string, keyId: string): Promise<ApiKey> {
  // The project's row lock makes concurrent revokes take turns, so two of them cannot each
  // see the other's key still active and together revoke the last two.
  await lockProject(work.db, projectId);
  checkRevocable(await getApiKey(work.db, projectId, keyId), await countActiveSecretKeys(work.db, projectId));
  const { key, hash } = await markApiKeyRevoked(work.db, projectId, keyId, work.now);
  work.afterCommit(() => keys.changed(hash));
  return key;
}
