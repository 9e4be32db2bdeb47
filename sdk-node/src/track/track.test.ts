// nozle.track() end to end against msw: batching, retries, splitting, reports and shutdown.
import { HttpResponse, delay } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Schemas } from '@nozle/openapi';
import { BASE_URL, SECRET_KEY } from '../../test/fixtures.js';
import { mockApi, type SentRequest } from '../../test/mock-api.js';
import {
  Nozle,
  NozleAPIError,
  NozleConnectionError,
  NozleInvalidRequestError,
  NozleRateLimitError,
  NozleTrackError,
  type EventInput,
  type TrackOptions,
} from '../index.js';

const api = mockApi();
const clients: Nozle[] = [];

afterEach(async () => {
  // Runs before mockApi's handler reset: nothing a test left queued reaches an unknown route.
  await Promise.all(clients.splice(0).map((client) => client.shutdown(100)));
});

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function eventsOf(request: SentRequest | undefined): EventInput[] {
  return (request?.body as { events: EventInput[] }).events;
}

function idsOf(request: SentRequest | undefined): string[] {
  return eventsOf(request).map((event) => event.id);
}

/** The API's answer when every event of the request is new. */
function accepted(request: SentRequest): Response {
  const events = eventsOf(request);
  const result: Schemas['EventBatchResult'] = {
    object: 'event_batch',
    accepted: events.length,
    duplicates: 0,
    rejected: 0,
    results: events.map((event, index) => ({ index, id: event.id, status: 'accepted' })),
  };
  return HttpResponse.json(result, { headers: { 'Request-Id': 'req_ok' } });
}

function apiError(status: number, headers?: Record<string, string>): Response {
  const type = status === 429 ? 'rate_limit_error' : status >= 500 ? 'api_error' : 'invalid_request_error';
  return HttpResponse.json({ error: { type, code: `status_${status}`, message: `Failed with ${status}`, request_id: 'req_err' } }, { status, headers });
}

/** A client whose retries do not wait (the waits are recorded) and whose reports are kept. */
function setup(track: TrackOptions = {}) {
  const errors: NozleTrackError[] = [];
  const waits: number[] = [];
  const logger = vi.fn();
  const nozle = new Nozle({
    secretKey: SECRET_KEY,
    baseUrl: BASE_URL,
    track: {
      flushIntervalMs: 60_000,
      onError: (error) => errors.push(error),
      logger,
      sleep: async (ms) => {
        waits.push(ms);
      },
      ...track,
    },
  });
  clients.push(nozle);
  const trackMany = (count: number) =>
    Array.from({ length: count }, (_, index) => nozle.track({ customer: 'user_42', event: 'export', properties: { n: index } }));
  return { nozle, errors, waits, logger, track: trackMany };
}

describe('nozle.track()', () => {
  it('returns a new UUID v4 at once and sends nothing before flushAt or the interval', async () => {
    const sent = api.respond('post', '/v1/events', (_call, request) => accepted(request));
    const { nozle } = setup({ flushAt: 3 });

    const id = nozle.track({ customer: 'user_42', event: 'export' });
    nozle.track({ customer: 'user_42', event: 'export' });
    expect(id).toMatch(UUID_V4);
    await delay(30);

    expect(sent).toHaveLength(0);
    expect(nozle.trackStats()).toMatchObject({ tracked: 2, queued: 2, requests: 0 });
  });

  it('keeps the caller’s id, and sends the timestamp in Unix seconds and the properties as they were', async () => {
    const sent = api.respond('post', '/v1/events', (_call, request) => accepted(request));
    const { nozle } = setup();
    const properties = { pages: 12 };

    const id = nozle.track({ customer: 'user_42', event: 'export', id: 'line_1', properties, timestamp: new Date(1_767_225_600_500) });
    properties.pages = 99;
    await nozle.flush();

    expect(id).toBe('line_1');
    expect(eventsOf(sent[0])).toEqual([{ id: 'line_1', customer: 'user_42', event: 'export', properties: { pages: 12 }, timestamp: 1_767_225_600.5 }]);
    expect(sent[0]?.headers.get('authorization')).toBe(`Bearer ${SECRET_KEY}`);
  });

  it('throws a TypeError at once for a missing customer or event, and queues nothing', () => {
    const { nozle } = setup();
    expect(() => nozle.track({ event: 'export' } as never)).toThrow(TypeError);
    expect(() => nozle.track({ customer: 'user_42' } as never)).toThrow(/`event`/);
    expect(nozle.trackStats()).toMatchObject({ tracked: 0, queued: 0 });
  });

  it('sends as soon as flushAt events are queued', async () => {
    const sent = api.respond('post', '/v1/events', (_call, request) => accepted(request));
    const { nozle, track } = setup({ flushAt: 3 });

    track(2);
    await delay(20);
    expect(sent).toHaveLength(0);
    const third = nozle.track({ customer: 'user_42', event: 'export' });

    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(idsOf(sent[0])).toHaveLength(3);
    expect(idsOf(sent[0])[2]).toBe(third);
  });

  it('splits what is queued into requests of maxBatchSize, in order', async () => {
    const sent = api.respond('post', '/v1/events', (_call, request) => accepted(request));
    const { nozle, track } = setup({ flushAt: 100, maxBatchSize: 3 });

    const ids = track(7);
    await nozle.flush();

    expect(sent.map((request) => idsOf(request).length)).toEqual([3, 3, 1]);
    expect(sent.flatMap(idsOf)).toEqual(ids);
    expect(nozle.trackStats()).toMatchObject({ tracked: 7, queued: 0, accepted: 7, requests: 3 });
  });

  it('sends what is queued flushIntervalMs after the first event', async () => {
    const sent = api.respond('post', '/v1/events', (_call, request) => accepted(request));
    const { track } = setup({ flushIntervalMs: 80 });

    const started = Date.now();
    const ids = track(2);
    await delay(30);
    expect(sent).toHaveLength(0);

    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
    expect(idsOf(sent[0])).toEqual(ids);
  });

  it('retries a 503 with the same event ids, so the API counts each event once', async () => {
    const sent = api.respond('post', '/v1/events', (call, request) => (call === 1 ? apiError(503) : accepted(request)));
    const { nozle, track, errors, waits } = setup();

    const ids = track(3);
    await nozle.flush();

    expect(sent).toHaveLength(2);
    expect(idsOf(sent[1])).toEqual(ids);
    // The same events; only `sent_at` is stamped again at each attempt.
    expect((sent[1]?.body as { events: unknown }).events).toEqual((sent[0]?.body as { events: unknown }).events);
    expect((sent[1]?.body as { sent_at: number }).sent_at).toBeGreaterThanOrEqual((sent[0]?.body as { sent_at: number }).sent_at);
    expect(new Set(sent.flatMap(idsOf)).size).toBe(3); // what the API's dedup by id would count
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeLessThan(200); // full jitter under the first cap, initialDelayMs
    expect(errors).toEqual([]);
    expect(nozle.trackStats()).toMatchObject({ accepted: 3, retries: 1, requests: 2, dropped: 0 });
  });

  it('waits as long as a 429’s Retry-After says, capped at maxDelayMs', async () => {
    const sent = api.respond('post', '/v1/events', (call, request) => {
      if (call === 1) return apiError(429, { 'Retry-After': '3' });
      if (call === 2) return apiError(429, { 'Retry-After': '120' });
      return accepted(request);
    });
    const { nozle, track, errors, waits } = setup();

    track(1);
    await nozle.flush();

    expect(sent).toHaveLength(3);
    expect(waits).toEqual([3_000, 30_000]);
    expect(errors).toEqual([]);
  });

  it('retries after a network error', async () => {
    const sent = api.respond('post', '/v1/events', (call, request) => (call === 1 ? HttpResponse.error() : accepted(request)));
    const { nozle, track, errors } = setup();

    const ids = track(2);
    await nozle.flush();

    expect(sent.map(idsOf)).toEqual([ids, ids]);
    expect(errors).toEqual([]);
  });

  it('retries a request that gets no answer within requestTimeoutMs', async () => {
    const sent = api.respond('post', '/v1/events', async (call, request) => {
      if (call === 1) await delay('infinite');
      return accepted(request);
    });
    const { nozle, track, errors } = setup({ requestTimeoutMs: 50 });

    track(1);
    await nozle.flush();

    expect(sent).toHaveLength(2);
    expect(errors).toEqual([]);
  });

  it('does not retry a 400, and reports the batch as client_error', async () => {
    const sent = api.respond('post', '/v1/events', () => apiError(400));
    const { nozle, track, errors, waits } = setup();

    const ids = track(2);
    await nozle.flush();

    expect(sent).toHaveLength(1);
    expect(waits).toEqual([]);
    expect(errors).toHaveLength(1);
    const [error] = errors;
    expect(error).toBeInstanceOf(NozleTrackError);
    expect(error?.reason).toBe('client_error');
    expect(error?.eventIds).toEqual(ids);
    expect(error?.cause).toBeInstanceOf(NozleInvalidRequestError);
    expect(error?.cause).toMatchObject({ status: 400, code: 'status_400', requestId: 'req_err' });
    expect(nozle.trackStats()).toMatchObject({ dropped: 2, accepted: 0 });
  });

  it('gives up after maxRetries, and reports the batch as dropped_after_retries', async () => {
    const sent = api.respond('post', '/v1/events', (call) => (call % 2 === 1 ? apiError(500) : HttpResponse.error()));
    const { nozle, track, errors, waits } = setup({ retry: { maxRetries: 2 } });

    const ids = track(2);
    await nozle.flush();

    expect(sent).toHaveLength(3);
    expect(waits).toHaveLength(2);
    expect(errors.map((error) => [error.reason, error.eventIds])).toEqual([['dropped_after_retries', ids]]);
    expect(errors[0]?.cause).toBeInstanceOf(NozleAPIError);
    expect(errors[0]?.message).toMatch(/dropped 2 events after 2 retries/);
    expect(nozle.trackStats()).toMatchObject({ dropped: 2, retries: 2 });
  });

  it('reports a network error that outlasts the retries with its NozleConnectionError', async () => {
    api.respond('post', '/v1/events', () => HttpResponse.error());
    const { nozle, track, errors } = setup({ retry: { maxRetries: 1 } });

    track(1);
    await nozle.flush();

    expect(errors[0]?.reason).toBe('dropped_after_retries');
    expect(errors[0]?.cause).toBeInstanceOf(NozleConnectionError);
  });

  it('halves a batch the API answers with 413, until the halves fit', async () => {
    const sent = api.respond('post', '/v1/events', (_call, request) => (eventsOf(request).length > 500 ? apiError(413) : accepted(request)));
    const { nozle, track, errors } = setup({ flushAt: 1000 });

    const ids = track(1000);
    await nozle.flush();

    expect(sent.map((request) => idsOf(request).length)).toEqual([1000, 500, 500]);
    expect([...idsOf(sent[1]), ...idsOf(sent[2])]).toEqual(ids);
    expect(errors).toEqual([]);
    expect(nozle.trackStats()).toMatchObject({ accepted: 1000, dropped: 0 });
  });

  it('drops a single event that is still too large, and sends the rest', async () => {
    const sent = api.respond('post', '/v1/events', (_call, request) =>
      eventsOf(request).some((event) => event.id === 'huge') ? apiError(413) : accepted(request),
    );
    const { nozle, errors } = setup();

    nozle.track({ customer: 'c', event: 'e', id: 'small' });
    nozle.track({ customer: 'c', event: 'e', id: 'huge' });
    await nozle.flush();

    expect(sent.map(idsOf)).toEqual([['small', 'huge'], ['small'], ['huge']]);
    expect(errors.map((error) => [error.reason, error.eventIds])).toEqual([['too_large', ['huge']]]);
    expect(errors[0]?.cause).toMatchObject({ status: 413 });
  });

  it('reports each event the API rejected, without retrying it', async () => {
    const sent = api.respond('post', '/v1/events', (_call, request) => {
      const [first, second] = eventsOf(request);
      return HttpResponse.json(
        {
          object: 'event_batch',
          accepted: 1,
          duplicates: 0,
          rejected: 1,
          results: [
            { index: 0, id: first?.id ?? null, status: 'accepted' },
            {
              index: 1,
              id: second?.id ?? null,
              status: 'rejected',
              error: { code: 'customer_not_found', message: 'No such customer: ghost', param: 'customer' },
            },
          ],
        } satisfies Schemas['EventBatchResult'],
        { headers: { 'Request-Id': 'req_batch' } },
      );
    });
    const { nozle, errors } = setup();

    nozle.track({ customer: 'user_42', event: 'export', id: 'good' });
    nozle.track({ customer: 'ghost', event: 'export', id: 'bad' });
    await nozle.flush();

    expect(sent).toHaveLength(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ reason: 'rejected', events: [expect.objectContaining({ id: 'bad', customer: 'ghost' })] });
    expect(errors[0]?.cause).toBeInstanceOf(NozleInvalidRequestError);
    expect(errors[0]?.cause).toMatchObject({ code: 'customer_not_found', param: 'customer', requestId: 'req_batch' });
    expect(nozle.trackStats()).toMatchObject({ accepted: 1, rejected: 1, dropped: 0 });
  });

  it('drops the oldest events when the queue is full, warning once', async () => {
    const sent = api.respond('post', '/v1/events', (_call, request) => accepted(request));
    const { nozle, track, errors, logger } = setup({ maxQueueSize: 5 });

    const ids = track(8);
    await nozle.flush();

    expect(logger).toHaveBeenCalledTimes(1);
    expect(logger.mock.calls[0]?.[0]).toMatch(/queue is full \(5 events\)/);
    expect(errors.map((error) => error.reason)).toEqual(['queue_full', 'queue_full', 'queue_full']);
    expect(errors.flatMap((error) => error.eventIds)).toEqual(ids.slice(0, 3));
    expect(idsOf(sent[0])).toEqual(ids.slice(3));
    expect(nozle.trackStats()).toMatchObject({ dropped: 3, accepted: 5 });
  });

  it('flush() resolves only once the batch in flight is answered', async () => {
    api.respond('post', '/v1/events', async (_call, request) => {
      await delay(50);
      return accepted(request);
    });
    const { nozle, track } = setup();

    track(4);
    const flushing = nozle.flush();
    await delay(10);
    expect(nozle.trackStats()).toMatchObject({ queued: 0, requests: 1, accepted: 0 });
    await flushing;

    expect(nozle.trackStats()).toMatchObject({ accepted: 4 });
    await expect(nozle.flush()).resolves.toBeUndefined(); // nothing left: at once
  });

  it('shutdown() sends what is queued and stops the timer', async () => {
    const sent = api.respond('post', '/v1/events', (_call, request) => accepted(request));
    const { nozle, track } = setup({ flushIntervalMs: 20 });

    const ids = track(3);
    await nozle.shutdown();
    await delay(40);

    expect(sent.map(idsOf)).toEqual([ids]);
  });

  it('shutdown(timeoutMs) gives up on a server that never answers, reporting what is unsent', async () => {
    const sent = api.respond('post', '/v1/events', () => delay('infinite').then(() => new Response()));
    const { nozle, track, errors } = setup({ flushAt: 100, maxBatchSize: 2 });

    const ids = track(3);
    const started = Date.now();
    await nozle.shutdown(150);
    const elapsed = Date.now() - started;

    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(1_000);
    expect(sent).toHaveLength(1);
    expect(errors.map((error) => error.reason)).toEqual(['shutdown_timeout', 'shutdown_timeout']);
    expect(errors.flatMap((error) => error.eventIds)).toEqual(ids); // the batch in flight, then the queue
    expect(nozle.trackStats()).toMatchObject({ dropped: 3, queued: 0 });
  });

  it('shutdown(timeoutMs) also ends a long wait between retries', async () => {
    api.respond('post', '/v1/events', () => apiError(503, { 'Retry-After': '20' }));
    const { nozle, track, errors } = setup({ sleep: undefined });

    const ids = track(1);
    void nozle.flush();
    const started = Date.now();
    await nozle.shutdown(100);

    expect(Date.now() - started).toBeLessThan(1_000);
    expect(errors.map((error) => [error.reason, error.eventIds])).toEqual([['shutdown_timeout', ids]]);
  });

  it('ignores track() after shutdown, with one warning', async () => {
    const sent = api.respond('post', '/v1/events', (_call, request) => accepted(request));
    const { nozle, logger } = setup();
    await nozle.shutdown();

    const id = nozle.track({ customer: 'user_42', event: 'export' });
    nozle.track({ customer: 'user_42', event: 'export' });
    await nozle.flush();

    expect(id).toMatch(UUID_V4);
    expect(sent).toHaveLength(0);
    expect(logger).toHaveBeenCalledTimes(1);
    expect(logger.mock.calls[0]?.[0]).toMatch(/after shutdown\(\) is ignored/);
    expect(nozle.trackStats()).toMatchObject({ tracked: 0, queued: 0 });
  });

  it('logs reports through the logger when no onError is given', async () => {
    api.respond('post', '/v1/events', () => apiError(401));
    const { nozle, track, logger } = setup({ onError: undefined });

    track(1);
    await nozle.flush();

    expect(logger).toHaveBeenCalledWith(
      expect.stringMatching(/dropped 1 event: the API answered 401/),
      expect.objectContaining({ status: 401, requestId: 'req_err' }),
    );
  });

  it('logs an onError that throws, and keeps sending', async () => {
    const sent = api.respond('post', '/v1/events', (call, request) => (call === 1 ? apiError(400) : accepted(request)));
    const { nozle, track, logger } = setup({
      onError: () => {
        throw new Error('boom');
      },
    });

    track(1);
    await nozle.flush();
    track(1);
    await nozle.flush();

    expect(sent).toHaveLength(2);
    expect(logger).toHaveBeenCalledWith(expect.stringMatching(/onError threw/), expect.objectContaining({ message: 'boom' }));
  });

  it('reports a rate-limit cause with its class when 429s outlast the retries', async () => {
    api.respond('post', '/v1/events', () => apiError(429));
    const { nozle, track, errors } = setup({ retry: { maxRetries: 0 } });

    track(1);
    await nozle.flush();

    expect(errors[0]?.cause).toBeInstanceOf(NozleRateLimitError);
  });
});
