// The metered action. Checked here, on the server, before anything happens: the browser's
// `useCan` only decides what to show, and anyone can call this endpoint without the UI.
import type { Nozle } from '@nozle/node';
import { Router, json } from 'express';
import type { CurrentUser } from './current-user.js';
import type { MessageStore } from './message-store.js';

const MESSAGES_FEATURE = 'messages';
/** The event the demo's `messages` meter counts. */
const MESSAGE_EVENT = 'message.sent';

export function messageRoutes(nozle: Nozle, currentUser: CurrentUser, store: MessageStore): Router {
  const router = Router();

  router.get('/api/messages', (req, res) => {
    res.json({ messages: store.list(currentUser(req)) });
  });

  router.post('/api/messages', json(), async (req, res) => {
    const customer = currentUser(req);
    const body = req.body as { text?: unknown } | undefined;
    const text = typeof body?.text === 'string' ? body.text.trim() : '';
    if (!text) {
      res.status(400).json({ error: { code: 'text_missing', message: 'Write something to send.' } });
      return;
    }
    const check = await nozle.can(customer, MESSAGES_FEATURE, { quantity: 1 });
    if (!check.allowed) {
      // 402: paying (upgrading) would allow it; 403: this customer may not use it at all.
      const status = check.reason === 'limit_reached' ? 402 : 403;
      const message =
        check.reason === 'limit_reached'
          ? `You have sent ${check.used} of ${check.limit} messages this month. Upgrade to send more.`
          : 'Your plan does not include messages.';
      res.status(status).json({ error: { code: check.reason, message, limit: check.limit ?? null, used: check.used ?? null } });
      return;
    }
    const message = store.add(customer, text.slice(0, 500));
    nozle.track({ customer, event: MESSAGE_EVENT, properties: { length: message.text.length } });
    // track() batches in the background; waiting here makes the count (and the browser's
    // meter, pushed over its WebSocket) current before we answer.
    await nozle.flush();
    res.status(201).json({ message });
  });

  return router;
}
