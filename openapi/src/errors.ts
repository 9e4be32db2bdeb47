// Typed errors for failed API calls, in the manner of stripe-node's src/Error.ts: one base
// class with the fields of the API's error body, and subclasses only where callers branch.

/** The `error.type` values the API sends, plus `connection_error` for network failures. */
export type NozleErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'idempotency_error'
  | 'rate_limit_error'
  | 'card_error'
  | 'api_error'
  | 'connection_error';

export interface NozleErrorInit {
  message: string;
  /** The API's `error.type`; a newer server may send a type this client does not know. */
  type: NozleErrorType | (string & {});
  code?: string | undefined;
  status?: number | undefined;
  requestId?: string | undefined;
  param?: string | undefined;
  /** The response body as received, for debugging. */
  raw?: unknown;
  cause?: unknown;
}

export class NozleError extends Error {
  override readonly name: string = 'NozleError';
  readonly type: NozleErrorType | (string & {});
  /** A machine-readable code such as `parameter_invalid` or `resource_missing`. */
  readonly code: string | undefined;
  /** The HTTP status; undefined when no response arrived. */
  readonly status: number | undefined;
  /** The `req_…` id to quote when asking for help. */
  readonly requestId: string | undefined;
  /** The offending parameter, in bracket notation for nested fields (`metadata[plan]`). */
  readonly param: string | undefined;
  readonly raw: unknown;

  constructor(init: NozleErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.type = init.type;
    this.code = init.code;
    this.status = init.status;
    this.requestId = init.requestId;
    this.param = init.param;
    this.raw = init.raw;
  }
}

/** 401: no API key, or an unknown or revoked one. */
export class NozleAuthenticationError extends NozleError {
  override readonly name = 'NozleAuthenticationError';
}

/** 403: the key may not call this endpoint (e.g. a publishable key on a secret endpoint). */
export class NozlePermissionError extends NozleError {
  override readonly name = 'NozlePermissionError';
}

/** 400, 404, 409, 422 and other 4xx: the request was wrong; `status` tells which. */
export class NozleInvalidRequestError extends NozleError {
  override readonly name = 'NozleInvalidRequestError';
}

/** An `Idempotency-Key` reused with a different request, or whose first request still runs. */
export class NozleIdempotencyError extends NozleError {
  override readonly name = 'NozleIdempotencyError';
}

/** 429: too many requests; retry later. */
export class NozleRateLimitError extends NozleError {
  override readonly name = 'NozleRateLimitError';
}

/** 5xx, or a response this client cannot make sense of. */
export class NozleAPIError extends NozleError {
  override readonly name = 'NozleAPIError';
}

/** No response: DNS, refused or reset connection, timeout. The request may or may not have run. */
export class NozleConnectionError extends NozleError {
  override readonly name = 'NozleConnectionError';

  constructor(message: string, cause?: unknown) {
    super({ message, type: 'connection_error', cause });
  }
}

interface ErrorBodyFields {
  type?: string;
  code?: string;
  message?: string;
  param?: string;
  request_id?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}

/** Reads `{ "error": { ... } }` defensively: a proxy may answer with HTML or nothing. */
function readErrorBody(body: unknown): ErrorBodyFields {
  if (!isRecord(body) || !isRecord(body.error)) return {};
  const error = body.error;
  const fields: ErrorBodyFields = {};
  for (const key of ['type', 'code', 'message', 'param', 'request_id'] as const) {
    const value = stringField(error, key);
    if (value !== undefined) fields[key] = value;
  }
  return fields;
}

type ErrorClass = new (init: NozleErrorInit) => NozleError;

function classFor(status: number, type: string | undefined): ErrorClass {
  // An idempotency conflict arrives as a 400 or 409; only its type tells it apart.
  if (type === 'idempotency_error') return NozleIdempotencyError;
  if (status === 401) return NozleAuthenticationError;
  if (status === 403) return NozlePermissionError;
  if (status === 429) return NozleRateLimitError;
  if (status >= 500) return NozleAPIError;
  switch (type) {
    case 'authentication_error':
      return NozleAuthenticationError;
    case 'permission_error':
      return NozlePermissionError;
    case 'rate_limit_error':
      return NozleRateLimitError;
    case 'api_error':
      return NozleAPIError;
    default:
      return status >= 400 ? NozleInvalidRequestError : NozleAPIError;
  }
}

const defaultType = new Map<ErrorClass, NozleErrorType>([
  [NozleAuthenticationError, 'authentication_error'],
  [NozlePermissionError, 'permission_error'],
  [NozleInvalidRequestError, 'invalid_request_error'],
  [NozleIdempotencyError, 'idempotency_error'],
  [NozleRateLimitError, 'rate_limit_error'],
  [NozleAPIError, 'api_error'],
]);

/**
 * Turns a failed response into the matching error class.
 *
 * @param status the HTTP status
 * @param body the parsed body, expected to be `{ "error": { type, code, message, param, request_id } }`
 *   but anything is accepted (a proxy's HTML page, an empty body)
 * @param requestId the `Request-Id` header; falls back to `error.request_id` of the body
 */
export function errorFromResponse(status: number, body: unknown, requestId?: string | null): NozleError {
  const fields = readErrorBody(body);
  const ErrorClass = classFor(status, fields.type);
  return new ErrorClass({
    message: fields.message ?? `Request failed with status ${status}`,
    type: fields.type ?? defaultType.get(ErrorClass) ?? 'api_error',
    code: fields.code,
    status,
    requestId: requestId ?? fields.request_id,
    param: fields.param,
    raw: body,
  });
}
