// A change in progress, as a domain function sees it: where its statements run, the instant it
// happens at, and what to do once it has committed. A route, a job or a test builds one alike.
import type { Queryable } from './database.js';

export interface Work {
  /** The open transaction (or the database itself, for reads). */
  db: Queryable;
  /** The project's time for this change (its sandbox test clock). */
  now: Date;
  /** Runs `fn` once the transaction has committed (never if it rolls back). */
  afterCommit(fn: () => Promise<void>): void;
}
