// Serves snapshots from memory. Redis (when configured) is the shared second level, the bus
// tells every instance "customer X is now at version N", and the database is the truth.
// A cache never takes a snapshot older than the newest version it has seen or heard of.
// When the bus is down, announcements are lost: held copies are checked against the database
// once older than `maxStalenessMs`, and all of them once the bus is back (docs/consistency.md).
import { performance } from 'node:perf_hooks';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import { DEFAULT_MAX_STALENESS_MS, subscribeSoon, type Bus, type Gap } from '../bus/bus.js';
import { clockFor, type Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import type { Work } from '../db/work.js';
import type { EntitlementChanges } from '../entitlement-changes.js';
import { findCustomer } from '../customers/store.js';
import { featureDefinitions } from '../catalog/features-store.js';
import type { FeatureType } from './types.js';
import type { StoredSnapshot } from './snapshot.js';
import { deleteSnapshot, expireSnapshots, readStoredSnapshot } from './snapshot-rows.js';
import type { Snapshots } from './snapshots.js';
import type { SnapshotStore } from './snapshot-store.js';
import { snapshotsWrittenSince, snapshotVersions, type SnapshotVersion } from './snapshot-versions.js';

export const CHANNEL = 'nozle:changes';

type ChangeMessage =
  | { kind: 'entitlements'; project: string; customer: string; version: number }
  | { kind: 'customer'; project: string; customer: string; deleted: boolean }
  | { kind: 'features'; project: string }
  | { kind: 'project'; project: string; staleBefore: number };

/** What a backend streaming a whole project must hear besides new snapshots. */
export type ProjectEvent = { kind: 'deleted'; project: string; customer: string } | { kind: 'stale'; project: string };

interface EntitlementCacheOptions {
  db: Database;
  bus: Bus;
  /** Each project's time is `clockFor(clock, project)`: its test clock in the sandbox. */
  clock: Clock;
  logger: Logger;
  /** What computes and stores snapshots (built once at assembly, with what they read from above). */
  snapshots: Snapshots;
  /** The shared second level; none without Redis. */
  store?: SnapshotStore;
  maxCustomers?: number;
  /** While the bus is down, a held snapshot last checked longer ago than this is checked again before it is served. */
  maxStalenessMs?: number;
}

/** How many held customers one revalidation query checks. */
const REVALIDATE_BATCH = 500;
/** Snapshots are stamped with their writer's clock: look this far before a gap began for what it hid. */
const WRITER_CLOCK_MARGIN_MS = 60_000;
/** The shortest interval between checks of watched customers while the bus is down. */
const MIN_SWEEP_MS = 250;
/** Announcements kept to send again once the bus is back (the latest per customer). */
const MAX_UNSENT = 10_000;

interface Held {
  stored: StoredSnapshot;
  /** When it was last known current (performance.now()): loaded, or checked against the database. */
  verifiedAt: number;
}

export class EntitlementCache implements EntitlementChanges {
  readonly #o: EntitlementCacheOptions;
  /** What computes and stores the snapshots this cache serves; for anyone who recomputes one in a change. */
  readonly snapshots: Snapshots;
  readonly #snapshots: LRUCache<string, Held>;
  /** The newest version the bus announced per customer, even when its snapshot is not held. */
  readonly #announced: LRUCache<string, number>;
  /** `${project}:${id or external_id}` → customer id. */
  readonly #refs: LRUCache<string, string>;
  /** project → the catalog: feature key → type. */
  readonly #catalog: LRUCache<string, Map<string, FeatureType>>;
  /** Customers someone listens to (realtime clients): always refreshed on an announcement. */
  readonly #watched = new Map<string, number>();
  readonly #listeners = new Set<(stored: StoredSnapshot) => void>();
  readonly #projectListeners = new Set<(event: ProjectEvent) => void>();
  /** project → snapshots computed before this instant are stale (a project-wide change). */
  readonly #staleBefore = new Map<string, number>();
  /** Announcements the bus refused, sent again after its gap so other instances hear them late rather than never. */
  readonly #unsent = new Map<string, ChangeMessage>();
  readonly #maxStalenessMs: number;
  #unsubscribe: (() => Promise<void>) | undefined;
  #stopGaps: (() => void) | undefined;
  #sweepTimer: NodeJS.Timeout | undefined;
  #sweeping = false;

  constructor(options: EntitlementCacheOptions) {
    this.#o = options;
    this.snapshots = options.snapshots;
    const max = options.maxCustomers ?? 50_000;
    this.#snapshots = new LRUCache({ max });
    this.#announced = new LRUCache({ max });
    this.#refs = new LRUCache({ max });
    this.#catalog = new LRUCache({ max: 10_000 });
    this.#maxStalenessMs = options.maxStalenessMs ?? DEFAULT_MAX_STALENESS_MS;
  }

  /** Listens for changes (without hanging when Redis is down: checks then use the database). */
  async start(): Promise<void> {
    this.#stopGaps = this.#o.bus.onGap((gap) =>
      this.#afterGap(gap).catch((error: unknown) => this.#o.logger.warn({ err: error }, 'could not revalidate the cache after a bus gap')),
    );
    this.#sweepTimer = setInterval(() => this.#sweepWatched(), Math.max(this.#maxStalenessMs, MIN_SWEEP_MS));
    this.#sweepTimer.unref();
    this.#unsubscribe = await subscribeSoon(this.#o.bus, CHANNEL, (raw) => this.#onMessage(raw));
  }

  async stop(): Promise<void> {
    clearInterval(this.#sweepTimer);
    this.#stopGaps?.();
    await this.#unsubscribe?.();
  }

  /** The customer's current snapshot: memory, then Redis, then the database (recomputing when time moved it on). */
  async snapshot(projectId: string, customerId: string): Promise<StoredSnapshot> {
    const key = `${projectId}:${customerId}`;
    const held = this.#snapshots.get(key);
    if (held && this.#usable(key, held.stored)) {
      // The bus is what keeps held copies current; without it, past the bound, ask the database.
      if (this.#o.bus.healthy() || performance.now() - held.verifiedAt < this.#maxStalenessMs) return held.stored;
      if (await this.#stillCurrent(key, held)) return held.stored;
    }

    // Nothing says the shared copy is current while the bus is down (it missed the same changes).
    const shared = this.#o.bus.healthy() ? await this.#o.store?.get(customerId) : undefined;
    if (shared && shared.projectId === projectId && this.#usable(key, shared)) {
      this.#accept(shared);
      return shared;
    }
    return this.#load(projectId, customerId);
  }

  /** Reads the snapshot from the database (recomputing when time moved it on), keeps and shares it. */
  async #load(projectId: string, customerId: string): Promise<StoredSnapshot> {
    let stored = await readStoredSnapshot(this.#o.db, projectId, customerId);
    if (!stored || !this.#fresh(stored)) stored = await this.#recompute(projectId, customerId);
    this.#accept(stored);
    void this.#o.store?.put(stored);
    return stored;
  }

  /** Keeps `customerId` fresh in memory while watched (counted: several clients may watch one). */
  watch(projectId: string, customerId: string): () => void {
    const key = `${projectId}:${customerId}`;
    this.#watched.set(key, (this.#watched.get(key) ?? 0) + 1);
    return () => {
      const left = (this.#watched.get(key) ?? 1) - 1;
      if (left <= 0) this.#watched.delete(key);
      else this.#watched.set(key, left);
    };
  }

  /** Keeps every announced customer of the project fresh while watched (a backend streaming it). */
  watchProject(projectId: string): () => void {
    return this.watch(projectId, '*');
  }

  /** Called with every snapshot this cache takes that is newer than the one it held. */
  onSnapshot(listener: (stored: StoredSnapshot) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Called when a customer is deleted or all of a project's snapshots went stale (on any instance). */
  onProjectEvent(listener: (event: ProjectEvent) => void): () => void {
    this.#projectListeners.add(listener);
    return () => this.#projectListeners.delete(listener);
  }

  /** Resolves an id or external_id to the customer's id (404 when there is none). */
  async customerId(projectId: string, ref: string): Promise<string> {
    const key = `${projectId}:${ref}`;
    const cached = this.#refs.get(key);
    if (cached) return cached;
    const customer = await findCustomer(this.#o.db, projectId, ref);
    this.#refs.set(key, customer.id);
    return customer.id;
  }

  /** The project's features (key → type), cached until a feature is created. */
  async catalog(projectId: string): Promise<ReadonlyMap<string, FeatureType>> {
    let catalog = this.#catalog.get(projectId);
    if (!catalog) {
      catalog = new Map((await featureDefinitions(this.#o.db, projectId)).map((definition) => [definition.key, definition.type]));
      this.#catalog.set(projectId, catalog);
    }
    return catalog;
  }

  /** After a change committed: keep it here, share it through Redis, announce it to every instance. */
  async published(stored: StoredSnapshot): Promise<void> {
    this.#accept(stored);
    await this.#o.store?.put(stored);
    await this.#announce({ kind: 'entitlements', project: stored.projectId, customer: stored.snapshot.customer, version: stored.snapshot.version });
  }

  /** The customer's access sources changed in `work`: the next version is stored there and published once it commits. */
  async sourcesChanged(work: Work, projectId: string, customerId: string): Promise<void> {
    const stored = await this.snapshots.recompute(work.db, projectId, customerId, work.now);
    work.afterCommit(() => this.published(stored));
  }

  /** A customer was deleted or its external_id changed: every instance forgets its lookups. */
  async customerChanged(projectId: string, customerId: string, deleted = false): Promise<void> {
    this.#onCustomer(projectId, customerId, deleted);
    await this.#announce({ kind: 'customer', project: projectId, customer: customerId, deleted });
  }

  /** The customer was deleted in `work`: its snapshot goes there, and every instance drops it once that commits. */
  async customerDeleted(work: Work, projectId: string, customerId: string): Promise<void> {
    await deleteSnapshot(work.db, customerId);
    work.afterCommit(() => this.customerChanged(projectId, customerId, true));
  }

  /** Every snapshot of the project goes stale in `work` (its rows expire there); every instance learns once it commits. */
  async projectChanged(work: Work, projectId: string): Promise<void> {
    await expireSnapshots(work.db, projectId);
    work.afterCommit(async () => {
      const staleBefore = this.#now(projectId);
      this.#forgetProject(projectId, staleBefore);
      await this.#announce({ kind: 'project', project: projectId, staleBefore });
    });
  }

  async featuresChanged(projectId: string): Promise<void> {
    this.#catalog.delete(projectId);
    await this.#announce({ kind: 'features', project: projectId });
  }

  /** Recomputes one customer's snapshot in its own transaction (time moved past valid_until). */
  async #recompute(projectId: string, customerId: string): Promise<StoredSnapshot> {
    const stored = await this.#o.db.transaction(async (tx) => {
      await findCustomer(tx, projectId, customerId, true);
      const current = await readStoredSnapshot(tx, projectId, customerId);
      // Another instance may have done it while we waited for the lock.
      if (current && this.#fresh(current)) return current;
      return this.snapshots.recompute(tx, projectId, customerId, new Date(this.#now(projectId)));
    });
    await this.#announce({ kind: 'entitlements', project: projectId, customer: customerId, version: stored.snapshot.version });
    return stored;
  }

  #fresh(stored: StoredSnapshot): boolean {
    return stored.validUntilMs === null || this.#now(stored.projectId) < stored.validUntilMs;
  }

  /** The project's time, in milliseconds. */
  #now(projectId: string): number {
    return clockFor(this.#o.clock, projectId).now().getTime();
  }

  #usable(key: string, stored: StoredSnapshot): boolean {
    return (
      this.#fresh(stored) && stored.snapshot.version >= (this.#announced.get(key) ?? 0) && stored.computedAtMs >= (this.#staleBefore.get(stored.projectId) ?? 0)
    );
  }

  /** Keeps `stored` unless a newer version is held or was announced. */
  #accept(stored: StoredSnapshot): void {
    const key = `${stored.projectId}:${stored.snapshot.customer}`;
    const held = this.#snapshots.get(key);
    if (held && held.stored.snapshot.version >= stored.snapshot.version) return;
    if ((this.#announced.get(key) ?? 0) > stored.snapshot.version) return;
    this.#snapshots.set(key, { stored, verifiedAt: performance.now() });
    for (const listener of this.#listeners) listener(stored);
  }

  async #announce(message: ChangeMessage): Promise<void> {
    try {
      await this.#o.bus.publish(CHANNEL, JSON.stringify(message));
    } catch (error) {
      // The database holds the change. Other instances check what they hold against it while
      // their bus is down too; one that kept its bus hears this once ours is back.
      this.#keepUnsent(message);
      this.#o.logger.warn({ err: error }, 'could not announce a change on the bus');
    }
  }

  #keepUnsent(message: ChangeMessage): void {
    const key =
      message.kind === 'entitlements' || message.kind === 'customer'
        ? `${message.kind}:${message.project}:${message.customer}`
        : `${message.kind}:${message.project}`;
    const kept = this.#unsent.get(key);
    if (kept?.kind === 'entitlements' && message.kind === 'entitlements' && kept.version > message.version) return;
    this.#unsent.delete(key); // re-inserted last: the oldest go first when the list is full
    this.#unsent.set(key, message);
    if (this.#unsent.size > MAX_UNSENT) this.#unsent.delete(this.#unsent.keys().next().value!);
  }

  /** Is the held copy still the database's? One version read; a newer version is taken as heard. */
  async #stillCurrent(key: string, held: Held): Promise<boolean> {
    const checkedAt = performance.now();
    const [row] = await snapshotVersions(this.#o.db, [held.stored.snapshot.customer]);
    if (row && this.#matches(held.stored, row)) {
      held.verifiedAt = Math.max(held.verifiedAt, checkedAt);
      return true;
    }
    if (row) this.#hear(key, row.version);
    return false;
  }

  #matches(stored: StoredSnapshot, row: SnapshotVersion): boolean {
    return row.projectId === stored.projectId && row.version === stored.snapshot.version && row.validUntilMs === stored.validUntilMs;
  }

  /**
   * The bus was down: announcements from other instances were lost, and ours never left. Send
   * ours, take every snapshot written meanwhile as announced, and check each held copy.
   */
  async #afterGap(gap: Gap): Promise<void> {
    this.#catalog.clear();
    this.#refs.clear();
    const unsent = [...this.#unsent.values()];
    this.#unsent.clear();
    for (const message of unsent) await this.#announce(message);
    // Covers customers not held here too: an older copy in the shared store is refused from now on.
    for (const row of await snapshotsWrittenSince(this.#o.db, new Date(gap.since - WRITER_CLOCK_MARGIN_MS))) {
      this.#onAnnounced(row.projectId, row.customerId, row.version);
    }
    await this.#revalidateHeld();
  }

  /**
   * While the bus is down nothing is read for a realtime client between two changes, so its
   * customer is checked on a timer: the client hears of a change within the bound.
   */
  #sweepWatched(): void {
    if (this.#o.bus.healthy() || this.#sweeping) return;
    this.#sweeping = true;
    this.#revalidateHeld([...this.#watched.keys()].filter((key) => this.#snapshots.has(key)))
      .catch((error: unknown) => this.#o.logger.warn({ err: error }, 'could not check watched snapshots while the bus is down'))
      .finally(() => (this.#sweeping = false));
  }

  /** Checks held copies against the database, a batch of customers per query; refreshes what moved. */
  async #revalidateHeld(keys: readonly string[] = [...this.#snapshots.keys()]): Promise<void> {
    const expiredProjects = new Set<string>();
    for (let start = 0; start < keys.length; start += REVALIDATE_BATCH) {
      const checkedAt = performance.now();
      const batch = keys.slice(start, start + REVALIDATE_BATCH).flatMap((key) => {
        const held = this.#snapshots.peek(key);
        return held ? [{ key, held }] : [];
      });
      const rows = new Map(
        (
          await snapshotVersions(
            this.#o.db,
            batch.map(({ held }) => held.stored.snapshot.customer),
          )
        ).map((row) => [row.customerId, row]),
      );
      const refreshes: Array<Promise<unknown>> = [];
      for (const { key, held } of batch) {
        const { projectId, snapshot } = held.stored;
        const row = rows.get(snapshot.customer);
        if (!row || row.projectId !== projectId) {
          this.#onCustomer(projectId, snapshot.customer, true); // its snapshot row goes with the customer
        } else if (this.#matches(held.stored, row)) {
          held.verifiedAt = Math.max(held.verifiedAt, checkedAt);
        } else if (row.version === snapshot.version && row.validUntilMs === 0) {
          // Same version, expired on purpose: a project-wide change (expireSnapshots) was missed.
          if (!expiredProjects.has(projectId)) this.#forgetProject(projectId, this.#now(projectId));
          expiredProjects.add(projectId);
        } else {
          this.#hear(key, row.version);
          refreshes.push(
            this.#load(projectId, snapshot.customer).catch((error: unknown) =>
              this.#o.logger.warn({ err: error }, 'could not refresh a snapshot the database has moved on'),
            ),
          );
        }
      }
      await Promise.all(refreshes);
    }
  }

  /** Records that `version` exists, so no older copy (here or in the shared store) is served again. */
  #hear(key: string, version: number): void {
    this.#announced.set(key, Math.max(this.#announced.get(key) ?? 0, version));
  }

  #onMessage(raw: string): void {
    let message: ChangeMessage;
    try {
      message = JSON.parse(raw) as ChangeMessage;
    } catch {
      return;
    }
    if (message.kind === 'features') {
      this.#catalog.delete(message.project);
    } else if (message.kind === 'project') {
      this.#forgetProject(message.project, message.staleBefore);
    } else if (message.kind === 'customer') {
      this.#onCustomer(message.project, message.customer, message.deleted);
    } else {
      this.#onAnnounced(message.project, message.customer, message.version);
    }
  }

  #onAnnounced(projectId: string, customerId: string, version: number): void {
    const key = `${projectId}:${customerId}`;
    this.#hear(key, version);
    const held = this.#snapshots.get(key);
    // Refresh what this instance holds or someone watches, so the next check answers from
    // memory and realtime clients get the new version.
    const watched = this.#watched.has(key) || this.#watched.has(`${projectId}:*`);
    if ((held && held.stored.snapshot.version < version) || (!held && watched)) {
      this.snapshot(projectId, customerId).catch((error: unknown) => this.#o.logger.warn({ err: error }, 'could not refresh a snapshot after an announcement'));
    }
  }

  #onCustomer(projectId: string, customerId: string, deleted: boolean): void {
    this.#forgetRefs(projectId, customerId);
    if (!deleted) return;
    this.#snapshots.delete(`${projectId}:${customerId}`);
    for (const listener of this.#projectListeners) listener({ kind: 'deleted', project: projectId, customer: customerId });
  }

  #forgetProject(projectId: string, staleBefore: number): void {
    for (const listener of this.#projectListeners) listener({ kind: 'stale', project: projectId });
    this.#staleBefore.set(projectId, Math.max(this.#staleBefore.get(projectId) ?? 0, staleBefore));
    this.#catalog.delete(projectId);
    for (const key of this.#snapshots.keys()) if (key.startsWith(`${projectId}:`)) this.#snapshots.delete(key);
  }

  #forgetRefs(projectId: string, customerId: string): void {
    for (const [key, id] of this.#refs.entries()) if (id === customerId && key.startsWith(`${projectId}:`)) this.#refs.delete(key);
  }
}
