// The answer to "may this customer use this feature, for this many units?", from the snapshot
// the browser holds: @nozle/openapi's checkAnswer, the server's own rule, shaped as a LocalCheck.
import { checkAnswer, decideAccess, entitlementOf } from '@nozle/openapi';
import type { Entitlements, LocalCheck } from './types.js';

/**
 * @param snapshot the snapshot held, or `null` while none has arrived (answers `loading`)
 * @param quantity for metered features, the units about to be used (an integer >= 0)
 * @throws TypeError when `quantity` is not an integer >= 0
 */
export function localCheck(snapshot: Entitlements | null, feature: string, quantity = 1): LocalCheck {
  assertQuantity(quantity);
  if (snapshot === null) return { allowed: false, reason: 'loading' };
  const answer = checkAnswer(snapshot, feature, quantity);
  // A feature the snapshot does not name: the browser cannot tell "no access" from "no such feature".
  if (!answer) return { allowed: false, reason: 'not_found' };
  const { allowed } = answer;
  // No credit requirement is asked for, so never `insufficient_credits`.
  const reason = answer.reason as LocalCheck['reason'];
  if (answer.type === 'metered') {
    const { limit, used, remaining, resets_at } = answer;
    return { allowed, reason, limit, used, remaining, resets_at };
  }
  return answer.type === 'config' ? { allowed, reason, value: answer.value } : { allowed, reason };
}

/** `localCheck(...).allowed` without building the answer: `can()` runs in render loops. */
export function localCan(snapshot: Entitlements | null, feature: string, quantity = 1): boolean {
  assertQuantity(quantity);
  const entitlement = snapshot === null ? undefined : entitlementOf(snapshot, feature);
  return entitlement !== undefined && decideAccess(entitlement, quantity).allowed;
}

function assertQuantity(quantity: number): void {
  if (!Number.isInteger(quantity) || quantity < 0) {
    throw new TypeError(`Nozle: \`quantity\` must be an integer >= 0, got ${String(quantity)}.`);
  }
}
