import { describe, expect, it } from 'vitest';
import {
  NozleAPIError,
  NozleAuthenticationError,
  NozleInvalidRequestError,
  NozlePermissionError,
  NozleRateLimitError,
  errorFromResponse,
} from '../src/index.js';

describe('errorFromResponse', () => {
  it('falls back on the type when the status says nothing more specific', () => {
    expect(errorFromResponse(400, { error: { type: 'authentication_error' } })).toBeInstanceOf(NozleAuthenticationError);
    expect(errorFromResponse(400, { error: { type: 'permission_error' } })).toBeInstanceOf(NozlePermissionError);
    expect(errorFromResponse(400, { error: { type: 'rate_limit_error' } })).toBeInstanceOf(NozleRateLimitError);
  });

  it('makes an invalid request error of any other 4xx, keeping the status', () => {
    const error = errorFromResponse(413, 'Payload Too Large');
    expect(error).toBeInstanceOf(NozleInvalidRequestError);
    expect(error).toMatchObject({ status: 413, type: 'invalid_request_error', raw: 'Payload Too Large' });
  });

  it('makes an API error of an empty 5xx', () => {
    const error = errorFromResponse(500, undefined, 'req_abc');
    expect(error).toBeInstanceOf(NozleAPIError);
    expect(error).toMatchObject({ type: 'api_error', requestId: 'req_abc', code: undefined });
  });
});
