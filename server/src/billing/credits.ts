// Prepaid credit on an invoice: which grants a drafted invoice draws on, and how much. Pure.
//
// Rules: credit covers usage lines only (never the base fee), up to their rounded amounts, so
// credit never makes a total negative. A grant is usable when it has something left and has not
// expired at the period's end (`expires_at` after it), or is a subscription period's grant not yet
// closed (its period's own invoice draws on it, though it expires at that period's end). Grants are drawn earliest expiring first
// (those that never expire last), then oldest first. Each grant drawn gives one `credit` line
// with a negative amount, so `total` = `subtotal` + the credit lines = the sum of every line.
import type { DraftInvoice, DraftLine } from './invoice-lines.js';
import { discountedAmount } from './discounts.js';
import { Exact, formatDecimal } from './money.js';

export interface UsableGrant {
  id: string;
  /** Whole minor units left. */
  remaining: number;
  expiresAt: Date | null;
  createdAt: Date;
  description: string | null;
  /** A subscription period's grant whose period the billing cycle has not closed: usable whatever its expiry. */
  openPeriod?: boolean;
}

export interface Drawdown {
  grantId: string;
  /** Whole minor units, positive. */
  amount: number;
}

/** Earliest expiring first (never expiring last), then oldest first: how invoices and credit reservations draw. */
export const drawOrder = (a: UsableGrant, b: UsableGrant): number => {
  const ea = a.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const eb = b.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
  if (ea !== eb) return ea < eb ? -1 : 1;
  if (a.createdAt.getTime() !== b.createdAt.getTime()) return a.createdAt.getTime() - b.createdAt.getTime();
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

export function applyCredits(draft: DraftInvoice, grants: readonly UsableGrant[], periodEnd: Date): { draft: DraftInvoice; drawdowns: Drawdown[] } {
  // What discounts left of the usage lines (discounts.ts): credit never pays for what was taken off.
  let coverable = draft.lines.filter((line) => line.type === 'usage').reduce((sum, line) => sum.plus(discountedAmount(line)), new Exact(0));
  const usable = grants.filter((g) => g.remaining > 0 && (g.openPeriod === true || g.expiresAt === null || g.expiresAt > periodEnd)).sort(drawOrder);
  const drawdowns: Drawdown[] = [];
  const credits: DraftLine[] = [];
  const period = draft.lines[0] ? { period_start: draft.lines[0].period_start, period_end: draft.lines[0].period_end } : undefined;
  for (const grant of usable) {
    if (!period || coverable.lte(0)) break;
    const amount = Exact.min(coverable, grant.remaining);
    coverable = coverable.minus(amount);
    drawdowns.push({ grantId: grant.id, amount: amount.toNumber() });
    const negative = formatDecimal(amount.negated());
    credits.push({
      type: 'credit',
      description: grant.description ? `Credit: ${grant.description}` : 'Credit',
      price_key: null,
      meter_id: null,
      meter_key: null,
      quantity: '1',
      free_quantity: '0',
      unit_amount: null,
      tiers: [],
      adjustment: null,
      exact_amount: negative,
      amount: negative,
      credit_grant: grant.id,
      ...period,
    });
  }
  const drawn = drawdowns.reduce((sum, d) => sum + d.amount, 0);
  return {
    draft: { ...draft, lines: [...draft.lines, ...credits], total: formatDecimal(new Exact(draft.total).minus(drawn)) },
    drawdowns,
  };
}
