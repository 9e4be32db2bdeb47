// Shown once after the customer left a checkout without paying (`?checkout=canceled`).
import { useEntitlements } from '@nozle/react';
import { currentPlans } from './current-plan.js';

export function CheckoutCanceled() {
  const plans = currentPlans(useEntitlements());
  return (
    <p role="status" className="notice" data-testid="checkout-canceled">
      Checkout canceled: nothing was charged{plans.length > 0 ? `, and you are still on ${plans.join(', ')}` : ''}.
    </p>
  );
}
