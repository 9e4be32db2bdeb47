// The Node SDK against the real server: its customer tokens open the browser's WebSocket, and
// its local mode answers can() from the project's stream, following grants and deletions.
import { Nozle } from '@nozle/node';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let nozle: Nozle;
beforeAll(async () => {
  t = await startTestApp();
  await t.call('POST', '/v1/features', { body: { key: 'export', type: 'boolean' } });
  for (const externalId of ['dana', 'eve']) {
    await t.call('POST', '/v1/customers', { body: { external_id: externalId } });
    await t.call('GET', `/v1/customers/${externalId}/entitlements`); // a stored snapshot to stream
  }
  nozle = new Nozle({ secretKey: t.projectA.secretKey, baseUrl: t.url, stream: { WebSocket: WebSocket } });
});
afterAll(async () => {
  await nozle.shutdown(2000);
  await t.close();
});

describe('customerToken()', () => {
  it('mints a token the server accepts for that customer', async () => {
    // The server's clock is a test clock far behind the real one: a long expiry covers both.
    const token = await nozle.customerToken('dana', { expiresIn: 3600 });
    const socket = new WebSocket(`${t.url.replace('http', 'ws')}/v1/realtime`);
    const first = await new Promise<{ type: string; snapshot?: { external_id: string } }>((resolve, reject) => {
      socket.on('open', () => socket.send(JSON.stringify({ type: 'hello', key: t.projectA.publishableKey, token, version: 0 })));
      socket.on('message', (data) => resolve(JSON.parse(data.toString())));
      socket.on('close', (code) => reject(new Error(`closed ${code}`)));
    });
    socket.close();
    expect(first.type).toBe('snapshot');
    expect(first.snapshot!.external_id).toBe('dana');
  });
});

describe('local mode', () => {
  it('answers can() from the streamed copy and follows a grant', async () => {
    expect(await nozle.localReady(5000)).toBe(true);
    const before = nozle.localStats().localAnswers;
    expect((await nozle.can('dana', 'export')).allowed).toBe(false);
    expect(nozle.localStats().localAnswers).toBe(before + 1);

    await t.call('POST', '/v1/customers/dana/grants', { body: { feature: 'export' } });
    await expect.poll(async () => (await nozle.can('dana', 'export')).allowed).toBe(true);
    expect(nozle.localStats().localAnswers).toBeGreaterThan(before + 1);
  });

  it('canLocal() answers as can() does, synchronously, and undefined where only the API can answer', async () => {
    expect(await nozle.localReady(5000)).toBe(true);
    await expect.poll(async () => (await nozle.can('dana', 'export')).allowed).toBe(true);
    const before = nozle.localStats();
    const local = nozle.canLocal('dana', 'export');
    expect(local).toEqual(await nozle.can('dana', 'export'));
    // A feature or customer the copy does not hold, and a quantity the API would refuse.
    expect(nozle.canLocal('dana', 'no_such_feature')).toBeUndefined();
    expect(nozle.canLocal('nobody_known', 'export')).toBeUndefined();
    expect(nozle.canLocal('dana', 'export', { quantity: -1 })).toBeUndefined();
    // canLocal asked the API nothing: two local answers (canLocal, can), no API answer.
    expect(nozle.localStats()).toMatchObject({ localAnswers: before.localAnswers + 2, apiAnswers: before.apiAnswers });
    // Without local mode it never answers.
    const plain = new Nozle({ secretKey: t.projectA.secretKey, baseUrl: t.url });
    expect(plain.canLocal('dana', 'export')).toBeUndefined();
    await plain.shutdown();
  });

  it('drops a deleted customer: can() then asks the API, which knows it is gone', async () => {
    await t.call('DELETE', '/v1/customers/eve');
    await expect.poll(async () => (await nozle.can('eve', 'export')).reason).toBe('customer_not_found');
  });
});
