// A real server on a random port over a test database, with two projects (A and B) and their keys.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import pino from 'pino';
import { createApp, DEFAULT_PAST_DUE_GRACE_MS } from '../../src/app.js';
import { createMemoryBus } from '../../src/bus/memory-bus.js';
import type { Bus } from '../../src/bus/bus.js';
import { EntitlementCache } from '../../src/entitlements/cache.js';
import { KeyCache } from '../../src/projects/key-cache.js';
import { attachRealtime, type RealtimeHub, type RealtimeOptions } from '../../src/realtime/hub.js';
import { ManualClock } from '../../src/clock.js';
import { ProjectClocks } from '../../src/project-clocks.js';
import { createProjectWithKeys, type NewProject } from '../../src/projects/create-project.js';
import { ensureEventPartitions } from '../../src/usage/partitions.js';
import { createPayments, type StripeSettings } from '../../src/payments/create.js';
import type { Payments } from '../../src/payments/payments.js';
import { createRateLimiter, type RateLimiter } from '../../src/http/rate-limit.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';
import { createSnapshots } from '../../src/wiring.js';
import { openPostgres } from '../../src/db/postgres.js';
import { startScheduler, type Scheduler } from '../../src/scheduler.js';
import type { Clock } from '../../src/clock.js';

export interface CallOptions {
  key?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface CallResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface TestApp {
  url: string;
  database: TestDatabase;
  /** The server's time; a project whose test clock was moved is ahead of it (`clocks`). */
  clock: ManualClock;
  clocks: ProjectClocks;
  /** Sets the server's time so that project A's clock (its test clock, when moved) reads `date`. */
  setTime(date: Date): void;
  projectA: NewProject;
  projectB: NewProject;
  realtime: RealtimeHub;
  payments: Payments;
  entitlements: EntitlementCache;
  /** What its caches hear changes on; a second instance may share it, as instances share Redis. */
  bus: Bus;
  /** Calls the API; `key` defaults to project A's secret key, `null` sends none. */
  call<T = any>(method: string, path: string, options?: CallOptions): Promise<CallResult<T>>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  realtime?: Partial<RealtimeOptions>;
  /** Stripe instead of the sandbox (its API answered by msw in the test). */
  stripe?: StripeSettings;
  /** Request budgets; none by default (test/rate-limit.test.ts tests them), so bursts of a test are never refused. */
  rateLimiter?: RateLimiter;
  /** Run the scheduler (time-driven changes at their instant, pushed), as every server does; off by default so tests move time alone. */
  scheduler?: boolean;
  /** The server's time when not the test's manual clock (the system clock: real time passes). */
  baseClock?: Clock;
  /** Where webhook endpoints may point; private addresses allowed by default (receivers listen on 127.0.0.1). */
  webhookUrls?: { allowPrivate: boolean };
  /** An existing database (a second instance on the first's): not migrated, not dropped, no projects made; and the first's bus, if given. */
  shared?: { database: TestDatabase; projectA: NewProject; projectB: NewProject; bus?: Bus };
}

const NO_LIMITS = { api: 0, events: 0, checks: 0, unauthenticated: 0 };

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.shared ? await secondConnection(options.shared.database) : await createTestDatabase();
  const clock = new ManualClock('2026-03-01T12:00:00Z');
  const base = options.baseClock ?? clock;
  await ensureEventPartitions(database.db, base.now());
  const projectA = options.shared?.projectA ?? (await createProjectWithKeys(database.db, 'Project A', base.now()));
  const projectB = options.shared?.projectB ?? (await createProjectWithKeys(database.db, 'Project B', base.now()));
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const bus = options.shared?.bus ?? createMemoryBus();
  const clocks = new ProjectClocks(base, options.stripe ? undefined : { db: database.db, bus });
  await clocks.start();
  const entitlements = new EntitlementCache({ db: database.db, bus, clock: clocks, logger, snapshots: createSnapshots(DEFAULT_PAST_DUE_GRACE_MS) });
  const keys = new KeyCache(database.db, clocks, bus);
  await entitlements.start();
  await keys.start();
  const payments = createPayments({ db: database.db, clock: clocks, logger, entitlements, snapshots: entitlements.snapshots }, options.stripe);
  const app = createApp({
    db: database.db,
    bus,
    entitlements,
    keys,
    clock: clocks,
    logger,
    payments,
    validateResponses: true,
    rateLimiter: options.rateLimiter ?? createRateLimiter(NO_LIMITS),
    // Tests receive webhooks on 127.0.0.1; test/webhooks.test.ts checks the refusing policy.
    webhookUrls: options.webhookUrls ?? { allowPrivate: true },
  });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  // No idle timeout of the server's own: after a long stall of the event loop (another PGlite
  // starting in this process) it could close a kept-alive connection just as the test reuses it
  // (ECONNRESET). The test's fetch closes idle connections itself; close() closes the rest.
  server.keepAliveTimeout = 0;
  const realtime = attachRealtime(server, {
    db: database.db,
    clock: clocks,
    logger,
    keys,
    entitlements,
    heartbeatMs: 100,
    helloTimeoutMs: 300,
    ...options.realtime,
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const scheduler: Scheduler | undefined = options.scheduler ? startScheduler({ clock: clocks, logger, payments, entitlements }) : undefined;

  return {
    url,
    database,
    clock,
    clocks,
    setTime: (date) => clock.set(new Date(date.getTime() - clocks.offsetMs(projectA.projectId))),
    projectA,
    projectB,
    realtime,
    payments,
    entitlements,
    bus,
    async call(method, path, options = {}) {
      const key = options.key === undefined ? projectA.secretKey : options.key;
      const headers: Record<string, string> = { ...options.headers };
      if (key !== null) headers.authorization = `Bearer ${key}`;
      let body: string | undefined;
      if (options.body !== undefined) {
        body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      const response = await fetch(`${url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
    },
    async close() {
      await scheduler?.stop();
      await realtime.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.drop();
    },
  };
}

/** The same database through a connection of its own, as another instance has (PGlite has one: shared). */
async function secondConnection(first: TestDatabase): Promise<TestDatabase> {
  const url = first.env.DATABASE_URL;
  if (!url) return { ...first, drop: async () => {} };
  const db = openPostgres({ connectionString: url });
  return { db, env: first.env, drop: () => db.close() };
}
