// An endpoint of a test app with a real receiver behind it: what the delivery work sends it,
// each request verified with the `standardwebhooks` package as a receiver checks it.
import pino from 'pino';
import { expect } from 'vitest';
import { runDeliveryPass, type DeliveryDeps } from '../../src/webhooks/delivery.js';
import type { TestApp } from './test-app.js';
import { verifyReceived, WebhookReceiver } from './webhook-receiver.js';

export interface DeliveredEvent {
  id: string;
  type: string;
  created: number;
  data: Record<string, any>;
}

export interface Listener {
  /** Runs the delivery work, then answers every event received so far, each verified (a forgery throws). */
  delivered(): Promise<DeliveredEvent[]>;
  stop(): Promise<void>;
}

/** The delivery work of `t`, on its server clock. */
export const deliveryDeps = (t: TestApp): DeliveryDeps => ({
  db: t.database.db,
  clock: t.clock,
  logger: pino({ level: 'silent' }),
  policy: { allowPrivate: true },
  timeoutMs: 2_000,
  wallNow: () => new Date(),
});

/** Deletes every endpoint of project A and delivers what is pending: the next endpoints receive only what comes after. */
export async function clearEndpoints(t: TestApp): Promise<void> {
  for (const { id } of (await t.call('GET', '/v1/webhook_endpoints?limit=100')).body.data) await t.call('DELETE', `/v1/webhook_endpoints/${id}`);
  await runDeliveryPass(deliveryDeps(t));
}

/** A receiver on a random port with an endpoint of project A for `types`. */
export async function listen(t: TestApp, types: string[]): Promise<Listener> {
  const receiver = await new WebhookReceiver().start();
  const created = await t.call('POST', '/v1/webhook_endpoints', { body: { url: receiver.url, enabled_events: types } });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  return {
    async delivered() {
      await runDeliveryPass(deliveryDeps(t));
      return receiver.received.map((request) => {
        const event = verifyReceived(created.body.secret, request) as DeliveredEvent;
        expect(request.headers['webhook-id']).toBe(event.id);
        return event;
      });
    },
    stop: () => receiver.stop(),
  };
}
