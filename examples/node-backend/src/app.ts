// The example backend as an Express app: the API the React app calls, and the app itself.
import path from 'node:path';
import type { Nozle } from '@nozle/node';
import { NozleError } from '@nozle/node';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { always, type CurrentUser } from './current-user.js';
import { exportRoutes } from './export.js';
import { MessageStore } from './message-store.js';
import { messageRoutes } from './messages.js';
import { planRoutes } from './plans.js';
import { sessionRoutes } from './session.js';
import { webhookRoutes } from './webhooks.js';

export interface BackendOptions {
  nozle: Nozle;
  nozleUrl: string;
  publishableKey: string;
  customer: string;
  /** The built React app (its `dist` folder): served at `/`, so one URL opens everything. */
  staticDir?: string;
  /** The signing secret of the webhook endpoint pointing at `/webhooks/nozle`. */
  webhookSecret?: string;
  /** Where received webhooks are logged; console.log by default. */
  log?: (line: string) => void;
}

export function createBackend(options: BackendOptions): Express {
  const currentUser: CurrentUser = always(options.customer);
  const app = express();
  app.disable('x-powered-by');
  app.use(webhookRoutes(options.nozle, { secret: options.webhookSecret, log: options.log ?? ((line) => console.log(line)) }));
  app.use(sessionRoutes(options.nozle, currentUser, { baseUrl: options.nozleUrl, publishableKey: options.publishableKey }));
  app.use(planRoutes(options.nozle));
  const messages = new MessageStore();
  app.use(messageRoutes(options.nozle, currentUser, messages));
  app.use(exportRoutes(options.nozle, currentUser, messages));
  app.use('/api', (_req, res) => {
    res.status(404).json({ error: { code: 'not_found', message: 'No such endpoint.' } });
  });
  if (options.staticDir) {
    const index = path.join(options.staticDir, 'index.html');
    app.use(express.static(options.staticDir));
    // The app routes in the browser (/pricing, …): every other page is the app's index.
    app.get('/{*page}', (_req, res) => res.sendFile(index));
  }
  app.use(renderError);
  return app;
}

const renderError: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
  // A failed call to Nozle is the upstream's failure, not this request's.
  const status = error instanceof NozleError ? 502 : 500;
  console.error(error);
  res
    .status(status)
    .json({ error: { code: status === 502 ? 'nozle_unavailable' : 'internal', message: error instanceof Error ? error.message : String(error) } });
};
