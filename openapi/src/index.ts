// The public surface of @nozle/openapi: the contract's types, the parsed spec, a typed client,
// the realtime protocol and the check answer.
import type { components, operations } from './generated/schema.js';

export type { paths, components, operations, webhooks, $defs } from './generated/schema.js';

/** Every schema of the contract, e.g. `Schemas['Customer']`. */
export type Schemas = components['schemas'];
/** One schema by name, e.g. `Schema<'Customer'>`. */
export type Schema<Name extends keyof Schemas> = Schemas[Name];
/** The API's error body, `{ error: { type, code, message, param, request_id } }`. */
export type ErrorBody = Schemas['Error'];
export type OperationId = keyof operations;

export { spec } from './spec.js';
export { VERSION } from './version.js';
export type { HttpMethod, OpenAPIDocument, OpenAPIOperation, OpenAPIPathItem } from './spec.js';

export { DEFAULT_BASE_URL, resolveBaseUrl } from './base-url.js';
export { checkAnswer, decideAccess, entitlementOf } from './access.js';
export { nextChangeMs, snapshotAt } from './time-flips.js';
export { CLOSE, frame, isSnapshot, parseServerMessage, REALTIME_PATH } from './realtime.js';
export type { ClientMessage, HelloMessage, ServerMessage } from './realtime.js';
export { callOptions, createNozleClient, randomUUID, unwrap } from './client.js';
export type { CallOptions, FetchResult, NozleClient, NozleClientOptions, SuccessData } from './client.js';
export { backoffDelay, parseRetryAfter } from './retry/backoff.js';
export type { BackoffDelays } from './retry/backoff.js';
export { abortable, fetchWithRetries, isIdempotent, sleep } from './retry/fetch.js';
export { resolveFailureMode, type FailureMode } from './failure-mode.js';
export type { FetchLike, RetryHooks } from './retry/fetch.js';
export { DEFAULT_CALL_POLICY, resolveCallPolicy } from './retry/policy.js';
export type { CallPolicy, ResolvedCallPolicy } from './retry/policy.js';

export {
  NozleError,
  NozleAuthenticationError,
  NozlePermissionError,
  NozleInvalidRequestError,
  NozleIdempotencyError,
  NozleRateLimitError,
  NozleAPIError,
  NozleConnectionError,
  NozleTimeoutError,
  errorFromResponse,
} from './errors.js';
export type { NozleErrorInit, NozleErrorType } from './errors.js';
