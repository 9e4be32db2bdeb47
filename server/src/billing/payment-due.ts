// What a subscription Nozle bills itself still owes, as its earliest due date: kept on the
// subscription (access reads it: the scheduler's dunning steps, the snapshot's valid_until) each
// time one of its invoices is finalized, paid, voided or marked uncollectible. Once nothing is
// overdue, a subscription past due for it recovers.
import { decide } from '../access/lifecycle-decisions.js';
import { findSubscription, setPaymentDueAt, updateSubscriptionRow } from '../access/subscriptions-store.js';
import type { Queryable } from '../db/database.js';

/** Days from finalizing to the due date of an invoice Nozle bills itself, unless configured (as Stripe's `days_until_due`). */
export const DEFAULT_DAYS_UNTIL_DUE = 30;

/** Recomputes the subscription's earliest due date from its open invoices; answers it (null: nothing owed with a due date). */
export async function refreshPaymentDue(db: Queryable, subscriptionId: string): Promise<Date | null> {
  const { rows } = await db.query<{ due_at: Date | null }>(
    "select min(due_at) as due_at from invoices where subscription_id = $1 and status = 'open' and due_at is not null",
    [subscriptionId],
  );
  const dueAt = rows[0]?.due_at ?? null;
  await setPaymentDueAt(db, subscriptionId, dueAt);
  return dueAt;
}

/**
 * After one of the subscription's invoices was settled (paid, voided, marked uncollectible):
 * refreshes what it owes and, when nothing is overdue any more, a past_due subscription Nozle
 * bills becomes active again. Answers whether its status changed (its entitlements then change).
 */
export async function settleSubscription(db: Queryable, projectId: string, subscriptionId: string, now: Date): Promise<boolean> {
  const dueAt = await refreshPaymentDue(db, subscriptionId);
  if (dueAt !== null && dueAt.getTime() <= now.getTime()) return false;
  const row = await findSubscription(db, projectId, subscriptionId, true);
  if (row.provider !== null || row.status !== 'past_due') return false;
  await updateSubscriptionRow(
    db,
    projectId,
    row.id,
    { planId: row.plan_id, planVersion: row.plan_version, lifecycle: decide(row, { type: 'invoices_settled' }, now) },
    now,
  );
  return true;
}
