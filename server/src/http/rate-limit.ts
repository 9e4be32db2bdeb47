// Request budgets per API key (429 rate_limit_error), counted by rate-limiter-flexible: in Redis
// when configured, so every instance spends from one budget; in this process otherwise.
import type { Response } from 'express';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { LRUCache } from 'lru-cache';
import type { Caller } from './auth.js';
import { ApiError } from './errors.js';

/**
 * `api`: every operation not named below; `events`: `POST /v1/events`; `checks`: `POST /v1/check`
 * and the entitlement reads; `unauthenticated`: requests with no or a wrong key, per client IP.
 */
type Budget = 'api' | 'events' | 'checks' | 'unauthenticated';

/** Requests per second for each budget (a client may spend one second's budget at once); 0 turns it off. */
export type RateLimits = Record<Budget, number>;

const BUDGET_OF: Record<string, Budget> = { ingestEvents: 'events', check: 'checks', getEntitlements: 'checks' };

/** The budget an authenticated call of this operation spends. */
const budgetOf = (operationId: string): Budget => BUDGET_OF[operationId] ?? 'api';

interface Spent {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Until the budget is whole again. */
  resetMs: number;
}

export interface RateLimiter {
  /** Spends one request of `key`'s `budget`; undefined when that budget is off. Never rejects. */
  spend(budget: Budget, key: string): Promise<Spent | undefined>;
  close(): Promise<void>;
}

/** How long one Redis call may take before the in-process count answers instead. */
const REDIS_TIMEOUT_MS = 250;

interface RateLimiterOptions {
  /** Count in Redis, shared by every instance on it; in this process when absent. */
  redisUrl?: string;
  /** How long one budget lasts before it is whole again: 1 s (the settings are per second); tests take longer ones. */
  windowSeconds?: number;
}

export function createRateLimiter(limits: RateLimits, { redisUrl, windowSeconds = 1 }: RateLimiterOptions = {}): RateLimiter {
  const redis = redisUrl
    ? new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: REDIS_TIMEOUT_MS, lazyConnect: true })
    : undefined;
  // Failures are answered by the insurance limiter; an unhandled 'error' event would crash the process.
  redis?.on('error', () => {});
  const connecting = redis?.connect().catch(() => {});

  const limiters = new Map<Budget, RateLimiterAbstract>();
  for (const [budget, points] of Object.entries(limits) as Array<[Budget, number]>) {
    if (points <= 0) continue;
    const options = { points, duration: windowSeconds, keyPrefix: `nozle:rate:${budget}` };
    // While Redis is down or slow each instance counts for itself: requests are still limited, never failed.
    const memory = new RateLimiterMemory(options);
    // Checks are the hot path, answered from memory: they never wait on Redis, so their budget is
    // counted per instance (N instances let N times the budget through).
    const shared = redis && budget !== 'checks';
    limiters.set(budget, shared ? new RateLimiterRedis({ ...options, storeClient: redis, rejectIfRedisNotReady: true, insuranceLimiter: memory }) : memory);
  }

  return {
    async spend(budget, key) {
      const limiter = limiters.get(budget);
      if (!limiter) return undefined;
      await connecting;
      const limit = limits[budget];
      try {
        const res = await limiter.consume(key);
        return { allowed: true, limit, remaining: res.remainingPoints, resetMs: res.msBeforeNext };
      } catch (outcome) {
        // A refusal comes as a RateLimiterRes; anything else is the store failing even its insurance.
        if (!(outcome instanceof RateLimiterRes)) return undefined;
        return { allowed: false, limit, remaining: 0, resetMs: outcome.msBeforeNext };
      }
    },
    async close() {
      redis?.disconnect();
    },
  };
}

/** An ApiError 429 with the budget's headers already set on `res`; undefined when allowed. */
function answerBudget(res: Response, spent: Spent | undefined): ApiError | undefined {
  if (!spent) return undefined;
  const resetSeconds = Math.max(1, Math.ceil(spent.resetMs / 1000));
  // The IETF draft's separate fields (draft-ietf-httpapi-ratelimit-headers, -06 and earlier).
  res.set({ 'RateLimit-Limit': String(spent.limit), 'RateLimit-Remaining': String(spent.remaining), 'RateLimit-Reset': String(resetSeconds) });
  if (spent.allowed) return undefined;
  res.set('Retry-After', String(resetSeconds));
  return new ApiError(
    429,
    'rate_limit_error',
    'rate_limited',
    `Too many requests with this key: its budget is ${spent.limit} at a time. Retry after ${resetSeconds} s.`,
  );
}

/**
 * Spends one request of the caller's budget for the operation, and throws the 429 when it is
 * spent. A publishable key ships in every browser of an app, so it is counted per client IP.
 */
export async function spendBudget(limiter: RateLimiter, res: Response, operationId: string, caller: Caller, ip: string): Promise<void> {
  const who = caller.keyType === 'publishable' ? `${caller.keyId}:${ip}` : caller.keyId;
  const refused = answerBudget(res, await limiter.spend(budgetOf(operationId), who));
  if (refused) throw refused;
}

/**
 * Bounds key guessing: each failed authentication spends from the client IP's `unauthenticated`
 * budget, and once it is spent this instance looks at no key from that IP (a right one neither)
 * until it refills, so a guess cannot tell a right key from a wrong one meanwhile.
 */
export class GuessGuard {
  readonly #limiter: RateLimiter;
  readonly #blocked = new LRUCache<string, Spent>({ max: 10_000, ttl: 1000, ttlAutopurge: false });

  constructor(limiter: RateLimiter) {
    this.#limiter = limiter;
  }

  async authenticate<T>(ip: string, res: Response, attempt: () => Promise<T>): Promise<T> {
    const blocked = this.#blocked.get(ip);
    if (blocked) throw answerBudget(res, { ...blocked, resetMs: this.#blocked.getRemainingTTL(ip) })!;
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      const spent = await this.#limiter.spend('unauthenticated', ip);
      if (spent && !spent.allowed) this.#blocked.set(ip, spent, { ttl: Math.max(1, spent.resetMs) });
      throw answerBudget(res, spent) ?? error;
    }
  }
}
