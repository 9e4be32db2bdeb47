// Revenue, cost and margin, grouped, from invoice lines and daily usage rollups. Pure.
//
// Cost of one customer, meter and UTC day: the models in effect that day (effective_from ≤ day <
// effective_to). A model for a property value prices the usage from events with that value; a
// model without one prices the rest of the day's total. Usage no model prices costs nothing.
// Cost is exact (decimal, minor units) and never rounded; `margin` = revenue − cost, exact;
// `margin_percent` = margin ÷ revenue × 100 rounded once, half away from zero, to 2 decimals
// (computed with an exact remainder, never an inexact quotient); null when revenue is 0.
import { Exact, formatDecimal, roundRatio } from '../billing/money.js';

export type GroupBy = 'customer' | 'plan' | 'meter' | 'property';

export interface RevenueLine {
  customerId: string;
  planKey: string;
  /** The usage line's meter; null for base fees and credit. */
  meterKey: string | null;
  /** Whole minor units (negative on credit lines). */
  amount: number;
}

export interface RollupRow {
  customerId: string;
  meterId: string;
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  /** '' on the day's total. */
  property: string;
  value: string;
  quantity: string;
}

export interface CostModelTerms {
  meterId: string;
  property: string | null;
  value: string | null;
  unitCost: string;
  effectiveFrom: Date;
  effectiveTo: Date | null;
}

export interface MarginInput {
  groupBy: GroupBy;
  /** With `property` grouping: the property whose values make the groups. */
  property?: string;
  revenue: readonly RevenueLine[];
  rollups: readonly RollupRow[];
  models: readonly CostModelTerms[];
  meterKeys: ReadonlyMap<string, string>;
  /** The key of the plan the customer was on that day (for `plan` grouping); null if none. */
  planOn?: (customerId: string, day: string) => string | null;
}

interface Figures {
  revenue: number;
  cost: string;
  margin: string;
  margin_percent: string | null;
}

export interface MarginResult {
  groups: Array<{ key: string | null } & Figures>;
  totals: Figures;
}

/** Percent of `part` in `whole` (an integer), 2 decimals, half away from zero; null when whole is 0. */
export function percent(part: Exact, whole: number): string | null {
  if (whole === 0) return null;
  const sign = whole < 0 ? -1 : 1;
  const hundredths = roundRatio(part.times(10_000).times(sign), new Exact(Math.abs(whole)));
  return hundredths.dividedBy(100).toFixed(2);
}

function figures(revenue: number, cost: Exact): Figures {
  const margin = new Exact(revenue).minus(cost);
  return { revenue, cost: formatDecimal(cost), margin: formatDecimal(margin), margin_percent: percent(margin, revenue) };
}

/** Cost parts of one customer, meter and day: by value of `groupProperty` (null = not told apart). */
export function dayCost(rows: readonly RollupRow[], models: readonly CostModelTerms[], groupProperty?: string): Array<{ value: string | null; cost: Exact }> {
  const total = rows.find((r) => r.property === '')?.quantity ?? '0';
  const fallback = models.find((m) => m.property === null);
  const specific = models.filter((m) => m.property !== null);
  const costProperty = specific[0]?.property ?? null;
  const rateOf = (value: string | null) => new Exact((value !== null && specific.find((m) => m.value === value)?.unitCost) || fallback?.unitCost || '0');
  // The property whose rows split the total: the one asked for, if the models allow it.
  const split = groupProperty ?? costProperty;
  if (split === null || (costProperty !== null && split !== costProperty)) {
    // Priced per value of another property: the day's cost cannot be split by this one.
    const cost = costProperty === null ? new Exact(total).times(rateOf(null)) : dayCost(rows, models).reduce((sum, p) => sum.plus(p.cost), new Exact(0));
    return [{ value: null, cost }];
  }
  const parts: Array<{ value: string | null; cost: Exact }> = [];
  let rest = new Exact(total);
  for (const row of rows.filter((r) => r.property === split)) {
    rest = rest.minus(row.quantity);
    parts.push({ value: row.value, cost: new Exact(row.quantity).times(rateOf(row.value)) });
  }
  parts.push({ value: null, cost: rest.times(rateOf(null)) });
  return parts;
}

const inEffect = (model: CostModelTerms, day: string) => {
  const at = new Date(`${day}T00:00:00Z`);
  return model.effectiveFrom <= at && (model.effectiveTo === null || at < model.effectiveTo);
};

export function computeMargin(input: MarginInput): MarginResult {
  const groups = new Map<string | null, { revenue: number; cost: Exact }>();
  const at = (key: string | null) => {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { revenue: 0, cost: new Exact(0) }));
    return group;
  };
  for (const line of input.revenue) {
    const key = input.groupBy === 'customer' ? line.customerId : input.groupBy === 'plan' ? line.planKey : input.groupBy === 'meter' ? line.meterKey : null;
    at(key).revenue += line.amount;
  }
  const days = new Map<string, RollupRow[]>();
  for (const row of input.rollups) {
    const key = JSON.stringify([row.customerId, row.meterId, row.day]);
    days.set(key, [...(days.get(key) ?? []), row]);
  }
  for (const rows of days.values()) {
    const { customerId, meterId, day } = rows[0]!;
    const models = input.models.filter((m) => m.meterId === meterId && inEffect(m, day));
    if (models.length === 0) continue;
    for (const part of dayCost(rows, models, input.groupBy === 'property' ? input.property : undefined)) {
      const key =
        input.groupBy === 'customer'
          ? customerId
          : input.groupBy === 'plan'
            ? (input.planOn?.(customerId, day) ?? null)
            : input.groupBy === 'meter'
              ? (input.meterKeys.get(meterId) ?? meterId)
              : part.value;
      at(key).cost = at(key).cost.plus(part.cost);
    }
  }
  const sorted = [...groups.entries()].sort(([a], [b]) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1));
  const totalRevenue = sorted.reduce((sum, [, g]) => sum + g.revenue, 0);
  const totalCost = sorted.reduce((sum, [, g]) => sum.plus(g.cost), new Exact(0));
  return {
    groups: sorted.map(([key, g]) => ({ key, ...figures(g.revenue, g.cost) })),
    totals: figures(totalRevenue, totalCost),
  };
}

/** MRR in whole minor units: monthly base prices, a yearly one counting a twelfth, summed exactly, rounded once. */
export function monthlyRecurring(subscriptions: ReadonlyArray<{ basePrice: number; interval: 'month' | 'year' }>): number {
  const twelfths = subscriptions.reduce((sum, s) => sum.plus(new Exact(s.basePrice).times(s.interval === 'month' ? 12 : 1)), new Exact(0));
  return roundRatio(twelfths, new Exact(12)).toNumber();
}
