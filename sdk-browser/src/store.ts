// The entitlement store: the newest snapshot and the connection status, with listeners for
// either and per-feature listeners that hear only of their own feature (zustand's vanilla
// store, with LaunchDarkly's per-key change events).
import { nextChangeMs, snapshotAt } from '@nozle/openapi';
import { jsonEqual } from './json-equal.js';
import type { Entitlement, Entitlements, NozleStatus, ReachedAlert } from './types.js';

type Listener = () => void;

export interface EntitlementStore {
  getSnapshot(): Entitlements | null;
  getFeature(feature: string): Entitlement | undefined;
  /** The alerts the customer has reached (the snapshot's `alerts`); the same array while they are unchanged. */
  getAlerts(): readonly ReachedAlert[];
  getStatus(): NozleStatus;
  /** The version held; 0 when none. */
  getVersion(): number;
  subscribe(listener: Listener): () => void;
  subscribeFeature(feature: string, listener: Listener): () => void;
  /** Calls `listener` only when `getAlerts()` changes: an alert reached, or one that no longer is. */
  subscribeAlerts(listener: Listener): () => void;
  /**
   * Takes `snapshot` when it is newer than the one held; returns whether it did. `serverNowMs`
   * (the server's time when it sent it) sets the clock the snapshot is flipped by offline.
   */
  apply(snapshot: Entitlements, serverNowMs?: number): boolean;
  setStatus(status: NozleStatus): void;
  /**
   * The server (or the bootstrap) says the customer does not exist: checks answer
   * `customer_not_found` until a snapshot arrives.
   */
  markCustomerMissing(): void;
  isCustomerMissing(): boolean;
  /**
   * Shows the server's snapshot as it stands now (`snapshotAt`): its upcoming state past
   * `valid_until`, usage reset past `resets_at`. Only the features that change are notified.
   */
  refresh(): void;
  /** Milliseconds from now until the snapshot held changes with time alone; null if never. */
  msUntilChange(): number | null;
}

export function createStore(initial: Entitlements | null, customerMissing = false): EntitlementStore {
  // The newest snapshot from the server, and how far the server's clock is ahead of ours (a
  // project's test clock, or skew): what it says is read on the server's clock.
  let received = initial;
  let serverAheadMs = 0;
  const serverNow = () => Date.now() + serverAheadMs;
  // What it says now: what getSnapshot() hands out, recomputed only on a new snapshot or a flip.
  let snapshot = initial === null ? null : snapshotAt(initial, serverNow());
  let status: NozleStatus = 'idle';
  let missing = customerMissing && initial === null;
  let alerts: readonly ReachedAlert[] = alertsOf(snapshot);
  const listeners = new Set<Listener>();
  const featureListeners = new Map<string, Set<Listener>>();
  const alertListeners = new Set<Listener>();

  const notify = (targets: Iterable<Listener> | undefined) => {
    // A copy: a listener may unsubscribe (or subscribe another) while we call them.
    for (const listener of [...(targets ?? [])]) listener();
  };

  const show = (next: Entitlements) => {
    const previous = snapshot;
    snapshot = { ...next, features: keepUnchanged(previous?.features ?? {}, next.features) };
    const nextAlerts = alertsOf(next);
    const alertsChanged = !jsonEqual(alerts, nextAlerts);
    if (alertsChanged) alerts = nextAlerts;
    notify(listeners);
    for (const feature of changedFeatures(previous?.features ?? {}, snapshot.features)) {
      notify(featureListeners.get(feature));
    }
    if (alertsChanged) notify(alertListeners);
  };

  return {
    getSnapshot: () => snapshot,
    getFeature: (feature) => (snapshot === null ? undefined : own(snapshot.features, feature)),
    getAlerts: () => alerts,
    getStatus: () => status,
    getVersion: () => received?.version ?? 0,

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

    subscribeAlerts(listener) {
      alertListeners.add(listener);
      return () => {
        alertListeners.delete(listener);
      };
    },

    apply(next, serverNowMs) {
      // Snapshots are whole and versioned: the highest version wins, whatever the arrival order.
      if (received !== null && next.version <= received.version) return false;
      received = next;
      missing = false;
      if (serverNowMs !== undefined) serverAheadMs = serverNowMs - Date.now();
      show(snapshotAt(next, serverNow()));
      return true;
    },

    refresh() {
      if (received === null || snapshot === null) return;
      const next = snapshotAt(received, serverNow());
      // Nothing reached yet (or already shown): nobody hears of it.
      if (next.valid_until === snapshot.valid_until && sameFeatures(next.features, snapshot.features) && jsonEqual(alertsOf(next), alerts)) return;
      show(next);
    },

    msUntilChange() {
      if (snapshot === null) return null;
      const now = serverNow();
      const at = nextChangeMs(snapshot, now);
      return at === null ? null : at - now;
    },

    setStatus(next) {
      if (Object.is(status, next)) return;
      status = next;
      notify(listeners);
    },

    markCustomerMissing() {
      if (missing) return;
      missing = true;
      notify(listeners);
    },

    isCustomerMissing: () => missing,
  };
}

type Features = Entitlements['features'];

const NO_ALERTS: readonly ReachedAlert[] = Object.freeze([]);

/** The snapshot's alerts; one shared empty list when it has none (absent from older servers). */
const alertsOf = (snapshot: Entitlements | null): readonly ReachedAlert[] => (snapshot?.alerts?.length ? snapshot.alerts : NO_ALERTS);

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

function sameFeatures(a: Features, b: Features): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => own(b, key) !== undefined && jsonEqual(own(a, key), own(b, key)));
}

function changedFeatures(previous: Features, next: Features): string[] {
  const keys = new Set([...Object.keys(previous), ...Object.keys(next)]);
  return [...keys].filter((key) => own(previous, key) !== own(next, key));
}

function own(features: Features, key: string): Entitlement | undefined {
  return Object.hasOwn(features, key) ? features[key] : undefined;
}
