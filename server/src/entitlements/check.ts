// The answer to "may this customer use this feature, for this many units?", from a snapshot: the
// rule is @nozle/openapi's checkAnswer (the SDKs answer with it too); the server adds what only
// it knows, whether a feature the snapshot lacks exists at all.
import { checkAnswer, type components } from '@nozle/openapi';
import type { Snapshot } from './snapshot.js';

export type CheckAnswer = components['schemas']['Check'];
type CreditRequirement = components['schemas']['CreditRequirement'];

/**
 * With `credits`, the feature must be allowed AND the snapshot's balance in that currency be at
 * least the amount (`insufficient_credits` otherwise); a refusal of the feature comes first.
 */
export function answerCheck(snapshot: Snapshot, feature: string, quantity: number, featureExists: boolean, credits?: CreditRequirement): CheckAnswer {
  const answer = checkAnswer(snapshot, feature, quantity, credits);
  if (answer) return answer;
  // A feature created after this snapshot: nothing can give it yet, so no_access; or none at all.
  return {
    object: 'check',
    customer: snapshot.customer,
    feature,
    version: snapshot.version,
    allowed: false,
    reason: featureExists ? 'no_access' : 'not_found',
  };
}

/** No customer by this reference: an answer, with the reference as sent and no version. */
export function customerNotFound(customer: string, feature: string): CheckAnswer {
  return { object: 'check', customer, feature, version: 0, allowed: false, reason: 'customer_not_found' };
}
