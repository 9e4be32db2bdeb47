import type { Caller } from '../http/auth.js';
import type { HandlerContext } from '../http/route.js';
import { recomputeSnapshot } from './snapshot.js';

/**
 * A customer's access sources changed in this request: recompute the snapshot at the next
 * version in the same transaction, and once it commits, cache, share and announce it.
 */
export async function entitlementsChanged(ctx: HandlerContext & { caller: Caller }, customerId: string): Promise<void> {
  const stored = await recomputeSnapshot(ctx.db, ctx.caller.projectId, customerId, ctx.clock.now(), ctx.app.pastDueGraceMs);
  ctx.afterCommit(() => ctx.app.entitlements.published(stored));
}
