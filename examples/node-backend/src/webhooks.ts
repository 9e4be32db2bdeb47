// Nozle's webhooks, received: the raw body verified with the endpoint's secret, then
// `customer.entitlements.updated` logged (an app would refresh its own cache of what the
// customer may use here). Any 2xx tells Nozle the delivery arrived; a 400 has it retried.
import { NozleWebhookVerificationError, type Nozle } from '@nozle/node';
import express, { Router } from 'express';

export interface WebhookOptions {
  /** The endpoint's signing secret (`whsec_…`), shown when the endpoint was created. */
  secret: string | undefined;
  /** Where a received event is told (console.log by default). */
  log: (line: string) => void;
}

export function webhookRoutes(nozle: Nozle, options: WebhookOptions): Router {
  const router = Router();
  // The signature covers the bytes as sent: read them raw, never re-serialized JSON.
  router.post('/webhooks/nozle', express.raw({ type: 'application/json' }), (req, res) => {
    if (!options.secret) {
      res.status(503).json({ error: { code: 'not_configured', message: 'Set NOZLE_WEBHOOK_SECRET to the endpoint secret.' } });
      return;
    }
    try {
      const event = nozle.webhooks.verify(req.body as Buffer, req.headers, { secret: options.secret });
      // The event is typed from the spec: checking `type` narrows `data` to the new snapshot.
      if (event.type === 'customer.entitlements.updated') {
        const { data } = event;
        const allowed = Object.entries(data.features)
          .filter(([, feature]) => feature.allowed)
          .map(([key]) => key);
        options.log(`[webhook] ${event.id}: ${data.external_id ?? data.customer} is at version ${data.version}, allowed: ${allowed.join(', ') || 'nothing'}`);
      }
      res.json({ received: true });
    } catch (error) {
      if (!(error instanceof NozleWebhookVerificationError)) throw error;
      res.status(400).json({ error: { code: 'invalid_signature', message: error.message } });
    }
  });
  return router;
}
