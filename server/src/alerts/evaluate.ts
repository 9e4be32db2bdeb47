// Alerts are evaluated in the transaction of the change they watch, never by polling: each time
// a customer's snapshot is stored (SnapshotInputs.alerts), and for usage that moves no snapshot
// (meters tied to no feature: spend alerts only, UntiedUsage). The customer is locked then, and
// a firing is a row keyed by (alert, customer, period): inserted once, its event raised only by
// the insert that made it, so two batches crossing one threshold raise one event.
import { previewInvoice } from '../billing/invoices.js';
import { findCustomer } from '../customers/store.js';
import type { Queryable } from '../db/database.js';
import { heldPlans } from '../entitlements/engine.js';
import type { AlertReading } from '../entitlements/snapshots.js';
import { loadEngineInput } from '../entitlements/sources.js';
import { recordOutboxEvent } from '../outbox.js';
import type { UntiedUsage } from '../usage/ingest.js';
import type { AlertRow } from './alerts-store.js';
import { candidateAlerts, insertFiring, rearm, type CandidateAlert } from './firings-store.js';
import { depletedEvent, firedEvent, type CustomerRef } from './payloads.js';
import {
  decide,
  depletedCurrencies,
  measure,
  reachedAlert,
  type AlertRule,
  type CustomerState,
  type Firing,
  type ReachedAlert,
  type SpendState,
} from './rules.js';

/**
 * What a snapshot carries of the alerts (SnapshotInputs.alerts): `credits.depleted` for a balance
 * that reached 0, the alerts crossed fired, and those the customer is at. With no alert in the
 * project: one indexed query that finds nothing.
 */
export async function snapshotAlerts(db: Queryable, projectId: string, reading: AlertReading, now: Date): Promise<ReachedAlert[]> {
  for (const { currency, previous } of depletedCurrencies(reading.previousCredits, reading.credits)) {
    await recordOutboxEvent(db, projectId, 'credits.depleted', depletedEvent(reading.customer, currency, previous), now);
  }
  const candidates = await candidateAlerts(db, projectId, [reading.customer.id]);
  if (candidates.length === 0) return [];
  const state: CustomerState = { features: reading.features, credits: reading.credits, previousCredits: reading.previousCredits };
  return (await evaluate(db, projectId, reading.customer, candidates, state, reading.plans, now)).reached;
}

/**
 * Spend alerts of customers whose usage moved no snapshot (UntiedUsage, given to usage at
 * assembly): answers those an alert fired for. With no spend alert: one indexed query.
 */
export function spendAlertsOnUsage(pastDueGraceMs: number): UntiedUsage {
  return async (db, projectId, customerIds, now) => {
    const candidates = await candidateAlerts(db, projectId, customerIds, 'spend');
    const fired: string[] = [];
    for (const customerId of new Set(candidates.map((c) => c.customerId))) {
      const customer = await findCustomer(db, projectId, customerId);
      const plans = async () => heldPlans(await loadEngineInput(db, projectId, customerId, now, pastDueGraceMs));
      const ofCustomer = candidates.filter((c) => c.customerId === customerId);
      const state: CustomerState = { features: {}, credits: {}, previousCredits: null };
      const result = await evaluate(db, projectId, { id: customerId, externalId: customer.external_id }, ofCustomer, state, plans, now);
      if (result.fired > 0) fired.push(customerId);
    }
    return fired;
  };
}

const ruleOf = (row: AlertRow): AlertRule => ({
  id: row.id,
  type: row.type,
  feature: row.feature_key,
  percent: row.percent,
  amount: row.amount === null ? null : Number(row.amount),
  currency: row.currency,
});

/** Each applying alert measured, decided, and what it decides recorded; the alerts the customer is at. */
async function evaluate(
  db: Queryable,
  projectId: string,
  customer: CustomerRef,
  candidates: CandidateAlert[],
  state: CustomerState,
  plans: () => Promise<ReadonlySet<string>>,
  now: Date,
): Promise<{ reached: ReachedAlert[]; fired: number }> {
  const applying = await ofCustomerPlans(candidates, plans);
  // The upcoming invoice is rated only when a spend alert asks for it: one that fired in the
  // period now running has nothing left to decide until the next one (it fires once per period).
  if (applying.some(({ alert, latest }) => alert.type === 'spend' && !firedInPeriodAt(latest, now))) {
    const spend = await spendOf(db, projectId, customer.id, now);
    if (spend) state = { ...state, spend };
  }
  const reached: ReachedAlert[] = [];
  let fired = 0;
  for (const { alert, latest } of applying) {
    const rule = ruleOf(alert);
    if (alert.type === 'spend' && !state.spend && latest && firedInPeriodAt(latest, now)) {
      reached.push(reachedAlert(rule, latest));
      continue;
    }
    const decision = decide(measure(rule, state), latest);
    if (decision.kind === 'fire') {
      const m = decision.measure;
      if (await insertFiring(db, alert.id, customer.id, m, now)) {
        const event = firedEvent(alert, customer, m, state.spend);
        await recordOutboxEvent(db, projectId, event.type, event.data, now);
        fired += 1;
      }
      reached.push(reachedAlert(rule, { ...m, firedAt: now }));
    } else if (decision.kind === 'reached') {
      reached.push(reachedAlert(rule, decision.firing));
    } else if (decision.kind === 'rearm') {
      await rearm(db, alert.id, customer.id);
    }
  }
  return { reached, fired };
}

/** Whether the alert's last firing was in a period that `now` is still in. */
const firedInPeriodAt = (latest: Firing | undefined, now: Date): latest is Firing =>
  latest?.period != null && latest.period.start <= now && (latest.period.end === null || now < latest.period.end);

/** The candidates without the alerts of plans the customer does not hold (its plans read only if there are any). */
async function ofCustomerPlans(candidates: CandidateAlert[], plans: () => Promise<ReadonlySet<string>>): Promise<CandidateAlert[]> {
  if (!candidates.some(({ alert }) => alert.plan_key !== null)) return candidates;
  const held = await plans();
  return candidates.filter(({ alert }) => alert.plan_key === null || held.has(alert.plan_key));
}

async function spendOf(db: Queryable, projectId: string, customerId: string, now: Date): Promise<SpendState | undefined> {
  const invoice = await previewInvoice(db, projectId, customerId, undefined, now);
  if (!invoice) return undefined;
  return {
    currency: invoice.currency,
    total: invoice.total,
    subscription: invoice.subscription,
    periodStart: new Date(invoice.period_start * 1000),
    periodEnd: new Date(invoice.period_end * 1000),
  };
}
