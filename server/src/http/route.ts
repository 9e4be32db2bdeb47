// Binds a handler to an operation of nozle.yaml. The spec decides the method, the path, who may
// call it and what input is valid; the handler only sees validated input and returns a reply.
import type { Request, Response, Router } from 'express';
import type { operations } from '@nozle/openapi';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { ProjectClocks } from '../project-clocks.js';
import type { Bus } from '../bus/bus.js';
import type { EntitlementCache } from '../entitlements/cache.js';
import type { Database, Queryable } from '../db/database.js';
import { authenticate, authorize, type Caller, type KeyCache } from './auth.js';
import { ApiError } from './errors.js';
import { claimKey, completeKey, releaseKey, requestFingerprint } from './idempotency.js';
import type { OperationSpec } from './operations.js';
import { spendBudget, type GuessGuard, type RateLimiter } from './rate-limit.js';
import type { OperationValidator } from './validation.js';
import type { Payments } from '../payments/payments.js';
import { verifyCustomerToken, type CustomerTokenClaims, type TokenProblem } from '../realtime/customer-token.js';

export type OperationId = keyof operations;
type Op<Id extends OperationId> = operations[Id];
type JsonOf<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;
type Params<Id extends OperationId, Where extends 'path' | 'query'> = Op<Id>['parameters'] extends { [K in Where]?: infer P }
  ? [P] extends [never | undefined] ? Record<string, never> : NonNullable<P>
  : Record<string, never>;

export interface Input<Id extends OperationId> {
  params: Params<Id, 'path'>;
  query: Params<Id, 'query'>;
  // An optional request body arrives as `{}` when absent (see validation), so it is never undefined.
  body: Op<Id> extends { requestBody?: infer R } ? ([R] extends [never | undefined] ? undefined : JsonOf<NonNullable<R>>) : undefined;
}

/** Every status the spec lists for the operation, each with its own body type. */
export type Reply<Id extends OperationId> = {
  [Status in keyof Op<Id>['responses']]: { status: Status; body: JsonOf<Op<Id>['responses'][Status]> };
}[keyof Op<Id>['responses']];

export interface AppContext {
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
  logger: Logger;
  /** Whether the server is draining (readiness answers 503). */
  isShuttingDown(): boolean;
  /** Checkout, portal, webhooks, reconciliation: Stripe or the sandbox. */
  payments: Payments;
  /** The address the server is reached at (`NOZLE_PUBLIC_URL`); the request's own host when absent. */
  publicUrl: string | undefined;
  /** Request budgets per key (429); health probes and other public operations spend none. */
  rateLimiter: RateLimiter;
  /** Failed authentications per client IP. */
  guessGuard: GuessGuard;
}

export interface HandlerContext {
  /** The request's transaction for writes; the database itself for reads. */
  db: Queryable;
  /** The caller's project's time (its sandbox test clock); the server's for public routes. */
  clock: Clock;
  requestId: string;
  log: Logger;
  app: AppContext;
  /** Runs `fn` once the request's transaction has committed (never if it rolls back). */
  afterCommit(fn: () => Promise<void>): void;
  /** A request header (lower-case name). */
  header(name: string): string | undefined;
  /** The body's exact bytes, for operations marked `x-nozle-raw-body`. */
  rawBody: Buffer | undefined;
  /** This server's own address as the caller reached it, for links to its hosted pages. */
  origin: string;
  /** A publishable caller's `Nozle-Customer-Token`, checked (or why it failed); absent without one. */
  customerToken: CustomerTokenClaims | TokenProblem | undefined;
}

export interface Route {
  operationId: OperationId;
  public: boolean;
  run(input: Input<OperationId>, ctx: HandlerContext & { caller?: Caller }): Promise<{ status: unknown; body: unknown }>;
}

/** A route for an operation that needs an API key. */
export function defineRoute<Id extends OperationId>(
  operationId: Id,
  // NoInfer: the operation id alone picks the types, so the reply is checked against them.
  handler: NoInfer<(input: Input<Id>, ctx: HandlerContext & { caller: Caller }) => Promise<Reply<Id>>>,
): Route {
  return {
    operationId,
    public: false,
    run: (input, ctx) => handler(input as unknown as Input<Id>, ctx as HandlerContext & { caller: Caller }),
  };
}

/** A route anyone may call (health probes); it also gets the app's own context. */
export function definePublicRoute<Id extends OperationId>(
  operationId: Id,
  handler: NoInfer<(input: Input<Id>, ctx: HandlerContext) => Promise<Reply<Id>>>,
): Route {
  return { operationId, public: true, run: (input, ctx) => handler(input as unknown as Input<Id>, ctx) };
}

export interface MountOptions {
  validateResponses: boolean;
}

export function mountRoute(
  router: Router,
  route: Route,
  operation: OperationSpec,
  validator: OperationValidator,
  app: AppContext,
  options: MountOptions,
): void {
  const reads = operation.readOnly;

  router[operation.method](operation.expressPath, async (req: Request, res: Response) => {
    res.locals.operation = operation;
    const requestId = String(res.locals.requestId);
    const log = app.logger.child({ requestId, operationId: operation.operationId });

    const ip = req.ip ?? '';
    const caller = route.public ? undefined : await app.guessGuard.authenticate(ip, res, () => authenticate(app.keys, req.get('authorization')));
    if (caller) {
      authorize(caller, operation);
      await spendBudget(app.rateLimiter, res, operation.operationId, caller, ip);
    }
    // express.raw() left the bytes for the handler (a signature covers them); validation reads JSON.
    const rawBody = operation.rawBody && Buffer.isBuffer(req.body) ? (req.body as Buffer) : undefined;
    if (rawBody) req.body = parseJson(rawBody);
    if (operation.body && req.body === undefined && hasBody(req)) {
      throw new ApiError(415, 'invalid_request_error', 'unsupported_media_type', 'Send the request body as JSON with `Content-Type: application/json`.');
    }
    const input = validator.request({
      params: req.params,
      query: req.query as Record<string, unknown>,
      headers: req.headers,
      body: req.body,
    }) as unknown as Input<OperationId>;

    let committed: Array<() => Promise<void>> = [];
    // Checked before the transaction: it may read the project's keys, which must not wait on it.
    const token = caller?.keyType === 'publishable' ? req.get('nozle-customer-token') : undefined;
    const customerToken = token ? verifyCustomerToken(token, await app.keys.secretKeyHashes(caller!.projectId), app.clock.now()) : undefined;
    const origin = app.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    const header = (name: string) => req.get(name);
    const run = (db: Queryable) =>
      route.run(input, { db, clock: caller ? app.clock.clockFor(caller.projectId) : app.clock, requestId, log, caller, app, afterCommit: (fn) => committed.push(fn), header, rawBody, origin, customerToken });
    // A deadlock or serialization failure rolled everything back: run the request again.
    const inTransaction = <T>(fn: (tx: Queryable) => Promise<T>) =>
      retryTransaction(() => {
        committed = [];
        return app.db.transaction(fn);
      });

    const idempotencyKey = req.get('idempotency-key');
    let reply: { status: unknown; body: unknown };
    if (reads) {
      reply = await run(app.db);
    } else if (operation.method === 'post' && idempotencyKey && caller && !operation.skipIdempotencyKey) {
      const ref = { projectId: caller.projectId, key: idempotencyKey };
      const claim = await claimKey(app.db, ref, requestFingerprint(req.method, req.path, req.body ?? {}), app.clock.now());
      if (claim.kind === 'replay') {
        res.set('Idempotent-Replayed', 'true').status(claim.status).json(claim.body);
        return;
      }
      const complete = async (db: Queryable, result: { status: unknown; body: unknown }) => {
        if (!(await completeKey(db, ref, claim.token, Number(result.status), result.body))) {
          throw new ApiError(409, 'idempotency_error', 'idempotency_key_in_use', 'A retry with the same Idempotency-Key took this request over.', 'Idempotency-Key');
        }
        return result;
      };
      try {
        // The change and its stored answer commit together; an operation that commits its own
        // transactions stores the answer after them (a crash between is retried once the lease ends).
        reply = operation.ownTransactions ? await complete(app.db, await run(app.db)) : await inTransaction(async (tx) => complete(tx, await run(tx)));
      } catch (error) {
        // A refusal of ours is the request's outcome and is replayed like a success; anything
        // else rolled back and is forgotten, so the retry runs again.
        if (error instanceof ApiError && error.status < 500 && error.type !== 'idempotency_error') {
          await completeKey(app.db, ref, claim.token, error.status, error.toBody(requestId));
        } else {
          await releaseKey(app.db, ref, claim.token).catch((releaseError: unknown) => log.error({ err: releaseError }, 'could not release idempotency key'));
        }
        throw error;
      }
    } else if (operation.ownTransactions) {
      reply = await run(app.db);
    } else {
      reply = await inTransaction(run);
    }

    for (const fn of committed) {
      await fn().catch((error: unknown) => log.error({ err: error }, 'after-commit step failed'));
    }
    if (options.validateResponses) validator.response(Number(reply.status), reply.body);
    res.status(Number(reply.status)).json(reply.body);
  });
}

const RETRYABLE = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected

export async function retryTransaction<T>(attempt: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (i >= attempts || !RETRYABLE.has(String((error as { code?: unknown }).code))) throw error;
    }
  }
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw new ApiError(400, 'invalid_request_error', 'invalid_json', 'The request body is not valid JSON.', 'body');
  }
}

const hasBody = (req: Request) => Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
