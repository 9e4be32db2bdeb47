// The shapes the entitlement engine reads and writes. Pure data: no I/O, no classes.
import type { FeatureDefinition, FeatureTerms, FeatureType, JsonValue, ResetInterval } from '../catalog/types.js';
import type { UsageCarry } from '../time/periods.js';

// The catalog's definitions, which the engine reads (kept importable from here for the slices above).
export type { FeatureDefinition, FeatureTerms, FeatureType, JsonValue, ResetInterval };

export type SubscriptionStatus = 'trialing' | 'active' | 'past_due' | 'canceled' | 'incomplete' | 'paused' | 'unpaid';

export interface SubscriptionSource {
  id: string;
  planKey: string;
  status: SubscriptionStatus;
  /** Start of the current billing period. */
  currentPeriodStart: Date;
  currentPeriodEnd: Date | null;
  /** Where its billing periods are counted from: usage periods step from it (a trial's end, or the start). */
  billingCycleAnchor: Date;
  /** Where each reset's usage period started, when it replaced another subscription of its group inside a period. */
  usageCarry: UsageCarry | null;
  /** An add-on's metered limits add to the group plan's instead of competing with them. */
  addOn: boolean;
  trialEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  /** When the subscription became past_due (for the grace period). */
  pastDueSince: Date | null;
  /** When a scheduled plan change (a period-end downgrade) takes effect, if one is scheduled. */
  scheduledChangeAt: Date | null;
  /** When an open invoice Nozle billed it falls due (an active subscription then falls past due); null for a provider's. */
  paymentDueAt: Date | null;
  /** When its trial's end is to be announced (subscription.trial_will_end, the scheduler's due work); null when none is to send. */
  trialNoticeAt: Date | null;
  /** Seats: a `per_seat` metered limit in `terms` is × this (per-seat.ts); 1 when absent. */
  quantity?: number;
  terms: FeatureTerms[];
}

export interface PurchaseSource {
  id: string;
  planKey: string;
  purchasedAt: Date;
  /** `null`: lifetime. */
  expiresAt: Date | null;
  refundedAt: Date | null;
  /** A purchase of an add-on plan stacks like an add-on subscription. */
  addOn: boolean;
  terms: FeatureTerms[];
}

export interface ManualEntry {
  id: string;
  kind: 'grant' | 'revoke';
  feature: string;
  startsAt: Date;
  /** `null`: until revoked or replaced. */
  endsAt: Date | null;
  /** When the entry was made; the latest active entry for a feature decides. */
  createdAt: Date;
  /** Tie-breaker when two entries share createdAt (insertion order). */
  sequence: number;
  /** grant of a metered feature: the limit (null or absent = unlimited) and reset. */
  limit?: number | null;
  reset?: ResetInterval;
  overage?: boolean;
  /** grant of a config feature: the value. */
  value?: JsonValue;
}

export interface EngineInput {
  now: Date;
  /** How long a past_due subscription keeps access. */
  pastDueGraceMs: number;
  /** When the customer was created: a customer with no subscription counts usage from it. */
  customerCreatedAt: Date;
  features: FeatureDefinition[];
  subscriptions: SubscriptionSource[];
  purchases: PurchaseSource[];
  manual: ManualEntry[];
}

export type SourceRef = { kind: 'subscription'; id: string; plan: string } | { kind: 'purchase'; id: string; plan: string } | { kind: 'grant'; id: string };

/** One feature's entitlement for one customer at one moment. */
export interface FeatureEntitlement {
  feature: string;
  type: FeatureType;
  /** Whether the customer has the feature at all (limits are judged at check time). */
  access: boolean;
  /** Why not, when `access` is false. */
  reason: 'no_access' | 'revoked' | null;
  /** What gave (or took) it: the deciding source. */
  source: SourceRef | null;
  /** metered: units per period, null = unlimited. Absent for other types. */
  limit?: number | null;
  reset?: ResetInterval;
  overage?: boolean;
  /**
   * metered: the customer's usage clock for the feature, which usage events find their period
   * by (usage/periods.ts): periods step from `periodAnchor`, and `periodCarry` carries the period
   * a replaced subscription had started (time/periods.ts, carriedUsagePeriod).
   */
  periodAnchor?: Date;
  periodCarry?: UsageCarry | null;
  /** metered: start and end of the current usage period (end null for `never`). */
  periodStart?: Date;
  resetsAt?: Date | null;
  /** config: the value. */
  value?: JsonValue;
}

export interface EngineResult {
  features: Record<string, FeatureEntitlement>;
  /**
   * The first moment after `now` at which the result could change by time alone (a window
   * opening or closing, a trial or grace period ending, a usage period resetting); null when
   * nothing is scheduled. A cache must recompute after it.
   */
  validUntil: Date | null;
}
