import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProjectWithKeys } from '../src/projects/create-project.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('customers', () => {
  it('creates a customer with a cus_ id and returns it with every field', async () => {
    const res = await t.call('POST', '/v1/customers', {
      body: { external_id: 'user_create', email: 'ada@example.com', name: 'Ada', metadata: { plan: 'pro' } },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^cus_[A-Za-z0-9]{20}$/),
      object: 'customer',
      external_id: 'user_create',
      email: 'ada@example.com',
      name: 'Ada',
      address: null,
      tax_ids: [],
      tax_exempt: 'none',
      metadata: { plan: 'pro' },
      created: Math.floor(t.clock.now().getTime() / 1000),
    });
    expect(res.headers.get('request-id')).toMatch(/^req_/);
  });

  it('creates a customer from an empty body', async () => {
    const res = await t.call('POST', '/v1/customers');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ external_id: null, email: null, name: null, metadata: {} });
  });

  it('retrieves a customer by id and by external_id', async () => {
    const created = (await t.call('POST', '/v1/customers', { body: { external_id: 'user_lookup' } })).body;
    const byId = await t.call('GET', `/v1/customers/${created.id}`);
    const byExternalId = await t.call('GET', '/v1/customers/user_lookup');
    expect(byId.body).toEqual(created);
    expect(byExternalId.body).toEqual(created);
  });

  it('refuses a second live customer with the same external_id (409), but not after the first is deleted', async () => {
    const first = (await t.call('POST', '/v1/customers', { body: { external_id: 'user_dup' } })).body;
    const clash = await t.call('POST', '/v1/customers', { body: { external_id: 'user_dup' } });
    expect(clash.status).toBe(409);
    expect(clash.body.error).toMatchObject({ type: 'invalid_request_error', code: 'resource_already_exists', param: 'external_id' });

    await t.call('DELETE', `/v1/customers/${first.id}`);
    const again = await t.call('POST', '/v1/customers', { body: { external_id: 'user_dup' } });
    expect(again.status).toBe(200);
    expect(again.body.id).not.toBe(first.id);
  });

  it('updates only the fields sent and merges metadata key by key', async () => {
    const created = (await t.call('POST', '/v1/customers', { body: { email: 'old@example.com', name: 'Old', metadata: { a: '1', b: '2' } } })).body;
    const res = await t.call('POST', `/v1/customers/${created.id}`, { body: { name: 'New', metadata: { b: '', c: '3' } } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ email: 'old@example.com', name: 'New', metadata: { a: '1', c: '3' } });

    const cleared = await t.call('POST', `/v1/customers/${created.id}`, { body: { email: null, metadata: null } });
    expect(cleared.body).toMatchObject({ email: null, name: 'New', metadata: {} });
    expect((await t.call('GET', `/v1/customers/${created.id}`)).body).toEqual(cleared.body);
  });

  it('refuses to move a customer onto an external_id another customer holds', async () => {
    await t.call('POST', '/v1/customers', { body: { external_id: 'holder' } });
    const mover = (await t.call('POST', '/v1/customers', { body: { external_id: 'mover' } })).body;
    const res = await t.call('POST', `/v1/customers/${mover.id}`, { body: { external_id: 'holder' } });
    expect(res.status).toBe(409);
    expect((await t.call('GET', `/v1/customers/${mover.id}`)).body.external_id).toBe('mover');
  });

  it('deletes a customer: the answer says so, and it is gone from lookups and lists', async () => {
    const created = (await t.call('POST', '/v1/customers', { body: { external_id: 'user_gone', email: 'gone@example.com' } })).body;
    const res = await t.call('DELETE', `/v1/customers/${created.id}`);
    expect(res.body).toEqual({ id: created.id, object: 'customer', deleted: true });
    expect((await t.call('GET', `/v1/customers/${created.id}`)).status).toBe(404);
    expect((await t.call('GET', '/v1/customers/user_gone')).status).toBe(404);
    expect((await t.call('DELETE', `/v1/customers/${created.id}`)).status).toBe(404);
    expect((await t.call('GET', '/v1/customers?email=gone%40example.com')).body.data).toEqual([]);
  });
});

describe('listing customers', () => {
  it('pages newest first with limit, starting_after and has_more, visiting each customer once', async () => {
    // A project of its own keeps this listing free of the other tests' customers.
    const fresh = await createProjectWithKeys(t.database.db, 'Listing', t.clock.now());
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      ids.push((await t.call('POST', '/v1/customers', { key: fresh.secretKey, body: { name: `c${i}` } })).body.id);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    for (;;) {
      const query = `limit=3${cursor ? `&starting_after=${cursor}` : ''}`;
      const page = await t.call('GET', `/v1/customers?${query}`, { key: fresh.secretKey });
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ object: 'list', url: '/v1/customers' });
      seen.push(...page.body.data.map((c: { id: string }) => c.id));
      pages += 1;
      if (!page.body.has_more) break;
      cursor = page.body.data.at(-1).id;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
  });

  it('defaults to 10 and filters by email and external_id', async () => {
    await t.call('POST', '/v1/customers', { body: { email: 'filter@example.com', external_id: 'filter_1' } });
    const byEmail = await t.call('GET', '/v1/customers?email=filter%40example.com');
    expect(byEmail.body.data).toHaveLength(1);
    expect(byEmail.body.data[0].external_id).toBe('filter_1');
    const byExternalId = await t.call('GET', '/v1/customers?external_id=filter_1');
    expect(byExternalId.body.data).toHaveLength(1);
    const all = await t.call('GET', '/v1/customers');
    expect(all.body.data.length).toBeLessThanOrEqual(10);
  });

  it('answers 404 naming starting_after for an unknown cursor', async () => {
    const res = await t.call('GET', '/v1/customers?starting_after=cus_nope');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'resource_missing', param: 'starting_after' });
  });
});
