// Sandbox mode's forwarding (NOZLE_WEBHOOKS_FORWARD_TO): the server started as every server is
// sends every project's events to one local URL, signed with the secret it reports at start.
import { loadConfig, startServer, type RunningServer } from '../src/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyReceived, WebhookReceiver } from './support/webhook-receiver.js';

let receiver: WebhookReceiver;
let nozle: RunningServer;

beforeAll(async () => {
  receiver = await new WebhookReceiver().start();
  nozle = await startServer(loadConfig({ PORT: '0', LOG_LEVEL: 'silent', NOZLE_WEBHOOKS_FORWARD_TO: receiver.url }));
});
afterAll(async () => {
  await nozle?.close();
  await receiver?.stop();
});

describe('NOZLE_WEBHOOKS_FORWARD_TO', () => {
  it('forwards the demo project’s events to the URL, signed with the secret reported at start', async () => {
    expect(nozle.webhookForwarding?.url).toBe(receiver.url);
    const [forwarded] = nozle.webhookForwarding!.projects;
    expect(forwarded!.projectId).toBe(nozle.demo!.projectId);
    const res = await fetch(`${nozle.url}/v1/customers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${nozle.demo!.secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ external_id: 'forwarded-user' }),
    });
    expect(res.status).toBe(200);
    // The customer gets its default plan: a subscription made, entitlements changed.
    await expect.poll(() => receiver.events().map((event) => event.type), { timeout: 15_000 }).toContain('subscription.created');
    for (const request of receiver.received) expect(() => verifyReceived(forwarded!.secret, request)).not.toThrow();
  });

  it('is refused with Stripe configured', () => {
    expect(() =>
      loadConfig({ NOZLE_WEBHOOKS_FORWARD_TO: 'http://127.0.0.1:3000/hooks', STRIPE_SECRET_KEY: 'sk_test_x', STRIPE_WEBHOOK_SECRET: 'whsec_x' }),
    ).toThrow(/sandbox mode/);
  });
});
