// The answer of `nozle.can()` from a snapshot held in memory: the server's answerCheck
// (server/src/entitlements/check.ts), except that an absent feature is no answer at all, since
// the API knows whether it was created after the snapshot (`no_access`) or never (`not_found`).
import { decideAccess, hasCredits, hasRoom, type Schemas } from '@nozle/openapi';
import type { Check, Entitlements } from '../entitlements.js';

/**
 * @param quantity - units about to be used, a whole number 0 or more (1 when omitted)
 * @returns the answer, or undefined when the snapshot has no such feature (ask the API)
 */
export function answerLocally(snapshot: Entitlements, feature: string, quantity: number, credits?: Schemas['CreditRequirement']): Check | undefined {
  // Own keys only: a feature named `constructor` is not Object.prototype's.
  if (!Object.hasOwn(snapshot.features, feature)) return undefined;
  const entitlement = snapshot.features[feature];
  if (!entitlement) return undefined;
  const base = { object: 'check' as const, customer: snapshot.customer, feature, version: snapshot.version };
  const details = {
    type: entitlement.type,
    ...(entitlement.type === 'metered'
      ? {
          limit: entitlement.limit ?? null,
          used: entitlement.used ?? 0,
          remaining: entitlement.remaining ?? null,
          resets_at: entitlement.resets_at ?? null,
          overage: entitlement.overage ?? false,
        }
      : {}),
    // A copy: the caller may change what it gets without changing the held snapshot.
    ...(entitlement.type === 'config' ? { value: copyJson(entitlement.value ?? null) } : {}),
  };
  const decision = decideAccess(entitlement, quantity);
  if (!credits) return { ...base, ...decision, ...details };
  const balances = snapshot.credits ?? {};
  const shown = { credits: { currency: credits.currency, amount: credits.amount, balance: Object.hasOwn(balances, credits.currency) ? (balances[credits.currency] ?? 0) : 0 } };
  if (decision.allowed && !hasCredits(balances, credits)) return { ...base, allowed: false, reason: 'insufficient_credits', ...details, ...shown };
  return { ...base, ...decision, ...details, ...shown };
}

export { hasRoom };

/** Whether the snapshot may still be used at `nowMs`: `valid_until` (Unix seconds) not reached. */
export function isFresh(snapshot: Entitlements, nowMs: number): boolean {
  return snapshot.valid_until === null || nowMs < snapshot.valid_until * 1000;
}

function copyJson<T>(value: T): T {
  return value !== null && typeof value === 'object' ? structuredClone(value) : value;
}
