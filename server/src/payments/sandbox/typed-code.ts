// A promotion code the buyer typed on the sandbox's checkout page (a session that allows it):
// checked with the same redeem rules as one given through the API, then kept on the session,
// where the completion finds it (and counts it) as it finds a given one.
import type { Plan } from '../../catalog/plans-store.js';
import type { Queryable } from '../../db/database.js';
import { ApiError } from '../../http/errors.js';
import { checkoutDiscount } from '../checkout-discount.js';
import { setSessionPromotionCode, type HostedSessionRow } from '../store.js';

/** Takes the typed code (none typed: nothing); answers why it was refused, or null. */
export async function takeTypedCode(tx: Queryable, session: HostedSessionRow, plan: Plan, typed: string, now: Date): Promise<string | null> {
  const code = typed.trim();
  if (code === '' || !session.allow_promotion_codes) return null;
  try {
    const { applied } = await checkoutDiscount(
      tx,
      session.project_id,
      { customerId: session.customer_id, plan, quantity: session.quantity },
      { promotion_code: code },
      now,
    );
    await setSessionPromotionCode(tx, session.id, applied!.code!.id);
    return null;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return `No promotion code '${code}' is active.`;
    if (error instanceof ApiError && error.status === 400) return `Promotion code '${code}': ${error.message}`;
    throw error;
  }
}
