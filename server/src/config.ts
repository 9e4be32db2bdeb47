// Every setting is an environment variable; this is the one place they are read and checked.
import { Cron } from 'croner';
import { z } from 'zod';

const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

/** Requests per second per key (failed authentications per client IP for `unauthenticated`). */
export const DEFAULT_RATE_LIMITS = { api: 100, events: 500, checks: 2000, unauthenticated: 10 } as const;
/** How long webhook events are kept, as Stripe keeps its event list (NOZLE_WEBHOOKS_RETENTION_DAYS). */
export const DEFAULT_WEBHOOKS_RETENTION_DAYS = 30;
/** Attempts one instance sends to one endpoint at once (NOZLE_WEBHOOKS_PER_ENDPOINT). */
export const DEFAULT_WEBHOOKS_PER_ENDPOINT = 4;
const perSecond = (fallback: number) => z.coerce.number().int().min(0).max(1_000_000).default(fallback);

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  NOZLE_DATA_DIR: z.string().min(1).optional(),
  NOZLE_DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(10_000),
  NOZLE_DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  REDIS_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NOZLE_DEMO: flag.default(true),
  NOZLE_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  NOZLE_PAST_DUE_GRACE_DAYS: z.coerce.number().min(0).max(365).default(7),
  NOZLE_INVOICE_DAYS_UNTIL_DUE: z.coerce.number().int().min(0).max(365).default(30),
  NOZLE_EVENT_MAX_AGE_DAYS: z.coerce.number().min(1).max(3650).default(35),
  NOZLE_MAX_STALENESS_MS: z.coerce.number().int().min(0).default(5_000),
  NOZLE_PUBLIC_URL: z.string().url().optional(),
  NOZLE_ALLOW_HTTP_REDIRECTS: flag.default(false),
  NOZLE_WEBHOOKS_ALLOW_PRIVATE: flag.optional(),
  NOZLE_WEBHOOKS_FORWARD_TO: z.string().url().optional(),
  NOZLE_WEBHOOKS_RETENTION_DAYS: z.coerce.number().min(1).max(3650).default(DEFAULT_WEBHOOKS_RETENTION_DAYS),
  NOZLE_WEBHOOKS_PER_ENDPOINT: z.coerce.number().int().min(1).max(64).default(DEFAULT_WEBHOOKS_PER_ENDPOINT),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_\w+$/, 'must be a Stripe secret key (sk_test_… or sk_live_…)')
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_\w+$/, 'must be a webhook signing secret (whsec_…)')
    .optional(),
  NOZLE_RATE_LIMIT: perSecond(DEFAULT_RATE_LIMITS.api),
  NOZLE_RATE_LIMIT_EVENTS: perSecond(DEFAULT_RATE_LIMITS.events),
  NOZLE_RATE_LIMIT_CHECKS: perSecond(DEFAULT_RATE_LIMITS.checks),
  NOZLE_RATE_LIMIT_UNAUTHENTICATED: perSecond(DEFAULT_RATE_LIMITS.unauthenticated),
  NOZLE_RECONCILE_CRON: z.string().refine(isCron, 'must be a cron expression, e.g. "0 3 * * *"').default('0 3 * * *'),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir?: string;
  /** Postgres: the longest a statement may run; past it (or a silent network) the request answers 503. */
  dbStatementTimeoutMs: number;
  /** Postgres: the longest opening a connection, or waiting for a free one, may take. */
  dbConnectTimeoutMs: number;
  redisUrl?: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  /** Create a demo project (and print its keys) when the database has no project yet. */
  demo: boolean;
  shutdownTimeoutMs: number;
  /** How long a past_due subscription keeps access. */
  pastDueGraceMs: number;
  /** Days from finalizing to the due date of an invoice Nozle collects itself. */
  invoiceDaysUntilDue: number;
  /** Usage events older than this are refused. */
  eventMaxAgeMs: number;
  /** While Redis is down, how old a cached snapshot or key may be before it is checked against the database. */
  maxStalenessMs: number;
  /** The address the server is reached at, for links to its hosted pages; the request's host when absent. */
  publicUrl?: string;
  /** Checkout and portal return URLs may be http to any host (https only, or http to localhost, otherwise). */
  /** Webhook endpoints may be http: and private addresses (development). */
  webhooksAllowPrivate: boolean;
  /** Sandbox mode: every project's events also go to this URL. */
  webhooksForwardTo?: string;
  /** How long a webhook event, its deliveries and attempts are kept once every delivery is settled. */
  webhooksRetentionMs: number;
  /** Attempts one instance sends to one endpoint at once: a slow endpoint holds at most these. */
  webhooksPerEndpoint: number;
  allowHttpRedirects: boolean;
  /** Stripe, when both settings are given; the sandbox otherwise. */
  stripe?: { secretKey: string; webhookSecret: string };
  /** When reconciliation with the payment provider runs (cron, UTC). */
  reconcileCron: string;
  /** Requests per second per key for each budget; 0 turns one off. */
  rateLimits: { api: number; events: number; checks: number; unauthenticated: number };
}

function isCron(expression: string): boolean {
  try {
    new Cron(expression, { paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  // An empty variable means "not set", as in most shells' `FOO= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new ConfigError(`Invalid configuration:\n${problems}`);
  }
  const e = parsed.data;
  if (!e.STRIPE_SECRET_KEY !== !e.STRIPE_WEBHOOK_SECRET) {
    throw new ConfigError('Set both STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET (Stripe), or neither (the sandbox).');
  }
  if (e.NOZLE_WEBHOOKS_FORWARD_TO && e.STRIPE_SECRET_KEY) {
    throw new ConfigError('NOZLE_WEBHOOKS_FORWARD_TO is for sandbox mode (development): with Stripe configured, register webhook endpoints through the API.');
  }
  if (e.DATABASE_URL && e.NOZLE_DATA_DIR) {
    throw new ConfigError('Set DATABASE_URL (Postgres) or NOZLE_DATA_DIR (embedded), not both.');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    ...(e.NOZLE_DATA_DIR ? { dataDir: e.NOZLE_DATA_DIR } : {}),
    dbStatementTimeoutMs: e.NOZLE_DB_STATEMENT_TIMEOUT_MS,
    dbConnectTimeoutMs: e.NOZLE_DB_CONNECT_TIMEOUT_MS,
    ...(e.REDIS_URL ? { redisUrl: e.REDIS_URL } : {}),
    logLevel: e.LOG_LEVEL,
    demo: e.NOZLE_DEMO,
    shutdownTimeoutMs: e.NOZLE_SHUTDOWN_TIMEOUT_MS,
    pastDueGraceMs: e.NOZLE_PAST_DUE_GRACE_DAYS * 24 * 60 * 60 * 1000,
    invoiceDaysUntilDue: e.NOZLE_INVOICE_DAYS_UNTIL_DUE,
    eventMaxAgeMs: e.NOZLE_EVENT_MAX_AGE_DAYS * 24 * 60 * 60 * 1000,
    maxStalenessMs: e.NOZLE_MAX_STALENESS_MS,
    ...(e.NOZLE_PUBLIC_URL ? { publicUrl: e.NOZLE_PUBLIC_URL.replace(/\/$/, '') } : {}),
    allowHttpRedirects: e.NOZLE_ALLOW_HTTP_REDIRECTS,
    // Sandbox mode is for development: its webhooks may go to localhost unless told otherwise.
    webhooksAllowPrivate: e.NOZLE_WEBHOOKS_ALLOW_PRIVATE ?? !(e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET),
    ...(e.NOZLE_WEBHOOKS_FORWARD_TO ? { webhooksForwardTo: e.NOZLE_WEBHOOKS_FORWARD_TO } : {}),
    webhooksRetentionMs: e.NOZLE_WEBHOOKS_RETENTION_DAYS * 24 * 60 * 60 * 1000,
    webhooksPerEndpoint: e.NOZLE_WEBHOOKS_PER_ENDPOINT,
    ...(e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET ? { stripe: { secretKey: e.STRIPE_SECRET_KEY, webhookSecret: e.STRIPE_WEBHOOK_SECRET } } : {}),
    reconcileCron: e.NOZLE_RECONCILE_CRON,
    rateLimits: {
      api: e.NOZLE_RATE_LIMIT,
      events: e.NOZLE_RATE_LIMIT_EVENTS,
      checks: e.NOZLE_RATE_LIMIT_CHECKS,
      unauthenticated: e.NOZLE_RATE_LIMIT_UNAUTHENTICATED,
    },
  };
}
