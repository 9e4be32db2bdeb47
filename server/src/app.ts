// The Express app factory: everything the server does, given its dependencies.
import cors from 'cors';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import { spec } from '@nozle/openapi';
import pino, { type Logger } from 'pino';
import type { Bus } from './bus/bus.js';
import { createMemoryBus } from './bus/memory-bus.js';
import { EntitlementCache } from './entitlements/cache.js';
import { systemClock, type Clock } from './clock.js';
import { ProjectClocks } from './project-clocks.js';
import { grantRoutes } from './access/grants-routes.js';
import { purchaseRoutes } from './access/purchases-routes.js';
import { subscriptionRoutes } from './access/subscriptions-routes.js';
import type { PaymentRefunds, PurchaseCredits, SubscriptionProvider } from './access/ports.js';
import { featureRoutes } from './catalog/features-routes.js';
import { meterRoutes } from './catalog/meters-routes.js';
import type { CatalogPorts } from './catalog/ports.js';
import { planRoutes } from './catalog/plans-routes.js';
import { couponRoutes } from './coupons/routes.js';
import { taxRateRoutes } from './catalog/tax-rates-routes.js';
import { customerRoutes } from './customers/routes.js';
import type { CustomerDiscounts, NewCustomerPlans } from './customers/service.js';
import { entitlementRoutes } from './entitlements/routes.js';
import type { Database } from './db/database.js';
import { loadMigrations } from './db/migrate.js';
import { healthRoutes } from './health/routes.js';
import { ApiError, internalError } from './http/errors.js';
import { databaseErrorToApi, DatabaseUnavailableError } from './http/db-errors.js';
import { readOperations, type OpenApiDocument, type OperationSpec } from './http/operations.js';
import { mountRoute, type Binding } from './http/mount.js';
import type { Route } from './http/route.js';
import { KeyCache } from './projects/key-cache.js';
import { createRateLimiter, GuessGuard, type RateLimiter } from './http/rate-limit.js';
import { DEFAULT_RATE_LIMITS } from './config.js';
import { createValidators } from './http/validation.js';
import { newId } from './ids.js';
import { projectRoutes } from './projects/routes.js';
import { realtimeRoutes } from './realtime/routes.js';
import { usageRoutes } from './usage/routes.js';
import { createPayments } from './payments/create.js';
import type { Payments } from './payments/payments.js';
import { paymentRefundsOf, subscriptionProviderOf } from './payments/access-ports.js';
import { paymentRoutes } from './payments/routes.js';
import { providerError } from './payments/provider-error.js';
import { sandboxPages } from './payments/sandbox/pages.js';
import { hostedInvoicePages } from './billing/invoice-page.js';
import { docsRouter } from './docs/routes.js';
import { analyticsRoutes } from './analytics/routes.js';
import { webhookRoutes } from './webhooks/routes.js';
import type { UrlPolicy } from './webhooks/url-policy.js';
import { creditRoutes } from './billing/credits-routes.js';
import { grantPurchaseCredits, revokePurchaseCredits } from './billing/credits-store.js';
import { invoiceRoutes } from './billing/invoices-routes.js';
import type { InvoicedPeriods, UntiedUsage } from './usage/ingest.js';
import { alertRoutes } from './alerts/routes.js';
import { reservationRoutes } from './reservations/routes.js';
import type { InvoiceCollector } from './billing/invoice-collector.js';
import { catalogPorts, createSnapshots, customerDiscounts, invoicedPeriods, newCustomerPlans, untiedUsage } from './wiring.js';

export interface AppDeps {
  db: Database;
  /** Carries changes to every instance; in-process when absent. */
  bus?: Bus;
  /** The server's time; a ProjectClocks over it gives each project its own (made when it is a plain clock). */
  clock?: Clock;
  logger?: Logger;
  /** Check every response against nozle.yaml and fail loudly when one breaks it (tests). */
  validateResponses?: boolean;
  /** Readiness answers 503 once this returns true (graceful shutdown). */
  isShuttingDown?: () => boolean;
  /** Largest accepted JSON body. */
  bodyLimit?: string;
  /** How long a past_due subscription keeps access (default 7 days). */
  pastDueGraceMs?: number;
  /** Where webhook endpoints may point; public https only when absent. */
  webhookUrls?: UrlPolicy;
  /** Usage events older than this are refused (default 35 days). */
  eventMaxAgeMs?: number;
  /** The entitlement cache, already started; one over `bus` is made (and started) when absent. */
  entitlements?: EntitlementCache;
  /** The API key cache, already started; likewise made when absent. */
  keys?: KeyCache;
  /** Payments (Stripe or the sandbox); a sandbox on `clock` is made when absent. */
  payments?: Payments;
  /** The address the server is reached at, for links to its hosted pages. */
  publicUrl?: string;
  /** Request budgets per key; in-process with DEFAULT_RATE_LIMITS when absent. */
  rateLimiter?: RateLimiter;
}

/** The services the slices' routes ask for; each slice names the part it needs. */
export interface AppServices {
  db: Database;
  bus: Bus;
  entitlements: EntitlementCache;
  keys: KeyCache;
  /** How long a past_due subscription keeps access. */
  pastDueGraceMs: number;
  /** Usage events older than this are refused. */
  eventMaxAgeMs: number;
  /** The server's time (`now()`) and each project's (`clockFor`): its sandbox test clock. */
  clock: ProjectClocks;
  /** Whether the server is draining (readiness answers 503). */
  isShuttingDown(): boolean;
  /** Checkout, portal, webhooks, reconciliation: Stripe or the sandbox. */
  payments: Payments;
  /** The access slice's ports: provider-billed subscriptions, refunds at the provider, a purchase's credit. */
  subscriptionProvider: SubscriptionProvider;
  paymentRefunds: PaymentRefunds;
  purchaseCredits: PurchaseCredits;
  /** What the catalog needs from the slices above it (wiring.ts). */
  catalog: CatalogPorts;
  /** Usage's port to billing's invoices (wiring.ts). */
  invoicedPeriods: InvoicedPeriods;
  /** Usage's port to the alerts: spend alerts on usage that moves no snapshot (wiring.ts). */
  untiedUsage: UntiedUsage;
  /** The customers slice's port to access's default plans (wiring.ts). */
  newCustomerPlans: NewCustomerPlans;
  /** The customers slice's port to coupons: the customer's own discount (wiring.ts). */
  customerDiscounts: CustomerDiscounts;
  /** Billing's port to the providers: charging a saved payment method for an invoice paid through the API. */
  invoiceCollector: Pick<InvoiceCollector, 'charge'>;
  /** Where webhook endpoints may point (the SSRF policy). */
  webhookUrls: UrlPolicy;
}

export const DEFAULT_PAST_DUE_GRACE_MS = 7 * 24 * 60 * 60 * 1000;

const document: OpenApiDocument = spec;
export const operations: readonly OperationSpec[] = readOperations(document);

export function allRoutes(): Route<AppServices>[] {
  const latestMigration = loadMigrations().at(-1)?.version ?? 0;
  return [
    ...healthRoutes(latestMigration),
    ...projectRoutes,
    ...customerRoutes,
    ...featureRoutes,
    ...meterRoutes,
    ...planRoutes,
    ...couponRoutes,
    ...taxRateRoutes,
    ...subscriptionRoutes,
    ...purchaseRoutes,
    ...grantRoutes,
    ...entitlementRoutes,
    ...usageRoutes,
    ...realtimeRoutes,
    ...paymentRoutes,
    ...invoiceRoutes,
    ...creditRoutes,
    ...analyticsRoutes,
    ...webhookRoutes,
    ...alertRoutes,
    ...reservationRoutes,
  ];
}

export function createApp(deps: AppDeps): Express {
  const logger = deps.logger ?? pino({ level: 'info' });
  const services = buildServices(deps, logger);
  return buildExpressApp(deps, services, logger);
}

/** The services every route may ask for: those handed in, and the others made (and started) here. */
function buildServices(deps: AppDeps, logger: Logger): AppServices {
  const bus = deps.bus ?? createMemoryBus();
  const clock = projectClocksOf(deps, bus, logger);
  const pastDueGraceMs = deps.pastDueGraceMs ?? DEFAULT_PAST_DUE_GRACE_MS;
  let entitlements = deps.entitlements;
  if (!entitlements) {
    entitlements = new EntitlementCache({ db: deps.db, bus, clock, logger, snapshots: createSnapshots(pastDueGraceMs) });
    void entitlements.start();
  }
  let keys = deps.keys;
  if (!keys) {
    keys = new KeyCache(deps.db, clock, bus);
    void keys.start();
  }
  const payments = deps.payments ?? createPayments({ db: deps.db, clock, logger, entitlements, snapshots: entitlements.snapshots });
  const services: AppServices = {
    payments,
    db: deps.db,
    bus,
    entitlements,
    keys,
    pastDueGraceMs,
    eventMaxAgeMs: deps.eventMaxAgeMs ?? 35 * 24 * 60 * 60 * 1000,
    clock,
    isShuttingDown: deps.isShuttingDown ?? (() => false),
    subscriptionProvider: subscriptionProviderOf(payments),
    paymentRefunds: paymentRefundsOf(payments),
    purchaseCredits: { grant: grantPurchaseCredits, revoke: revokePurchaseCredits },
    catalog: catalogPorts(entitlements.snapshots),
    invoicedPeriods,
    untiedUsage: untiedUsage(entitlements.snapshots),
    newCustomerPlans: newCustomerPlans(entitlements),
    customerDiscounts,
    invoiceCollector: payments.invoiceCollector,
    webhookUrls: deps.webhookUrls ?? { allowPrivate: false },
  };
  return services;
}

/** The clocks handed in, or ProjectClocks over the plain clock given (the system's when none). */
function projectClocksOf(deps: AppDeps, bus: Bus, logger: Logger): ProjectClocks {
  if (deps.clock instanceof ProjectClocks) return deps.clock;
  // Test clocks move only in sandbox mode; with Stripe every project is at the server's time.
  const clock = new ProjectClocks(deps.clock ?? systemClock, !deps.payments || deps.payments.sandbox ? { db: deps.db, bus } : undefined);
  // Before migrations (or with the database down) the offsets cannot be read yet: projects stay at the base time.
  clock.start().catch((error: unknown) => logger.warn({ err: error }, 'could not load the test clocks'));
  return clock;
}

/** The Express app over the services: middleware, the API's routes, then the errors. */
function buildExpressApp(deps: AppDeps, services: AppServices, logger: Logger): Express {
  const rateLimiter = deps.rateLimiter ?? createRateLimiter(DEFAULT_RATE_LIMITS);
  const binding: Binding<AppServices> = {
    db: deps.db,
    keys: services.keys,
    clock: services.clock,
    logger,
    rateLimiter,
    guessGuard: new GuessGuard(rateLimiter),
    publicUrl: deps.publicUrl,
    services,
  };
  const validateResponses = deps.validateResponses ?? false;

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  useRequestMiddleware(app, logger, deps.bodyLimit);
  // Hosted pages (not API operations): the sandbox's checkout and portal.
  if (services.payments.sandbox) app.use(sandboxPages(services.payments));
  // The customer's page of an invoice, opened by the token in its hosted_invoice_url.
  app.use(hostedInvoicePages(deps.db));
  app.use(docsRouter(undefined, deps.publicUrl));
  app.use(apiRouter(binding, validateResponses));

  app.use((req, _res, next) => {
    next(new ApiError(404, 'invalid_request_error', 'route_not_found', `Unrecognized request URL (${req.method}: ${req.path}).`));
  });
  app.use(renderError(logger, validateResponses));
  return app;
}

/** Request ids and logging, CORS, and the bodies: raw for webhooks, JSON for the rest. */
function useRequestMiddleware(app: Express, logger: Logger, bodyLimit: string | undefined): void {
  app.use(assignRequestId(logger));
  // Browsers call the client endpoints with a publishable key in a header, never cookies, so
  // any origin may (`*` sends no credentials). Preflights answer before authentication.
  app.use(
    cors({
      origin: '*',
      methods: ['GET', 'POST', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'Nozle-Customer-Token'],
      exposedHeaders: ['Request-Id', 'Idempotent-Replayed', 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'],
      maxAge: 600,
    }),
  );
  // A webhook's signature covers its exact bytes: those operations get the raw body.
  for (const operation of operations.filter((op) => op.rawBody)) {
    app.use(operation.expressPath, express.raw({ type: () => true, limit: '1mb' }));
  }
  app.use(express.json({ limit: bodyLimit ?? '5mb' }));
}

/** Every operation of nozle.yaml that has a route, mounted through the binding. */
function apiRouter(binding: Binding<AppServices>, validateResponses: boolean): express.Router {
  const router = express.Router();
  const validatorFor = createValidators(document);
  const routes = new Map(allRoutes().map((route) => [route.operationId as string, route]));
  for (const operation of operations) {
    const route = routes.get(operation.operationId);
    if (route) mountRoute(router, route, operation, validatorFor(operation), binding, { validateResponses });
  }
  return router;
}

function assignRequestId(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const requestId = newId('req');
    const started = process.hrtime.bigint();
    res.locals.requestId = requestId;
    res.set('Request-Id', requestId);
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info({ requestId, method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
    });
    next();
  };
}

// body-parser's failures, by its `type`, as the API's errors.
const BODY_ERRORS: Record<string, () => ApiError> = {
  'entity.parse.failed': () => new ApiError(400, 'invalid_request_error', 'invalid_json', 'The request body is not valid JSON.', 'body'),
  'entity.too.large': () => new ApiError(413, 'invalid_request_error', 'request_too_large', 'The request body is too large.', 'body'),
  'encoding.unsupported': () => new ApiError(415, 'invalid_request_error', 'unsupported_media_type', 'Unsupported Content-Encoding.'),
  'charset.unsupported': () => new ApiError(415, 'invalid_request_error', 'unsupported_media_type', 'Send the body as UTF-8 JSON.'),
};

// The router could not decode a path parameter (bad percent-encoding, or bytes that are not UTF-8).
const pathError = (err: unknown) =>
  err instanceof URIError
    ? new ApiError(400, 'invalid_request_error', 'parameter_invalid', 'A path parameter is not valid percent-encoded UTF-8.', 'path')
    : undefined;

function renderError(logger: Logger, validateResponses: boolean): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    const bodyError = typeof err === 'object' && err !== null ? BODY_ERRORS[String((err as { type?: unknown }).type)] : undefined;
    let error =
      err instanceof ApiError ? err : (bodyError?.() ?? pathError(err) ?? providerError(err) ?? databaseErrorToApi(err, { body: req.body, query: req.query }));
    if (error instanceof DatabaseUnavailableError) {
      logger.warn({ err, requestId: res.locals.requestId }, 'database unavailable');
      res.set('Retry-After', String(error.retryAfterSeconds));
    }
    if (!error) {
      logger.error({ err, requestId: res.locals.requestId }, 'unhandled error');
      error = internalError();
    }
    const operation = res.locals.operation as OperationSpec | undefined;
    const listed = String(error.status) in (operation?.responses ?? {});
    if (validateResponses && operation && !listed) {
      // The contract must list every status an operation answers; tests catch the gap here.
      logger.error({ operationId: operation.operationId, status: error.status }, 'status missing from nozle.yaml');
      error = new ApiError(500, 'api_error', 'contract_violation', `${operation.operationId} answered ${error.status}, which nozle.yaml does not list.`);
    }
    res.status(error.status).json(error.toBody(String(res.locals.requestId)));
  };
}
