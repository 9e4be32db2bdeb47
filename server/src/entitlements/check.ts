// The answer to "may this customer use this feature, for this many units?", from a snapshot.
import { decideAccess, hasRoom, type components } from '@nozle/openapi';
import type { Snapshot } from './snapshot.js';

export type CheckAnswer = components['schemas']['Check'];

export function answerCheck(snapshot: Snapshot, feature: string, quantity: number, featureExists: boolean): CheckAnswer {
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
  return { ...base, ...decideAccess(entitlement, quantity), ...details };
}

export { hasRoom };
