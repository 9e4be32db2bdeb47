// The delivery work, on every instance: events become deliveries (one per endpoint that wants
// them), and due attempts are claimed one at a time (`skip locked`, leased) and sent outside
// any transaction, so N instances share the work, never send one attempt twice at once, and a
// slow endpoint holds up only the worker sending to it.
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { claimDueAttempt, dispatchEvents, recordAttempt } from './deliveries-store.js';
import { nextAttemptAt } from './retry-schedule.js';
import { sendAttempt, type SenderOptions } from './sender.js';

export interface DeliveryDeps extends SenderOptions {
  db: Database;
  /** The server's clock: when attempts fall due (a test moves it instead of sleeping). */
  clock: Clock;
  logger: Logger;
  /** Workers sending at once on this instance. */
  workers?: number;
}

const DISPATCH_BATCH = 100;
const POLL_MS = 500;

/** One attempt claimed, sent and recorded; false when none was due. */
async function runOneAttempt(deps: DeliveryDeps): Promise<boolean> {
  const now = deps.clock.now();
  // The lease outlasts the attempt's deadline, so no one else takes it while it runs.
  const claim = await deps.db.transaction((tx) => claimDueAttempt(tx, now, new Date(now.getTime() + deps.timeoutMs + 30_000)));
  if (!claim) return false;
  const result = await sendAttempt(claim, deps);
  const settledAt = deps.clock.now();
  await deps.db.transaction((tx) => recordAttempt(tx, claim, result, result.ok ? null : nextAttemptAt(claim.attempt, settledAt), settledAt));
  // One line per attempt: a newcomer sees webhooks leave in the server's output.
  const fields = { event: claim.event.id, type: claim.event.type, url: claim.url, attempt: claim.attempt, status: result.statusCode, ms: result.latencyMs };
  if (result.ok) deps.logger.info(fields, 'webhook delivered');
  else deps.logger.warn({ ...fields, error: result.error }, 'webhook attempt failed');
  return true;
}

/** Everything due now: events dispatched, then each due attempt; answers how many attempts were made. */
export async function runDeliveryPass(deps: DeliveryDeps): Promise<number> {
  while ((await deps.db.transaction((tx) => dispatchEvents(tx, DISPATCH_BATCH, deps.clock.now()))) > 0);
  const worker = async () => {
    let sent = 0;
    while (await runOneAttempt(deps)) sent += 1;
    return sent;
  };
  const counts = await Promise.all(Array.from({ length: deps.workers ?? 4 }, worker));
  return counts.reduce((sum, count) => sum + count, 0);
}

export interface RunningDelivery {
  stop(): Promise<void>;
}

/** Runs passes until stopped: at once, then every POLL_MS (new events wait at most that). */
export function startWebhookDelivery(deps: DeliveryDeps): RunningDelivery {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (!stopped) {
      try {
        await runDeliveryPass(deps);
      } catch (error) {
        deps.logger.error({ err: error }, 'webhook delivery pass failed');
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, POLL_MS);
      });
    }
  })();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      wake?.();
      await loop;
    },
  };
}
