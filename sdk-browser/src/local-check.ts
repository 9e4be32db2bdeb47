// The answer to "may this customer use this feature, for this many units?", from the snapshot
// the browser holds. Mirrors the server's check so both agree on the same snapshot.
import { decideAccess } from '@nozle/openapi';
import type { Entitlements, LocalCheck } from './types.js';

/**
 * @param snapshot the snapshot held, or `null` while none has arrived (answers `loading`)
 * @param quantity for metered features, the units about to be used (an integer >= 0)
 * @throws TypeError when `quantity` is not an integer >= 0
 */
export function localCheck(snapshot: Entitlements | null, feature: string, quantity = 1): LocalCheck {
  if (!Number.isInteger(quantity) || quantity < 0) {
    throw new TypeError(`Nozle: \`quantity\` must be an integer >= 0, got ${String(quantity)}.`);
  }
  if (snapshot === null) return { allowed: false, reason: 'loading' };
  const entitlement = Object.hasOwn(snapshot.features, feature) ? snapshot.features[feature] : undefined;
  // A feature the snapshot does not name: the browser cannot tell "no access" from "no such feature".
  if (!entitlement) return { allowed: false, reason: 'not_found' };
  const details: Omit<LocalCheck, 'allowed' | 'reason'> =
    entitlement.type === 'metered'
      ? {
          limit: entitlement.limit ?? null,
          used: entitlement.used ?? 0,
          remaining: entitlement.remaining ?? null,
          resets_at: entitlement.resets_at ?? null,
        }
      : entitlement.type === 'config'
        ? { value: entitlement.value ?? null }
        : {};
  return { ...decideAccess(entitlement, quantity), ...details };
}
