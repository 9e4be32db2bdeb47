// Issue 14 item 4, the clients' side, end to end: a real server, the real browser store over a
// real WebSocket, and the Node SDK's local copy. A grant ending in 2 s closes on both at the
// instant with no message from the server: the server's clock is frozen (it would never push
// the change), and the browser's connection is cut besides.
import { createNozle, type NozleBrowserClient } from '@nozle/browser';
import { Nozle } from '@nozle/node';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashKey } from '../src/http/api-keys.js';
import { signCustomerToken } from '../src/http/customer-token.js';
import { startTestApp, type TestApp } from './support/test-app.js';

vi.setConfig({ testTimeout: 30_000 });

let t: TestApp;
const serverNow = () => Math.floor(t.clock.now().getTime() / 1000);
beforeAll(async () => {
  t = await startTestApp();
  await t.call('POST', '/v1/features', { body: { key: 'export', type: 'boolean' } });
  await t.call('POST', '/v1/customers', { body: { external_id: 'carol' } });
});
afterAll(() => t.close());

/** A grant of `export` from now to `seconds` from now, on the server's clock; its end. */
async function grantFor(customer: string, seconds: number): Promise<number> {
  const endsAt = serverNow() + seconds;
  await t.call('POST', `/v1/customers/${customer}/grants`, { body: { feature: 'export', ends_at: endsAt } });
  return endsAt;
}

describe('a grant window closing while nothing comes from the server', () => {
  let browser: NozleBrowserClient;
  afterAll(() => browser.close());

  it('the browser store flips at valid_until with its connection cut, and tells the feature once', async () => {
    const endsAt = await grantFor('carol', 2);
    browser = createNozle({
      publishableKey: t.projectA.publishableKey,
      baseUrl: t.url,
      customerToken: signCustomerToken(hashKey(t.projectA.secretKey), { projectId: t.projectA.projectId, customer: 'carol', expiresAt: serverNow() + 3600 }),
      WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
      reconnect: { initialDelayMs: 60_000, maxDelayMs: 60_000 },
      onError: () => {},
    });
    const onExport = vi.fn();
    browser.subscribeFeature('export', onExport);
    await expect.poll(() => browser.can('export')).toBe(true);
    expect(browser.getSnapshot()?.valid_until).toBe(endsAt);
    expect(browser.getSnapshot()?.upcoming?.features['export']?.allowed).toBe(false);
    const heard = onExport.mock.calls.length;

    await t.realtime.close(500); // the server's WebSocket side goes away
    await expect.poll(() => browser.getStatus()).not.toBe('open');
    expect(browser.can('export')).toBe(true);

    await expect.poll(() => browser.can('export'), { timeout: 5000, interval: 20 }).toBe(false);
    expect(browser.check('export').reason).toBe('no_access');
    expect(onExport.mock.calls.length).toBe(heard + 1);
  });
});

describe('the Node local copy', () => {
  let nozle: Nozle;
  afterAll(() => nozle.shutdown(2000));

  it('answers from the upcoming state at valid_until, from memory', async () => {
    // A fresh hub: the one above was closed.
    const fresh = await startTestApp();
    try {
      await fresh.call('POST', '/v1/features', { body: { key: 'export', type: 'boolean' } });
      await fresh.call('POST', '/v1/customers', { body: { external_id: 'dave' } });
      const endsAt = Math.floor(fresh.clock.now().getTime() / 1000) + 2;
      await fresh.call('POST', '/v1/customers/dave/grants', { body: { feature: 'export', ends_at: endsAt } });
      nozle = new Nozle({ secretKey: fresh.projectA.secretKey, baseUrl: fresh.url, stream: { WebSocket } });
      expect(await nozle.localReady(5000)).toBe(true);
      expect((await nozle.can('dave', 'export')).allowed).toBe(true);

      // The server's clock stands still: the API would still say yes, and nothing is pushed.
      await expect.poll(async () => (await nozle.can('dave', 'export')).allowed, { timeout: 5000, interval: 20 }).toBe(false);
      expect(nozle.localStats().apiAnswers).toBe(0);
      const asked = await fresh.call<{ allowed: boolean }>('POST', '/v1/check', { body: { customer: 'dave', feature: 'export' } });
      expect(asked.body.allowed).toBe(true);
      await nozle.shutdown(2000);
    } finally {
      await fresh.close();
    }
  });
});
