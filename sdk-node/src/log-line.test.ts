import { NozleAuthenticationError, NozleConnectionError } from '@nozle/openapi';
import { describe, expect, it } from 'vitest';
import { logLine } from './log-line.js';

describe('logLine', () => {
  it('puts the scope first and drops the "Nozle: " prefix of the message', () => {
    expect(logLine('track', 'Nozle: track() after shutdown() is ignored.')).toBe('[nozle] track: track() after shutdown() is ignored.');
  });

  it('adds an API error as its status, code and request id, not its stack', () => {
    const cause = new NozleAuthenticationError({
      message: 'Invalid API key.',
      type: 'authentication_error',
      code: 'invalid_api_key',
      status: 401,
      requestId: 'req_123',
    });
    expect(logLine('track', 'Nozle: dropped 3 events: the API answered 401: Invalid API key.', [cause])).toBe(
      '[nozle] track: dropped 3 events: the API answered 401: Invalid API key. (401 invalid_api_key, request req_123)',
    );
  });

  it('adds a connection error with its reason, and any other error as name and message', () => {
    expect(logLine('local', 'Nozle: could not connect.', [new NozleConnectionError('connect ECONNREFUSED 127.0.0.1:4000')])).toBe(
      '[nozle] local: could not connect. (connection_error, connect ECONNREFUSED 127.0.0.1:4000)',
    );
    expect(logLine('track', 'Nozle: track.onError threw; ignored.', [new TypeError('boom')])).toBe(
      '[nozle] track: track.onError threw; ignored. (TypeError: boom)',
    );
  });

  it('keeps to one line whatever the message holds', () => {
    const line = logLine('track', 'Nozle: first\n  second', [new Error('a\nb'), { n: 1 }]);
    expect(line).toBe('[nozle] track: first second (Error: a b; {"n":1})');
    expect(line).not.toContain('\n');
  });
});
