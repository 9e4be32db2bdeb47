// Starts and stops the whole server: database, migrations, HTTP, demo project, graceful shutdown.
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import pino, { type Logger } from 'pino';
import { createApp } from './app.js';
import { createMemoryBus } from './bus/memory-bus.js';
import { createRedisBus } from './bus/redis-bus.js';
import { EntitlementCache } from './entitlements/cache.js';
import { createSnapshots } from './wiring.js';
import { KeyCache } from './projects/key-cache.js';
import { createRedisSnapshotStore } from './entitlements/snapshot-store.js';
import { systemClock, type Clock } from './clock.js';
import { ProjectClocks } from './project-clocks.js';
import { createPayments } from './payments/create.js';
import { schedulePaymentJobs } from './payments/jobs.js';
import type { Payments } from './payments/payments.js';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/open.js';
import { purgeExpiredKeys } from './http/idempotency.js';
import { createRateLimiter } from './http/rate-limit.js';
import { attachRealtime, type RealtimeHub } from './realtime/hub.js';
import { ensureAllEventPartitions } from './usage/partitions.js';
import type { NewProject } from './projects/create-project.js';
import { createDemoProject } from './demo/seed.js';
import { countProjects } from './projects/store.js';

const PURGE_INTERVAL_MS = 60 * 60 * 1000;

export interface RunningServer {
  url: string;
  db: Database;
  /** The demo project, when this start created one. */
  demo?: NewProject;
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
  const db = options.db ?? (await openDatabase(config));
  const bus = config.redisUrl ? createRedisBus(config.redisUrl) : createMemoryBus();
  // In sandbox mode each project's time is its test clock's: the server's, moved ahead as far as the API said.
  const clock = new ProjectClocks(options.clock ?? systemClock, config.stripe ? undefined : { db, bus });
  const snapshotStore = config.redisUrl ? createRedisSnapshotStore(config.redisUrl) : undefined;
  const rateLimiter = createRateLimiter(config.rateLimits, config.redisUrl ? { redisUrl: config.redisUrl } : {});
  let shuttingDown = false;
  let server: Server;
  let realtime: RealtimeHub | undefined;
  let demo: NewProject | undefined;
  let payments: Payments | undefined;
  let jobs: { stop(): void } | undefined;
  try {
    const applied = await migrate(db);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    await clock.start();
    await ensureAllEventPartitions(db, clock);
    // The demo comes with a small catalog and a customer, so the examples work on a fresh start.
    if (config.demo && (await countProjects(db)) === 0) demo = await createDemoProject(db, clock.now());

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
    const redirects = { allowHttp: config.allowHttpRedirects };
    payments = createPayments({ db, clock, logger, entitlements, snapshots: entitlements.snapshots, redirects }, config.stripe);
    jobs = schedulePaymentJobs(payments, config.reconcileCron, clock);
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
      rateLimiter,
    });
    // Not app.listen(): Express 5 calls its callback on errors too, which would read as success.
    server = createServer(app);
    realtime = attachRealtime(server, { db, clock, logger, keys, entitlements });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    jobs?.stop();
    await clock.stop();
    await bus.close();
    await snapshotStore?.close();
    await rateLimiter.close();
    if (!options.db) await db.close();
    throw error;
  }

  // Stored idempotent responses are kept 24 hours; sweep the older ones hourly. Deleting is
  // harmless to repeat, so several instances may each run it.
  // The same hourly sweep makes the events table's partitions for the months ahead.
  const purge = setInterval(() => {
    purgeExpiredKeys(db, clock.now()).catch((error: unknown) => logger.warn({ err: error }, 'idempotency key purge failed'));
    ensureAllEventPartitions(db, clock).catch((error: unknown) => logger.warn({ err: error }, 'could not make event partitions'));
  }, PURGE_INTERVAL_MS);
  purge.unref();

  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  let closing: Promise<void> | undefined;

  const close = () =>
    (closing ??= (async () => {
      shuttingDown = true;
      clearInterval(purge);
      jobs?.stop();
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive connections would hold close() open: close each one as soon as its request
      // in flight is answered.
      server.closeIdleConnections();
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      const timer = setTimeout(() => {
        logger.warn('shutdown timeout: closing connections with requests still in flight');
        server.closeAllConnections();
      }, config.shutdownTimeoutMs);
      // WebSocket clients are told to go (they reconnect to another instance) while HTTP drains.
      // closeAllConnections() does not reach upgraded sockets: the hub cuts those, by the same deadline.
      await realtime?.close(config.shutdownTimeoutMs);
      await drained;
      clearInterval(sweep);
      clearTimeout(timer);
      await clock.stop();
      await bus.close();
      await snapshotStore?.close();
      await rateLimiter.close();
      if (!options.db) await db.close();
    })());

  return { url: `http://${host}:${port}`, db, ...(demo ? { demo } : {}), realtimeClients: () => realtime?.size() ?? 0, close };
}
