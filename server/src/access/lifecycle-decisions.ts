// The lifecycle's answer for the API: its state, or its refusal worded as the API error the caller gets.
import type { Plan } from '../catalog/plans-store.js';
import { invalidParam, type ApiError } from '../http/errors.js';
import { transition, type Decision, type LifecycleEvent, type Lifecycle, type Refusal } from './subscription-lifecycle.js';
import type { SubscriptionRow } from './subscriptions-store.js';

/** The refusal as the API error the caller gets. */
function refusalError(refusal: Refusal, row: Pick<SubscriptionRow, 'id' | 'provider'> | undefined, plan: Pick<Plan, 'key'> | undefined): ApiError {
  switch (refusal) {
    case 'canceled':
      return invalidParam('subscription', `Subscription ${row?.id} is canceled; create a new one instead.`, 'subscription_canceled');
    case 'managed_by_provider':
      return invalidParam('status', `Subscription ${row?.id} is billed by ${row?.provider}: its status follows the payments there.`, 'managed_by_provider');
    case 'not_resumable':
      return invalidParam('subscription', `Subscription ${row?.id} is not canceling or paused: there is nothing to resume.`, 'subscription_not_resumable');
    case 'one_time_plan':
      return invalidParam('plan', `Plan '${plan?.key}' is one_time: record it with POST /v1/purchases instead.`);
    case 'not_due':
      return invalidParam('subscription', `Subscription ${row?.id} has nothing due.`);
  }
}

/** The lifecycle's answer, or its refusal thrown as the API error. */
export function decide(row: SubscriptionRow | undefined, event: LifecycleEvent, now: Date, plan?: Plan): Lifecycle {
  const decision: Decision = transition(row, event, now);
  if (!decision.ok) throw refusalError(decision.refusal, row, plan);
  return decision.state;
}
