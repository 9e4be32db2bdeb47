// The server's scheduled jobs, started by the assembly (they call into several slices):
// reconciliation (on its cron, daily by default), invoices at period end, retries of failed
// payment events, and an hourly sweep. Each runs on one instance at a time (reconcile.ts and the
// billing cycle take a database lock, the retries take theirs here; the sweep is safe to repeat).
// What falls due at an instant (renewals, trial ends, windows) is the scheduler's (scheduler.ts),
// run on every instance. The jobs that judge
// due work by each project's test clock first re-read the clocks (another instance may have moved
// one and its announcement been lost).
import { Cron } from 'croner';
import type { Logger } from 'pino';
import { closeBillingPeriods } from './billing/invoices.js';
import type { Database } from './db/database.js';
import { purgeExpiredKeys } from './http/idempotency.js';
import type { Payments } from './payments/payments.js';
import { reconcile } from './payments/reconcile.js';
import type { ProjectClocks } from './project-clocks.js';
import { ensureAllEventPartitions } from './usage/partitions.js';

const MINUTE_CRON = '0 * * * * *';
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

interface JobsDeps {
  db: Database;
  clock: ProjectClocks;
  logger: Logger;
  payments: Payments;
  /** When reconciliation with the payment provider runs (cron, UTC). */
  reconcileCron: string;
}

export interface Jobs {
  stop(): void;
}

export function startJobs(deps: JobsDeps): Jobs {
  const crons = schedulePaymentJobs(deps);
  const sweep = startHourlySweep(deps);
  return {
    stop: () => {
      clearInterval(sweep);
      crons.forEach((job) => job.stop());
    },
  };
}

function schedulePaymentJobs({ db, clock, logger, payments, reconcileCron }: JobsDeps): Cron[] {
  const guard = (name: string, job: () => Promise<unknown>) => async () => {
    try {
      await job();
    } catch (error) {
      logger.error({ err: error, job: name }, 'scheduled job failed');
    }
  };
  return [
    // protect: a run still going when the next is due is skipped, not stacked.
    new Cron(
      reconcileCron,
      { protect: true, timezone: 'UTC' },
      guard('reconcile', () => reconcile(payments, 'schedule')),
    ),
    // Invoices for every period that has ended (under its own lock: once across instances).
    new Cron(
      MINUTE_CRON,
      { protect: true },
      guard('billing', async () => {
        await clock.reload();
        await closeBillingPeriods(payments.billing);
      }),
    ),
    new Cron(
      MINUTE_CRON,
      { protect: true },
      guard('payment event retries', () => db.withLock('nozle:payment-event-retries', () => payments.events.retryDue())),
    ),
  ];
}

// Stored idempotent responses are kept 24 hours; sweep the older ones hourly. Deleting is
// harmless to repeat, so several instances may each run it. The same hourly sweep makes the
// events table's partitions for the months ahead.
function startHourlySweep({ db, clock, logger }: JobsDeps): NodeJS.Timeout {
  const sweep = setInterval(() => {
    purgeExpiredKeys(db, clock.now()).catch((error: unknown) => logger.warn({ err: error }, 'idempotency key purge failed'));
    ensureAllEventPartitions(db, clock).catch((error: unknown) => logger.warn({ err: error }, 'could not make event partitions'));
  }, SWEEP_INTERVAL_MS);
  sweep.unref();
  return sweep;
}
