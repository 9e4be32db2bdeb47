// The address policy of webhook endpoints (the SSRF guard) on a server that allows no private
// addresses: http:, credentials, loopback, private, link-local and reserved addresses are a
// 400 naming `url`, on creation and on update, and nothing is stored; a name that resolves to
// such an address is refused when a delivery is attempted.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDeliveryPass } from '../src/webhooks/delivery.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('the address policy', () => {
  let strict: TestApp;
  beforeAll(async () => {
    strict = await startTestApp({ webhookUrls: { allowPrivate: false } });
  });
  afterAll(async () => {
    await strict?.close();
  });

  it.each([
    'http://api.example.com/hooks',
    'https://127.0.0.1/hooks',
    'https://localhost:8443/hooks',
    'https://localhost./hooks',
    'https://127.1/hooks',
    'https://0.0.0.0/hooks',
    'https://100.64.0.1/hooks',
    'https://10.1.2.3/hooks',
    'https://192.168.0.10/hooks',
    'https://169.254.169.254/latest/meta-data',
    'https://[::1]/hooks',
    'https://[::ffff:127.0.0.1]/hooks',
    'https://user:pass@api.example.com/hooks',
    'ftp://api.example.com/hooks',
  ])('refuses %s with a 400 naming url', async (url) => {
    const res = await strict.call('POST', '/v1/webhook_endpoints', { body: { url } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ param: 'url', code: 'url_refused' });
    expect((await strict.call('GET', '/v1/webhook_endpoints')).body.data).toEqual([]);
  });

  it('accepts a public https URL', async () => {
    expect((await strict.call('POST', '/v1/webhook_endpoints', { body: { url: 'https://api.example.com/hooks' } })).status).toBe(200);
  });

  it('refuses such a URL on update too, and keeps the one it had', async () => {
    const { id } = (await strict.call('POST', '/v1/webhook_endpoints', { body: { url: 'https://api.example.com/kept' } })).body;
    const res = await strict.call('POST', `/v1/webhook_endpoints/${id}`, { body: { url: 'https://10.0.0.8/hooks' } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ param: 'url', code: 'url_refused' });
    expect((await strict.call('GET', `/v1/webhook_endpoints/${id}`)).body.url).toBe('https://api.example.com/kept');
  });

  it('refuses at delivery a name that resolves to a private address, sending nothing', async () => {
    for (const { id } of (await strict.call('GET', '/v1/webhook_endpoints')).body.data) await strict.call('DELETE', `/v1/webhook_endpoints/${id}`);
    const { id } = (await strict.call('POST', '/v1/webhook_endpoints', { body: { url: 'https://hooks.example.com/nozle', enabled_events: ['grant.created'] } }))
      .body;
    expect((await strict.call('POST', '/v1/features', { body: { key: 'export', name: 'Export', type: 'boolean' } })).status).toBe(200);
    expect((await strict.call('POST', '/v1/customers', { body: { external_id: 'ssrf-user' } })).status).toBe(200);
    expect((await strict.call('POST', '/v1/customers/ssrf-user/grants', { body: { feature: 'export' } })).status).toBe(200);
    // The name points inside (as DNS can make it at any time): the attempt stops before any connection.
    const resolved: string[] = [];
    const lookup = async (hostname: string) => (resolved.push(hostname), [{ address: '10.0.0.7' }]);
    const logger = pino({ level: 'silent' });
    await runDeliveryPass({
      db: strict.database.db,
      clock: strict.clock,
      logger,
      policy: { allowPrivate: false, lookup },
      timeoutMs: 2_000,
      wallNow: () => new Date(),
    });
    expect(resolved).toEqual(['hooks.example.com']);
    const [event] = (await strict.call('GET', '/v1/webhook_events?type=grant.created&limit=1')).body.data;
    expect(event.deliveries).toMatchObject([{ endpoint: id, status: 'pending' }]);
    expect(event.deliveries[0].attempts).toMatchObject([
      { attempt: 1, status_code: null, error: 'refused: hooks.example.com resolves to a private or reserved address', response_excerpt: null },
    ]);
  });
});
