// What the browser needs to start: who it is, and how to reach Nozle as that customer.
import type { Nozle } from '@nozle/node';
import { Router } from 'express';
import type { CurrentUser } from './current-user.js';

export function sessionRoutes(client: Nozle, currentUser: CurrentUser, nozle: { baseUrl: string; publishableKey: string }): Router {
  const router = Router();

  router.get('/api/session', async (req, res) => {
    const customer = currentUser(req);
    res.json({ customer, nozle, token: await client.customerToken(customer) });
  });

  // The browser SDK asks again on reconnect and when a token expires.
  router.get('/api/nozle-token', async (req, res) => {
    res.json({ token: await client.customerToken(currentUser(req)) });
  });

  return router;
}
