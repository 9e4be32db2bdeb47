import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimKey, IDEMPOTENCY_KEY_TTL_MS, IDEMPOTENCY_LEASE_MS, purgeExpiredKeys, requestFingerprint } from '../src/http/idempotency.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const withKey = (key: string, body: unknown) => ({ body, headers: { 'idempotency-key': key } });
const countCustomers = async (email: string) =>
  (await t.database.db.query<{ n: number }>('select count(*)::int as n from customers where email = $1', [email])).rows[0]!.n;

describe('Idempotency-Key', () => {
  it('replays the stored response for the same key and request, creating one customer', async () => {
    const first = await t.call('POST', '/v1/customers', withKey('k-replay', { email: 'replay@example.com' }));
    const second = await t.call('POST', '/v1/customers', withKey('k-replay', { email: 'replay@example.com' }));
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(second.headers.get('request-id')).not.toBe(first.headers.get('request-id'));
    expect(await countCustomers('replay@example.com')).toBe(1);
  });

  it('treats the same fields in another order as the same request', async () => {
    const first = await t.call('POST', '/v1/customers', withKey('k-order', { email: 'order@example.com', name: 'O' }));
    const second = await t.call('POST', '/v1/customers', withKey('k-order', { name: 'O', email: 'order@example.com' }));
    expect(second.body.id).toBe(first.body.id);
  });

  it('refuses the same key with a different request, and writes nothing', async () => {
    await t.call('POST', '/v1/customers', withKey('k-mismatch', { email: 'one@example.com' }));
    const res = await t.call('POST', '/v1/customers', withKey('k-mismatch', { email: 'two@example.com' }));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ type: 'idempotency_error', code: 'idempotency_key_reused' });
    expect(await countCustomers('two@example.com')).toBe(0);
  });

  it('refuses the same key on another endpoint', async () => {
    const created = await t.call('POST', '/v1/customers', withKey('k-endpoint', {}));
    const res = await t.call('POST', `/v1/customers/${created.body.id}`, withKey('k-endpoint', {}));
    expect(res.body.error.code).toBe('idempotency_key_reused');
  });

  it('answers 409 while the first request with the key is still in flight, and runs nothing', async () => {
    const body = { email: 'inflight@example.com' };
    // The first request has claimed the key and is still working (claimed here as it would be).
    await claimKey(t.database.db, { projectId: t.projectA.projectId, key: 'k-inflight' }, requestFingerprint('POST', '/v1/customers', body), t.clock.now());
    const res = await t.call('POST', '/v1/customers', withKey('k-inflight', body));
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ type: 'idempotency_error', code: 'idempotency_key_in_use' });
    expect(await countCustomers('inflight@example.com')).toBe(0);
  });

  it('lets a retry take over a key whose first request died (its lease ran out), and runs it once', async () => {
    const body = { email: 'crashed@example.com' };
    await claimKey(t.database.db, { projectId: t.projectA.projectId, key: 'k-crashed' }, requestFingerprint('POST', '/v1/customers', body), t.clock.now());
    t.clock.advance(IDEMPOTENCY_LEASE_MS + 1);
    const retry = await t.call('POST', '/v1/customers', withKey('k-crashed', body));
    expect(retry.status).toBe(200);
    const again = await t.call('POST', '/v1/customers', withKey('k-crashed', body));
    expect(again.body).toEqual(retry.body);
    expect(await countCustomers('crashed@example.com')).toBe(1);
  });

  it('replays a refusal (4xx) the same way as a success', async () => {
    await t.call('POST', '/v1/customers', { body: { external_id: 'taken' } });
    const first = await t.call('POST', '/v1/customers', withKey('k-refused', { external_id: 'taken' }));
    expect(first.status).toBe(409);
    const second = await t.call('POST', '/v1/customers', withKey('k-refused', { external_id: 'taken' }));
    expect(second.status).toBe(409);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
  });

  it('does not store a request refused by validation, so the fixed request may reuse the key', async () => {
    const bad = await t.call('POST', '/v1/customers', withKey('k-invalid', { email: 'nope' }));
    expect(bad.status).toBe(400);
    const good = await t.call('POST', '/v1/customers', withKey('k-invalid', { email: 'fixed@example.com' }));
    expect(good.status).toBe(200);
  });

  it('scopes keys to the project: project B may use the same key for its own request', async () => {
    const a = await t.call('POST', '/v1/customers', withKey('k-shared', { email: 'shared@example.com' }));
    const b = await t.call('POST', '/v1/customers', { key: t.projectB.secretKey, ...withKey('k-shared', { email: 'shared@example.com' }) });
    expect(b.status).toBe(200);
    expect(b.body.id).not.toBe(a.body.id);
    expect(b.headers.get('idempotent-replayed')).toBeNull();
  });

  it('forgets a key after 24 hours', async () => {
    const first = await t.call('POST', '/v1/customers', withKey('k-expiry', { email: 'expiry@example.com' }));
    t.clock.advance(IDEMPOTENCY_KEY_TTL_MS + 1000);
    const later = await t.call('POST', '/v1/customers', withKey('k-expiry', { email: 'expiry@example.com' }));
    expect(later.status).toBe(200);
    expect(later.body.id).not.toBe(first.body.id);
  });

  it('purges stored keys older than 24 hours, and only those', async () => {
    await t.call('POST', '/v1/customers', withKey('k-purge-old', {}));
    t.clock.advance(IDEMPOTENCY_KEY_TTL_MS - 1000);
    await t.call('POST', '/v1/customers', withKey('k-purge-new', {}));
    t.clock.advance(2000);
    await purgeExpiredKeys(t.database.db, t.clock.now());
    const { rows } = await t.database.db.query<{ key: string }>("select key from idempotency_keys where key like 'k-purge-%'");
    expect(rows.map((r) => r.key)).toEqual(['k-purge-new']);
  });

  it('sends concurrent duplicates through exactly once', async () => {
    const body = { email: 'race@example.com' };
    const results = await Promise.all(Array.from({ length: 8 }, () => t.call('POST', '/v1/customers', withKey('k-race', body))));
    const statuses = results.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    expect(new Set(results.filter((r) => r.status === 200).map((r) => r.body.id)).size).toBe(1);
    expect(await countCustomers('race@example.com')).toBe(1);
  });

  it('applies to every POST, including revoking a key', async () => {
    const { id } = (await t.call('POST', '/v1/api_keys', { body: { type: 'publishable' } })).body;
    const first = await t.call('POST', `/v1/api_keys/${id}/revoke`, { headers: { 'idempotency-key': 'k-revoke' } });
    t.clock.advance(5000);
    const second = await t.call('POST', `/v1/api_keys/${id}/revoke`, { headers: { 'idempotency-key': 'k-revoke' } });
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
  });
});

// These operations commit their own transactions (x-nozle-own-transactions): the key is claimed
// before they run and their answer stored after, so a retry replays instead of running again.
describe('Idempotency-Key on operations that run their own transactions', () => {
  const countRuns = async () => (await t.call<{ data: unknown[] }>('GET', '/v1/reconciliations', { headers: {} })).body.data.length;

  it('runs one reconciliation for two POST /v1/reconciliations with the same key, and replays the first answer', async () => {
    const before = await countRuns();
    const first = await t.call('POST', '/v1/reconciliations', { headers: { 'idempotency-key': 'k-reconcile' } });
    const second = await t.call('POST', '/v1/reconciliations', { headers: { 'idempotency-key': 'k-reconcile' } });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await countRuns()).toBe(before + 1);
  });

  it('moves the test clock once for two POST /v1/test_clock/advance with the same key', async () => {
    const before = (await t.call('GET', '/v1/test_clock')).body.now as number;
    const move = { body: { seconds: 3600 }, headers: { 'idempotency-key': 'k-advance' } };
    const first = await t.call('POST', '/v1/test_clock/advance', move);
    const second = await t.call('POST', '/v1/test_clock/advance', move);
    expect(first.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect((await t.call('GET', '/v1/test_clock')).body.now).toBe(before + 3600);
  });
});
