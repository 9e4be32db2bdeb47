// Whether a new snapshot changes what the customer may use, not only how much it used: the
// `customer.entitlements.updated` webhook is sent for those (usage counting up within a limit
// is not news to a backend; crossing the limit is, as `allowed` changes then).
import type { Snapshot, SnapshotFeature } from './snapshot.js';

/** A feature without the numbers usage moves. */
function gist(feature: SnapshotFeature): Omit<SnapshotFeature, 'used' | 'remaining'> {
  const { used: _used, remaining: _remaining, ...rest } = feature as SnapshotFeature & { used?: unknown; remaining?: unknown };
  return rest;
}

const gistOf = (snapshot: Pick<Snapshot, 'features'>): string =>
  JSON.stringify(
    Object.keys(snapshot.features)
      .sort()
      .map((key) => [key, gist(snapshot.features[key]!)]),
  );

/** True when `next` grants something other than `previous` did (or there was none before). */
export function accessChanged(previous: Pick<Snapshot, 'features'> | null, next: Pick<Snapshot, 'features'>): boolean {
  return previous === null || gistOf(previous) !== gistOf(next);
}
