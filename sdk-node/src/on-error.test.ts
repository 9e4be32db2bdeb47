// The top-level `onError` of `new Nozle(...)`, `track.onError` beside it, and the one-line
// console output when neither is given.
import { HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BASE_URL, SECRET_KEY } from '../test/fixtures.js';
import { mockApi } from '../test/mock-api.js';
import { Nozle, NozleTrackError, type NozleErrorHandler, type NozleOptions } from './index.js';

const api = mockApi();
const clients: Nozle[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.shutdown(1000)));
  vi.restoreAllMocks();
});

function unauthorized(): void {
  api.respond('post', '/v1/events', () =>
    HttpResponse.json(
      { error: { type: 'authentication_error', code: 'invalid_api_key', message: 'Invalid API key.', request_id: 'req_401' } },
      { status: 401, headers: { 'Request-Id': 'req_401' } },
    ),
  );
}

async function trackOnce(options: Partial<NozleOptions>): Promise<void> {
  const nozle = new Nozle({ secretKey: SECRET_KEY, baseUrl: BASE_URL, ...options });
  clients.push(nozle);
  nozle.track({ customer: 'user_42', event: 'export.created' });
  nozle.track({ customer: 'user_42', event: 'export.created' });
  await nozle.flush();
}

describe('onError', () => {
  it('at the top level receives the events track() could not record', async () => {
    unauthorized();
    const errors: Array<Parameters<NozleErrorHandler>[0]> = [];
    await trackOnce({ onError: (error) => errors.push(error) });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ reason: 'client_error', cause: { status: 401, code: 'invalid_api_key' } });
    expect(errors[0]).toBeInstanceOf(NozleTrackError);
    expect((errors[0] as NozleTrackError).events).toHaveLength(2);
  });

  it('track.onError, when given, takes track’s reports instead of the top-level one', async () => {
    unauthorized();
    const top = vi.fn();
    const track = vi.fn();
    await trackOnce({ onError: top, track: { onError: track } });
    expect(track).toHaveBeenCalledTimes(1);
    expect(top).not.toHaveBeenCalled();
  });

  it('without either, writes one line per problem on console.warn, not an error object', async () => {
    unauthorized();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await trackOnce({});
    expect(warn.mock.calls).toEqual([['[nozle] track: dropped 2 events: the API answered 401: Invalid API key. (401 invalid_api_key, request req_401)']]);
  });

  it('must be a function', () => {
    expect(() => new Nozle({ secretKey: SECRET_KEY, onError: 'log' as unknown as () => void })).toThrow(new TypeError('Nozle: `onError` must be a function.'));
  });
});
