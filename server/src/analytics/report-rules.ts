// The rules of what analytics accepts, pure: whole UTC days (rollups are by day), a bounded
// window, and which meters a cost model may price.
import type { Meter } from '../catalog/meters-store.js';
import { invalidParam } from '../http/errors.js';
import type { MarginQuery } from './margin-report.js';
import type { GroupBy } from './margin.js';

const DAY = 86_400;
const MAX_WINDOW_DAYS = 400;

/** Rollups are by UTC day, so windows and effective dates are whole days. */
const wholeDay = (param: string, seconds: number): Date => {
  if (seconds % DAY !== 0) throw invalidParam(param, `${param} must be midnight UTC (rollups are by day).`);
  return new Date(seconds * 1000);
};

/** Cost models price meters that roll up by day. */
export function checkCostedMeter(meter: Pick<Meter, 'key' | 'aggregation'>): void {
  if (meter.aggregation !== 'sum' && meter.aggregation !== 'count') {
    throw invalidParam('meter', `Cost models price 'sum' and 'count' meters (those roll up by day); '${meter.key}' is '${meter.aggregation}'.`);
  }
}

/** A cost model's effective window: from the start of time, open-ended, each bound a whole day, the end after the start. */
export function effectiveWindow(params: { property?: string; value?: string; effective_from?: number; effective_to?: number }): {
  effectiveFrom: Date;
  effectiveTo: Date | null;
} {
  if ((params.property === undefined) !== (params.value === undefined)) {
    throw invalidParam(params.property === undefined ? 'property' : 'value', 'property and value go together.');
  }
  const effectiveFrom = params.effective_from === undefined ? new Date(0) : wholeDay('effective_from', params.effective_from);
  const effectiveTo = params.effective_to === undefined ? null : wholeDay('effective_to', params.effective_to);
  if (effectiveTo && effectiveTo <= effectiveFrom) throw invalidParam('effective_to', 'effective_to must be after effective_from.');
  return { effectiveFrom, effectiveTo };
}

/** The margin report's query, checked: whole days, end after start, at most MAX_WINDOW_DAYS, a property to group by when asked. */
export function marginQuery(params: { start: number; end: number; group_by?: GroupBy; property?: string; currency?: string }): MarginQuery {
  const start = wholeDay('start', params.start);
  const end = wholeDay('end', params.end);
  if (end <= start) throw invalidParam('end', 'end must be after start.');
  if (params.end - params.start > MAX_WINDOW_DAYS * DAY) throw invalidParam('end', `The window may be at most ${MAX_WINDOW_DAYS} days.`);
  const groupBy = params.group_by ?? 'customer';
  if (groupBy === 'property' && !params.property) throw invalidParam('property', 'group_by=property needs the property to group by.');
  return { start, end, groupBy, ...(params.property ? { property: params.property } : {}), currency: params.currency ?? 'usd' };
}
