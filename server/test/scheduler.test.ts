// Time-driven changes happen at their instant and are pushed, with no request in between: a
// grant window of a few seconds opens and closes on a connected WebSocket client, in sandbox mode
// and with Stripe configured; a self-billed trial converts at its end with its first invoice.
import { setupServer } from 'msw/node';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../src/clock.js';
import { hashKey } from '../src/http/api-keys.js';
import { signCustomerToken } from '../src/http/customer-token.js';
import { StripeAccount } from './support/stripe-account.js';
import { within } from './support/sockets.js';
import { startTestApp, type TestApp, type TestAppOptions } from './support/test-app.js';

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

interface Pushed {
  type: string;
  snapshot?: { version: number; features: Record<string, { allowed: boolean }> };
}

/** A connected client of `customer`, and the `allowed` of `feature` in each snapshot it was sent. */
function watch(t: TestApp, customer: string, feature: string) {
  const token = signCustomerToken(hashKey(t.projectA.secretKey), { projectId: t.projectA.projectId, customer, expiresAt: seconds(new Date()) + 3600 });
  const socket = new WebSocket(`${t.url.replace('http', 'ws')}/v1/realtime`);
  const allowed: boolean[] = [];
  const waiting = new Set<() => void>();
  socket.on('open', () => socket.send(JSON.stringify({ type: 'hello', key: t.projectA.publishableKey, token, version: 0 })));
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString()) as Pushed;
    if (message.type === 'snapshot' && message.snapshot) allowed.push(message.snapshot.features[feature]?.allowed ?? false);
    for (const check of waiting) check();
  });
  return {
    allowed,
    /** Resolves once the client has been sent `count` snapshots. */
    snapshots: (count: number) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (allowed.length < count) return;
          waiting.delete(check);
          resolve();
        };
        waiting.add(check);
        check();
      }),
    close: () => socket.close(),
  };
}

function grantWindowIsPushed(options: TestAppOptions) {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ ...options, scheduler: true, baseClock: systemClock });
    await t.call('POST', '/v1/features', { body: { key: 'export', type: 'boolean' } });
  });
  afterAll(() => t.close());

  it('a grant window of a few seconds opens and closes on a connected client, with no request in between', async () => {
    const customer = (await t.call('POST', '/v1/customers', { body: { external_id: `window-${Date.now()}` } })).body.id as string;
    const opens = seconds(new Date()) + 2;
    const grant = await t.call('POST', `/v1/customers/${customer}/grants`, { body: { feature: 'export', starts_at: opens, ends_at: opens + 2 } });
    expect(grant.status).toBe(200);
    const client = watch(t, customer, 'export');
    try {
      // Connected before the window: no access; then the window opens, then it closes.
      await within(client.snapshots(3), 10_000, 'the window opening and closing');
      expect(client.allowed).toEqual([false, true, false]);
    } finally {
      client.close();
    }
  });
}

describe('the scheduler in sandbox mode', () => grantWindowIsPushed({}));

describe('the scheduler with Stripe configured', () => {
  const account = new StripeAccount(systemClock);
  const stripeApi = setupServer(...account.handlers());
  beforeAll(() =>
    stripeApi.listen({
      onUnhandledRequest: (request, print) => {
        if (new URL(request.url).hostname !== '127.0.0.1') print.error();
      },
    }),
  );
  afterAll(() => stripeApi.close());
  grantWindowIsPushed({ stripe: { secretKey: 'sk_test_nozle', webhookSecret: 'whsec_nozle_test_secret' } });
});

describe('a trial Nozle bills itself', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.call('POST', '/v1/features', { body: { key: 'export', type: 'boolean' } });
    await t.call('POST', '/v1/plans', {
      body: { key: 'team', name: 'Team', interval: 'month', base_price: 4900, trial_days: 14, entitlements: [{ feature: 'export' }] },
    });
  });
  afterAll(() => t.close());

  it('converts to active at its end with its first invoice, without anyone setting a status', async () => {
    const customer = (await t.call('POST', '/v1/customers', { body: { external_id: 'trial-api' } })).body.id as string;
    const created = (await t.call('POST', '/v1/subscriptions', { body: { customer, plan: 'team' } })).body;
    expect(created).toMatchObject({ status: 'trialing', provider: null });
    expect((await t.call('POST', '/v1/test_clock/advance', { body: { to: created.trial_end + 60 } })).status).toBe(200);

    const after = (await t.call('GET', `/v1/subscriptions/${created.id}`)).body;
    expect(after).toMatchObject({ status: 'active', current_period_start: created.trial_end, trial_end: created.trial_end });
    expect((await t.call('GET', `/v1/customers/${customer}/entitlements`)).body.features.export.allowed).toBe(true);
    const invoices = (await t.call('GET', `/v1/invoices?customer=${customer}`)).body.data;
    expect(invoices).toHaveLength(1);
    expect(invoices[0]).toMatchObject({ trial: true, period_end: created.trial_end, status: 'open' });
  });
});
