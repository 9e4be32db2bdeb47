// The billing cycle: at each period end, one invoice per subscription and period, built as a
// draft and then finalized; and the preview of the period in progress.
//
// Exactly once: invoices are unique on (subscription, period_start), so a second instance, a
// retry or an overlapping run finds the row there and builds nothing; the whole run also holds
// a database lock so instances do not race through the same work.
import type { components } from '@nozle/openapi';
import type { Logger } from 'pino';
import { clockFor, unixSeconds, type Clock } from '../clock.js';
import { findCustomer, lockCustomer } from '../customers/store.js';
import type { Database, Queryable } from '../db/database.js';
import type { EntitlementCache } from '../entitlements/cache.js';
import type { StoredSnapshot } from '../entitlements/snapshot.js';
import type { Snapshots } from '../entitlements/snapshots.js';
import { currentPeriod } from '../entitlements/sources.js';
import { notFound } from '../http/errors.js';
import { retryTransaction } from '../db/transaction.js';
import { findMeter } from '../catalog/meters-store.js';
import { daysAfter } from '../time/periods.js';
import { planKey } from '../catalog/plans-store.js';
import { queryUsageExact } from '../usage/query.js';
import { applyCredits } from './credits.js';
import { applyDiscount } from './discounts.js';
import { invoiceDiscount } from './invoice-discount.js';
import { taxDraft } from './invoice-tax.js';
import { grantsWithCredit, recordDrawdowns } from './credits-store.js';
import { draftInvoice, usageQuantity, type DraftInvoice, type PeriodUsage } from './invoice-lines.js';
import type { InvoiceCollector } from './invoice-collector.js';
import {
  billableSubscription,
  billableSubscriptions,
  draftInvoices,
  finalizeInvoice,
  insertDraftInvoice,
  linesToSend,
  newestLiveSubscription,
  toLine,
  type BillableSubscription,
  type DraftToFinalize,
} from './invoices-store.js';
import { DEFAULT_DAYS_UNTIL_DUE, refreshPaymentDue } from './payment-due.js';
import { endedPeriods, type BillingPeriod } from './periods.js';
import { baseItem, baseQuantity, periodTerms, type PeriodTerms } from './plan-changes.js';
import { creditOnlySubscriptions } from './credit-only-store.js';
import { grantPeriodCredits, type PeriodGrantSubscription } from './period-grants.js';
import { planChanges } from './plan-changes-store.js';

export type UpcomingInvoice = components['schemas']['UpcomingInvoice'];

export interface BillingDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
  /** Where a snapshot changed by a credit drawdown is announced; without it, caches learn on expiry. */
  entitlements?: Pick<EntitlementCache, 'published'>;
  /** What recomputes the snapshot when credit is drawn. */
  snapshots: Pick<Snapshots, 'recompute'>;
  /**
   * Sends the invoices of subscriptions a provider bills (Stripe, the sandbox) to that provider
   * (payments implements it); without it such invoices wait as drafts.
   */
  collector?: InvoiceCollector;
  /** Days from finalizing to the due date of an invoice Nozle collects itself (`NOZLE_INVOICE_DAYS_UNTIL_DUE`, 30 by default). */
  daysUntilDue?: number;
}

const BILLING_LOCK = 'nozle:billing';

/**
 * Builds and finalizes the invoices of every period that has ended, in every project (or in
 * `projectId` only), each judged by its project's clock. Runs on one instance at a time;
 * answers how many invoices it built (0 when another instance holds the lock).
 */
export async function closeBillingPeriods(deps: BillingDeps, projectId?: string): Promise<number> {
  const result = await deps.db.withLock(BILLING_LOCK, () => runBillingCycle(deps, projectId));
  return result.ran ? result.value : 0;
}

/** The cycle itself, without the lock; safe to run twice at once (the unique key decides). */
export async function runBillingCycle(deps: BillingDeps, projectId?: string): Promise<number> {
  const { db, clock, logger } = deps;
  let built = 0;
  for (const candidate of await billableSubscriptions(db, clock.now(), projectId)) {
    const now = clockFor(clock, candidate.project_id).now();
    let invoiced = true;
    for (const period of endedPeriods(candidate, candidate.last_invoiced_end, now)) {
      try {
        const { id, snapshot } = await retryTransaction(() => db.transaction((tx) => buildInvoice(tx, candidate, period, now, deps.snapshots)));
        if (id) built += 1;
        if (snapshot) await deps.entitlements?.published(snapshot);
      } catch (error) {
        // One subscription's failure must not hold up the others; its next period waits for this one.
        logger.error({ err: error, subscription: candidate.id, periodStart: period.start }, 'could not build invoice');
        invoiced = false;
        break;
      }
    }
    // The plan's credits for the current period, once the ended periods' invoices drew on the old ones.
    if (invoiced) await periodCredits(deps, candidate, now);
  }
  // Plans that bill nothing have no invoices to wait for: only their period credits.
  for (const candidate of await creditOnlySubscriptions(db, clock.now(), projectId)) {
    await periodCredits(deps, candidate, clockFor(clock, candidate.project_id).now());
  }
  await finalizeDrafts(deps, projectId);
  if (built > 0) logger.info({ built }, 'invoices built');
  return built;
}

async function periodCredits(deps: BillingDeps, candidate: PeriodGrantSubscription, now: Date): Promise<void> {
  try {
    const stored = await retryTransaction(() => deps.db.transaction((tx) => grantPeriodCredits(tx, candidate, now, deps.snapshots)));
    if (stored) await deps.entitlements?.published(stored);
  } catch (error) {
    deps.logger.error({ err: error, subscription: candidate.id }, 'could not grant period credits');
  }
}

interface Built {
  id: string | null;
  /** The customer's snapshot when credit was drawn (its balance changed). */
  snapshot?: StoredSnapshot;
}

async function buildInvoice(
  tx: Queryable,
  candidate: BillableSubscription,
  period: BillingPeriod,
  now: Date,
  snapshots: Pick<Snapshots, 'recompute'>,
): Promise<Built> {
  // The customer's lock first, the order every change uses; then the terms as they are now.
  await lockCustomer(tx, candidate.customer_id);
  const sub = await billableSubscription(tx, candidate.id);
  if (!sub) return { id: null };
  // Credit is drawn before anything is billed, in this transaction: once, with the invoice.
  const terms = await termsOf(tx, sub, period);
  // Subtotal, then discounts, then prepaid credit on what is left (discounts.ts); then taxes on
  // the discounted lines (credit lines untaxed: credit pays, it does not discount; taxes.ts).
  const { draft: credited, drawdowns } = applyCredits(
    applyDiscount(await ratePeriod(tx, sub, period, period.end, terms), await invoiceDiscount(tx, sub, period.start)),
    await grantsWithCredit(tx, sub.customer_id, sub.currency),
    period.end,
  );
  const draft = await taxDraft(tx, sub, credited);
  const id = await insertDraftInvoice(
    tx,
    {
      projectId: sub.project_id,
      customerId: sub.customer_id,
      subscriptionId: sub.id,
      // The plan version whose usage prices rated the period: the one in effect at its end.
      planId: terms.atEnd.plan_id,
      planVersion: terms.atEnd.plan_version,
      currency: sub.currency,
      start: period.start,
      end: period.end,
      trial: period.trial,
      draft,
    },
    now,
  );
  if (!id || drawdowns.length === 0) return { id };
  await recordDrawdowns(tx, id, drawdowns);
  return { id, snapshot: await snapshots.recompute(tx, sub.project_id, sub.customer_id, now) };
}

/**
 * Which plan versions apply to `period` (plan-changes.ts): a subscription Nozle bills itself has
 * its plan changes recorded; one billed by Stripe or the sandbox is prorated there and is billed
 * on its current terms.
 */
async function termsOf(db: Queryable, sub: BillableSubscription, period: BillingPeriod): Promise<PeriodTerms> {
  if (sub.provider) return { atStart: sub, atEnd: sub, changes: [] };
  return periodTerms(sub, await planChanges(db, sub.id), period.start, period.end);
}

/**
 * The lines of `period`, with usage counted from its start up to `usageEnd`: the base fee of the
 * plan in effect at the period's start, usage at the prices of the one in effect at its end, and
 * proration lines for each plan change in between.
 */
async function ratePeriod(db: Queryable, sub: BillableSubscription, period: BillingPeriod, usageEnd: Date, terms: PeriodTerms): Promise<DraftInvoice> {
  const usage: PeriodUsage[] = [];
  for (const price of terms.atEnd.prices) {
    const meter = await findMeter(db, sub.project_id, price.meter_id);
    const [row] = await queryUsageExact(db, sub.project_id, meter, { start: period.start, end: usageEnd, customerId: sub.customer_id, groupBy: null });
    usage.push({ price, quantity: usageQuantity(row?.value ?? null) });
  }
  // A subscription billed by Stripe or the sandbox has its base fee charged there, in advance,
  // with each period's renewal: Nozle's invoice then carries the usage, billed in arrears.
  const basePrice = sub.provider ? 0 : Number(terms.atStart.base_price);
  // Per seat: the base fee is the seats in effect at the period's start; changes settle the rest.
  const changes = terms.changes.map((change) => ({
    changed_at: change.changed_at,
    from: { ...baseItem(change.from), planId: change.from.plan_id },
    to: { ...baseItem(change.to), planId: change.to.plan_id },
  }));
  return draftInvoice({
    planName: terms.atStart.plan_name,
    planId: terms.atStart.plan_id,
    usagePlanId: terms.atEnd.plan_id,
    basePrice,
    seats: baseQuantity(terms.atStart),
    trial: period.trial,
    start: period.start,
    end: period.end,
    usage,
    changes,
    ...(period.scheduled_end ? { scheduledEnd: period.scheduled_end } : {}),
    // Canceled now with `prorate`: the unused time of the plan in effect at the cancellation.
    ...(period.scheduled_end && sub.cancel_prorate && !sub.provider ? { cancelCredit: { ...baseItem(terms.atEnd), planId: terms.atEnd.plan_id } } : {}),
  });
}

/**
 * Finalizes every draft. A subscription you bill yourself: `open`, nothing collects it. One a
 * provider bills: its lines with an amount are sent to the provider (Stripe: invoice items on a
 * Stripe invoice; the sandbox "charges" it at once), and the invoice is `paid` or `open` as the
 * provider answers (an `invoice.paid` event marks it paid later, events.ts); with nothing to
 * charge it is `paid` without being sent.
 *
 * Exactly once: the draft stays a draft until the provider's answer is stored, so a crash in
 * between sends it again on the next run, and the provider makes nothing twice for the same
 * Nozle invoice (Stripe: idempotency keys derived from its id and its lines' positions).
 */
async function finalizeDrafts(deps: BillingDeps, projectId: string | undefined): Promise<void> {
  const { db, logger } = deps;
  for (const draft of await draftInvoices(db, projectId)) {
    const now = clockFor(deps.clock, draft.project_id).now();
    try {
      if (!draft.provider) {
        await finalizeOwnInvoice(deps, draft, now);
        continue;
      }
      if (!deps.collector?.collects(draft.provider)) {
        logger.warn({ invoice: draft.id }, `invoice of a ${draft.provider}-billed subscription waits as a draft: ${draft.provider} is not configured`);
        continue;
      }
      const lines = (await linesToSend(db, draft.id)).filter((line) => line.amount !== 0);
      if (lines.length === 0) {
        await db.transaction((tx) => finalizeInvoice(tx, draft.id, 'paid', now));
        continue;
      }
      const sent = await deps.collector.collect(db, draft.provider, { invoiceId: draft.id, customerId: draft.customer_id, currency: draft.currency, lines });
      const name = draft.provider;
      await db.transaction((tx) =>
        finalizeInvoice(tx, draft.id, sent.paid ? 'paid' : 'open', now, { provider: name, providerInvoiceId: sent.providerInvoiceId }),
      );
    } catch (error) {
      // It stays a draft: the next run sends it again (the same provider invoice comes back).
      logger.error({ err: error, invoice: draft.id }, 'could not finalize invoice');
    }
  }
}

/**
 * An invoice Nozle collects itself is open until paid through the API, due `daysUntilDue` after
 * finalizing (nothing to pay: no due date). Its due date is the subscription's next instant of
 * change (it falls past due then), so the snapshot is recomputed with it and pushed.
 */
async function finalizeOwnInvoice(deps: BillingDeps, draft: DraftToFinalize, now: Date): Promise<void> {
  const dueAt = BigInt(draft.total) > 0n ? daysAfter(now, deps.daysUntilDue ?? DEFAULT_DAYS_UNTIL_DUE) : null;
  const snapshot = await deps.db.transaction(async (tx) => {
    await lockCustomer(tx, draft.customer_id);
    if (!(await finalizeInvoice(tx, draft.id, 'open', now, undefined, dueAt)) || !dueAt) return undefined;
    await refreshPaymentDue(tx, draft.subscription_id);
    return deps.snapshots.recompute(tx, draft.project_id, draft.customer_id, now);
  });
  if (snapshot) await deps.entitlements?.published(snapshot);
}

/**
 * The invoice the customer's current period would get if it ended now. `subscriptionId` picks
 * the subscription; otherwise the customer's newest live one. Nothing is stored.
 */
export async function upcomingInvoice(
  db: Queryable,
  projectId: string,
  customerRef: string,
  subscriptionId: string | undefined,
  now: Date,
): Promise<UpcomingInvoice> {
  const customer = await findCustomer(db, projectId, customerRef);
  const preview = await previewInvoice(db, projectId, customer.id, subscriptionId, now);
  if (!preview) {
    throw subscriptionId === undefined
      ? notFound('live subscription for customer', customerRef, 'customer')
      : notFound('live subscription', subscriptionId, 'subscription');
  }
  return preview;
}

/**
 * {@link upcomingInvoice} of a customer known by its id, or undefined when it has no live
 * subscription (what spend alerts read, in the transaction of the change they watch).
 */
export async function previewInvoice(
  db: Queryable,
  projectId: string,
  customerId: string,
  subscriptionId: string | undefined,
  now: Date,
): Promise<UpcomingInvoice | undefined> {
  const liveId = await newestLiveSubscription(db, projectId, customerId, subscriptionId);
  const sub = liveId && (await billableSubscription(db, liveId));
  if (!sub) return undefined;
  const { currentPeriodStart, currentPeriodEnd } = currentPeriod(sub, now);
  const period: BillingPeriod = { start: currentPeriodStart, end: currentPeriodEnd, trial: sub.status === 'trialing' };
  // Everything recorded for the period so far (events may carry a time a little ahead of ours).
  const { draft: credited } = applyCredits(
    applyDiscount(await ratePeriod(db, sub, period, currentPeriodEnd, await termsOf(db, sub, period)), await invoiceDiscount(db, sub, period.start)),
    await grantsWithCredit(db, sub.customer_id, sub.currency),
    currentPeriodEnd,
  );
  const draft = await taxDraft(db, sub, credited);
  const asOf = now < currentPeriodEnd ? now : currentPeriodEnd;
  return {
    object: 'upcoming_invoice',
    customer: customerId,
    subscription: sub.id,
    plan: await planKey(db, sub.plan_id),
    plan_version: sub.plan_version,
    currency: sub.currency,
    period_start: unixSeconds(currentPeriodStart),
    period_end: unixSeconds(currentPeriodEnd),
    trial: period.trial,
    lines: draft.lines.map(toLine),
    subtotal: Number(draft.subtotal),
    total_discount_amounts: draft.total_discount_amounts ?? [],
    tax: draft.tax,
    total_tax_amounts: draft.total_tax_amounts,
    total: Number(draft.total),
    customer_tax_exempt: draft.customer_tax_exempt,
    as_of: unixSeconds(asOf),
  };
}
