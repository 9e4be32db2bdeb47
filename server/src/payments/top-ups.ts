// The auto top-up charging job, on every instance (the scheduler runs it): each pending top-up
// (recorded where a balance fell below its threshold, billing/auto-top-up-service.ts) is claimed
// with `for update skip locked`, charged through the customer's saved payment method the way
// POST /v1/invoices/{id}/pay charges one (a provider invoice of one line, paid now), and settled
// in the same transaction: a grant of its amount and `credits.auto_top_up.succeeded`, or
// `credits.auto_top_up.failed` with the reason (not tried again). The top-up's id is the root of
// its idempotency keys at the provider, so a retry after a crash charges nothing twice.
import { claimPendingTopUp, postponeTopUp, settleTopUp, type ClaimedTopUp, type CreditTopUp, type TopUpOutcome } from '../billing/auto-top-up-store.js';
import { insertCreditGrant } from '../billing/credits-store.js';
import type { InvoiceCollector } from '../billing/invoice-collector.js';
import { clockFor } from '../clock.js';
import type { Queryable } from '../db/database.js';
import { retryTransaction } from '../db/transaction.js';
import type { StoredSnapshot } from '../entitlements/snapshot.js';
import { recordOutboxEvent } from '../outbox.js';
import type { ApplyDeps } from './apply.js';

/** Tries without an answer from the provider (an outage, not a decline) before the top-up is failed. */
const MAX_ATTEMPTS = 5;
const RETRY_BASE_MS = 30_000;

export interface TopUpDeps extends ApplyDeps {
  collector: Pick<InvoiceCollector, 'charge'>;
}

/** A top-up the job worked on: settled, or (null) left pending for a later try when the provider did not answer. */
export interface TopUpRun {
  id: string;
  settled: CreditTopUp | null;
}

/** Charges one pending top-up due now (of `projectId`, or any); undefined when none was due and unclaimed. */
export async function runOneTopUp(deps: TopUpDeps, projectId?: string): Promise<TopUpRun | undefined> {
  let claimed: ClaimedTopUp | undefined;
  try {
    const { settled, stored } = await retryTransaction(() =>
      deps.db.transaction(async (tx) => {
        claimed = await claimPendingTopUp(tx, deps.clock.now(), projectId);
        if (!claimed) return { settled: undefined, stored: undefined };
        return chargeAndSettle(tx, deps, claimed, clockFor(deps.clock, claimed.projectId).now());
      }),
    );
    if (stored) await deps.entitlements.published(stored);
    return settled && { id: settled.id, settled };
  } catch (error) {
    if (!claimed) throw error;
    await giveTime(deps, claimed, error);
    return { id: claimed.id, settled: null };
  }
}

async function chargeAndSettle(
  tx: Queryable,
  deps: TopUpDeps,
  topUp: ClaimedTopUp,
  now: Date,
): Promise<{ settled: CreditTopUp; stored: StoredSnapshot | undefined }> {
  const charged = await deps.collector.charge(tx, {
    invoiceId: topUp.id,
    customerId: topUp.customerId,
    currency: topUp.currency,
    lines: [{ position: 1, description: 'Credit top-up', amount: topUp.amount, periodStart: now, periodEnd: now }],
    idempotencyKey: topUp.id,
  });
  let outcome: TopUpOutcome;
  if (!charged) {
    const message = `Customer ${topUp.customerId} has no saved payment method at a payment provider (a checkout saves one).`;
    outcome = { status: 'failed', provider: null, providerInvoiceId: null, failure: { code: 'no_payment_method', message } };
  } else if (!charged.paid) {
    const failure = charged.declined ?? { code: 'card_declined', message: `The customer's payment method at ${charged.provider} was declined.` };
    outcome = { status: 'failed', provider: charged.provider, providerInvoiceId: charged.providerInvoiceId, failure };
  } else {
    const grant = await insertCreditGrant(
      tx,
      topUp.projectId,
      { customerId: topUp.customerId, currency: topUp.currency, amount: topUp.amount, expiresAt: null, description: 'Auto top-up' },
      now,
    );
    outcome = { status: 'succeeded', provider: charged.provider, providerInvoiceId: charged.providerInvoiceId, grantId: grant.id };
  }
  const settled = await settleTopUp(tx, topUp.id, outcome, now);
  await recordOutboxEvent(tx, topUp.projectId, settled.status === 'succeeded' ? 'credits.auto_top_up.succeeded' : 'credits.auto_top_up.failed', settled, now);
  // The balance rose (the snapshot shows it, and the setting is armed again once it is back above).
  const stored = settled.status === 'succeeded' ? await deps.snapshots.recompute(tx, topUp.projectId, topUp.customerId, now) : undefined;
  return { settled, stored };
}

/** The provider gave no answer (nothing was settled): asked again later with the same key, or failed after MAX_ATTEMPTS. */
async function giveTime(deps: TopUpDeps, topUp: ClaimedTopUp, error: unknown): Promise<void> {
  deps.logger.warn({ err: error, topUp: topUp.id, attempt: topUp.attempts + 1 }, 'auto top-up charge got no answer');
  if (topUp.attempts + 1 < MAX_ATTEMPTS) {
    const retryAt = new Date(deps.clock.now().getTime() + RETRY_BASE_MS * 2 ** topUp.attempts);
    await deps.db.transaction((tx) => postponeTopUp(tx, topUp.id, retryAt));
    return;
  }
  const now = clockFor(deps.clock, topUp.projectId).now();
  const message = error instanceof Error ? error.message : String(error);
  await deps.db.transaction(async (tx) => {
    const settled = await settleTopUp(
      tx,
      topUp.id,
      { status: 'failed', provider: null, providerInvoiceId: null, failure: { code: 'provider_error', message } },
      now,
    );
    await recordOutboxEvent(tx, topUp.projectId, 'credits.auto_top_up.failed', settled, now);
  });
}
