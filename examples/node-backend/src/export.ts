// A Pro feature, gated on the server too: the app hides the link on the free plan, but the URL
// is public.
import type { Nozle } from '@nozle/node';
import { Router } from 'express';
import type { CurrentUser } from './current-user.js';
import type { MessageStore } from './message-store.js';

export function exportRoutes(nozle: Nozle, currentUser: CurrentUser, store: MessageStore): Router {
  const router = Router();
  router.get('/api/export', async (req, res) => {
    const customer = currentUser(req);
    const check = await nozle.can(customer, 'export');
    if (!check.allowed) {
      res.status(403).json({ error: { code: check.reason, message: 'Export is part of the Pro plan.' } });
      return;
    }
    const lines = store.list(customer).map((message) => `- ${message.sentAt}: ${message.text}`);
    res
      .type('text/markdown')
      .attachment('messages.md')
      .send(`# Messages\n\n${lines.join('\n')}\n`);
  });
  return router;
}
