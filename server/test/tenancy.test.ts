import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../src/app.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let customerOfB: { id: string; external_id: string };
beforeAll(async () => {
  t = await startTestApp();
  customerOfB = (await t.call('POST', '/v1/customers', { key: t.projectB.secretKey, body: { external_id: 'b_user', email: 'b@example.com' } })).body;
});
afterAll(() => t.close());

// A body each POST would accept, so only the tenancy check can refuse it.
const validBodies: Record<string, unknown> = {
  updateCustomer: { name: 'hijack' },
  createGrant: { feature: 'export' },
  createCreditGrant: { amount: 100, currency: 'usd' },
  setAutoTopUp: { currency: 'usd', threshold: 100, amount: 1_000 },
};
// A query each would accept (a required parameter), likewise.
const validQueries: Record<string, string> = {
  deleteAutoTopUp: '?currency=usd',
};

// Fills `{customer}`-style path parameters with the given value.
const pathFor = (path: string, value: string) => path.replace(/\{\w+\}/g, value);

describe('a key of project A and the objects of project B', () => {
  const customerOperations = operations.filter((op) => op.path.startsWith('/v1/customers/{customer}'));

  it('covers every customer route that takes an id', () => {
    expect(customerOperations.map((op) => op.operationId).sort()).toEqual([
      'createCreditGrant',
      'createGrant',
      'deleteAutoTopUp',
      'deleteCustomer',
      'getCustomerUsage',
      'getEntitlements',
      'listAutoTopUps',
      'listCredits',
      'listGrants',
      'retrieveCustomer',
      'retrieveUpcomingInvoice',
      'setAutoTopUp',
      'updateCustomer',
    ]);
  });

  for (const ref of ['id', 'external_id'] as const) {
    it(`gets 404 resource_missing on every customer route, addressing B's customer by ${ref}`, async () => {
      for (const op of customerOperations) {
        const value = ref === 'id' ? customerOfB.id : customerOfB.external_id;
        const res = await t.call(op.method.toUpperCase(), pathFor(op.path, value) + (validQueries[op.operationId] ?? ''), {
          body: validBodies[op.operationId],
        });
        expect(res.status, `${op.operationId}`).toBe(404);
        expect(res.body.error).toMatchObject({ type: 'invalid_request_error', code: 'resource_missing', param: 'customer' });
      }
      const untouched = await t.call('GET', `/v1/customers/${customerOfB.id}`, { key: t.projectB.secretKey });
      expect(untouched.status).toBe(200);
      expect(untouched.body.name).toBeNull();
    });
  }

  it('does not see B in lists, filters or as a cursor', async () => {
    const list = await t.call('GET', '/v1/customers?limit=100');
    expect(list.body.data.map((c: { id: string }) => c.id)).not.toContain(customerOfB.id);
    expect((await t.call('GET', '/v1/customers?external_id=b_user')).body.data).toEqual([]);
    expect((await t.call('GET', `/v1/customers?starting_after=${customerOfB.id}`)).status).toBe(404);
  });

  it('cannot revoke or list the keys of project B', async () => {
    const keysOfB = await t.call('GET', '/v1/api_keys', { key: t.projectB.secretKey });
    const keyOfB = keysOfB.body.data[0].id;
    expect((await t.call('POST', `/v1/api_keys/${keyOfB}/revoke`)).status).toBe(404);
    const keysOfA = await t.call('GET', '/v1/api_keys');
    expect(keysOfA.body.data.map((k: { id: string }) => k.id)).not.toContain(keyOfB);
    expect((await t.call('GET', '/v1/customers', { key: t.projectB.secretKey })).status).toBe(200);
  });

  it('gets its own project from /v1/project', async () => {
    expect((await t.call('GET', '/v1/project')).body).toMatchObject({ id: t.projectA.projectId, object: 'project', name: 'Project A' });
  });
});

describe('publishable keys', () => {
  const secretOnly = operations.filter((op) => op.security.length > 0 && !op.security.includes('publishableKey'));

  it('get 403 secret_key_required on every secret endpoint, and nothing is written', async () => {
    expect(secretOnly.length).toBeGreaterThan(5);
    const before = await t.call('GET', '/v1/customers?limit=100');
    for (const op of secretOnly) {
      const res = await t.call(op.method.toUpperCase(), pathFor(op.path, op.path.includes('api_keys') ? 'key_x' : customerOfB.id), {
        key: t.projectA.publishableKey,
        ...(op.method === 'post' ? { body: {} } : {}),
      });
      expect(res.status, op.operationId).toBe(403);
      expect(res.body.error).toMatchObject({ type: 'permission_error', code: 'secret_key_required' });
    }
    expect((await t.call('GET', '/v1/customers?limit=100')).body).toEqual(before.body);
  });
});

describe('browsers', () => {
  it('may call from any origin: a preflight is answered without a key, and responses expose the request id', async () => {
    const preflight = await fetch(`${t.url}/v1/project`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
    const res = await fetch(`${t.url}/v1/project`, { headers: { origin: 'https://app.example', authorization: `Bearer ${t.projectA.publishableKey}` } });
    expect(res.headers.get('access-control-expose-headers')).toMatch(/Request-Id/);
  });
});

describe('authentication', () => {
  it('answers 401 without a key, with a malformed header, and with an unknown key', async () => {
    const none = await t.call('GET', '/v1/customers', { key: null });
    expect(none.status).toBe(401);
    expect(none.body.error).toMatchObject({ type: 'authentication_error', code: 'api_key_missing' });

    const basic = await t.call('GET', '/v1/customers', { key: null, headers: { authorization: 'Basic abc' } });
    expect(basic.body.error.code).toBe('api_key_invalid');

    const unknown = await t.call('GET', '/v1/customers', { key: 'sk_thisKeyDoesNotExist0000' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.message).toContain('sk_…0000');
    expect(unknown.body.error.message).not.toContain('thisKeyDoesNotExist');
  });

  it('lets health probes through without a key', async () => {
    expect((await t.call('GET', '/healthz', { key: null })).body).toEqual({ status: 'ok' });
    expect((await t.call('GET', '/readyz', { key: null })).body).toEqual({ status: 'ok', checks: { server: 'ok', database: 'ok', redis: 'not_configured' } });
  });
});

describe('API keys', () => {
  it('shows a new key once, lists it redacted, and stops accepting it once revoked', async () => {
    const created = await t.call('POST', '/v1/api_keys', { body: { type: 'secret', name: 'CI' } });
    expect(created.status).toBe(200);
    const { secret, id } = created.body;
    expect(secret).toMatch(/^sk_[A-Za-z0-9]{40}$/);
    expect(created.body.redacted).toBe(`sk_…${secret.slice(-4)}`);

    const listed = (await t.call('GET', '/v1/api_keys?limit=100')).body.data.find((k: { id: string }) => k.id === id);
    expect(listed).toMatchObject({ id, type: 'secret', name: 'CI', revoked: null });
    expect(JSON.stringify(listed)).not.toContain(secret);

    const stored = await t.database.db.query<{ key_hash: string }>('select key_hash from api_keys where id = $1', [id]);
    expect(stored.rows[0]!.key_hash).not.toContain(secret.slice(3));

    expect((await t.call('GET', '/v1/customers', { key: secret })).status).toBe(200);
    const revoked = await t.call('POST', `/v1/api_keys/${id}/revoke`);
    expect(revoked.body.revoked).toBe(Math.floor(t.clock.now().getTime() / 1000));
    expect((await t.call('GET', '/v1/customers', { key: secret })).status).toBe(401);
  });

  it('records when a key was last used', async () => {
    const { secret, id } = (await t.call('POST', '/v1/api_keys', { body: { type: 'secret' } })).body;
    await t.call('GET', '/v1/project', { key: secret });
    // Recorded beside the request, not in its way: it shows up a moment later.
    const lastUsed = async () => (await t.call('GET', '/v1/api_keys?limit=100')).body.data.find((k: { id: string }) => k.id === id).last_used;
    await expect.poll(lastUsed).toBe(Math.floor(t.clock.now().getTime() / 1000));
  });

  it("refuses to revoke the project's last active secret key", async () => {
    const keys = (await t.call('GET', '/v1/api_keys?limit=100', { key: t.projectB.secretKey })).body.data;
    const secretKey = keys.find((k: { type: string }) => k.type === 'secret');
    const res = await t.call('POST', `/v1/api_keys/${secretKey.id}/revoke`, { key: t.projectB.secretKey });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('last_secret_key');
    expect((await t.call('GET', '/v1/project', { key: t.projectB.secretKey })).status).toBe(200);
  });
});
