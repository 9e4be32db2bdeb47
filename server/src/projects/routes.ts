import type { KeyCache } from './key-cache.js';
import { ApiError } from '../http/errors.js';
import { hashKey } from '../http/api-keys.js';
import { paginate } from '../http/pagination.js';
import { routesWith } from '../http/route.js';
import { apiKeySeq, countActiveSecretKeys, getApiKey, getProject, insertApiKey, lockProject, listApiKeys, markApiKeyRevoked } from './store.js';

/** The services these routes need, handed in by the assembly. */
interface Services { keys: KeyCache }

const { defineRoute } = routesWith<Services>();

export const projectRoutes = [
  defineRoute('getProject', async (_input, { db, caller }) => ({ status: 200, body: await getProject(db, caller.projectId) })),

  defineRoute('createApiKey', async ({ body }, { db, caller, clock, services, afterCommit }) => {
    const key = await insertApiKey(db, caller.projectId, body.type, body.name ?? null, clock.now());
    // A new secret key signs customer tokens from now on: every instance must know it.
    afterCommit(() => services.keys.changed(hashKey(key.secret)));
    return { status: 200, body: key };
  }),

  defineRoute('listApiKeys', async ({ query }, { db, caller }) => ({
    status: 200,
    body: await paginate(
      '/v1/api_keys',
      query,
      'API key',
      (id) => apiKeySeq(db, caller.projectId, id),
      (limit, afterSeq) => listApiKeys(db, caller.projectId, limit, afterSeq),
    ),
  })),

  defineRoute('revokeApiKey', async ({ params }, { db, caller, clock, services, afterCommit }) => {
    // The project's row lock makes concurrent revokes take turns, so two of them cannot each
    // see the other's key still active and together revoke the last two.
    await lockProject(db, caller.projectId);
    const key = await getApiKey(db, caller.projectId, params.key);
    if (key.type === 'secret' && key.revoked === null && (await countActiveSecretKeys(db, caller.projectId)) <= 1) {
      throw new ApiError(
        400,
        'invalid_request_error',
        'last_secret_key',
        'This is the last active secret key of the project; create another before revoking it.',
        'key',
      );
    }
    const { key: revoked, hash } = await markApiKeyRevoked(db, caller.projectId, params.key, clock.now());
    afterCommit(() => services.keys.changed(hash));
    return { status: 200, body: revoked };
  }),
];
