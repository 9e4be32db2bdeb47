// Starts and stops the whole server: the ground (database, bus, clocks), migrations, the caches,
// payments, the jobs and the scheduler, HTTP and realtime, the demo project, graceful shutdown. Each stage is a
// function; startServer puts them in order and undoes the ground when one fails.
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import type { Express } from 'express';
import pino, { type Logger } from 'pino';
import { createApp } from './app.js';
import type { Bus } from './bus/bus.js';
import { createMemoryBus } from './bus/memory-bus.js';
import { createRedisBus } from './bus/redis-bus.js';
import { EntitlementCache } from './entitlements/cache.js';
import { createSnapshots } from './wiring.js';
import { KeyCache } from './projects/key-cache.js';
import { createRedisSnapshotStore, type SnapshotStore } from './entitlements/snapshot-store.js';
import { systemClock, type Clock } from './clock.js';
import { ProjectClocks } from './project-clocks.js';
import { createPayments } from './payments/create.js';
import { startJobs, type Jobs } from './jobs.js';
import { startScheduler, type Scheduler } from './scheduler.js';
import { startWebhookDelivery } from './webhooks/delivery.js';
import { forwardEveryProject, type Forwarding } from './webhooks/forward.js';

/** How long a webhook receiver has to answer one attempt. */
const WEBHOOK_TIMEOUT_MS = 10_000;
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/open.js';
import { createRateLimiter, type RateLimiter } from './http/rate-limit.js';
import { attachRealtime, type RealtimeHub } from './realtime/hub.js';
import { ensureAllEventPartitions } from './usage/partitions.js';
import type { NewProject } from './projects/create-project.js';
import { createDemoProject } from './demo/seed.js';
import { countProjects } from './projects/store.js';

type RealtimeDeps = Parameters<typeof attachRealtime>[1];

export interface RunningServer {
  url: string;
  db: Database;
  /** The demo project, when this start created one. */
  demo?: NewProject;
  /** Sandbox mode's forwarding of every project's webhooks (`NOZLE_WEBHOOKS_FORWARD_TO`), with each endpoint's secret. */
  webhookForwarding?: { url: string; projects: Forwarding[] };
  /** How many WebSocket clients are connected. */
  realtimeClients(): number;
  /** Stops accepting, lets in-flight requests finish (up to the timeout), then closes the database. */
  close(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
  logger?: Logger;
  /** An already open database (tests); otherwise opened from the config. */
  db?: Database;
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? pino({ level: config.logLevel });
  const ground = await openGround(config, options, logger);
  const { db, bus, clock } = ground;
  let shuttingDown = false;
  let demo: NewProject | undefined;
  let forwarding: Forwarding[] | undefined;
  let jobs: Jobs | undefined;
  let scheduler: Scheduler | undefined;
  let listening: Listening;
  try {
    demo = await prepareDatabase(config, ground);
    if (config.webhooksForwardTo) forwarding = await forwardEveryProject(db, config.webhooksForwardTo, clock.now());
    const { entitlements, keys } = await startCaches(config, ground);
    const redirects = { allowHttp: config.allowHttpRedirects };
    const webhookUrls = { allowPrivate: config.webhooksAllowPrivate };
    const payments = createPayments(
      { db, clock, logger, entitlements, snapshots: entitlements.snapshots, redirects, invoiceDaysUntilDue: config.invoiceDaysUntilDue },
      config.stripe,
    );
    jobs = startJobs({ db, clock, logger, payments, reconcileCron: config.reconcileCron });
    // Time-driven changes and webhook deliveries: both share their work with every instance through the database.
    const background = [
      startScheduler({ clock, logger, payments, entitlements }),
      startWebhookDelivery({
        db,
        clock,
        logger,
        policy: webhookUrls,
        timeoutMs: WEBHOOK_TIMEOUT_MS,
        wallNow: () => new Date(),
        retentionMs: config.webhooksRetentionMs,
        perEndpoint: config.webhooksPerEndpoint,
      }),
    ];
    scheduler = { stop: async () => void (await Promise.all(background.map((running) => running.stop()))) };
    const app = createApp({
      db,
      bus,
      clock,
      logger,
      entitlements,
      keys,
      payments,
      ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
      pastDueGraceMs: config.pastDueGraceMs,
      eventMaxAgeMs: config.eventMaxAgeMs,
      isShuttingDown: () => shuttingDown,
      rateLimiter: ground.rateLimiter,
      webhookUrls,
    });
    listening = await listen(config, app, { db, clock, logger, keys, entitlements });
  } catch (error) {
    jobs?.stop();
    await scheduler?.stop();
    await closeGround(ground);
    throw error;
  }
  const { server, realtime } = listening;
  const close = shutdown(config, ground, { ...listening, jobs, scheduler }, () => (shuttingDown = true));
  return {
    url: urlOf(server, config.host),
    db,
    ...(demo ? { demo } : {}),
    ...(config.webhooksForwardTo && forwarding ? { webhookForwarding: { url: config.webhooksForwardTo, projects: forwarding } } : {}),
    realtimeClients: () => realtime.size(),
    close,
  };
}

/** What the server stands on, opened before anything else and closed after everything. */
interface Ground {
  logger: Logger;
  db: Database;
  /** Whether this start opened the database (and so closes it). */
  ownsDb: boolean;
  bus: Bus;
  clock: ProjectClocks;
  snapshotStore: SnapshotStore | undefined;
  rateLimiter: RateLimiter;
}

async function openGround(config: Config, options: StartOptions, logger: Logger): Promise<Ground> {
  const db = options.db ?? (await openDatabase(config));
  const bus = config.redisUrl ? createRedisBus(config.redisUrl) : createMemoryBus();
  // In sandbox mode each project's time is its test clock's: the server's, moved ahead as far as the API said.
  const clock = new ProjectClocks(options.clock ?? systemClock, config.stripe ? undefined : { db, bus });
  const snapshotStore = config.redisUrl ? createRedisSnapshotStore(config.redisUrl) : undefined;
  const rateLimiter = createRateLimiter(config.rateLimits, config.redisUrl ? { redisUrl: config.redisUrl } : {});
  return { logger, db, ownsDb: !options.db, bus, clock, snapshotStore, rateLimiter };
}

async function closeGround({ db, ownsDb, bus, clock, snapshotStore, rateLimiter }: Ground): Promise<void> {
  await clock.stop();
  await bus.close();
  await snapshotStore?.close();
  await rateLimiter.close();
  if (ownsDb) await db.close();
}

/** Migrations, the test clocks, the events' partitions, and on a fresh start the demo project. */
async function prepareDatabase(config: Config, { db, clock, logger }: Ground): Promise<NewProject | undefined> {
  const applied = await migrate(db);
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');
  await clock.start();
  await ensureAllEventPartitions(db, clock);
  // The demo comes with a small catalog and a customer, so the examples work on a fresh start.
  if (config.demo && (await countProjects(db)) === 0) return createDemoProject(db, clock.now());
  return undefined;
}

async function startCaches(config: Config, { db, bus, clock, logger, snapshotStore }: Ground): Promise<{ entitlements: EntitlementCache; keys: KeyCache }> {
  const entitlements = new EntitlementCache({
    db,
    bus,
    clock,
    logger,
    snapshots: createSnapshots(config.pastDueGraceMs),
    maxStalenessMs: config.maxStalenessMs,
    ...(snapshotStore ? { store: snapshotStore } : {}),
  });
  await entitlements.start();
  const keys = new KeyCache(db, clock, bus, config.maxStalenessMs);
  await keys.start();
  return { entitlements, keys };
}

interface Listening {
  server: Server;
  realtime: RealtimeHub;
}

async function listen(config: Config, app: Express, realtimeDeps: RealtimeDeps): Promise<Listening> {
  // Not app.listen(): Express 5 calls its callback on errors too, which would read as success.
  const server = createServer(app);
  const realtime = attachRealtime(server, realtimeDeps);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return { server, realtime };
}

function urlOf(server: Server, configuredHost: string): string {
  const { port } = server.address() as AddressInfo;
  const host = configuredHost.includes(':') ? `[${configuredHost}]` : configuredHost;
  return `http://${host}:${port}`;
}

/** The server's close(): drain HTTP and the WebSockets by the deadline, then close the ground. Runs once. */
function shutdown(
  config: Config,
  ground: Ground,
  { server, realtime, jobs, scheduler }: Listening & { jobs: Jobs | undefined; scheduler: Scheduler | undefined },
  markShuttingDown: () => void,
): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () =>
    (closing ??= (async () => {
      markShuttingDown();
      jobs?.stop();
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive connections would hold close() open: close each one as soon as its request
      // in flight is answered.
      server.closeIdleConnections();
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      const timer = setTimeout(() => {
        ground.logger.warn('shutdown timeout: closing connections with requests still in flight');
        server.closeAllConnections();
      }, config.shutdownTimeoutMs);
      // WebSocket clients are told to go (they reconnect to another instance) while HTTP drains.
      // closeAllConnections() does not reach upgraded sockets: the hub cuts those, by the same deadline.
      await realtime.close(config.shutdownTimeoutMs);
      await drained;
      clearInterval(sweep);
      clearTimeout(timer);
      // The pass in progress finishes before the database it works in closes.
      await scheduler?.stop();
      await closeGround(ground);
    })());
}
