// Test clocks behave like the world moved (issue 14, item 7): with the project's clock advanced,
// what the Node SDK does with the world's time (mint a customer token, track events) behaves as
// at the moved time. The SDK's clock is the server's base time here, as a real app's Date.now is.
import { Nozle } from '@nozle/node';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let nozle: Nozle;
const errors: unknown[] = [];
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

beforeAll(async () => {
  t = await startTestApp();
  nozle = new Nozle({ secretKey: t.projectA.secretKey, baseUrl: t.url, now: () => t.clock.now().getTime(), track: { onError: (error) => errors.push(error) } });
  await t.call('POST', '/v1/meters', { body: { key: 'messages', event_name: 'message', aggregation: 'count' } });
  await t.call('POST', '/v1/features', { body: { key: 'messages', type: 'metered', meter: 'messages' } });
  await t.call('POST', '/v1/plans', { body: { key: 'pro', interval: 'month', entitlements: [{ feature: 'messages', limit: 100, reset: 'month' }] } });
  await t.call('POST', '/v1/customers', { body: { external_id: 'ada' } });
  await t.call('POST', '/v1/subscriptions', { body: { customer: 'ada', plan: 'pro' } });
  // 40 days on: past the 35 days an event may be late, and into the subscription's second month.
  const moved = await t.call('POST', '/v1/test_clock/advance', { body: { seconds: 40 * 86_400 } });
  expect(moved.status).toBe(200);
});
afterAll(async () => {
  await nozle.shutdown(2000);
  await t.close();
});

/** The first message the realtime endpoint answers a hello with this token: a snapshot, or the close code. */
async function hello(token: string): Promise<string> {
  const socket = new WebSocket(`${t.url.replace('http', 'ws')}/v1/realtime`);
  try {
    return await new Promise<string>((resolve) => {
      socket.on('open', () => socket.send(JSON.stringify({ type: 'hello', key: t.projectA.publishableKey, token, version: 0 })));
      socket.on('message', (data) => resolve((JSON.parse(data.toString()) as { type: string }).type));
      socket.on('close', (code) => resolve(`closed ${code}`));
    });
  } finally {
    socket.close();
  }
}

describe('with the project’s clock moved', () => {
  it('a customer token the SDK mints is accepted, and still expires after its lifetime', async () => {
    expect(await hello(await nozle.customerToken('ada', { expiresIn: 60 }))).toBe('snapshot');
    const shortLived = await nozle.customerToken('ada', { expiresIn: 60 });
    t.clock.advance(61_000);
    expect(await hello(shortLived)).toMatch(/^closed /);
  });

  it('events the SDK tracks are taken and counted in the moved period', async () => {
    nozle.track({ customer: 'ada', event: 'message' });
    nozle.track({ customer: 'ada', event: 'message', timestamp: t.clock.now() });
    await nozle.flush();
    expect(errors).toEqual([]);

    const projectNow = new Date(t.clock.now().getTime() + t.clocks.offsetMs(t.projectA.projectId));
    const messages = (await t.call('GET', '/v1/customers/ada/entitlements')).body.features.messages;
    expect(messages).toMatchObject({ used: 2 });
    // The period containing the project's time, not the world's (which is in the first month).
    expect(messages.period_start).toBeLessThanOrEqual(seconds(projectNow));
    expect(messages.resets_at).toBeGreaterThan(seconds(projectNow));
    expect(messages.period_start).toBeGreaterThan(seconds(t.clock.now()));
  });
});
