// Mounts a route on its operation: who calls, what they sent, in which transaction it runs, and
// what is answered. Each stage is one function; `mountRoute` only puts them in order.
import type { Request, Response, Router } from 'express';
import type { Logger } from 'pino';
import type { Database, Queryable } from '../db/database.js';
import { retryTransaction } from '../db/transaction.js';
import type { ProjectClocks } from '../project-clocks.js';
import { authenticate, authorize, type Caller, type KeyResolver } from './auth.js';
import { verifyCustomerToken, type CustomerTokenClaims, type TokenProblem } from './customer-token.js';
import { ApiError } from './errors.js';
import { claimKey, completeKey, releaseKey, requestFingerprint, type KeyRef } from './idempotency.js';
import type { OperationSpec } from './operations.js';
import { spendBudget, type GuessGuard, type RateLimiter } from './rate-limit.js';
import { BinaryBody, type Input, type OperationId, type Route } from './route.js';
import type { OperationValidator } from './validation.js';

/** What the binding needs from the assembly to serve a route, and the services it hands the route. */
export interface Binding<S> {
  db: Database;
  keys: KeyResolver;
  /** The server's time and each project's. */
  clock: ProjectClocks;
  logger: Logger;
  /** Request budgets per key (429); health probes and other public operations spend none. */
  rateLimiter: RateLimiter;
  /** Failed authentications per client IP. */
  guessGuard: GuessGuard;
  /** The address the server is reached at (`NOZLE_PUBLIC_URL`); the request's own host when absent. */
  publicUrl: string | undefined;
  services: S;
}

interface MountOptions {
  validateResponses: boolean;
}

type Result = { status: unknown; body: unknown };

/** A request on its way through a route: the parts every stage after authentication reads. */
interface Call {
  req: Request;
  res: Response;
  operation: OperationSpec;
  caller: Caller | undefined;
  requestId: string;
  log: Logger;
}

export function mountRoute<S>(
  router: Router,
  route: Route<S>,
  operation: OperationSpec,
  validator: OperationValidator,
  binding: Binding<S>,
  options: MountOptions,
): void {
  router[operation.method](operation.expressPath, async (req: Request, res: Response) => {
    res.locals.operation = operation;
    const requestId = String(res.locals.requestId);
    const log = binding.logger.child({ requestId, operationId: operation.operationId });
    const caller = route.public ? undefined : await identifyCaller(binding, operation, req, res);
    const call: Call = { req, res, operation, caller, requestId, log };
    const { input, rawBody } = readInput(operation, validator, req);
    // Checked before the transaction: it may read the project's keys, which must not wait on it.
    const customerToken = await checkCustomerToken(binding, caller, req);
    const committed: Array<() => Promise<void>> = [];
    const run = (db: Queryable) => {
      const clock = caller ? binding.clock.clockFor(caller.projectId) : binding.clock;
      const origin = binding.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
      const afterCommit = (fn: () => Promise<void>) => void committed.push(fn);
      const header = (name: string) => req.get(name);
      return route.run(input, { db, clock, requestId, log, caller, services: binding.services, afterCommit, header, rawBody, origin, customerToken });
    };
    const reply = await execute(binding.db, call, run, committed, binding.clock.now());
    if (!reply) return;
    await runAfterCommit(committed, log);
    if (reply.body instanceof BinaryBody) {
      res.status(Number(reply.status)).type(reply.body.contentType).send(Buffer.from(reply.body.bytes));
      return;
    }
    if (options.validateResponses) validator.response(Number(reply.status), reply.body);
    res.status(Number(reply.status)).json(reply.body);
  });
}

/** Authentication (with the guess guard), the key's permission for the operation, and its budget. */
async function identifyCaller<S>(binding: Binding<S>, operation: OperationSpec, req: Request, res: Response): Promise<Caller> {
  const ip = req.ip ?? '';
  const caller = await binding.guessGuard.authenticate(ip, res, () => authenticate(binding.keys, req.get('authorization')));
  authorize(caller, operation);
  await spendBudget(binding.rateLimiter, res, operation.operationId, caller, ip);
  return caller;
}

/** The request's validated input, and the raw body's bytes for operations whose signature covers them. */
function readInput(operation: OperationSpec, validator: OperationValidator, req: Request): { input: Input<OperationId>; rawBody: Buffer | undefined } {
  // express.raw() left the bytes for the handler (a signature covers them); validation reads JSON.
  const rawBody = operation.rawBody && Buffer.isBuffer(req.body) ? req.body : undefined;
  if (rawBody) req.body = parseJson(rawBody);
  if (operation.body && req.body === undefined && hasBody(req)) {
    throw new ApiError(415, 'invalid_request_error', 'unsupported_media_type', 'Send the request body as JSON with `Content-Type: application/json`.');
  }
  const input = validator.request({ params: req.params, query: req.query, headers: req.headers, body: req.body });
  return { input: input as unknown as Input<OperationId>, rawBody };
}

async function checkCustomerToken<S>(binding: Binding<S>, caller: Caller | undefined, req: Request): Promise<CustomerTokenClaims | TokenProblem | undefined> {
  const token = caller?.keyType === 'publishable' ? req.get('nozle-customer-token') : undefined;
  if (!token || !caller) return undefined;
  return verifyCustomerToken(token, await binding.keys.secretKeyHashes(caller.projectId), binding.clock.now());
}

/**
 * Runs the handler where its operation says: reads on the database, writes in one transaction
 * (run again when it loses a race), own-transaction operations as they are, and POSTs with an
 * Idempotency-Key through the stored answer. Undefined when a stored answer was replayed.
 */
async function execute(
  db: Database,
  call: Call,
  run: (db: Queryable) => Promise<Result>,
  committed: Array<() => Promise<void>>,
  now: Date,
): Promise<Result | undefined> {
  const { operation, caller, req } = call;
  const inTransaction = <T>(fn: (tx: Queryable) => Promise<T>) =>
    retryTransaction(() => {
      committed.length = 0;
      return db.transaction(fn);
    });
  if (operation.readOnly) return run(db);
  const idempotencyKey = req.get('idempotency-key');
  if (operation.method === 'post' && idempotencyKey && caller && !operation.skipIdempotencyKey) {
    return runIdempotent(db, call, { projectId: caller.projectId, key: idempotencyKey }, now, (complete) =>
      // The change and its stored answer commit together; an operation that commits its own
      // transactions stores the answer after them (a crash between is retried once the lease ends).
      operation.ownTransactions ? run(db).then((result) => complete(db, result)) : inTransaction(async (tx) => complete(tx, await run(tx))),
    );
  }
  return operation.ownTransactions ? run(db) : inTransaction(run);
}

type Complete = (db: Queryable, result: Result) => Promise<Result>;

async function runIdempotent(db: Database, call: Call, ref: KeyRef, now: Date, attempt: (complete: Complete) => Promise<Result>): Promise<Result | undefined> {
  const { req, res, requestId, log } = call;
  const claim = await claimKey(db, ref, requestFingerprint(req.method, req.path, req.body ?? {}), now);
  if (claim.kind === 'replay') {
    res.set('Idempotent-Replayed', 'true').status(claim.status).json(claim.body);
    return undefined;
  }
  const complete: Complete = async (tx, result) => {
    if (!(await completeKey(tx, ref, claim.token, Number(result.status), result.body))) {
      throw new ApiError(
        409,
        'idempotency_error',
        'idempotency_key_in_use',
        'A retry with the same Idempotency-Key took this request over.',
        'Idempotency-Key',
      );
    }
    return result;
  };
  try {
    return await attempt(complete);
  } catch (error) {
    // A refusal of ours is the request's outcome and is replayed like a success; anything
    // else rolled back and is forgotten, so the retry runs again.
    if (error instanceof ApiError && error.status < 500 && error.type !== 'idempotency_error') {
      await completeKey(db, ref, claim.token, error.status, error.toBody(requestId));
    } else {
      await releaseKey(db, ref, claim.token).catch((releaseError: unknown) => log.error({ err: releaseError }, 'could not release idempotency key'));
    }
    throw error;
  }
}

async function runAfterCommit(committed: Array<() => Promise<void>>, log: Logger): Promise<void> {
  for (const fn of committed) {
    await fn().catch((error: unknown) => log.error({ err: error }, 'after-commit step failed'));
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
