// The delivery work, on every instance: events become deliveries (one per endpoint that wants
// them), due attempts are claimed one at a time (`skip locked`, leased) and sent outside any
// transaction, and settled events past the retention window are deleted in small batches. N
// instances share the work and never send one attempt twice at once. An instance sends at most
// `perEndpoint` attempts at a time to any one endpoint (fewer than its workers), and dispatches on
// its own schedule, so a slow endpoint holds that many workers and nothing else: deliveries to the
// others keep going out, and a busy endpoint that answers quickly still gets several at once.
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import { DEFAULT_WEBHOOKS_PER_ENDPOINT, DEFAULT_WEBHOOKS_RETENTION_DAYS } from '../config.js';
import type { Database } from '../db/database.js';
import { claimDueAttempt, deleteSettledEventsBefore, dispatchEvents, recordAttempt, type ClaimedAttempt } from './deliveries-store.js';
import { nextAttemptAt } from './retry-schedule.js';
import { sendAttempt, type SenderOptions } from './sender.js';

export interface DeliveryDeps extends SenderOptions {
  db: Database;
  /** The server's clock: when attempts fall due, and how old an event is (a test moves it instead of sleeping). */
  clock: Clock;
  logger: Logger;
  /** Workers sending at once on this instance. */
  workers?: number;
  /** Attempts in flight to one endpoint on this instance at most (NOZLE_WEBHOOKS_PER_ENDPOINT). */
  perEndpoint?: number;
  /** How long a settled event (its deliveries and attempts with it) is kept; NOZLE_WEBHOOKS_RETENTION_DAYS. */
  retentionMs?: number;
}

const DISPATCH_BATCH = 100;
const RETENTION_BATCH = 500;
const POLL_MS = 500;
/** When a retention batch came back short, the next one waits this long (a full one goes on at the next poll). */
const RETENTION_EVERY_MS = 60_000;
// Sending is waiting on the network: many workers cost little.
const DEFAULT_WORKERS = 16;
const DAY_MS = 24 * 3_600_000;

/** This instance's claims: made one at a time, and never for an endpoint with `perEndpoint` attempts in flight here. */
interface Claims {
  next(): Promise<ClaimedAttempt | undefined>;
  /** The attempt is recorded (or given up on): its endpoint may be claimed again. */
  release(claim: ClaimedAttempt): void;
}

function createClaims(deps: DeliveryDeps): Claims {
  const perEndpoint = deps.perEndpoint ?? DEFAULT_WEBHOOKS_PER_ENDPOINT;
  const sending = new Map<string, number>();
  const full = () => [...sending].filter(([, count]) => count >= perEndpoint).map(([endpointId]) => endpointId);
  // One claim at a time: two at once could pass an endpoint's cap before either is counted.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    next() {
      const claimed = queue.then(async () => {
        const now = deps.clock.now();
        // The lease outlasts the attempt's deadline, so no one else takes it while it runs.
        const leaseUntil = new Date(now.getTime() + deps.timeoutMs + 30_000);
        const claim = await deps.db.transaction((tx) => claimDueAttempt(tx, now, leaseUntil, full()));
        if (claim) sending.set(claim.endpointId, (sending.get(claim.endpointId) ?? 0) + 1);
        return claim;
      });
      queue = claimed.catch(() => undefined);
      return claimed;
    },
    release(claim) {
      const left = (sending.get(claim.endpointId) ?? 1) - 1;
      if (left > 0) sending.set(claim.endpointId, left);
      else sending.delete(claim.endpointId);
    },
  };
}

/** One attempt claimed, sent and recorded; false when none was due (but for endpoints at their cap here). */
async function runOneAttempt(deps: DeliveryDeps, claims: Claims): Promise<boolean> {
  const claim = await claims.next();
  if (!claim) return false;
  try {
    const result = await sendAttempt(claim, deps);
    const settledAt = deps.clock.now();
    await deps.db.transaction((tx) => recordAttempt(tx, claim, result, result.ok ? null : nextAttemptAt(claim.attempt, settledAt), settledAt));
    // One line per attempt: a newcomer sees webhooks leave in the server's output.
    const fields = { event: claim.event.id, type: claim.event.type, url: claim.url, attempt: claim.attempt, status: result.statusCode, ms: result.latencyMs };
    if (result.ok) deps.logger.info(fields, 'webhook delivered');
    else deps.logger.warn({ ...fields, error: result.error }, 'webhook attempt failed');
  } finally {
    claims.release(claim);
  }
  return true;
}

/** Every undispatched event given its deliveries; answers how many events. */
async function dispatchAll(deps: DeliveryDeps): Promise<number> {
  let total = 0;
  for (;;) {
    const made = await deps.db.transaction((tx) => dispatchEvents(tx, DISPATCH_BATCH, deps.clock.now()));
    if (made === 0) return total;
    total += made;
  }
}

/** One batch of settled events older than the retention window deleted; answers how many. */
function pruneBatch(deps: DeliveryDeps): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - (deps.retentionMs ?? DEFAULT_WEBHOOKS_RETENTION_DAYS * DAY_MS));
  return deps.db.transaction((tx) => deleteSettledEventsBefore(tx, before, RETENTION_BATCH));
}

/** Everything due now: events dispatched, each due attempt sent, expired events deleted; answers how many attempts were made. */
export async function runDeliveryPass(deps: DeliveryDeps): Promise<number> {
  await dispatchAll(deps);
  const claims = createClaims(deps);
  const worker = async () => {
    let sent = 0;
    while (await runOneAttempt(deps, claims)) sent += 1;
    return sent;
  };
  const counts = await Promise.all(Array.from({ length: deps.workers ?? DEFAULT_WORKERS }, worker));
  while ((await pruneBatch(deps)) === RETENTION_BATCH);
  return counts.reduce((sum, count) => sum + count, 0);
}

export interface RunningDelivery {
  stop(): Promise<void>;
}

/**
 * Runs until stopped: a dispatcher (new events every POLL_MS, and retention) and `workers`
 * workers, each sending one attempt after another and resting POLL_MS when none is due.
 * Stopping waits for the attempts in flight to be recorded.
 */
export function startWebhookDelivery(deps: DeliveryDeps): RunningDelivery {
  let stopped = false;
  const sleepers = new Set<() => void>();
  const rest = () =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, POLL_MS);
      sleepers.add(wake);
    });
  const wakeAll = () => [...sleepers].forEach((wake) => wake());
  const claims = createClaims(deps);
  let pruneAt = -Infinity;

  const dispatcher = async () => {
    while (!stopped) {
      try {
        // New deliveries wake the resting workers: they go out now, not at the next poll.
        if ((await dispatchAll(deps)) > 0) wakeAll();
        const now = deps.clock.now().getTime();
        if (now >= pruneAt) pruneAt = (await pruneBatch(deps)) === RETENTION_BATCH ? now : now + RETENTION_EVERY_MS;
      } catch (error) {
        deps.logger.error({ err: error }, 'webhook dispatch failed');
      }
      if (!stopped) await rest();
    }
  };
  const worker = async () => {
    while (!stopped) {
      let sent = false;
      try {
        sent = await runOneAttempt(deps, claims);
      } catch (error) {
        deps.logger.error({ err: error }, 'webhook attempt could not be claimed or recorded');
      }
      if (!sent && !stopped) await rest();
    }
  };
  const loops = [dispatcher(), ...Array.from({ length: deps.workers ?? DEFAULT_WORKERS }, worker)];
  return {
    async stop() {
      stopped = true;
      wakeAll();
      await Promise.all(loops);
    },
  };
}
