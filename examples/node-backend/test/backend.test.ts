// The example backend against a real Nozle server with its seeded demo project: what the React
// app relies on, and what the backend refuses whatever the UI shows. Each test signs in as its
// own customer, so no test depends on another's usage.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hashKey, loadConfig, startServer, verifyCustomerToken, type RunningServer } from '@nozle/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type RunningBackend } from '../src/index.js';

let nozle: RunningServer;
const backends: RunningBackend[] = [];

beforeAll(async () => {
  nozle = await startServer(loadConfig({ PORT: '0', LOG_LEVEL: 'silent' }));
});
afterEach(async () => {
  for (const backend of backends.splice(0)) await backend.close();
});
afterAll(async () => {
  await nozle?.close();
});

/** Calls the Nozle API with the demo project's secret key. */
async function admin(method: string, path: string, body: unknown): Promise<void> {
  const res = await fetch(`${nozle.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${nozle.demo!.secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
}

/** The backend, signed in as `customer`; a fresh customer on `plan` unless it is the seeded demo-user. */
async function backendFor(customer: string, plan?: 'free' | 'pro') {
  if (plan) {
    // A new customer holds its group's default plan (free) from creation; pro replaces it.
    await admin('POST', '/v1/customers', { external_id: customer });
    if (plan !== 'free') await admin('POST', '/v1/subscriptions', { customer, plan });
  }
  const backend = await startBackend({
    nozleUrl: nozle.url,
    secretKey: nozle.demo!.secretKey,
    publishableKey: nozle.demo!.publishableKey,
    port: 0,
    host: '127.0.0.1',
    customer,
  });
  backends.push(backend);
  return async (method: string, path: string, body?: unknown): Promise<{ status: number; body: any; type: string | null }> => {
    const res = await fetch(`${backend.url}${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const type = res.headers.get('content-type');
    return { status: res.status, type, body: type?.includes('json') ? await res.json() : await res.text() };
  };
}

const someone = () => `user-${randomUUID()}`;

describe('the example backend', () => {
  it('hands the browser its customer, the publishable key, the Nozle URL and a token signed for that customer', async () => {
    const call = await backendFor('demo-user');
    const { status, body } = await call('GET', '/api/session');
    expect(status).toBe(200);
    expect(body.customer).toBe('demo-user');
    expect(body.nozle).toEqual({ baseUrl: nozle.url, publishableKey: nozle.demo!.publishableKey });
    const claims = verifyCustomerToken(body.token, [hashKey(nozle.demo!.secretKey)], new Date());
    expect(claims).toMatchObject({ projectId: nozle.demo!.projectId, customer: 'demo-user' });
  });

  it('lists the plans cheapest first, with the names of their features', async () => {
    const call = await backendFor('demo-user');
    const { status, body } = await call('GET', '/api/plans');
    expect(status).toBe(200);
    expect(body.plans.map((plan: any) => [plan.key, plan.base_price])).toEqual([
      ['free', 0],
      ['pro', 2000],
    ]);
    expect(body.features).toEqual({ export: 'Export notes', messages: 'Messages' });
  });

  it('sends messages up to the plan limit, counting each one, then answers 402', async () => {
    const call = await backendFor(someone(), 'free');
    expect((await call('POST', '/api/messages', { text: '  ' })).status).toBe(400);
    for (const n of [1, 2, 3]) {
      const sent = await call('POST', '/api/messages', { text: `message ${n}` });
      expect(sent.status).toBe(201);
      expect(sent.body.message.text).toBe(`message ${n}`);
    }
    const refused = await call('POST', '/api/messages', { text: 'one too many' });
    expect(refused.status).toBe(402);
    expect(refused.body.error).toMatchObject({ code: 'limit_reached', limit: 3, used: 3 });
    expect((await call('GET', '/api/messages')).body.messages.map((m: any) => m.text)).toEqual(['message 1', 'message 2', 'message 3']);
  });

  it('refuses export on the free plan', async () => {
    const call = await backendFor(someone(), 'free');
    const { status, body } = await call('GET', '/api/export');
    expect(status).toBe(403);
    expect(body.error.code).toBe('no_access');
  });

  it('exports the messages as Markdown on the pro plan', async () => {
    const call = await backendFor(someone(), 'pro');
    expect((await call('POST', '/api/messages', { text: 'hello from pro' })).status).toBe(201);
    const exported = await call('GET', '/api/export');
    expect(exported.status).toBe(200);
    expect(exported.type).toMatch(/^text\/markdown/);
    expect(exported.body).toMatch(/^# Messages\n\n- \S+: hello from pro\n$/);
  });
});

describe("the example backend's webhook route", () => {
  it('receives customer.entitlements.updated from Nozle, verified, and logs it; refuses a forged one', async () => {
    // A free port for the backend, known before the endpoint (and its secret) exists.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const res = await fetch(`${nozle.url}/v1/webhook_endpoints`, {
      method: 'POST',
      headers: { authorization: `Bearer ${nozle.demo!.secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: `http://127.0.0.1:${port}/webhooks/nozle`, enabled_events: ['customer.entitlements.updated'] }),
    });
    expect(res.status).toBe(200);
    const { secret } = (await res.json()) as { secret: string };
    const lines: string[] = [];
    const backend = await startBackend({
      nozleUrl: nozle.url,
      secretKey: nozle.demo!.secretKey,
      publishableKey: nozle.demo!.publishableKey,
      port,
      host: '127.0.0.1',
      customer: 'demo-user',
      webhookSecret: secret,
      log: (line) => lines.push(line),
    });
    backends.push(backend);

    // A customer upgraded to pro: Nozle's delivery work (running in the server) sends the change.
    const customer = someone();
    await admin('POST', '/v1/customers', { external_id: customer });
    await admin('POST', '/v1/subscriptions', { customer, plan: 'pro' });
    await expect.poll(() => lines.find((line) => line.includes(customer) && line.includes('export')), { timeout: 15_000 }).toBeTruthy();

    const forged = await fetch(`${backend.url}/webhooks/nozle`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': 'whe_x',
        'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
        'webhook-signature': 'v1,AAAA',
      },
      body: '{"id":"whe_x","object":"event","type":"customer.entitlements.updated","created":0,"data":{}}',
    });
    expect(forged.status).toBe(400);
  });
});
