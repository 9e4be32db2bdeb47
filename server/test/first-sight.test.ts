// Customers that do not exist yet: a check or an event with `customer_data` creates the customer
// on first sight (once, however many requests race), holding its group's default plan; without
// it, a check answers `customer_not_found` and an event is rejected. The Node SDK over the same
// real server: `createCustomers`, `customerData`, and `track()` reporting rather than throwing.
import { Nozle, type NozleTrackError } from '@nozle/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let n = 0;
const fresh = () => `new_user_${++n}`;

beforeAll(async () => {
  t = await startTestApp();
  await t.call('POST', '/v1/meters', { body: { key: 'messages', event_name: 'message.sent', aggregation: 'count' } });
  await t.call('POST', '/v1/features', { body: { key: 'messages', type: 'metered', meter: 'messages' } });
  await t.call('POST', '/v1/features', { body: { key: 'export', type: 'boolean' } });
  const free = await t.call('POST', '/v1/plans', {
    body: { key: 'free', interval: 'month', base_price: 0, default: true, entitlements: [{ feature: 'messages', limit: 3 }] },
  });
  expect(free.status, JSON.stringify(free.body)).toBe(200);
});
afterAll(() => t.close());

const check = (body: Record<string, unknown>) => t.call('POST', '/v1/check', { body });
const customersNamed = async (externalId: string) =>
  (await t.call('GET', `/v1/customers?external_id=${externalId}`)).body.data as Array<Record<string, unknown>>;

describe('POST /v1/check for a customer that does not exist', () => {
  it('answers customer_not_found without customer_data, and creates nobody', async () => {
    const ref = fresh();
    const res = await check({ customer: ref, feature: 'messages' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ object: 'check', customer: ref, feature: 'messages', allowed: false, reason: 'customer_not_found', version: 0 });
    expect(await customersNamed(ref)).toEqual([]);
  });

  it('creates it with customer_data, holding the default plan, and answers about it', async () => {
    const ref = fresh();
    const res = await check({ customer: ref, feature: 'messages', customer_data: { email: 'ada@example.com', name: 'Ada' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ allowed: true, reason: null, limit: 3, used: 0, remaining: 3 });
    expect(res.body.customer).toMatch(/^cus_/);
    expect(await customersNamed(ref)).toEqual([expect.objectContaining({ id: res.body.customer, external_id: ref, email: 'ada@example.com', name: 'Ada' })]);
    const subscriptions = (await t.call('GET', `/v1/subscriptions?customer=${ref}`)).body.data;
    expect(subscriptions).toEqual([expect.objectContaining({ plan: 'free', status: 'active' })]);
  });

  it('creates one customer when concurrent checks see it first', async () => {
    const ref = fresh();
    const answers = await Promise.all(Array.from({ length: 8 }, () => check({ customer: ref, feature: 'messages', customer_data: {} })));
    expect(answers.map((res) => res.status)).toEqual(Array(8).fill(200));
    const created = await customersNamed(ref);
    expect(created).toHaveLength(1);
    expect(new Set(answers.map((res) => res.body.customer))).toEqual(new Set([created[0]!.id]));
    expect((await t.call('GET', `/v1/subscriptions?customer=${ref}`)).body.data).toHaveLength(1);
  });

  it('leaves an existing customer as it is', async () => {
    const ref = fresh();
    await t.call('POST', '/v1/customers', { body: { external_id: ref, email: 'first@example.com' } });
    await check({ customer: ref, feature: 'export', customer_data: { email: 'second@example.com' } });
    expect((await customersNamed(ref))[0]).toMatchObject({ email: 'first@example.com' });
  });

  it('never creates a cus_ id, and refuses customer_data the spec does not allow', async () => {
    expect((await check({ customer: 'cus_doesnotexist', feature: 'export', customer_data: {} })).body).toMatchObject({ reason: 'customer_not_found' });
    const bad = await check({ customer: fresh(), feature: 'export', customer_data: { email: 'not an email' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.param).toMatch(/customer_data/);
  });
});

describe('POST /v1/events for a customer that does not exist', () => {
  it('rejects the event without customer_data, and counts it for a customer created with it', async () => {
    const unknown = fresh();
    const ref = fresh();
    const res = await t.call('POST', '/v1/events', {
      body: {
        events: [
          { id: `${unknown}_1`, customer: unknown, event: 'message.sent' },
          { id: `${ref}_1`, customer: ref, event: 'message.sent', customer_data: { name: 'Grace' } },
          { id: `${ref}_2`, customer: ref, event: 'message.sent', customer_data: { name: 'Ignored' } },
        ],
      },
    });
    expect(res.body).toMatchObject({ accepted: 2, rejected: 1 });
    expect(res.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'customer_not_found' } });
    expect(await customersNamed(unknown)).toEqual([]);
    expect(await customersNamed(ref)).toEqual([expect.objectContaining({ name: 'Grace' })]);
    expect((await check({ customer: ref, feature: 'messages' })).body).toMatchObject({ allowed: true, limit: 3, used: 2, remaining: 1 });
  });

  it('rejects an event whose customer_data the spec refuses, and creates nobody', async () => {
    const ref = fresh();
    const res = await t.call('POST', '/v1/events', {
      body: { events: [{ id: `${ref}_1`, customer: ref, event: 'message.sent', customer_data: { name: 'a\u0000b', email: 'x@example.com' } }] },
    });
    expect(res.status).toBe(200);
    expect(res.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'parameter_invalid' } });
    expect(await customersNamed(ref)).toEqual([]);
  });

  it('creates one customer when concurrent batches see it first, and counts every event', async () => {
    const ref = fresh();
    const batches = Array.from({ length: 4 }, (_, i) =>
      t.call('POST', '/v1/events', { body: { events: [{ id: `${ref}_${i}`, customer: ref, event: 'message.sent', customer_data: {} }] } }),
    );
    const results = await Promise.all(batches);
    expect(results.map((res) => res.body.accepted)).toEqual([1, 1, 1, 1]);
    expect(await customersNamed(ref)).toHaveLength(1);
    expect((await check({ customer: ref, feature: 'messages' })).body).toMatchObject({ used: 4, allowed: false, reason: 'limit_reached' });
  });
});

describe('the Node SDK over a real server', () => {
  const nozle = (options: { createCustomers?: boolean; onError?: (error: NozleTrackError) => void } = {}) =>
    new Nozle({
      secretKey: t.projectA.secretKey,
      baseUrl: t.url,
      now: () => t.clock.now().getTime(),
      ...(options.createCustomers === undefined ? {} : { createCustomers: options.createCustomers }),
      track: { onError: options.onError ?? (() => {}), flushIntervalMs: 10 },
    });

  it('answers customer_not_found for an unknown customer, without throwing', async () => {
    const ref = fresh();
    expect(await nozle().can(ref, 'messages')).toMatchObject({ allowed: false, reason: 'customer_not_found' });
    expect(await customersNamed(ref)).toEqual([]);
  });

  it('creates the customer with createCustomers, and with customerData on one call', async () => {
    const first = fresh();
    expect(await nozle({ createCustomers: true }).can(first, 'messages')).toMatchObject({ allowed: true, limit: 3 });
    expect(await customersNamed(first)).toHaveLength(1);
    const second = fresh();
    await nozle().can(second, 'export', { customerData: { email: 'lin@example.com' } });
    expect(await customersNamed(second)).toEqual([expect.objectContaining({ email: 'lin@example.com' })]);
  });

  it('track() reports an unknown customer to onError, and creates it when asked', async () => {
    const reports: NozleTrackError[] = [];
    const client = nozle({ onError: (error) => reports.push(error) });
    const unknown = fresh();
    client.track({ customer: unknown, event: 'message.sent' });
    const ref = fresh();
    client.track({ customer: ref, event: 'message.sent', customerData: { name: 'Kay' } });
    await client.shutdown();
    expect(reports).toEqual([expect.objectContaining({ reason: 'rejected', events: [expect.objectContaining({ customer: unknown })] })]);
    expect(await customersNamed(ref)).toEqual([expect.objectContaining({ name: 'Kay' })]);
    expect((await check({ customer: ref, feature: 'messages' })).body).toMatchObject({ used: 1 });
  });
});
