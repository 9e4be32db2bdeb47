// What makes a meter's definition coherent, checked when it is created. Pure.
import { invalidParam } from '../http/errors.js';
import type { Aggregation } from './meters-store.js';

/** Aggregations that read a number from `property` (and so may allow negative ones). */
const readsNumbers = (aggregation: Aggregation): boolean => aggregation === 'sum' || aggregation === 'max' || aggregation === 'latest';

/** Throws the 400 naming what does not fit the aggregation. */
export function checkMeterDefinition(meter: { aggregation: Aggregation; property?: string; allow_negative?: boolean }): void {
  if (meter.aggregation !== 'count' && meter.property === undefined) {
    throw invalidParam('property', `A ${meter.aggregation} meter reads a property of each event: name it.`, 'parameter_missing');
  }
  if (meter.allow_negative === true && !readsNumbers(meter.aggregation)) {
    throw invalidParam(
      'allow_negative',
      `A ${meter.aggregation} meter reads no number that could be negative; allow_negative is for sum, max and latest meters.`,
    );
  }
}
