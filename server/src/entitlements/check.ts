// The answer to "may this customer use this feature, for this many units?", from a snapshot.
import type { components } from '@nozle/openapi';
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
  if (!entitlement.allowed) return { ...base, allowed: false, reason: entitlement.reason ?? 'no_access', ...details };
  if (entitlement.type === 'metered' && !hasRoom(entitlement.limit ?? null, entitlement.used ?? 0, quantity, entitlement.overage ?? false)) {
    return { ...base, allowed: false, reason: 'limit_reached', ...details };
  }
  return { ...base, allowed: true, reason: null, ...details };
}

/** Room for `quantity` more units: unlimited, within the limit, or overage allowed. */
export function hasRoom(limit: number | null, used: number, quantity: number, overage: boolean): boolean {
  return limit === null || overage || used + quantity <= limit;
}
