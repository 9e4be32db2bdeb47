// Spending prepaid credit outside an invoice (a credit reservation's commit), pure: which grants
// pay for an amount at an instant, drawn in the order invoices draw them.
import { drawOrder, type Drawdown, type UsableGrant } from './credits.js';

/** A grant pays at `now` while it has something left and has not expired (an open period's grant always does). */
const usableAt = (grant: UsableGrant, now: Date): boolean =>
  grant.remaining > 0 && (grant.openPeriod === true || grant.expiresAt === null || grant.expiresAt > now);

/** The draws that pay `amount` whole minor units at `now`; null when the usable grants hold less. */
export function spendPlan(grants: readonly UsableGrant[], amount: number, now: Date): Drawdown[] | null {
  const drawdowns: Drawdown[] = [];
  let left = amount;
  for (const grant of grants.filter((g) => usableAt(g, now)).sort(drawOrder)) {
    if (left === 0) break;
    const take = Math.min(left, grant.remaining);
    drawdowns.push({ grantId: grant.id, amount: take });
    left -= take;
  }
  return left === 0 ? drawdowns : null;
}
