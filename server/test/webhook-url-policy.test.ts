// The address policy of webhook endpoints (the SSRF guard) on a server that allows no private
// addresses: http:, credentials, loopback, private, link-local and reserved addresses are a
// 400 naming `url`, and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
