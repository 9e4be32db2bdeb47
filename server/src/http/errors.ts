// The API's error: thrown anywhere below a route, rendered once as the spec's Error object.

type ErrorType = 'invalid_request_error' | 'authentication_error' | 'permission_error' | 'idempotency_error' | 'rate_limit_error' | 'card_error' | 'api_error';

interface ErrorBody {
  error: { type: ErrorType; code: string; message: string; param: string | null; request_id: string };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: ErrorType,
    readonly code: string,
    message: string,
    readonly param: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(requestId: string): ErrorBody {
    return { error: { type: this.type, code: this.code, message: this.message, param: this.param, request_id: requestId } };
  }
}

export const invalidParam = (param: string, message: string, code = 'parameter_invalid') => new ApiError(400, 'invalid_request_error', code, message, param);

export const notFound = (what: string, id: string, param: string | null = null) =>
  new ApiError(404, 'invalid_request_error', 'resource_missing', `No such ${what}: '${id}'`, param);

export const alreadyExists = (param: string, message: string) => new ApiError(409, 'invalid_request_error', 'resource_already_exists', message, param);

export const internalError = () => new ApiError(500, 'api_error', 'internal_error', 'Something went wrong on our side. Retrying the request is safe.');
