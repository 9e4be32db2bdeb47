// The safety net under request validation: a database error the request caused (a value the
// database refused) is the caller's 400, and a database that cannot answer now is a retryable 503.
import { isDatabaseUnavailable, isRefusedValue } from '../db/failures.js';
import { ApiError } from './errors.js';
import { isStorableText } from './storable.js';

/** A 503 whose `Retry-After` tells the caller when to try again. */
export class DatabaseUnavailableError extends ApiError {
  constructor(readonly retryAfterSeconds = 1) {
    super(503, 'api_error', 'database_unavailable', 'The database is unavailable at the moment. Retry the request in a moment; nothing was changed.');
    this.name = 'DatabaseUnavailableError';
  }
}

/** What the request carried, to name the parameter that held a refused value. */
export interface RequestValues {
  body?: unknown;
  query?: unknown;
}

/** The API's answer for a database error, or undefined when the error is not one of these. */
export function databaseErrorToApi(error: unknown, request: RequestValues = {}): ApiError | undefined {
  if (isDatabaseUnavailable(error)) return new DatabaseUnavailableError();
  if (!isRefusedValue(error)) return undefined;
  const { code, message } = error as { code: string; message?: unknown };
  if (code === '54001') {
    return new ApiError(400, 'invalid_request_error', 'parameter_invalid', 'The request is too complex to run (too many values at once); send fewer.');
  }
  const param = findUnstorableText(request.body) ?? findUnstorableText(request.query);
  if (param !== undefined) {
    return new ApiError(
      400,
      'invalid_request_error',
      'parameter_invalid',
      `Invalid ${param}: it contains a character that cannot be stored (a NUL byte or an unpaired UTF-16 surrogate).`,
      param,
    );
  }
  const reason = typeof message === 'string' && message.length > 0 ? `: ${message}` : '';
  return new ApiError(400, 'invalid_request_error', 'parameter_invalid', `A value in the request is not one the database accepts${reason}.`);
}

/**
 * The first key or string value Postgres cannot store, in bracket notation (`metadata[note]`).
 * Validation refuses these already; this names one that reached the database anyway.
 */
function findUnstorableText(value: unknown, path: string[] = []): string | undefined {
  if (typeof value === 'string') return isStorableText(value) ? undefined : paramName(path);
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const itemPath = [...path, key];
    if (!isStorableText(key)) return paramName(itemPath);
    const found = findUnstorableText(item, itemPath);
    if (found !== undefined) return found;
  }
  return undefined;
}

const paramName = (path: string[]) =>
  path.length === 0
    ? 'body'
    : path[0] +
      path
        .slice(1)
        .map((part) => `[${part}]`)
        .join('');
