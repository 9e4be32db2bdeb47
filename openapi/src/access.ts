// The rule every place that answers a check follows — the server, the Node SDK's local mode and
// the browser store — so all three agree on the same snapshot.
import type { components } from './generated/schema.js';

type Entitlements = components['schemas']['Entitlements'];
type Entitlement = components['schemas']['Entitlement'];
type Check = components['schemas']['Check'];
type CreditRequirement = components['schemas']['CreditRequirement'];

type AccessReason = 'no_access' | 'revoked' | 'limit_reached';
type AccessDecision = { allowed: true; reason: null } | { allowed: false; reason: AccessReason };

/**
 * The answer to a check (`POST /v1/check`'s `Check`) from a snapshot, for `quantity` units. With
 * `credits`, the feature must be allowed AND the snapshot's balance in that currency be at least
 * the amount (`insufficient_credits` otherwise); a refusal of the feature comes first.
 *
 * @returns undefined when the snapshot has no entry for `feature` (own keys only: `constructor`
 *   is not Object.prototype's): whether that is `no_access`, `not_found` or "ask the API" is
 *   for the caller, who knows the catalog or not.
 */
export function checkAnswer(snapshot: Entitlements, feature: string, quantity: number, credits?: CreditRequirement): Check | undefined {
  const entitlement = entitlementOf(snapshot, feature);
  if (!entitlement) return undefined;
  // Built field by field, not spread: the browser and the Node local copy call this in hot loops.
  const decision = decideAccess(entitlement, quantity);
  const answer: Check = {
    object: 'check',
    customer: snapshot.customer,
    feature,
    version: snapshot.version,
    allowed: decision.allowed,
    reason: decision.reason,
    type: entitlement.type,
  };
  if (entitlement.type === 'metered') {
    answer.limit = entitlement.limit ?? null;
    answer.used = entitlement.used ?? 0;
    answer.remaining = entitlement.remaining ?? null;
    answer.resets_at = entitlement.resets_at ?? null;
    answer.overage = entitlement.overage ?? false;
  }
  if (entitlement.type === 'config') answer.value = entitlement.value ?? null;
  if (credits) {
    answer.credits = { currency: credits.currency, amount: credits.amount, balance: balanceOf(snapshot.credits, credits.currency) };
    if (decision.allowed && !hasCredits(snapshot.credits, credits)) {
      answer.allowed = false;
      answer.reason = 'insufficient_credits';
    }
  }
  return answer;
}

/** The snapshot's own entry for `feature` (never one of Object.prototype's names). */
export function entitlementOf(snapshot: Entitlements, feature: string): Entitlement | undefined {
  return Object.hasOwn(snapshot.features, feature) ? snapshot.features[feature] : undefined;
}

/** May `quantity` units of this feature be used now? The whole rule; `checkAnswer` adds the details. */
export function decideAccess(entitlement: Entitlement, quantity: number): AccessDecision {
  if (!entitlement.allowed) return { allowed: false, reason: entitlement.reason ?? 'no_access' };
  // Units held by reservations are as good as used: they may be committed any moment.
  const taken = (entitlement.used ?? 0) + (entitlement.reserved ?? 0);
  if (entitlement.type === 'metered' && !hasRoom(entitlement.limit ?? null, taken, quantity, entitlement.overage ?? false)) {
    return { allowed: false, reason: 'limit_reached' };
  }
  return { allowed: true, reason: null };
}

/**
 * Enough prepaid credit for a check that requires it: the snapshot's balance in the currency
 * (0 when it has none) at least the amount. Asked only once the feature itself is allowed.
 */
function hasCredits(balances: Readonly<Record<string, number>> | undefined, required: { currency: string; amount: number }): boolean {
  return balanceOf(balances, required.currency) >= required.amount;
}

/** Room for `quantity` more units: unlimited, overage allowed, or within the limit. */
export function hasRoom(limit: number | null, used: number, quantity: number, overage: boolean): boolean {
  return limit === null || overage || used + quantity <= limit;
}

function balanceOf(balances: Readonly<Record<string, number>> | undefined, currency: string): number {
  return balances && Object.hasOwn(balances, currency) ? (balances[currency] ?? 0) : 0;
}
