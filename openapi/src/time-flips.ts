// What a held snapshot says at a later instant with no word from the server: the browser store
// and the Node local copy both flip by it at `valid_until` (to `upcoming`), at a metered
// feature's `resets_at` (usage back to 0) and at a reached alert's `period_end` (its period is
// over), so an offline client changes when the server would.
import type { components } from './generated/schema.js';

type Entitlements = components['schemas']['Entitlements'];
type Entitlement = components['schemas']['Entitlement'];
type ReachedAlert = components['schemas']['ReachedAlert'];

/**
 * The snapshot as it stands at `nowMs` (on the server's clock): its `upcoming` state once
 * `valid_until` is reached, then every metered feature whose `resets_at` is reached with
 * `used` 0. Pure; returns `snapshot` itself when nothing changed yet.
 *
 * Past `valid_until` with no `upcoming` (an older server), only usage resets are known: the
 * rest stays as it was, and `valid_until` stays in the past so the caller knows to ask again.
 */
export function snapshotAt(snapshot: Entitlements, nowMs: number): Entitlements {
  // The hot path (a Node can() calls this): valid_until is never after a resets_at (the server
  // counts resets among its instants), so before it only a reached alert's period can end.
  if (snapshot.valid_until === null || nowMs < snapshot.valid_until * 1000) return withoutEndedAlerts(snapshot, nowMs);
  let current = snapshot;
  const { upcoming } = snapshot;
  if (upcoming) {
    current = { ...snapshot, computed: snapshot.valid_until, valid_until: upcoming.valid_until, features: upcoming.features };
    if (upcoming.credits !== undefined) current.credits = upcoming.credits;
    // One step ahead only: what follows is the server's to say.
    delete current.upcoming;
  }
  return withoutEndedAlerts(withUsageReset(current, nowMs), nowMs);
}

/**
 * The next instant (Unix ms) after `nowMs` at which {@link snapshotAt} gives something else,
 * or at which the snapshot stops being current (`valid_until`, upcoming or not); null if never.
 */
export function nextChangeMs(snapshot: Entitlements, nowMs: number): number | null {
  let next: number | null = null;
  const consider = (seconds: number | null | undefined) => {
    if (seconds === null || seconds === undefined) return;
    const ms = seconds * 1000;
    if (ms > nowMs && (next === null || ms < next)) next = ms;
  };
  consider(snapshot.valid_until);
  for (const entitlement of Object.values(snapshot.features)) consider(entitlement.resets_at);
  for (const alert of snapshot.alerts ?? []) consider(alert.period_end);
  return next;
}

const ended = (alert: ReachedAlert, nowMs: number): boolean => typeof alert.period_end === 'number' && nowMs >= alert.period_end * 1000;

/** A reached alert whose period is over is no longer reached (the next period starts from nothing). */
function withoutEndedAlerts(snapshot: Entitlements, nowMs: number): Entitlements {
  const { alerts } = snapshot;
  if (alerts === undefined || !alerts.some((alert) => ended(alert, nowMs))) return snapshot;
  const left = alerts.filter((alert) => !ended(alert, nowMs));
  if (left.length > 0) return { ...snapshot, alerts: left };
  const { alerts: _ended, ...rest } = snapshot;
  return rest;
}

function withUsageReset(snapshot: Entitlements, nowMs: number): Entitlements {
  let features: Entitlements['features'] | undefined;
  for (const [key, entitlement] of Object.entries(snapshot.features)) {
    if (!isReached(entitlement, nowMs) || entitlement.used === 0) continue;
    features ??= { ...snapshot.features };
    // Defined as data (a key such as "__proto__" stays a feature).
    Object.defineProperty(features, key, { value: resetUsage(entitlement), enumerable: true, writable: true, configurable: true });
  }
  return features === undefined ? snapshot : { ...snapshot, features };
}

function isReached(entitlement: Entitlement, nowMs: number): boolean {
  return entitlement.type === 'metered' && typeof entitlement.resets_at === 'number' && nowMs >= entitlement.resets_at * 1000;
}

/**
 * A new period has begun: nothing used in it yet. Its end is not known here (the period
 * arithmetic is the server's), so `resets_at` keeps the old boundary until the server answers.
 */
function resetUsage(entitlement: Entitlement): Entitlement {
  const limit = entitlement.limit ?? null;
  return { ...entitlement, used: 0, remaining: limit, period_start: entitlement.resets_at ?? entitlement.period_start };
}
