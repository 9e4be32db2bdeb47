// A snapshot's `upcoming` state: what its features become at its valid_until with time alone,
// so a client that cannot hear from the server then still flips at the instant (docs/realtime.md).
// The engine itself, run at that instant; usage counted so far in the periods current then.
import { computeEntitlements } from './engine.js';
import type { EngineInput, EngineResult } from './types.js';

/** The engine's answer at `at` (the snapshot's valid_until), over the same sources. */
export function resultAt(input: EngineInput, at: Date): EngineResult {
  return computeEntitlements({ ...input, now: at });
}

/**
 * The metered features of `upcoming` whose usage period is not the one of `current`: their
 * `used` must be read again (0 for a period that starts at the instant). The others keep theirs.
 */
export function periodsChanged(current: EngineResult, upcoming: EngineResult): boolean {
  return Object.entries(upcoming.features).some(([key, next]) => {
    if (next.type !== 'metered' || !next.access || !next.periodStart) return false;
    const now = current.features[key];
    return now?.periodStart?.getTime() !== next.periodStart.getTime() || (now.resetsAt?.getTime() ?? null) !== (next.resetsAt?.getTime() ?? null);
  });
}
