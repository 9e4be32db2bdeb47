// Default plans: a customer holds its group's default plan whenever it holds nothing else there.
import type { Work } from '../db/work.js';

/** Subscribes the customer to the default plan of every group where it holds no live subscription; whether it did. */
export async function restoreDefaultPlans(_work: Work, _projectId: string, _customerId: string, _now: Date): Promise<boolean> {
  return Promise.resolve(false);
}
