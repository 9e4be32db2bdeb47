// The Node SDK against the real server's 429s: track() waits as long as Retry-After says and
// retries until the batch is recorded once; an API call waits out Retry-After and tries again, and
// without retries surfaces a typed NozleRateLimitError.
import { Nozle, NozleRateLimitError } from '@nozle/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter, type RateLimiter } from '../src/http/rate-limit.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let limiter: RateLimiter;
beforeAll(async () => {
  // One request per window for each budget: a batch right after another request is refused.
  limiter = createRateLimiter({ api: 1, events: 1, checks: 0, unauthenticated: 0 }, { windowSeconds: 2 });
  t = await startTestApp({ rateLimiter: limiter });
});
afterAll(async () => {
  await t.close();
  await limiter.close();
});

describe('@nozle/node and rate limits', () => {
  it('track() backs off for a 429’s Retry-After and records every event once', async () => {
    const sleeps: number[] = [];
    const nozle = new Nozle({
      secretKey: t.projectA.secretKey,
      baseUrl: t.url,
      track: {
        flushAt: 1,
        retry: { maxRetries: 20 },
        sleep: (ms, signal) => {
          sleeps.push(ms);
          return new Promise((resolve) => {
            const timer = setTimeout(resolve, ms);
            signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
          });
        },
      },
    });
    expect((await t.call('POST', '/v1/customers', { body: { external_id: 'rl_user' } })).status).toBe(200);

    const event = (n: number) => ({ customer: 'rl_user', event: 'api_call', id: `evt_sdk_rl_${n}`, timestamp: t.clock.now() });
    // Spends the window's events budget, so the SDK's first batch is refused.
    const first = await t.call('POST', '/v1/events', { body: { events: [{ ...event(0), timestamp: t.clock.now().getTime() / 1000 }] } });
    expect(first.body).toMatchObject({ accepted: 1 });
    nozle.track(event(1));
    await nozle.flush();
    nozle.track(event(2));
    nozle.track(event(3));
    await nozle.shutdown(20_000);

    const stats = nozle.trackStats();
    expect(stats).toMatchObject({ accepted: 3, dropped: 0, rejected: 0, duplicates: 0 });
    expect(stats.retries).toBeGreaterThan(0);
    // Each wait is the server's Retry-After (whole seconds), not the SDK's own short backoff.
    expect(sleeps.length).toBe(stats.retries);
    for (const ms of sleeps) expect(ms % 1000).toBe(0);
    const { rows } = await t.database.db.query<{ n: number }>(`select count(*)::int as n from events where id like 'evt_sdk_rl_%'`);
    expect(rows[0]!.n).toBe(4);
  });

  it('an API call over the budget waits for its Retry-After and then succeeds', async () => {
    const nozle = new Nozle({ secretKey: t.projectB.secretKey, baseUrl: t.url });
    // Each call spends the one request of the window: the second is refused, then retried.
    const lists = await Promise.all([nozle.customers.list(), nozle.customers.list()]);
    expect(lists.map((list) => list.object)).toEqual(['list', 'list']);
  });

  it('an API call over the budget throws NozleRateLimitError with status 429 when retries are off', async () => {
    const nozle = new Nozle({ secretKey: t.projectB.secretKey, baseUrl: t.url, maxRetries: 0 });
    let thrown: unknown;
    for (let i = 0; i < 20 && thrown === undefined; i++) {
      await nozle.customers.list().catch((error: unknown) => {
        thrown = error;
      });
    }
    expect(thrown).toBeInstanceOf(NozleRateLimitError);
    expect(thrown).toMatchObject({ status: 429, type: 'rate_limit_error', code: 'rate_limited' });
    await nozle.shutdown();
  });
});
