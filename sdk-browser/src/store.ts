// The entitlement store: the newest snapshot and the connection status, with listeners for
// either and per-feature listeners that hear only of their own feature (zustand's vanilla
// store, with LaunchDarkly's per-key change events).
import { jsonEqual } from './json-equal.js';
import type { Entitlement, Entitlements, NozleStatus } from './types.js';

type Listener = () => void;

export interface EntitlementStore {
  getSnapshot(): Entitlements | null;
  getFeature(feature: string): Entitlement | undefined;
  getStatus(): NozleStatus;
  /** The version held; 0 when none. */
  getVersion(): number;
  subscribe(listener: Listener): () => void;
  subscribeFeature(feature: string, listener: Listener): () => void;
  /** Takes `snapshot` when it is newer than the one held; returns whether it did. */
  apply(snapshot: Entitlements): boolean;
  setStatus(status: NozleStatus): void;
}

export function createStore(initial: Entitlements | null): EntitlementStore {
  let snapshot = initial;
  let status: NozleStatus = 'idle';
  const listeners = new Set<Listener>();
  const featureListeners = new Map<string, Set<Listener>>();

  const notify = (targets: Iterable<Listener> | undefined) => {
    // A copy: a listener may unsubscribe (or subscribe another) while we call them.
    for (const listener of [...(targets ?? [])]) listener();
  };

  return {
    getSnapshot: () => snapshot,
    getFeature: (feature) => (snapshot === null ? undefined : own(snapshot.features, feature)),
    getStatus: () => status,
    getVersion: () => snapshot?.version ?? 0,

    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    subscribeFeature(feature, listener) {
      const group = featureListeners.get(feature) ?? new Set<Listener>();
      featureListeners.set(feature, group);
      group.add(listener);
      return () => {
        group.delete(listener);
        if (group.size === 0 && featureListeners.get(feature) === group) featureListeners.delete(feature);
      };
    },

    apply(next) {
      // Snapshots are whole and versioned: the highest version wins, whatever the arrival order.
      if (snapshot !== null && next.version <= snapshot.version) return false;
      const previous = snapshot;
      snapshot = { ...next, features: keepUnchanged(previous?.features ?? {}, next.features) };
      notify(listeners);
      for (const feature of changedFeatures(previous?.features ?? {}, snapshot.features)) {
        notify(featureListeners.get(feature));
      }
      return true;
    },

    setStatus(next) {
      if (Object.is(status, next)) return;
      status = next;
      notify(listeners);
    },
  };
}

type Features = Entitlements['features'];

/** The new features, reusing the previous object of every entry that is deep-equal to it. */
function keepUnchanged(previous: Features, next: Features): Features {
  // fromEntries defines own properties, so even a key such as "__proto__" stays data.
  return Object.fromEntries(
    Object.entries(next).map(([key, entry]) => {
      const old = own(previous, key);
      return [key, old !== undefined && jsonEqual(old, entry) ? old : entry];
    }),
  );
}

function changedFeatures(previous: Features, next: Features): string[] {
  const keys = new Set([...Object.keys(previous), ...Object.keys(next)]);
  return [...keys].filter((key) => own(previous, key) !== own(next, key));
}

function own(features: Features, key: string): Entitlement | undefined {
  return Object.hasOwn(features, key) ? features[key] : undefined;
}
