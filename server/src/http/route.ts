// Binds a handler to an operation of nozle.yaml. The spec decides the method, the path, who may
// call it and what input is valid; the handler only sees validated input and returns a reply.
// The binding knows no service: a slice names the services its handlers need (`S`), and the
// assembly hands them in when it mounts the routes.
import type { operations } from '@nozle/openapi';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Queryable } from '../db/database.js';
import type { Work } from '../db/work.js';
import type { Caller } from './auth.js';
import type { CustomerTokenClaims, TokenProblem } from './customer-token.js';

export type OperationId = keyof operations;
type Op<Id extends OperationId> = operations[Id];
/** A reply in a format other than JSON (an invoice's `application/pdf`): its bytes, sent as they are. */
export class BinaryBody {
  constructor(
    readonly contentType: string,
    readonly bytes: Uint8Array,
  ) {}
}
// A JSON response's body type; a response the spec gives in another format only is bytes.
type JsonOf<R> = R extends { content: { 'application/json': infer Body } } ? Body : R extends { content: object } ? BinaryBody : never;
type Params<Id extends OperationId, Where extends 'path' | 'query'> = Op<Id>['parameters'] extends { [K in Where]?: infer P }
  ? [P] extends [undefined]
    ? Record<string, never>
    : NonNullable<P>
  : Record<string, never>;

export interface Input<Id extends OperationId> {
  params: Params<Id, 'path'>;
  query: Params<Id, 'query'>;
  // An optional request body arrives as `{}` when absent (see validation), so it is never undefined.
  body: Op<Id> extends { requestBody?: infer R } ? ([R] extends [undefined] ? undefined : JsonOf<NonNullable<R>>) : undefined;
}

/** Every status the spec lists for the operation, each with its own body type. */
type Reply<Id extends OperationId> = {
  [Status in keyof Op<Id>['responses']]: { status: Status; body: JsonOf<Op<Id>['responses'][Status]> };
}[keyof Op<Id>['responses']];

/** What a handler is given about its request, beside the services its slice asked for. */
interface RequestContext {
  /** The request's transaction for writes; the database itself for reads. */
  db: Queryable;
  /** The caller's project's time (its sandbox test clock); the server's for public routes. */
  clock: Clock;
  requestId: string;
  log: Logger;
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

export interface HandlerContext<S> extends RequestContext {
  /** The services the route's slice asked for, handed in by the assembly. */
  services: S;
}

export interface Route<S> {
  operationId: OperationId;
  public: boolean;
  run(input: Input<OperationId>, ctx: HandlerContext<S> & { caller?: Caller }): Promise<{ status: unknown; body: unknown }>;
}

/** The route helpers of a slice whose handlers need the services `S`. */
export function routesWith<S>() {
  return {
    /** A route for an operation that needs an API key. */
    defineRoute<Id extends OperationId>(
      operationId: Id,
      // NoInfer: the operation id alone picks the types, so the reply is checked against them.
      handler: NoInfer<(input: Input<Id>, ctx: HandlerContext<S> & { caller: Caller }) => Promise<Reply<Id>>>,
    ): Route<S> {
      return {
        operationId,
        public: false,
        run: (input, ctx) => handler(input, ctx as HandlerContext<S> & { caller: Caller }),
      };
    },
    /** A route anyone may call (health probes). */
    definePublicRoute<Id extends OperationId>(operationId: Id, handler: NoInfer<(input: Input<Id>, ctx: HandlerContext<S>) => Promise<Reply<Id>>>): Route<S> {
      return { operationId, public: true, run: (input, ctx) => handler(input, ctx) };
    },
  };
}

/** Route helpers for slices whose handlers need no service. */
export const { defineRoute, definePublicRoute } = routesWith<unknown>();

/** The request as a unit of work for a domain function: its transaction, its project's time, its after-commit hook. */
export const workOf = (ctx: RequestContext): Work => ({ db: ctx.db, now: ctx.clock.now(), afterCommit: ctx.afterCommit });
