// Assembly: the ports a slice declares for what it needs from the slices above it, each
// implemented there and put together here (app.ts, server.ts and tests hand them in).
import { restoreDefaultPlans } from './access/default-plans.js';
import { snapshotAlerts, spendAlertsOnUsage } from './alerts/evaluate.js';
import { customersToMigrate, moveSubscriptionsToVersion } from './access/subscriptions-store.js';
import { recordTopUpCrossings } from './billing/auto-top-up-service.js';
import { eventsInInvoicedPeriods } from './billing/invoices-store.js';
import { checkPrice } from './billing/prices.js';
import type { CatalogPorts } from './catalog/ports.js';
import { wholeSecond } from './clock.js';
import type { CustomerDiscounts, NewCustomerPlans } from './customers/service.js';
import { applyDiscountRefs, customerDiscounts as customerDiscountsOf } from './coupons/service.js';
import type { EntitlementChanges } from './entitlement-changes.js';
import { Snapshots } from './entitlements/snapshots.js';
import { availableCredits } from './reservations/credit-holds.js';
import { heldReservations } from './reservations/store.js';
import { backfillFeatureCounters } from './usage/backfill.js';
import type { InvoicedPeriods, UntiedUsage } from './usage/ingest.js';
import { usedInCurrentPeriods } from './usage/used.js';

/**
 * What computes and stores entitlement snapshots, reading usage (usage), credit balances and the
 * auto top-ups they call for (billing), the alerts reached (alerts) and the holds (reservations).
 */
export function createSnapshots(pastDueGraceMs: number): Snapshots {
  return new Snapshots(
    { used: usedInCurrentPeriods, credits: availableCredits, topUps: recordTopUpCrossings, alerts: snapshotAlerts, reserved: heldReservations },
    pastDueGraceMs,
  );
}

/** The catalog's ports: billing's rating rule for prices, usage's backfill of a new meter tie, access's plan holders. */
export function catalogPorts(snapshots: Snapshots): CatalogPorts {
  return {
    checkPrice,
    meterTied: async (work, projectId, feature, meter) => {
      await backfillFeatureCounters(work, snapshots, projectId, feature, meter);
    },
    planHolders: { customersToMigrate, moveSubscriptionsToVersion },
  };
}

/** Usage's port to the invoices billing keeps: events in periods already invoiced. */
export const invoicedPeriods: InvoicedPeriods = eventsInInvoicedPeriods;

/** Usage's port to the alerts: spend alerts of customers whose billed usage moved no snapshot. */
export const untiedUsage = (snapshots: Snapshots): UntiedUsage => spendAlertsOnUsage(snapshots.pastDueGraceMs);

/** The customers slice's port to access: a new customer gets each group's default plan (and its entitlements say so). */
export function newCustomerPlans(entitlements: EntitlementChanges): NewCustomerPlans {
  return {
    customerCreated: async (work, projectId, customerId) => {
      const made = await restoreDefaultPlans(work, projectId, customerId, wholeSecond(work.now));
      if (made.length > 0) await entitlements.sourcesChanged(work, projectId, customerId);
    },
  };
}

/** The customers slice's port to coupons: the customer's own discount (one its subscriptions without their own get). */
export const customerDiscounts: CustomerDiscounts = {
  apply: async (work, projectId, customerId, asked) => {
    await applyDiscountRefs(work, projectId, { customerId, subscriptionId: null, plan: null }, asked);
  },
  of: customerDiscountsOf,
};
