// The port through which a slice below the entitlements (customers, catalog) tells them what it
// changed; the entitlement cache implements it and the assembly hands it in.
import type { Work } from './db/work.js';

export interface EntitlementChanges {
  /** The customer's access sources changed in `work`: its snapshot moves to the next version there, and is published once it commits. */
  sourcesChanged(work: Work, projectId: string, customerId: string): Promise<void>;
  /** The customer's identity changed (a new external_id) or it was deleted: held copies are dropped everywhere. Call it once committed. */
  customerChanged(projectId: string, customerId: string, deleted?: boolean): Promise<void>;
  /** The customer was deleted in `work`: its snapshot goes with it there, and held copies everywhere once it commits. */
  customerDeleted(work: Work, projectId: string, customerId: string): Promise<void>;
  /** A feature was added: catalogs held for the project are read again. Call it once committed. */
  featuresChanged(projectId: string): Promise<void>;
  /** Something every snapshot of the project depends on changed in `work` (a meter tie): all are recomputed when next read. */
  projectChanged(work: Work, projectId: string): Promise<void>;
}
