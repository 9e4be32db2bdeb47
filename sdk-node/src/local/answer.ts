// The answer of `nozle.can()` from a snapshot held in memory: @nozle/openapi's checkAnswer, the
// server's rule, except that an absent feature is no answer at all, since the API knows whether
// it was created after the snapshot (`no_access`) or never (`not_found`).
import { checkAnswer, type Schemas } from '@nozle/openapi';
import type { Check, Entitlements } from '../entitlements.js';

/**
 * @param quantity - units about to be used, a whole number 0 or more (1 when omitted)
 * @returns the answer, or undefined when the snapshot has no such feature (ask the API)
 */
export function answerLocally(snapshot: Entitlements, feature: string, quantity: number, credits?: Schemas['CreditRequirement']): Check | undefined {
  const answer = checkAnswer(snapshot, feature, quantity, credits);
  // A copy: the caller may change what it gets without changing the held snapshot.
  const value = answer?.value;
  if (answer && value !== null && typeof value === 'object') answer.value = structuredClone(value);
  return answer;
}

/** Whether the snapshot may still be used at `nowMs`: `valid_until` (Unix seconds) not reached. */
export function isFresh(snapshot: Entitlements, nowMs: number): boolean {
  return snapshot.valid_until === null || nowMs < snapshot.valid_until * 1000;
}
