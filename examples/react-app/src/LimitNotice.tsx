// Why Send is off at the limit, and what lifts it: the upgrade while there is a bigger plan,
// otherwise the day the count starts again.
import { Checkout, useCan, useEntitlements } from '@nozle/react';
import { checkoutReturnUrls } from './checkout-return.js';
import { currentPlans } from './current-plan.js';

export const LIMIT_NOTICE_ID = 'messages-limit-notice';

export function LimitNotice() {
  const { reason, limit, resetsAt } = useCan('messages');
  const plans = currentPlans(useEntitlements());
  if (reason !== 'limit_reached') return null;
  const resets = typeof resetsAt === 'number' ? new Date(resetsAt * 1000).toLocaleDateString('en-US', { month: 'long', day: 'numeric' }) : null;
  const plan = plans.length > 0 ? `the ${plans.join(', ')} plan` : 'your plan';
  return (
    <div id={LIMIT_NOTICE_ID} className="notice" data-testid="limit-notice">
      <p>
        Send is off: you have sent the {limit} messages {plan} includes this month.
        {resets && ` The count starts again on ${resets}.`}
      </p>
      {!plans.includes('pro') && (
        <Checkout plan="pro" {...checkoutReturnUrls()}>
          Upgrade to Pro for more messages
        </Checkout>
      )}
    </div>
  );
}
