// @vitest-environment jsdom
// An alert reaches the browser as it is reached: the real browser store over a real WebSocket
// receives the snapshot that carries it, and a React component reading useAlerts() shows
// "80% used" with no polling.
import { createNozle, type NozleBrowserClient } from '@nozle/browser';
import { NozleProvider, useAlerts } from '@nozle/react';
import { cleanup, render, screen } from '@testing-library/react';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashKey } from '../src/http/api-keys.js';
import { signCustomerToken } from '../src/http/customer-token.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
const clients: NozleBrowserClient[] = [];
let eventSeq = 0;

function MessagesBanner() {
  const [alert] = useAlerts('messages');
  return <p>{alert ? `${alert.percent}% of messages used` : 'messages: fine'}</p>;
}

beforeAll(async () => {
  t = await startTestApp();
  await t.call('POST', '/v1/meters', { body: { key: 'msgs', event_name: 'message', aggregation: 'count' } });
  await t.call('POST', '/v1/features', { body: { key: 'messages', type: 'metered', meter: 'msgs' } });
  await t.call('POST', '/v1/plans', { body: { key: 'pro', interval: 'month', entitlements: [{ feature: 'messages', limit: 10, reset: 'month' }] } });
  await t.call('POST', '/v1/alerts', { body: { type: 'usage', plan: 'pro', feature: 'messages', percent: 80 } });
});
afterEach(() => {
  cleanup();
  for (const client of clients.splice(0)) client.close();
});
afterAll(() => t.close());

async function browserFor(externalId: string): Promise<NozleBrowserClient> {
  expect((await t.call('POST', '/v1/customers', { body: { external_id: externalId } })).status).toBe(200);
  expect((await t.call('POST', '/v1/subscriptions', { body: { customer: externalId, plan: 'pro' } })).status).toBe(200);
  const expiresAt = Math.floor(t.clock.now().getTime() / 1000) + 3600;
  const token = signCustomerToken(hashKey(t.projectA.secretKey), { projectId: t.projectA.projectId, customer: externalId, expiresAt });
  const client = createNozle({
    publishableKey: t.projectA.publishableKey,
    baseUrl: t.url,
    customerToken: token,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    onError: () => {},
  });
  clients.push(client);
  return client;
}

const sendMessages = async (customer: string, count: number) => {
  const events = Array.from({ length: count }, () => ({ id: `rt_evt_${++eventSeq}`, customer, event: 'message' }));
  expect((await t.call('POST', '/v1/events', { body: { events } })).body.accepted).toBe(count);
};

describe('alerts in the browser', () => {
  it('the store receives the alert over the WebSocket, and tells its alert listeners once', async () => {
    const client = await browserFor('rt_alice');
    let heard = 0;
    client.subscribeAlerts(() => (heard += 1));
    await sendMessages('rt_alice', 7);
    await expect.poll(() => client.getSnapshot()?.features.messages?.used).toBe(7);
    expect(client.getAlerts()).toEqual([]);

    await sendMessages('rt_alice', 1);
    await expect.poll(() => client.getAlerts().length).toBe(1);
    expect(client.getAlerts()[0]).toMatchObject({ type: 'usage', feature: 'messages', percent: 80, threshold: 8, value: 8 });
    const held = client.getAlerts();
    await sendMessages('rt_alice', 1);
    await expect.poll(() => client.getSnapshot()?.features.messages?.used).toBe(9);
    expect(client.getAlerts()).toBe(held);
    expect(heard).toBe(1);
  });

  it('useAlerts() shows "80% used" as soon as the usage crosses it', async () => {
    const client = await browserFor('rt_bob');
    render(
      <NozleProvider client={client}>
        <MessagesBanner />
      </NozleProvider>,
    );
    await sendMessages('rt_bob', 7);
    await expect.poll(() => client.getSnapshot()?.features.messages?.used).toBe(7);
    expect(screen.getByText('messages: fine')).toBeTruthy();
    await sendMessages('rt_bob', 1);
    await screen.findByText('80% of messages used');
  });
});
