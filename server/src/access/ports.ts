// What the access slice asks of the slices above it (payments, billing), as ports the assembly
// hands in (app.ts): access never imports them.
import type { Plan } from '../catalog/plans-store.js';
import type { Queryable } from '../db/database.js';
import type { Work } from '../db/work.js';
import type { SubscriptionRow } from './subscriptions-store.js';

/** How the rest of a period is charged when a provider's subscription changes plan, as Stripe does it. */
export type ProrationBehavior = 'create_prorations' | 'none' | 'always_invoice';

/** A subscription billed by a provider (Stripe or the sandbox), in its project: what the provider needs of it. */
export interface ProviderBilled {
  projectId: string;
  providerSubscriptionId: NonNullable<SubscriptionRow['provider_subscription_id']>;
}

/** What to change at the provider, in this order; nothing asked, nothing done. */
export interface ProviderChange {
  /**
   * Another plan of the subscription's group: `now` swaps it at once (prorated as `proration`
   * says: Stripe's subscription item swap); `period_end` schedules it for the period's end (a
   * Stripe subscription schedule), shown as the row's scheduled change until it takes effect.
   */
  plan?: { plan: Plan; proration: ProrationBehavior; at: 'now' | 'period_end' };
  /** Take back a scheduled (period-end) plan change (Stripe: release the schedule). */
  cancelScheduledChange?: true;
  /** Schedule (true) or take back (false) the cancellation at the period's end. */
  cancelAtPeriodEnd?: boolean;
}

/**
 * Provider-billed subscriptions change at the provider first; Nozle's row is then made equal to
 * what the provider answered (its webhook later confirms the same state). Each method answers
 * whether Nozle's row changed (its entitlements are then recomputed by the caller).
 * `now` is the project's time in whole seconds.
 */
export interface SubscriptionProvider {
  change(work: Work, subscription: ProviderBilled, change: ProviderChange, now: Date): Promise<boolean>;
  cancel(work: Work, subscription: ProviderBilled, atPeriodEnd: boolean, now: Date): Promise<boolean>;
  resume(work: Work, subscription: ProviderBilled, now: Date): Promise<boolean>;
  /** Replaces the subscription's discount at the provider with Nozle's coupon (through the promotion code); null removes it. */
  discount(work: Work, subscription: ProviderBilled, discount: { couponId: string; promotionCodeId: string | null } | null, now: Date): Promise<boolean>;
}

/** Refunds a purchase's payment at the provider that took it; its charge.refunded event then finds the purchase refunded. */
export interface PaymentRefunds {
  refund(work: Work, providerPaymentId: string): Promise<void>;
}

/** The credit a one-time plan grants with its purchase (billing's credit grants), taken back with a refund. */
export interface PurchaseCredits {
  grant(db: Queryable, projectId: string, purchase: { id: string; customerId: string; purchasedAt: Date }, plan: Plan, now: Date): Promise<unknown>;
  revoke(db: Queryable, purchaseId: string, now: Date): Promise<void>;
}
