// The answer to "may this customer use this feature, for this many units?", from a snapshot.
import { decideAccess, hasCredits, hasRoom, type components } from '@nozle/openapi';
import type { Snapshot } from './snapshot.js';

export type CheckAnswer = components['schemas']['Check'];
export type CreditRequirement = components['schemas']['CreditRequirement'];

/**
 * With `credits`, the feature must be allowed AND the snapshot's balance in that currency be at
 * least the amount (`insufficient_credits` otherwise); a refusal of the feature comes first.
 */
export function answerCheck(snapshot: Snapshot, feature: string, quantity: number, featureExists: boolean, credits?: CreditRequirement): CheckAnswer {
  const base = { object: 'check' as const, customer: snapshot.customer, feature, version: snapshot.version };
  const entitlement = snapshot.features[feature];
  if (!entitlement) {
    // A feature created after this snapshot: nothing can give it yet, so no_access; or none at all.
    return { ...base, allowed: false, reason: featureExists ? 'no_access' : 'not_found' };
  }
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
    ...(entitlement.type === 'config' ? { value: entitlement.value ?? null } : {}),
  };
  const decision = decideAccess(entitlement, quantity);
  if (!credits) return { ...base, ...decision, ...details };
  const balance = snapshot.credits && Object.hasOwn(snapshot.credits, credits.currency) ? (snapshot.credits[credits.currency] ?? 0) : 0;
  const shown = { credits: { currency: credits.currency, amount: credits.amount, balance } };
  if (decision.allowed && !hasCredits(snapshot.credits, credits)) {
    return { ...base, allowed: false, reason: 'insufficient_credits', ...details, ...shown };
  }
  return { ...base, ...decision, ...details, ...shown };
}

export { hasRoom };
