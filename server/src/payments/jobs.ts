// Scheduled jobs: reconciliation (on its cron, daily by default), invoices at period end,
// retries of failed events, and in sandbox mode the renewals that real time brings due. Each runs on one
// instance at a time (reconcile.ts takes a database lock; the others are safe to repeat). The jobs
// that judge due work by each project's test clock first re-read the clocks (another instance
// may have moved one and its announcement been lost).
import { Cron } from 'croner';
import { closeBillingPeriods } from '../billing/invoices.js';
import type { ProjectClocks } from '../project-clocks.js';
import type { Payments } from './payments.js';
import { reconcile } from './reconcile.js';
import { advanceSandbox } from './sandbox/run-due.js';

const MINUTE_CRON = '0 * * * * *';

export function schedulePaymentJobs(payments: Payments, reconcileCron: string, clocks: ProjectClocks): { stop(): void } {
  const { logger, db } = payments.deps;
  const guard = (name: string, job: () => Promise<unknown>) => async () => {
    try {
      await job();
    } catch (error) {
      logger.error({ err: error, job: name }, 'scheduled job failed');
    }
  };
  const jobs = [
    // protect: a run still going when the next is due is skipped, not stacked.
    new Cron(reconcileCron, { protect: true, timezone: 'UTC' }, guard('reconcile', () => reconcile(payments, 'schedule'))),
    // Invoices for every period that has ended (under its own lock: once across instances).
    new Cron(MINUTE_CRON, { protect: true }, guard('billing', async () => {
      await clocks.reload();
      await closeBillingPeriods(payments.billing);
    })),
    new Cron(MINUTE_CRON, { protect: true }, guard('payment event retries', () => db.withLock('nozle:payment-event-retries', () => payments.events.retryDue()))),
  ];
  if (payments.sandbox) jobs.push(new Cron(MINUTE_CRON, { protect: true }, guard('sandbox renewals', async () => {
    await clocks.reload();
    await db.withLock('nozle:sandbox', () => advanceSandbox(payments));
  })));
  return { stop: () => jobs.forEach((job) => job.stop()) };
}
