// Monthly partitions of the events table, made ahead of the events that will need them.
import type { Queryable } from '../db/database.js';
import type { ProjectClocks } from '../project-clocks.js';
import { calendarMonth, periodBoundary } from '../time/periods.js';

const name = (month: Date) => `events_y${month.getUTCFullYear()}m${String(month.getUTCMonth() + 1).padStart(2, '0')}`;

/**
 * Ensures a partition for every month from `monthsBack` before `now` to `monthsAhead` after it.
 * Safe to repeat and to run on several instances (create … if not exists).
 */
export async function ensureEventPartitions(db: Queryable, now: Date, monthsBack = 2, monthsAhead = 2): Promise<string[]> {
  const first = calendarMonth(periodBoundary(now, 'month', -monthsBack)).start;
  const made: string[] = [];
  for (let i = 0; i <= monthsBack + monthsAhead; i++) {
    const from = periodBoundary(first, 'month', i);
    const to = periodBoundary(first, 'month', i + 1);
    const table = name(from);
    try {
      await db.query(`create table if not exists ${table} partition of events for values from ('${from.toISOString()}') to ('${to.toISOString()}')`);
      made.push(table);
    } catch (error) {
      // Two instances racing on the same month: the other one made it.
      if ((error as { code?: string }).code !== '42P07') throw error;
    }
  }
  return made;
}

/** Partitions for the months around the server's time and around every project's test clock. */
export async function ensureAllEventPartitions(db: Queryable, clocks: ProjectClocks): Promise<void> {
  for (const now of [clocks.now(), ...clocks.projectNows()]) await ensureEventPartitions(db, now);
}
