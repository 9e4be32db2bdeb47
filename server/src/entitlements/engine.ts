// The entitlement engine: turns a customer's subscriptions, purchases and manual grants or
// revokes into what each feature gives at one instant. Pure: no I/O, no clock; `now` is input.
//
// Usage periods are the customer's, not a source's: a metered feature counts over the periods of
// the customer's billing cycle in the group of the plan that gives it (a usage clock), whichever
// plan, add-on, purchase or grant sets its limit. So a plan change or a grant within a period
// changes the limit and never `used`; only the period boundary resets the count.
import { carriedUsagePeriod, type UsageCarry } from '../time/periods.js';
import { termsForSeats } from './per-seat.js';
import type {
  EngineInput,
  EngineResult,
  FeatureDefinition,
  FeatureEntitlement,
  FeatureTerms,
  JsonValue,
  ManualEntry,
  PurchaseSource,
  ResetInterval,
  SourceRef,
  SubscriptionSource,
} from './types.js';

/** The reset of metered terms that name none (a plan's, or a grant's with no plan to take it from): the count never starts again. */
const DEFAULT_RESET: ResetInterval = 'never';

/** Where a customer's usage periods for a feature step from, and the period a replaced subscription carried over. */
interface UsageClock {
  anchor: Date;
  carry: UsageCarry | null;
}

/** What one giving source offers for one feature, with what the combining rules need. */
interface Offer {
  source: SourceRef;
  /** When the source began: "most recent wins" for config values. */
  startedAt: Date;
  /** Position in input order (subscriptions, then purchases): the last tie-break. */
  order: number;
  /** From an add-on plan: its metered limit adds to the group plan's. */
  addOn: boolean;
  terms: FeatureTerms;
}

export function computeEntitlements(input: EngineInput): EngineResult {
  const { now } = input;
  const offers = paidOffersByFeature(input);
  const manual = groupBy(input.manual, (entry) => entry.feature);
  const giving = input.subscriptions.filter((sub) => subscriptionGives(sub, now, input.pastDueGraceMs));

  // Object.fromEntries rather than assignment, so a feature key like "__proto__" stays data.
  const entries = input.features.map((def): [string, FeatureEntitlement] => [
    def.key,
    entitlementFor(def, offers.get(def.key) ?? [], manual.get(def.key) ?? [], now, () => usageClockFor(def.key, giving, input)),
  ]);
  const features: Record<string, FeatureEntitlement> = Object.fromEntries(entries);

  const resets = entries.flatMap(([, entitlement]) => (entitlement.resetsAt ? [entitlement.resetsAt] : []));
  return { features, validUntil: earliestAfter(now, [...scheduledChanges(input), ...resets]) };
}

/** The plans (keys) whose subscriptions or purchases give the customer access at `input.now`: "the customers of a plan". */
export function heldPlans(input: EngineInput): Set<string> {
  const { now } = input;
  return new Set([
    ...input.subscriptions.filter((sub) => subscriptionGives(sub, now, input.pastDueGraceMs)).map((sub) => sub.planKey),
    ...input.purchases.filter((purchase) => purchaseGives(purchase, now)).map((purchase) => purchase.planKey),
  ]);
}

function entitlementFor(def: FeatureDefinition, offers: Offer[], manual: ManualEntry[], now: Date, clock: () => UsageClock): FeatureEntitlement {
  const deciding = latestActiveEntry(manual, now);
  // A manual entry replaces paid access outright rather than combining with it: support
  // can both take a feature from a paying customer and hand out less than the plan does.
  if (deciding?.kind === 'revoke') return denied(def, 'revoked', manualRef(deciding));
  if (deciding?.kind === 'grant') return fromGrant(def, deciding, offers, now, clock);
  return fromPaid(def, offers, now, clock);
}

// ---------------------------------------------------------------------------------------
// The usage clock.

/**
 * The feature's usage clock: the billing cycle of the subscription that gives the feature,
 * a group plan's before an add-on's; without one, the cycle of the customer's other
 * subscriptions (a group plan's first); without any subscription, the customer's creation.
 */
function usageClockFor(feature: string, giving: SubscriptionSource[], input: EngineInput): UsageClock {
  const offersIt = (sub: SubscriptionSource) => sub.terms.some((term) => term.feature === feature && term.enabled !== false);
  const rank = (sub: SubscriptionSource) => (sub.addOn ? 2 : 0) + (offersIt(sub) ? 0 : 1);
  let best: SubscriptionSource | undefined;
  for (const sub of giving) if (best === undefined || rank(sub) < rank(best)) best = sub;
  if (best === undefined) return { anchor: input.customerCreatedAt, carry: null };
  // Periods step from the billing cycle anchor; before it (a trial, its own first period) from
  // the subscription's current period start.
  const anchor = isAtOrBefore(best.billingCycleAnchor, input.now) ? best.billingCycleAnchor : best.currentPeriodStart;
  return { anchor, carry: best.usageCarry };
}

// ---------------------------------------------------------------------------------------
// Which sources give access at `now`. Every window is half-open: [start, end).

const isBefore = (a: Date, b: Date): boolean => a.getTime() < b.getTime();
const isAtOrBefore = (a: Date, b: Date): boolean => a.getTime() <= b.getTime();

function withinWindow(start: Date, end: Date | null, now: Date): boolean {
  return isAtOrBefore(start, now) && (end === null || isBefore(now, end));
}

/** A past_due subscription with no recorded start is taken to have just become past_due. */
function graceEnd(sub: SubscriptionSource, now: Date, graceMs: number): Date {
  return new Date((sub.pastDueSince ?? now).getTime() + graceMs);
}

function subscriptionGives(sub: SubscriptionSource, now: Date, graceMs: number): boolean {
  switch (sub.status) {
    case 'active':
      return !(sub.cancelAtPeriodEnd && sub.currentPeriodEnd !== null && isAtOrBefore(sub.currentPeriodEnd, now));
    case 'trialing':
      return sub.trialEnd === null || isBefore(now, sub.trialEnd);
    case 'past_due':
      return isBefore(now, graceEnd(sub, now, graceMs));
    case 'canceled':
    case 'incomplete':
    case 'paused':
    case 'unpaid':
      return false;
  }
}

function purchaseGives(purchase: PurchaseSource, now: Date): boolean {
  const refunded = purchase.refundedAt !== null && isAtOrBefore(purchase.refundedAt, now);
  return !refunded && withinWindow(purchase.purchasedAt, purchase.expiresAt, now);
}

/** Every feature's offers from paid sources that give access now, in input order. */
function paidOffersByFeature(input: EngineInput): Map<string, Offer[]> {
  const { now } = input;
  const offers: Offer[] = [];
  const add = (source: SourceRef, startedAt: Date, addOn: boolean, terms: FeatureTerms[]): void => {
    // `enabled: false` is a plan saying "not this feature", whatever the feature's type.
    for (const term of terms) {
      if (term.enabled !== false) offers.push({ source, startedAt, order: offers.length, addOn, terms: term });
    }
  };
  for (const sub of input.subscriptions) {
    if (subscriptionGives(sub, now, input.pastDueGraceMs)) {
      add({ kind: 'subscription', id: sub.id, plan: sub.planKey }, sub.currentPeriodStart, sub.addOn, termsForSeats(sub.terms, sub.quantity ?? 1));
    }
  }
  for (const purchase of input.purchases) {
    if (purchaseGives(purchase, now)) {
      // A purchase is one seat: a per-seat limit is the limit itself.
      add({ kind: 'purchase', id: purchase.id, plan: purchase.planKey }, purchase.purchasedAt, purchase.addOn, termsForSeats(purchase.terms, 1));
    }
  }
  return groupBy(offers, (offer) => offer.terms.feature);
}

// ---------------------------------------------------------------------------------------
// Manual entries.

/** The active entry made last (createdAt, then sequence); the first in input on a full tie. */
function latestActiveEntry(entries: ManualEntry[], now: Date): ManualEntry | undefined {
  let latest: ManualEntry | undefined;
  for (const entry of entries) {
    if (!withinWindow(entry.startsAt, entry.endsAt, now)) continue;
    if (latest === undefined || madeAfter(entry, latest)) latest = entry;
  }
  return latest;
}

function madeAfter(a: ManualEntry, b: ManualEntry): boolean {
  const byTime = a.createdAt.getTime() - b.createdAt.getTime();
  return byTime !== 0 ? byTime > 0 : a.sequence > b.sequence;
}

// SourceRef has no 'revoke' kind, so a revoke is reported under 'grant' (a manual entry);
// `reason: 'revoked'` tells the two apart.
const manualRef = (entry: ManualEntry): SourceRef => ({ kind: 'grant', id: entry.id });

function fromGrant(def: FeatureDefinition, grant: ManualEntry, paid: Offer[], now: Date, clock: () => UsageClock): FeatureEntitlement {
  const source = manualRef(grant);
  switch (def.type) {
    case 'boolean':
      return allowed(def, source);
    case 'metered': {
      // Absent limit means unlimited and absent overage means none, as for plan terms. A grant
      // counts over the customer's usage period, so it adds room and never resets the count;
      // one that names no reset takes the plan's.
      const reset = grant.reset ?? stackedMetered(paid)?.terms.reset;
      return metered(def, source, { feature: grant.feature, limit: grant.limit, reset, overage: grant.overage }, clock(), now);
    }
    case 'config': {
      // A grant that names no value keeps what the plans give (e.g. "switch it on for them").
      const value = grant.value !== undefined ? grant.value : mergedConfig(paid)?.value;
      return config(def, source, value);
    }
  }
}

// ---------------------------------------------------------------------------------------
// Combining paid offers (several plans can cover the same feature).

function fromPaid(def: FeatureDefinition, offers: Offer[], now: Date, clock: () => UsageClock): FeatureEntitlement {
  const first = offers[0];
  if (first === undefined) return denied(def, 'no_access', null);
  switch (def.type) {
    case 'boolean':
      // Any source giving it gives it (add-ons included): booleans OR.
      return allowed(def, first.source);
    case 'metered': {
      const stacked = stackedMetered(offers) ?? { source: first.source, terms: first.terms };
      return metered(def, stacked.source, stacked.terms, clock(), now);
    }
    case 'config': {
      const merged = mergedConfig(offers) ?? { source: first.source, value: undefined };
      return config(def, merged.source, merged.value);
    }
  }
}

/** Absent and null both mean unlimited. */
const limitOf = (terms: FeatureTerms): number | null => terms.limit ?? null;

/**
 * The metered terms of several paid offers: the most generous of the group plans' (or, with
 * none, of the add-ons'), with every add-on's limit added to it; unlimited anywhere stays
 * unlimited. Reset, overage and the reported source are the deciding offer's. Undefined
 * when there are no offers.
 */
function stackedMetered(offers: Offer[]): { source: SourceRef; terms: FeatureTerms } | undefined {
  const plans = offers.filter((offer) => !offer.addOn);
  const pool = plans.length > 0 ? plans : offers;
  const first = pool[0];
  if (first === undefined) return undefined;
  const deciding = mostGenerous(first, pool);
  const stacked = offers.filter((offer) => offer.addOn && offer !== deciding);
  let limit = limitOf(deciding.terms);
  for (const addOn of stacked) {
    const more = limitOf(addOn.terms);
    limit = limit === null || more === null ? null : limit + more;
  }
  return { source: deciding.source, terms: { ...deciding.terms, limit } };
}

/**
 * The metered offer with the largest limit (unlimited beats any number); on equal limits
 * the one allowing overage, then the first in input. Its reset and overage come with it, so
 * the result is always one plan's coherent terms rather than a mix.
 */
function mostGenerous(first: Offer, offers: Offer[]): Offer {
  return offers.reduce((best, offer) => (moreGenerous(offer, best) ? offer : best), first);
}

function moreGenerous(a: Offer, b: Offer): boolean {
  const limitA = limitOf(a.terms);
  const limitB = limitOf(b.terms);
  if (limitA !== limitB) return limitA === null || (limitB !== null && limitA > limitB);
  return a.terms.overage === true && b.terms.overage !== true;
}

/**
 * Config values of all offers merged (see mergeJson), oldest first so the newest source
 * wins values that cannot be merged. The reported source is that newest source; a tie on
 * start goes to the first in input. Undefined when there are no offers.
 */
function mergedConfig(offers: Offer[]): { source: SourceRef; value: JsonValue | undefined } | undefined {
  const oldestFirst = [...offers].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || b.order - a.order);
  const newest = oldestFirst.at(-1);
  if (newest === undefined) return undefined;
  let value: JsonValue | undefined;
  for (const offer of oldestFirst) {
    const next = offer.terms.value;
    if (next === undefined) continue; // a plan that gives the feature but no value
    value = value === undefined ? next : mergeJson(value, next);
  }
  return { source: newest.source, value };
}

/**
 * The most generous reading of two config values: numbers take the larger, booleans OR,
 * objects merge key by key with the same rule; anything else (strings, arrays, null, mixed
 * types) takes the newer value, as there is no "more" of a model name or a list.
 */
export function mergeJson(older: JsonValue, newer: JsonValue): JsonValue {
  if (typeof older === 'number' && typeof newer === 'number') return Math.max(older, newer);
  if (typeof older === 'boolean' && typeof newer === 'boolean') return older || newer;
  if (isJsonObject(older) && isJsonObject(newer)) {
    // A Map, not property assignment, so keys like "__proto__" cannot touch a prototype.
    const merged = new Map<string, JsonValue>(Object.entries(older));
    for (const [key, value] of Object.entries(newer)) {
      const existing = merged.get(key);
      merged.set(key, existing === undefined ? value : mergeJson(existing, value));
    }
    return Object.fromEntries(merged);
  }
  return newer;
}

function isJsonObject(value: JsonValue): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------
// Result entries. With access, each type carries its own fields (metered: limit, reset,
// overage, periodStart, resetsAt; config: value; boolean: none). Without access no type
// carries any: a `limit: null` would read as "unlimited".

function denied(def: FeatureDefinition, reason: 'no_access' | 'revoked', source: SourceRef | null): FeatureEntitlement {
  return { feature: def.key, type: def.type, access: false, reason, source };
}

function allowed(def: FeatureDefinition, source: SourceRef): FeatureEntitlement {
  return { feature: def.key, type: def.type, access: true, reason: null, source };
}

function metered(def: FeatureDefinition, source: SourceRef, terms: FeatureTerms, clock: UsageClock, now: Date): FeatureEntitlement {
  const reset = terms.reset ?? DEFAULT_RESET;
  const { periodStart, resetsAt } = carriedUsagePeriod(clock.anchor, reset, now, clock.carry);
  return {
    ...allowed(def, source),
    limit: limitOf(terms),
    reset,
    overage: terms.overage ?? false,
    periodAnchor: new Date(clock.anchor.getTime()),
    periodCarry: clock.carry,
    periodStart,
    resetsAt,
  };
}

/** No value anywhere reads as null. The value is copied so callers cannot edit plan terms. */
function config(def: FeatureDefinition, source: SourceRef, value: JsonValue | undefined): FeatureEntitlement {
  return { ...allowed(def, source), value: value === undefined ? null : structuredClone(value) };
}

// ---------------------------------------------------------------------------------------
// validUntil: instants at which a source's window opens or closes. Some may not change the
// result (a window of an unrelated feature, a grant hidden by a later revoke); that only
// makes a cache recompute early, never late.

function scheduledChanges(input: EngineInput): Date[] {
  const { now, pastDueGraceMs } = input;
  return [
    ...input.subscriptions.flatMap((sub) => subscriptionChanges(sub, now, pastDueGraceMs)),
    ...input.purchases.flatMap((p) => [p.purchasedAt, p.expiresAt, p.refundedAt]),
    ...input.manual.flatMap((entry) => [entry.startsAt, entry.endsAt]),
  ].filter((date): date is Date => date !== null);
}

/** Only the instants the subscription's status reads; a renewal arrives as new input. */
function subscriptionChanges(sub: SubscriptionSource, now: Date, graceMs: number): Date[] {
  // A scheduled plan change arrives as new input once applied; its instant is when to ask.
  const scheduled = sub.scheduledChangeAt ? [sub.scheduledChangeAt] : [];
  switch (sub.status) {
    case 'trialing':
      // The notice of its end changes no answer: it is only when the due work sends it.
      return [...(sub.trialEnd ? [sub.trialEnd] : []), ...(sub.trialNoticeAt ? [sub.trialNoticeAt] : []), ...scheduled];
    case 'past_due':
      return [graceEnd(sub, now, graceMs), ...scheduled];
    case 'active':
      // An invoice falling due makes it past due (the scheduler's due work), a change to push.
      return [...(sub.cancelAtPeriodEnd && sub.currentPeriodEnd ? [sub.currentPeriodEnd] : []), ...(sub.paymentDueAt ? [sub.paymentDueAt] : []), ...scheduled];
    case 'canceled':
    case 'incomplete':
    case 'paused':
    case 'unpaid':
      return [];
  }
}

function earliestAfter(now: Date, dates: Date[]): Date | null {
  let earliest: Date | null = null;
  for (const date of dates) {
    if (isBefore(now, date) && (earliest === null || isBefore(date, earliest))) earliest = date;
  }
  return earliest === null ? null : new Date(earliest.getTime());
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
