// When a trial's end is announced (the `subscription.trial_will_end` webhook): three days before
// it, Stripe's convention. A trial with less left is announced at once (the instant is already
// past). Once per trial end: a trial moved later is announced again for its new end; one moved
// earlier is not (its customer was told already, and sooner).
import { DAY_MS } from './periods.js';

export const TRIAL_NOTICE_MS = 3 * DAY_MS;

/**
 * The instant the notice of a trial ending at `trialEnd` is due, or null when none is to send:
 * no trial, or the notice already sent for this end or a later one (`sentFor`).
 */
export function trialNoticeAt(trialEnd: Date | null, sentFor: Date | null): Date | null {
  if (trialEnd === null) return null;
  if (sentFor !== null && sentFor.getTime() >= trialEnd.getTime()) return null;
  return new Date(trialEnd.getTime() - TRIAL_NOTICE_MS);
}
