// Monthly partitions of the events table, made ahead of the events that will need them.
import { utc } from '@date-fns/utc';
import { addMonths, startOfMonth } from 'date-fns';
import type { Queryable } from '../db/database.js';
import type { ProjectClocks } from '../project-clocks.js';

const name = (month: Date) => `events_y${month.getUTCFullYear()}m${String(month.getUTCMonth() + 1).padStart(2, '0')}`;

/**
 * Ensures a partition for every month from `monthsBack` before `now` to `monthsAhead` after it.
 * Safe to repeat and to run on several instances (create … if not exists).
 */
export async function ensureEventPartitions(db: Queryable, now: Date, monthsBack = 2, monthsAhead = 2): Promise<string[]> {
  const first = startOfMonth(addMonths(now, -monthsBack, { in: utc }), { in: utc });
  const made: string[] = [];
  for (let i = 0; i <= monthsBack + monthsAhead; i++) {
    const from = new Date(addMonths(first, i, { in: utc }).getTime());
    const to = new Date(addMonths(first, i + 1, { in: utc }).getTime());
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
