// Rules of a plan's terms and versions, pure: what a one_time plan may not have, how a credit pack
// is stored, when an update makes new terms, which versions a migration may name, where a plan
// may sit (group, add-on, default), and when a change to another plan of its group takes effect.
import { invalidParam } from '../http/errors.js';
import type { Plan, PlanCredits, PlanPlacement, PlanTerms } from './plans-store.js';

/** The credit pack as stored: `expires_in_days` null when it never expires; `rollover` only when given. */
export const toPlanCredits = (
  credits: { amount: number; currency: string; expires_in_days?: number; rollover?: { cap: number } } | null | undefined,
): PlanCredits | null =>
  credits
    ? {
        amount: credits.amount,
        currency: credits.currency,
        expires_in_days: credits.expires_in_days ?? null,
        ...(credits.rollover ? { rollover: { cap: credits.rollover.cap } } : {}),
      }
    : null;

export function checkOneTime(terms: PlanTerms): void {
  // A recurring plan's credits live for one period (billing/period-credits.ts); a purchase's for its days.
  if (terms.credits && terms.interval !== 'one_time' && terms.credits.expires_in_days !== null) {
    throw invalidParam(
      'credits',
      `A plan billed every ${terms.interval} grants credit each period, expiring at the period's end: it takes no expires_in_days.`,
    );
  }
  if (terms.credits?.rollover && terms.interval === 'one_time') {
    throw invalidParam('credits', 'A one_time plan grants credit once, on purchase: it has no periods to roll credit over between.');
  }
  if (terms.interval !== 'one_time') return;
  if (terms.trial_days > 0) throw invalidParam('trial_days', 'A one_time plan has no trial.');
  // Seats are a subscription's quantity; a purchase has none.
  if (terms.per_seat) throw invalidParam('per_seat', 'A one_time plan is bought once, not per seat.');
  // Usage is rated per billing period, and a one_time plan has none.
  if (terms.prices?.length) throw invalidParam('prices', 'A one_time plan has no billing periods to rate usage in.');
}

const TERM_FIELDS = ['name', 'currency', 'base_price', 'per_seat', 'prices', 'trial_days', 'entitlements', 'credits'];

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

/**
 * When a change from one plan of a group to another takes effect, by default: an upgrade (the new
 * plan costs more per month, its base price normalised over its interval) at once, prorated; a
 * downgrade at the end of the period the customer paid for. A tie (the same price per month, e.g.
 * 10/month and 120/year) is at once: the customer loses nothing by it, and a change of interval
 * starts the new billing cycle now, as Stripe does. Usage prices are left out: they bill what is
 * used, whichever plan. This is the one rule for the API's changes and checkout's.
 */
export function planChangeTiming(from: Pick<Plan, 'interval' | 'base_price'>, to: Pick<Plan, 'interval' | 'base_price'>): 'now' | 'period_end' {
  if (from.interval === 'one_time' || to.interval === 'one_time') throw new Error('A plan change is between recurring plans.');
  // Per year, in whole minor units: no division, so no rounding decides a close call.
  const perYear = (plan: Pick<Plan, 'interval' | 'base_price'>) => (plan.interval === 'month' ? plan.base_price * 12 : plan.base_price);
  return perYear(to) >= perYear(from) ? 'now' : 'period_end';
}

/** A plan's placement as it would be stored, with the catalog's rules about where a plan may sit (400s naming the field). */
export function checkPlacement(
  placement: PlanPlacement & { groupNamed: boolean },
  terms: Pick<PlanTerms, 'interval' | 'base_price'> & { prices?: readonly unknown[] },
): void {
  if (placement.add_on && placement.groupNamed) throw invalidParam('group', 'An add-on belongs to no group: it stacks with the plan of any group.');
  if (placement.add_on && placement.default) throw invalidParam('default', 'An add-on cannot be the default plan of a group: it stacks with one.');
  if (!placement.default) return;
  if (terms.interval === 'one_time') throw invalidParam('default', 'A default plan is subscribed to: it must be billed every month or year, not one_time.');
  // Every customer gets it without being asked, so it may not cost anything.
  if (terms.base_price > 0 || (terms.prices?.length ?? 0) > 0) {
    throw invalidParam('default', 'A default plan is given to every customer without asking: it must be free (no base_price, no usage prices).');
  }
}
