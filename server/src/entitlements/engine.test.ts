import { describe, expect, it } from 'vitest';
import { computeEntitlements, mergeJson } from './engine.js';
import type { EngineInput, FeatureDefinition, FeatureEntitlement, FeatureTerms, JsonValue, ManualEntry, PurchaseSource, SubscriptionSource } from './types.js';

const NOW = new Date('2026-03-15T12:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (iso: string): Date => new Date(iso);
const fromNow = (ms: number): Date => new Date(NOW.getTime() + ms);
/** Where a customer with no subscription counts its usage from. */
const CUSTOMER_CREATED = at('2025-11-20T09:00:00Z');

const FEATURES: FeatureDefinition[] = [
  { key: 'export', type: 'boolean' },
  { key: 'api_calls', type: 'metered' },
  { key: 'settings', type: 'config' },
];

const PRO_TERMS: FeatureTerms[] = [
  { feature: 'export' },
  { feature: 'api_calls', limit: 1000, reset: 'month', overage: false },
  { feature: 'settings', value: { seats: 5 } },
];

function subscription(overrides: Partial<SubscriptionSource> = {}): SubscriptionSource {
  return {
    id: 'sub_1',
    planKey: 'pro',
    status: 'active',
    currentPeriodStart: at('2026-03-01T00:00:00Z'),
    currentPeriodEnd: at('2026-04-01T00:00:00Z'),
    billingCycleAnchor: at('2026-03-01T00:00:00Z'),
    usageCarry: null,
    addOn: false,
    scheduledChangeAt: null,
    paymentDueAt: null,
    trialNoticeAt: null,
    trialEnd: null,
    cancelAtPeriodEnd: false,
    pastDueSince: null,
    terms: PRO_TERMS,
    ...overrides,
  };
}

function purchase(overrides: Partial<PurchaseSource> = {}): PurchaseSource {
  return {
    id: 'pur_1',
    planKey: 'lifetime',
    purchasedAt: at('2026-01-10T00:00:00Z'),
    expiresAt: null,
    refundedAt: null,
    addOn: false,
    terms: PRO_TERMS,
    ...overrides,
  };
}

function grant(overrides: Partial<ManualEntry> = {}): ManualEntry {
  return {
    id: 'grant_1',
    kind: 'grant',
    feature: 'export',
    startsAt: at('2026-03-01T00:00:00Z'),
    endsAt: null,
    createdAt: at('2026-03-01T00:00:00Z'),
    sequence: 1,
    ...overrides,
  };
}

function revoke(overrides: Partial<ManualEntry> = {}): ManualEntry {
  return grant({ id: 'revoke_1', kind: 'revoke', ...overrides });
}

function engineInput(overrides: Partial<EngineInput> = {}): EngineInput {
  return {
    now: NOW,
    pastDueGraceMs: 3 * DAY,
    customerCreatedAt: CUSTOMER_CREATED,
    features: FEATURES,
    subscriptions: [],
    purchases: [],
    manual: [],
    ...overrides,
  };
}

const SUB_1 = { kind: 'subscription', id: 'sub_1', plan: 'pro' } as const;
const PUR_1 = { kind: 'purchase', id: 'pur_1', plan: 'lifetime' } as const;
const NO_ACCESS = { access: false, reason: 'no_access', source: null } as const;
const FROM_SUB_1 = { access: true, reason: null, source: SUB_1 } as const;
const FROM_PUR_1 = { access: true, reason: null, source: PUR_1 } as const;

interface AccessCase {
  name: string;
  input: Partial<EngineInput>;
  feature: string;
  expected: Partial<FeatureEntitlement>;
}

const accessCases: AccessCase[] = [
  // Nothing at all.
  { name: 'a customer with no sources has no access', input: {}, feature: 'export', expected: NO_ACCESS },

  // Subscriptions.
  {
    name: 'an active subscription gives its plan',
    input: { subscriptions: [subscription()] },
    feature: 'export',
    expected: FROM_SUB_1,
  },
  {
    name: 'a trialing subscription gives its plan before the trial ends',
    input: { subscriptions: [subscription({ status: 'trialing', trialEnd: fromNow(HOUR) })] },
    feature: 'export',
    expected: FROM_SUB_1,
  },
  {
    name: 'a trialing subscription with no trial end gives its plan',
    input: { subscriptions: [subscription({ status: 'trialing', trialEnd: null })] },
    feature: 'export',
    expected: FROM_SUB_1,
  },
  {
    name: 'a trial that ends exactly now gives nothing',
    input: { subscriptions: [subscription({ status: 'trialing', trialEnd: NOW })] },
    feature: 'export',
    expected: NO_ACCESS,
  },
  {
    name: 'a trial that ended earlier gives nothing',
    input: { subscriptions: [subscription({ status: 'trialing', trialEnd: fromNow(-DAY) })] },
    feature: 'export',
    expected: NO_ACCESS,
  },
  {
    name: 'a past_due subscription keeps its plan inside the grace period',
    input: { subscriptions: [subscription({ status: 'past_due', pastDueSince: fromNow(-2 * DAY) })] },
    feature: 'export',
    expected: FROM_SUB_1,
  },
  {
    name: 'a past_due subscription loses access exactly when the grace period ends',
    input: { subscriptions: [subscription({ status: 'past_due', pastDueSince: fromNow(-3 * DAY) })] },
    feature: 'export',
    expected: NO_ACCESS,
  },
  {
    name: 'a past_due subscription after the grace period gives nothing',
    input: { subscriptions: [subscription({ status: 'past_due', pastDueSince: fromNow(-10 * DAY) })] },
    feature: 'export',
    expected: NO_ACCESS,
  },
  {
    name: 'a past_due subscription with no recorded start is taken to be in grace',
    input: { subscriptions: [subscription({ status: 'past_due', pastDueSince: null })] },
    feature: 'export',
    expected: FROM_SUB_1,
  },
  {
    name: 'a canceled subscription gives nothing',
    input: { subscriptions: [subscription({ status: 'canceled' })] },
    feature: 'export',
    expected: NO_ACCESS,
  },
  {
    name: 'an incomplete subscription gives nothing',
    input: { subscriptions: [subscription({ status: 'incomplete' })] },
    feature: 'export',
    expected: NO_ACCESS,
  },
  {
    name: 'a paused subscription (a trial that ended without payment) gives nothing',
    input: { subscriptions: [subscription({ status: 'paused', currentPeriodEnd: fromNow(HOUR) })] },
    feature: 'export',
    expected: NO_ACCESS,
  },
  {
    name: 'an unpaid subscription (every retry failed) gives nothing',
    input: { subscriptions: [subscription({ status: 'unpaid', currentPeriodEnd: fromNow(HOUR) })] },
    feature: 'export',
    expected: NO_ACCESS,
  },
  {
    name: 'a subscription canceling at period end keeps its plan until the period ends',
    input: { subscriptions: [subscription({ cancelAtPeriodEnd: true, currentPeriodEnd: fromNow(HOUR) })] },
    feature: 'export',
    expected: FROM_SUB_1,
  },
  {
    name: 'a subscription canceling at period end loses access exactly at the period end',
    input: { subscriptions: [subscription({ cancelAtPeriodEnd: true, currentPeriodEnd: NOW })] },
    feature: 'export',
    expected: NO_ACCESS,
  },
  {
    name: 'an active subscription past its period end without cancellation still gives (renewal pending)',
    input: { subscriptions: [subscription({ currentPeriodEnd: fromNow(-HOUR) })] },
    feature: 'export',
    expected: FROM_SUB_1,
  },

  // Purchases.
  { name: 'a lifetime purchase gives its plan', input: { purchases: [purchase()] }, feature: 'export', expected: FROM_PUR_1 },
  {
    name: 'an expiring purchase gives its plan until it expires',
    input: { purchases: [purchase({ expiresAt: fromNow(DAY) })] },
    feature: 'export',
    expected: FROM_PUR_1,
  },
  {
    name: 'a purchase that expires exactly now gives nothing',
    input: { purchases: [purchase({ expiresAt: NOW })] },
    feature: 'export',
    expected: NO_ACCESS,
  },
  {
    name: 'a purchase made exactly now gives its plan',
    input: { purchases: [purchase({ purchasedAt: NOW })] },
    feature: 'export',
    expected: FROM_PUR_1,
  },
  {
    name: 'a purchase starting in the future gives nothing yet',
    input: { purchases: [purchase({ purchasedAt: fromNow(HOUR) })] },
    feature: 'export',
    expected: NO_ACCESS,
  },
  {
    name: 'a refunded purchase gives nothing',
    input: { purchases: [purchase({ refundedAt: fromNow(-DAY) })] },
    feature: 'export',
    expected: NO_ACCESS,
  },
  {
    name: 'a purchase refunded exactly now gives nothing',
    input: { purchases: [purchase({ refundedAt: NOW })] },
    feature: 'export',
    expected: NO_ACCESS,
  },
  {
    name: 'a purchase with a refund recorded for later still gives until then',
    input: { purchases: [purchase({ refundedAt: fromNow(DAY) })] },
    feature: 'export',
    expected: FROM_PUR_1,
  },

  // Manual grants and revokes.
  {
    name: 'a grant whose window starts now is active',
    input: { manual: [grant({ startsAt: NOW })] },
    feature: 'export',
    expected: { access: true, reason: null, source: { kind: 'grant', id: 'grant_1' } },
  },
  {
    name: 'a grant whose window ends now is inactive',
    input: { manual: [grant({ endsAt: NOW })] },
    feature: 'export',
    expected: NO_ACCESS,
  },
  {
    name: 'a grant in the future gives nothing yet',
    input: { manual: [grant({ startsAt: fromNow(DAY) })] },
    feature: 'export',
    expected: NO_ACCESS,
  },
  {
    name: 'a revoke beats an active plan',
    input: { subscriptions: [subscription()], manual: [revoke()] },
    feature: 'export',
    expected: { access: false, reason: 'revoked', source: { kind: 'grant', id: 'revoke_1' } },
  },
  {
    name: 'a revoke that has ended no longer hides the plan',
    input: { subscriptions: [subscription()], manual: [revoke({ endsAt: fromNow(-HOUR) })] },
    feature: 'export',
    expected: FROM_SUB_1,
  },
  {
    name: 'a revoke of another feature leaves this one alone',
    input: { subscriptions: [subscription()], manual: [revoke({ feature: 'api_calls' })] },
    feature: 'export',
    expected: FROM_SUB_1,
  },
  {
    name: 'a manual grant beats paid access, its limit replacing the plan limit even when lower',
    input: {
      subscriptions: [subscription()],
      manual: [grant({ feature: 'api_calls', limit: 10, reset: 'day', overage: true })],
    },
    feature: 'api_calls',
    expected: { access: true, source: { kind: 'grant', id: 'grant_1' }, limit: 10, reset: 'day', overage: true },
  },
  {
    name: 'a metered grant without terms is unlimited, allows no overage and takes the plan’s reset and period',
    input: { subscriptions: [subscription()], manual: [grant({ feature: 'api_calls', startsAt: at('2026-03-10T00:00:00Z') })] },
    feature: 'api_calls',
    expected: {
      access: true,
      limit: null,
      reset: 'month',
      overage: false,
      periodStart: at('2026-03-01T00:00:00Z'),
      resetsAt: at('2026-04-01T00:00:00Z'),
    },
  },
  {
    name: 'a metered grant without terms and without a plan never resets, counting from the customer’s creation',
    input: { manual: [grant({ feature: 'api_calls', startsAt: at('2026-03-10T00:00:00Z') })] },
    feature: 'api_calls',
    expected: { access: true, limit: null, reset: 'never', periodStart: CUSTOMER_CREATED, resetsAt: null },
  },
  {
    name: 'a revoke then a later grant: the grant wins',
    input: {
      manual: [revoke({ createdAt: at('2026-03-02T00:00:00Z') }), grant({ createdAt: at('2026-03-03T00:00:00Z') })],
    },
    feature: 'export',
    expected: { access: true, reason: null, source: { kind: 'grant', id: 'grant_1' } },
  },
  {
    name: 'a grant then a later revoke: revoked, even with a plan',
    input: {
      subscriptions: [subscription()],
      manual: [revoke({ createdAt: at('2026-03-03T00:00:00Z') }), grant({ createdAt: at('2026-03-02T00:00:00Z') })],
    },
    feature: 'export',
    expected: { access: false, reason: 'revoked', source: { kind: 'grant', id: 'revoke_1' } },
  },
  {
    name: 'entries made at the same instant are ordered by sequence',
    input: { manual: [grant({ sequence: 2 }), revoke({ sequence: 1 })] },
    feature: 'export',
    expected: { access: true, source: { kind: 'grant', id: 'grant_1' } },
  },
  {
    name: 'a later entry that is not active yet does not decide',
    input: {
      subscriptions: [subscription()],
      manual: [grant(), revoke({ createdAt: at('2026-03-10T00:00:00Z'), startsAt: fromNow(DAY) })],
    },
    feature: 'export',
    expected: { access: true, source: { kind: 'grant', id: 'grant_1' } },
  },
  {
    name: 'a config grant with a value replaces the plan value',
    input: { subscriptions: [subscription()], manual: [grant({ feature: 'settings', value: { seats: 2 } })] },
    feature: 'settings',
    expected: { access: true, source: { kind: 'grant', id: 'grant_1' }, value: { seats: 2 } },
  },
  {
    name: 'a config grant without a value keeps the plan value',
    input: { subscriptions: [subscription()], manual: [grant({ feature: 'settings' })] },
    feature: 'settings',
    expected: { access: true, source: { kind: 'grant', id: 'grant_1' }, value: { seats: 5 } },
  },
  {
    name: 'a config grant without a value and without a plan gives null',
    input: { manual: [grant({ feature: 'settings' })] },
    feature: 'settings',
    expected: { access: true, value: null },
  },

  // Overlapping paid sources.
  {
    name: 'two overlapping plans give the larger limit with that plan’s reset and overage',
    input: {
      subscriptions: [subscription()],
      purchases: [purchase({ terms: [{ feature: 'api_calls', limit: 5000, reset: 'year', overage: true }] })],
    },
    feature: 'api_calls',
    expected: { ...FROM_PUR_1, limit: 5000, reset: 'year', overage: true },
  },
  {
    name: 'an unlimited plan beats a limit of 1000',
    input: {
      subscriptions: [subscription()],
      purchases: [purchase({ terms: [{ feature: 'api_calls', limit: null }] })],
    },
    feature: 'api_calls',
    expected: { ...FROM_PUR_1, limit: null, reset: 'never', overage: false },
  },
  {
    name: 'on equal limits the plan allowing overage wins',
    input: {
      subscriptions: [subscription()],
      purchases: [purchase({ terms: [{ feature: 'api_calls', limit: 1000, reset: 'week', overage: true }] })],
    },
    feature: 'api_calls',
    expected: { ...FROM_PUR_1, limit: 1000, reset: 'week', overage: true },
  },
  {
    name: 'on fully equal terms the first source in input order wins',
    input: { subscriptions: [subscription()], purchases: [purchase()] },
    feature: 'api_calls',
    expected: { ...FROM_SUB_1, limit: 1000 },
  },
  {
    name: 'config values of overlapping plans merge, numbers taking the larger',
    input: {
      subscriptions: [subscription()],
      purchases: [purchase({ terms: [{ feature: 'settings', value: { seats: 10, model: 'x' } }] })],
    },
    feature: 'settings',
    // The subscription started more recently, so it is the reported source.
    expected: { ...FROM_SUB_1, value: { seats: 10, model: 'x' } },
  },
  {
    name: 'config values that cannot merge come from the most recently started source',
    input: {
      subscriptions: [subscription({ terms: [{ feature: 'settings', value: { model: 'newer' } }] })],
      purchases: [purchase({ terms: [{ feature: 'settings', value: { model: 'older', seats: 3 } }] })],
    },
    feature: 'settings',
    expected: { ...FROM_SUB_1, value: { model: 'newer', seats: 3 } },
  },
  {
    name: 'a boolean plan term with enabled false gives nothing',
    input: { subscriptions: [subscription({ terms: [{ feature: 'export', enabled: false }] })] },
    feature: 'export',
    expected: NO_ACCESS,
  },
  {
    name: 'enabled false in one plan does not take the feature away from another plan',
    input: {
      subscriptions: [subscription({ terms: [{ feature: 'export', enabled: false }] })],
      purchases: [purchase()],
    },
    feature: 'export',
    expected: FROM_PUR_1,
  },
];

describe('computeEntitlements: who gets what', () => {
  it.each(accessCases)('$name', ({ input, feature, expected }) => {
    const result = computeEntitlements(engineInput(input));
    expect(result.features[feature]).toMatchObject(expected);
  });
});

interface ShapeCase {
  name: string;
  input: Partial<EngineInput>;
  feature: string;
  expected: FeatureEntitlement;
}

// Exact shapes (toStrictEqual): each type carries only its own fields, and none without access.
const shapeCases: ShapeCase[] = [
  {
    name: 'a boolean with access carries no terms',
    input: { subscriptions: [subscription()] },
    feature: 'export',
    expected: { feature: 'export', type: 'boolean', ...FROM_SUB_1 },
  },
  {
    name: 'a metered feature with access carries limit, reset, overage and its period',
    input: { subscriptions: [subscription()] },
    feature: 'api_calls',
    expected: {
      feature: 'api_calls',
      type: 'metered',
      ...FROM_SUB_1,
      limit: 1000,
      reset: 'month',
      overage: false,
      periodAnchor: at('2026-03-01T00:00:00Z'),
      periodCarry: null,
      periodStart: at('2026-03-01T00:00:00Z'),
      resetsAt: at('2026-04-01T00:00:00Z'),
    },
  },
  {
    name: 'a config feature with access carries its value',
    input: { subscriptions: [subscription()] },
    feature: 'settings',
    expected: { feature: 'settings', type: 'config', ...FROM_SUB_1, value: { seats: 5 } },
  },
  {
    name: 'a config plan term without a value gives null',
    input: { subscriptions: [subscription({ terms: [{ feature: 'settings' }] })] },
    feature: 'settings',
    expected: { feature: 'settings', type: 'config', ...FROM_SUB_1, value: null },
  },
  {
    name: 'a metered feature without access carries no limit (null would read as unlimited)',
    input: {},
    feature: 'api_calls',
    expected: { feature: 'api_calls', type: 'metered', ...NO_ACCESS },
  },
  {
    name: 'a config feature without access carries no value',
    input: {},
    feature: 'settings',
    expected: { feature: 'settings', type: 'config', ...NO_ACCESS },
  },
  {
    name: 'a revoked metered feature carries no limit either',
    input: { subscriptions: [subscription()], manual: [revoke({ feature: 'api_calls' })] },
    feature: 'api_calls',
    expected: {
      feature: 'api_calls',
      type: 'metered',
      access: false,
      reason: 'revoked',
      source: { kind: 'grant', id: 'revoke_1' },
    },
  },
];

describe('computeEntitlements: result shape', () => {
  it.each(shapeCases)('$name', ({ input, feature, expected }) => {
    expect(computeEntitlements(engineInput(input)).features[feature]).toStrictEqual(expected);
  });

  it('lists every requested feature and ignores terms for features not requested', () => {
    const result = computeEntitlements(
      engineInput({
        subscriptions: [subscription({ terms: [...PRO_TERMS, { feature: 'unknown' }] })],
        manual: [grant({ feature: 'also_unknown' })],
      }),
    );
    expect(Object.keys(result.features)).toEqual(['export', 'api_calls', 'settings']);
  });

  it('does not hand out the plan’s own config objects', () => {
    const terms: FeatureTerms[] = [{ feature: 'settings', value: { seats: 5 } }];
    const value = computeEntitlements(engineInput({ subscriptions: [subscription({ terms })] })).features['settings']?.value;
    expect(value).toEqual({ seats: 5 });
    expect(value).not.toBe(terms[0]?.value);
  });
});

interface PeriodCase {
  name: string;
  input: Partial<EngineInput>;
  periodStart: Date;
  resetsAt: Date | null;
}

const meteredTerms = (reset: FeatureTerms['reset']): FeatureTerms[] => [{ feature: 'api_calls', limit: 100, reset }];
const BOOLEAN_ONLY: FeatureTerms[] = [{ feature: 'export' }];

// The period math itself is tested in periods.test.ts; these check which usage clock a feature
// follows: the customer's, whichever source sets the limit.
const CARRY = { at: at('2026-03-10T00:00:00Z'), starts: { month: at('2026-02-20T00:00:00Z'), never: at('2025-12-01T00:00:00Z') } };
const periodCases: PeriodCase[] = [
  {
    name: 'a subscription’s monthly period anchored Jan 31, seen in March, runs Feb 28 to Mar 31',
    input: { subscriptions: [subscription({ billingCycleAnchor: at('2026-01-31T00:00:00Z'), currentPeriodStart: at('2026-02-28T00:00:00Z') })] },
    periodStart: at('2026-02-28T00:00:00Z'),
    resetsAt: at('2026-03-31T00:00:00Z'),
  },
  {
    name: 'periods step from the billing cycle anchor, not from the current period’s start',
    input: { subscriptions: [subscription({ billingCycleAnchor: at('2025-06-05T00:00:00Z'), currentPeriodStart: at('2026-03-01T00:00:00Z') })] },
    periodStart: at('2026-03-05T00:00:00Z'),
    resetsAt: at('2026-04-05T00:00:00Z'),
  },
  {
    name: 'during a trial (before the anchor) periods step from the subscription’s start',
    input: {
      subscriptions: [
        subscription({
          status: 'trialing',
          currentPeriodStart: at('2026-03-12T00:00:00Z'),
          trialEnd: at('2026-03-26T00:00:00Z'),
          billingCycleAnchor: at('2026-03-26T00:00:00Z'),
        }),
      ],
    },
    periodStart: at('2026-03-12T00:00:00Z'),
    resetsAt: at('2026-04-12T00:00:00Z'),
  },
  {
    name: 'a subscription that replaced another inside the period continues its count until its own next boundary',
    input: { subscriptions: [subscription({ billingCycleAnchor: at('2026-03-10T00:00:00Z'), usageCarry: CARRY })] },
    periodStart: at('2026-02-20T00:00:00Z'),
    resetsAt: at('2026-04-10T00:00:00Z'),
  },
  {
    name: 'after that boundary the carry is over: the subscription’s own periods',
    input: { now: at('2026-04-15T00:00:00Z'), subscriptions: [subscription({ billingCycleAnchor: at('2026-03-10T00:00:00Z'), usageCarry: CARRY })] },
    periodStart: at('2026-04-10T00:00:00Z'),
    resetsAt: at('2026-05-10T00:00:00Z'),
  },
  {
    name: 'a count that never resets keeps the carried start for good',
    input: { subscriptions: [subscription({ billingCycleAnchor: at('2026-03-10T00:00:00Z'), usageCarry: CARRY, terms: meteredTerms('never') })] },
    periodStart: at('2025-12-01T00:00:00Z'),
    resetsAt: null,
  },
  {
    name: 'a grant follows the plan’s period, not its own start',
    input: { subscriptions: [subscription()], manual: [grant({ feature: 'api_calls', startsAt: at('2026-03-14T00:00:00Z'), limit: 5000 })] },
    periodStart: at('2026-03-01T00:00:00Z'),
    resetsAt: at('2026-04-01T00:00:00Z'),
  },
  {
    name: 'a grant’s own reset steps from the plan’s anchor',
    input: { subscriptions: [subscription()], manual: [grant({ feature: 'api_calls', startsAt: at('1990-06-01T00:30:00Z'), reset: 'day', limit: 5 })] },
    periodStart: at('2026-03-15T00:00:00Z'),
    resetsAt: at('2026-03-16T00:00:00Z'),
  },
  {
    name: 'a grant of a feature no plan gives follows the customer’s billing cycle',
    input: { subscriptions: [subscription({ terms: BOOLEAN_ONLY })], manual: [grant({ feature: 'api_calls', reset: 'week', limit: 5 })] },
    periodStart: at('2026-03-15T00:00:00Z'),
    resetsAt: at('2026-03-22T00:00:00Z'),
  },
  {
    name: 'a feature given by an add-on follows the group plan’s cycle',
    input: {
      subscriptions: [
        subscription({ id: 'sub_addon', addOn: true, billingCycleAnchor: at('2026-03-07T00:00:00Z'), terms: meteredTerms('month') }),
        subscription({ billingCycleAnchor: at('2026-02-03T00:00:00Z'), terms: BOOLEAN_ONLY }),
      ],
    },
    periodStart: at('2026-03-03T00:00:00Z'),
    resetsAt: at('2026-04-03T00:00:00Z'),
  },
  {
    name: 'without a subscription, a purchase’s periods step from the customer’s creation',
    input: { purchases: [purchase({ purchasedAt: at('2026-03-02T08:00:00Z'), terms: meteredTerms('month') })] },
    periodStart: at('2026-02-20T09:00:00Z'),
    resetsAt: at('2026-03-20T09:00:00Z'),
  },
  {
    name: 'with a subscription, a purchase follows its cycle',
    input: { subscriptions: [subscription({ terms: BOOLEAN_ONLY })], purchases: [purchase({ terms: meteredTerms('year') })] },
    periodStart: at('2026-03-01T00:00:00Z'),
    resetsAt: at('2027-03-01T00:00:00Z'),
  },
  {
    name: 'a period that never resets starts at the clock’s anchor and has no end',
    input: { purchases: [purchase({ terms: meteredTerms('never') })] },
    periodStart: CUSTOMER_CREATED,
    resetsAt: null,
  },
];

describe('computeEntitlements: metered periods', () => {
  it.each(periodCases)('$name', ({ input, periodStart, resetsAt }) => {
    expect(computeEntitlements(engineInput(input)).features['api_calls']).toMatchObject({ periodStart, resetsAt });
  });
});

interface ValidUntilCase {
  name: string;
  input: Partial<EngineInput>;
  validUntil: Date | null;
}

const validUntilCases: ValidUntilCase[] = [
  { name: 'nothing scheduled gives null', input: {}, validUntil: null },
  {
    name: 'an open-ended subscription and a lifetime purchase schedule nothing',
    input: { subscriptions: [subscription({ terms: BOOLEAN_ONLY })], purchases: [purchase({ terms: BOOLEAN_ONLY })] },
    validUntil: null,
  },
  {
    name: 'the earliest of several future boundaries wins',
    input: {
      subscriptions: [subscription({ status: 'trialing', trialEnd: at('2026-03-20T00:00:00Z') })],
      purchases: [purchase({ expiresAt: at('2026-03-17T00:00:00Z') })],
      manual: [grant({ endsAt: at('2026-03-18T00:00:00Z') })],
    },
    validUntil: at('2026-03-17T00:00:00Z'),
  },
  {
    name: 'boundaries at or before now are ignored',
    input: {
      purchases: [purchase({ expiresAt: NOW, terms: BOOLEAN_ONLY })],
      manual: [grant({ endsAt: fromNow(-HOUR) }), grant({ id: 'grant_2', startsAt: fromNow(2 * DAY) })],
    },
    validUntil: fromNow(2 * DAY),
  },
  {
    name: 'a metered reset counts as a change',
    input: { manual: [grant({ feature: 'api_calls', reset: 'day', startsAt: at('2026-03-01T06:00:00Z') })] },
    validUntil: at('2026-03-16T09:00:00Z'),
  },
  {
    name: 'a metered reset earlier than any window change wins',
    input: {
      subscriptions: [subscription({ cancelAtPeriodEnd: true, currentPeriodEnd: at('2026-05-01T00:00:00Z'), terms: BOOLEAN_ONLY })],
      purchases: [purchase({ purchasedAt: at('2026-03-10T00:00:00Z'), terms: meteredTerms('week') })],
    },
    validUntil: at('2026-03-22T00:00:00Z'),
  },
  {
    name: 'a scheduled plan change (a period-end downgrade) is a change',
    input: { subscriptions: [subscription({ scheduledChangeAt: at('2026-04-01T00:00:00Z'), terms: BOOLEAN_ONLY })] },
    validUntil: at('2026-04-01T00:00:00Z'),
  },
  {
    name: 'an invoice falling due on an active subscription is a change (it falls past due)',
    input: { subscriptions: [subscription({ paymentDueAt: at('2026-04-05T00:00:00Z'), terms: BOOLEAN_ONLY })] },
    validUntil: at('2026-04-05T00:00:00Z'),
  },
  {
    name: "the notice of a trial's end (subscription.trial_will_end) is when to ask, before the end itself",
    input: {
      subscriptions: [
        subscription({ status: 'trialing', trialEnd: at('2026-03-20T00:00:00Z'), trialNoticeAt: at('2026-03-17T00:00:00Z'), terms: BOOLEAN_ONLY }),
      ],
    },
    validUntil: at('2026-03-17T00:00:00Z'),
  },
  {
    name: 'a purchase starting in the future is a change',
    input: { purchases: [purchase({ purchasedAt: fromNow(5 * DAY), terms: BOOLEAN_ONLY })] },
    validUntil: fromNow(5 * DAY),
  },
  {
    name: 'a refund recorded for later is a change',
    input: { purchases: [purchase({ refundedAt: fromNow(4 * DAY), terms: BOOLEAN_ONLY })] },
    validUntil: fromNow(4 * DAY),
  },
  {
    name: 'the end of a past_due grace period is a change',
    input: { subscriptions: [subscription({ status: 'past_due', pastDueSince: fromNow(-DAY), terms: BOOLEAN_ONLY })] },
    validUntil: fromNow(2 * DAY),
  },
  {
    name: 'the period end of a subscription canceling at period end is a change',
    input: { subscriptions: [subscription({ cancelAtPeriodEnd: true, currentPeriodEnd: fromNow(DAY), terms: BOOLEAN_ONLY })] },
    validUntil: fromNow(DAY),
  },
  {
    name: 'the period end of a subscription that renews is not a change',
    input: { subscriptions: [subscription({ currentPeriodEnd: fromNow(DAY), terms: BOOLEAN_ONLY })] },
    validUntil: null,
  },
];

describe('computeEntitlements: validUntil', () => {
  it.each(validUntilCases)('$name', ({ input, validUntil }) => {
    expect(computeEntitlements(engineInput(input)).validUntil).toEqual(validUntil);
  });
});

interface MergeCase {
  name: string;
  older: JsonValue;
  newer: JsonValue;
  merged: JsonValue;
}

const mergeCases: MergeCase[] = [
  { name: 'numbers take the larger', older: 10, newer: 5, merged: 10 },
  { name: 'booleans are ORed', older: true, newer: false, merged: true },
  { name: 'strings take the newer', older: 'a', newer: 'b', merged: 'b' },
  { name: 'arrays take the newer rather than concatenating', older: [1, 2], newer: [3], merged: [3] },
  { name: 'mixed types take the newer', older: 5, newer: 'five', merged: 'five' },
  { name: 'null takes the newer', older: { a: 1 }, newer: null, merged: null },
  {
    name: 'objects merge key by key, recursively',
    older: { seats: 5, limits: { rpm: 60, beta: false }, model: 'a' },
    newer: { seats: 3, limits: { rpm: 30, beta: true, burst: 2 }, region: 'eu' },
    merged: { seats: 5, limits: { rpm: 60, beta: true, burst: 2 }, model: 'a', region: 'eu' },
  },
];

describe('mergeJson', () => {
  it.each(mergeCases)('$name', ({ older, newer, merged }) => {
    expect(mergeJson(older, newer)).toEqual(merged);
  });

  it('keeps a "__proto__" key as data', () => {
    const merged = mergeJson(JSON.parse('{"__proto__": {"polluted": 1}}') as JsonValue, { a: 1 });
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.keys(merged as object)).toEqual(['__proto__', 'a']);
  });
});

interface StackCase {
  name: string;
  input: Partial<EngineInput>;
  feature: string;
  expected: Partial<FeatureEntitlement>;
}

const addOn = (id: string, terms: FeatureTerms[], overrides: Partial<SubscriptionSource> = {}) =>
  subscription({ id, planKey: `addon_${id}`, addOn: true, terms, ...overrides });
const calls = (limit: number | null, more: Partial<FeatureTerms> = {}): FeatureTerms[] => [{ feature: 'api_calls', limit, reset: 'month', ...more }];

const stackCases: StackCase[] = [
  {
    name: 'an add-on’s limit adds to the group plan’s, which stays the source',
    input: { subscriptions: [subscription(), addOn('a', calls(500))] },
    feature: 'api_calls',
    expected: { limit: 1500, source: SUB_1 },
  },
  {
    name: 'several add-ons all add',
    input: { subscriptions: [addOn('a', calls(500)), subscription(), addOn('b', calls(250))] },
    feature: 'api_calls',
    expected: { limit: 1750, source: SUB_1 },
  },
  {
    name: 'an unlimited group plan stays unlimited',
    input: { subscriptions: [subscription({ terms: calls(null) }), addOn('a', calls(500))] },
    feature: 'api_calls',
    expected: { limit: null },
  },
  {
    name: 'an unlimited add-on makes it unlimited',
    input: { subscriptions: [subscription(), addOn('a', calls(null))] },
    feature: 'api_calls',
    expected: { limit: null },
  },
  {
    name: 'add-ons alone add up, the most generous one reported',
    input: { subscriptions: [addOn('a', calls(300)), addOn('b', calls(500))] },
    feature: 'api_calls',
    expected: { limit: 800, source: { kind: 'subscription', id: 'b', plan: 'addon_b' } },
  },
  {
    name: 'group plans still compete (the most generous), and add-ons add to the winner',
    input: { subscriptions: [subscription(), subscription({ id: 'sub_2', planKey: 'team', terms: calls(2000) }), addOn('a', calls(500))] },
    feature: 'api_calls',
    expected: { limit: 2500, source: { kind: 'subscription', id: 'sub_2', plan: 'team' } },
  },
  {
    name: 'a purchased add-on stacks too',
    input: { subscriptions: [subscription()], purchases: [purchase({ addOn: true, terms: calls(200) })] },
    feature: 'api_calls',
    expected: { limit: 1200, source: SUB_1 },
  },
  {
    name: 'reset and overage are the group plan’s',
    input: { subscriptions: [subscription(), addOn('a', calls(500, { reset: 'day', overage: true }))] },
    feature: 'api_calls',
    expected: { limit: 1500, reset: 'month', overage: false },
  },
  {
    name: 'an add-on that is not giving (canceled) adds nothing',
    input: { subscriptions: [subscription(), addOn('a', calls(500), { status: 'canceled' })] },
    feature: 'api_calls',
    expected: { limit: 1000 },
  },
  {
    name: 'a manual grant still replaces the stacked limit',
    input: { subscriptions: [subscription(), addOn('a', calls(500))], manual: [grant({ feature: 'api_calls', limit: 10 })] },
    feature: 'api_calls',
    expected: { limit: 10, source: { kind: 'grant', id: 'grant_1' } },
  },
  {
    name: 'booleans OR: an add-on alone gives the feature',
    input: { subscriptions: [subscription({ terms: calls(5) }), addOn('a', BOOLEAN_ONLY)] },
    feature: 'export',
    expected: { access: true, source: { kind: 'subscription', id: 'a', plan: 'addon_a' } },
  },
  {
    name: 'configs merge as for any two plans (numbers take the larger)',
    input: { subscriptions: [subscription(), addOn('a', [{ feature: 'settings', value: { seats: 10, sso: true } }])] },
    feature: 'settings',
    expected: { value: { seats: 10, sso: true } },
  },
];

describe('computeEntitlements: add-ons stack', () => {
  it.each(stackCases)('$name', ({ input, feature, expected }) => {
    expect(computeEntitlements(engineInput(input)).features[feature]).toMatchObject(expected);
  });
});
