// The spec and the server agree: every operation in nozle.yaml has a route, every route is in it.
import type { Router } from 'express';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes, createApp, operations } from '../src/app.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: Router & { stack?: Layer[] };
}

/** "METHOD /path" for every route the Express app registered, nested routers included. */
function registeredRoutes(stack: Layer[]): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      return Object.keys(layer.route.methods)
        .filter((method) => method !== '_all')
        .map((method) => `${method.toUpperCase()} ${layer.route!.path}`);
    }
    return layer.handle?.stack ? registeredRoutes(layer.handle.stack) : [];
  });
}

describe('contract', () => {
  it('has a handler for every operation in nozle.yaml, and no handler for an operation it lacks', () => {
    const specIds = operations.map((op) => op.operationId).sort();
    const routeIds = allRoutes()
      .map((route) => route.operationId as string)
      .sort();
    expect(routeIds).toEqual(specIds);
  });

  it("registers exactly the spec's methods and paths with Express", () => {
    const app = createApp({ db: database.db, logger: pino({ level: 'silent' }) });
    const fromSpec = operations.map((op) => `${op.method.toUpperCase()} ${op.expressPath}`).sort();
    const stack = (app as unknown as { router: { stack: Layer[] } }).router.stack;
    // Hosted pages (sandbox checkout and portal, invoices, the API reference) are not API operations.
    const isPage = (route: string) => /^\w+ \/(sandbox|invoices|docs|openapi\.yaml)(\/|$)/.test(route);
    expect(
      registeredRoutes(stack)
        .filter((route) => !isPage(route))
        .sort(),
    ).toEqual(fromSpec);
  });

  it('declares on every operation the statuses any request may get: 413/415 where a body is read, 429 where a key is needed, 500, 503', () => {
    const missing = operations.flatMap((op) => {
      const statuses = ['500', ...(op.operationId === 'getHealth' ? [] : ['503'])];
      if (op.body || op.method === 'post') statuses.push('413', '415');
      // Public operations (probes, webhooks, the realtime upgrade) spend no request budget.
      if (op.security.length > 0) statuses.push('429');
      return statuses.filter((status) => !(status in op.responses)).map((status) => `${op.operationId} ${status}`);
    });
    expect(missing).toEqual([]);
  });

  it('gives every operation a unique operationId', () => {
    const ids = operations.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
