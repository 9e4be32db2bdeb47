// @vitest-environment jsdom
// A signed-in user the project has no customer for yet, end to end: the real server closes the
// realtime connection with 4404, the browser client settles on customer_not_found, and <Gate>
// shows its fallback (never an endless loading state). Once the backend creates the customer on
// first sight (the Node SDK's createCustomers), connecting again shows its default plan.
import { Nozle } from '@nozle/node';
import { createNozle, type NozleBrowserClient } from '@nozle/browser';
import { Gate, NozleProvider } from '@nozle/react';
import { act, cleanup, render, screen } from '@testing-library/react';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashKey } from '../src/http/api-keys.js';
import { signCustomerToken } from '../src/http/customer-token.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
const clients: NozleBrowserClient[] = [];

beforeAll(async () => {
  t = await startTestApp();
  await t.call('POST', '/v1/features', { body: { key: 'export', type: 'boolean' } });
  await t.call('POST', '/v1/plans', { body: { key: 'free', interval: 'month', base_price: 0, default: true, entitlements: [{ feature: 'export' }] } });
});
afterEach(() => {
  cleanup();
  for (const client of clients.splice(0)) client.close();
});
afterAll(() => t.close());

function browserClient(customer: string): NozleBrowserClient {
  const expiresAt = Math.floor(t.clock.now().getTime() / 1000) + 3600;
  const client = createNozle({
    publishableKey: t.projectA.publishableKey,
    baseUrl: t.url,
    customerToken: signCustomerToken(hashKey(t.projectA.secretKey), { projectId: t.projectA.projectId, customer, expiresAt }),
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    onError: () => {},
  });
  clients.push(client);
  return client;
}

describe('<Gate> for a customer that does not exist yet', () => {
  it('shows the fallback; once created on first sight, its default plan', async () => {
    const client = browserClient('first_visit');
    render(
      <NozleProvider client={client}>
        <Gate feature="export" fallback={<p>no export</p>} loading={<p>checking</p>}>
          <p>export</p>
        </Gate>
      </NozleProvider>,
    );
    expect(screen.getByText('checking')).toBeTruthy();
    await screen.findByText('no export');
    expect(client.getStatus()).toBe('customer_not_found');
    expect(client.check('export')).toEqual({ allowed: false, reason: 'customer_not_found' });

    const backend = new Nozle({ secretKey: t.projectA.secretKey, baseUrl: t.url, createCustomers: true });
    expect(await backend.can('first_visit', 'export', { customerData: { email: 'new@example.com' } })).toMatchObject({ allowed: true });

    act(() => client.connect());
    await screen.findByText('export');
    expect(client.getStatus()).toBe('open');
  });
});
