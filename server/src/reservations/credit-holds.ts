// The credit a customer can spend: its grants' balances less what its credit reservations hold.
// This is the balance every snapshot shows (SnapshotInputs.credits), so `POST /v1/check`'s credit
// requirement, the credit alerts and auto top-up all count held credit as spoken for.
import { creditBalances } from '../billing/credits-store.js';
import type { Queryable } from '../db/database.js';
import { heldCredits } from './store.js';

export async function availableCredits(db: Queryable, customerId: string, now: Date): Promise<{ balances: Record<string, number>; nextExpiry: Date | null }> {
  const granted = await creditBalances(db, customerId, now);
  // Every snapshot reads this: a customer without credit (most) has no hold worth a query (a hold
  // needed a balance, and with none left it would change nothing shown).
  if (Object.keys(granted.balances).length === 0) return granted;
  const held = await heldCredits(db, customerId, now);
  if (held.byCurrency.size === 0) return granted;
  const balances: Record<string, number> = {};
  // A grant that expired under a hold can leave less than is held: the balance reads 0, not below.
  for (const [currency, balance] of Object.entries(granted.balances)) balances[currency] = Math.max(0, balance - (held.byCurrency.get(currency) ?? 0));
  const expiries = [granted.nextExpiry, held.nextExpiry].filter((d): d is Date => d !== null);
  return { balances, nextExpiry: expiries.length > 0 ? new Date(Math.min(...expiries.map((d) => d.getTime()))) : null };
}
