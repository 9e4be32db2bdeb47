// Rules of a plan's terms and versions, pure: what a one_time plan may not have, how a credit pack
// is stored, when an update makes new terms, and which versions a migration may name.
import { invalidParam } from '../http/errors.js';
import type { PlanCredits, PlanTerms } from './plans-store.js';

/** The credit pack as stored: `expires_in_days` null when it never expires. */
export const toPlanCredits = (credits: { amount: number; currency: string; expires_in_days?: number } | null | undefined): PlanCredits | null =>
  credits ? { amount: credits.amount, currency: credits.currency, expires_in_days: credits.expires_in_days ?? null } : null;

export function checkOneTime(terms: PlanTerms): void {
  // Credit is granted by a purchase; a subscription's periods would need a rule of their own.
  if (terms.credits && terms.interval !== 'one_time') {
    throw invalidParam('credits', `Only a one_time plan grants credit on purchase; this plan is billed every ${terms.interval}.`);
  }
  if (terms.interval !== 'one_time') return;
  if (terms.trial_days > 0) throw invalidParam('trial_days', 'A one_time plan has no trial.');
  // Usage is rated per billing period, and a one_time plan has none.
  if (terms.prices?.length) throw invalidParam('prices', 'A one_time plan has no billing periods to rate usage in.');
}

const TERM_FIELDS = ['name', 'currency', 'base_price', 'prices', 'trial_days', 'entitlements', 'credits'];

/** Whether an update names any of the terms (as opposed to metadata only). */
export const changesTerms = (update: object): boolean => TERM_FIELDS.some((field) => field in update);

/** The version a migration moves to (the current one by default); 400 for a version the plan does not have. */
export function migrationTarget(plan: { key: string; version: number }, toVersion: number | undefined, fromVersion: number | undefined): number {
  const target = toVersion ?? plan.version;
  if (target > plan.version) throw invalidParam('to_version', `Plan '${plan.key}' has no version ${target}.`, 'resource_missing');
  if (fromVersion !== undefined && fromVersion > plan.version) {
    throw invalidParam('from_version', `Plan '${plan.key}' has no version ${fromVersion}.`, 'resource_missing');
  }
  return target;
}
