// The rule every place that answers a check follows — the server, the Node SDK's local mode and
// the browser store — so all three agree on the same snapshot.
import type { components } from './generated/schema.js';

type Entitlement = components['schemas']['Entitlement'];

export type AccessReason = 'no_access' | 'revoked' | 'limit_reached';
export type AccessDecision = { allowed: true; reason: null } | { allowed: false; reason: AccessReason };

/** May `quantity` units of this feature be used now? */
export function decideAccess(entitlement: Entitlement, quantity: number): AccessDecision {
  if (!entitlement.allowed) return { allowed: false, reason: entitlement.reason ?? 'no_access' };
  if (entitlement.type === 'metered' && !hasRoom(entitlement.limit ?? null, entitlement.used ?? 0, quantity, entitlement.overage ?? false)) {
    return { allowed: false, reason: 'limit_reached' };
  }
  return { allowed: true, reason: null };
}

/**
 * Enough prepaid credit for a check that requires it: the snapshot's balance in the currency
 * (0 when it has none) at least the amount. Asked only once the feature itself is allowed.
 */
export function hasCredits(balances: Readonly<Record<string, number>> | undefined, required: { currency: string; amount: number }): boolean {
  const balance = balances && Object.hasOwn(balances, required.currency) ? (balances[required.currency] ?? 0) : 0;
  return balance >= required.amount;
}

/** Room for `quantity` more units: unlimited, overage allowed, or within the limit. */
export function hasRoom(limit: number | null, used: number, quantity: number, overage: boolean): boolean {
  return limit === null || overage || used + quantity <= limit;
}
