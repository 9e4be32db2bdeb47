// What the catalog needs from the slices above it, declared here and handed in at assembly: a
// definition changes what they keep (counters, subscriptions, the rating of prices).
import type { Queryable } from '../db/database.js';
import type { Work } from '../db/work.js';
import type { Meter } from './meters-store.js';
import type { PriceCheck } from './prices.js';

/** The live subscriptions of a plan at other versions than a target (access keeps subscriptions). */
interface PlanHolders {
  /** The customers holding the plan at another version than `toVersion` (at `fromVersion` only, when given), in id order. */
  customersToMigrate(db: Queryable, planId: string, toVersion: number, fromVersion: number | undefined): Promise<string[]>;
  /** Moves those subscriptions to `toVersion`; answers how many moved. */
  moveSubscriptionsToVersion(db: Queryable, planId: string, toVersion: number, fromVersion: number | undefined, now: Date): Promise<number>;
}

export interface CatalogPorts {
  /** Billing's rating rule on a usage price being written. */
  checkPrice: PriceCheck;
  /** A metered feature was tied to `meter` in `work`: usage counts each customer's current period of it from the events once. */
  meterTied(work: Work, projectId: string, feature: string, meter: Meter): Promise<void>;
  planHolders: PlanHolders;
}
