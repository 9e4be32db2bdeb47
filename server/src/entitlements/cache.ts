// Serves snapshots from memory. Redis (when configured) is the shared second level, the bus
// tells every instance "customer X is now at version N", and the database is the truth.
// A cache never takes a snapshot older than the newest version it has seen or heard of.
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import { subscribeSoon, type Bus } from '../bus/bus.js';
import { clockFor, type Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { findCustomer } from '../customers/store.js';
import { featureDefinitions } from '../catalog/features-store.js';
import type { FeatureType } from './types.js';
import { readStoredSnapshot, recomputeSnapshot, type StoredSnapshot } from './snapshot.js';
import type { SnapshotStore } from './snapshot-store.js';

export const CHANNEL = 'nozle:changes';

export type ChangeMessage =
  | { kind: 'entitlements'; project: string; customer: string; version: number }
  | { kind: 'customer'; project: string; customer: string; deleted: boolean }
  | { kind: 'features'; project: string }
  | { kind: 'project'; project: string; staleBefore: number };

/** What a backend streaming a whole project must hear besides new snapshots. */
export type ProjectEvent = { kind: 'deleted'; project: string; customer: string } | { kind: 'stale'; project: string };

export interface EntitlementCacheOptions {
  db: Database;
  bus: Bus;
  /** Each project's time is `clockFor(clock, project)`: its test clock in the sandbox. */
  clock: Clock;
  logger: Logger;
  pastDueGraceMs: number;
  /** The shared second level; none without Redis. */
  store?: SnapshotStore;
  maxCustomers?: number;
}

export class EntitlementCache {
  readonly #o: EntitlementCacheOptions;
  readonly #snapshots: LRUCache<string, StoredSnapshot>;
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
  #unsubscribe: (() => Promise<void>) | undefined;

  constructor(options: EntitlementCacheOptions) {
    this.#o = options;
    const max = options.maxCustomers ?? 50_000;
    this.#snapshots = new LRUCache({ max });
    this.#announced = new LRUCache({ max });
    this.#refs = new LRUCache({ max });
    this.#catalog = new LRUCache({ max: 10_000 });
  }

  /** Listens for changes (without hanging when Redis is down: checks then use the database). */
  async start(): Promise<void> {
    this.#unsubscribe = await subscribeSoon(this.#o.bus, CHANNEL, (raw) => this.#onMessage(raw));
  }

  async stop(): Promise<void> {
    await this.#unsubscribe?.();
  }

  /** The customer's current snapshot: memory, then Redis, then the database (recomputing when time moved it on). */
  async snapshot(projectId: string, customerId: string): Promise<StoredSnapshot> {
    const key = `${projectId}:${customerId}`;
    const held = this.#snapshots.get(key);
    if (held && this.#usable(key, held)) return held;

    const shared = await this.#o.store?.get(customerId);
    if (shared && shared.projectId === projectId && this.#usable(key, shared)) {
      this.#accept(shared);
      return shared;
    }

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

  /** A customer was deleted or its external_id changed: every instance forgets its lookups. */
  async customerChanged(projectId: string, customerId: string, deleted = false): Promise<void> {
    this.#onCustomer(projectId, customerId, deleted);
    await this.#announce({ kind: 'customer', project: projectId, customer: customerId, deleted });
  }

  /** Every snapshot of the project went stale (their database rows were expired in the same change). */
  async projectChanged(projectId: string): Promise<void> {
    const staleBefore = this.#now(projectId);
    this.#forgetProject(projectId, staleBefore);
    await this.#announce({ kind: 'project', project: projectId, staleBefore });
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
      return recomputeSnapshot(tx, projectId, customerId, new Date(this.#now(projectId)), this.#o.pastDueGraceMs);
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
      this.#fresh(stored) &&
      stored.snapshot.version >= (this.#announced.get(key) ?? 0) &&
      stored.computedAtMs >= (this.#staleBefore.get(stored.projectId) ?? 0)
    );
  }

  /** Keeps `stored` unless a newer version is held or was announced. */
  #accept(stored: StoredSnapshot): void {
    const key = `${stored.projectId}:${stored.snapshot.customer}`;
    const held = this.#snapshots.get(key);
    if (held && held.snapshot.version >= stored.snapshot.version) return;
    if ((this.#announced.get(key) ?? 0) > stored.snapshot.version) return;
    this.#snapshots.set(key, stored);
    for (const listener of this.#listeners) listener(stored);
  }

  async #announce(message: ChangeMessage): Promise<void> {
    try {
      await this.#o.bus.publish(CHANNEL, JSON.stringify(message));
    } catch (error) {
      // The database holds the change; other instances catch up when their entry expires or
      // is next read past an announcement they did get.
      this.#o.logger.warn({ err: error }, 'could not announce a change on the bus');
    }
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
      const key = `${message.project}:${message.customer}`;
      this.#announced.set(key, Math.max(this.#announced.get(key) ?? 0, message.version));
      const held = this.#snapshots.get(key);
      // Refresh what this instance holds or someone watches, so the next check answers from
      // memory and realtime clients get the new version.
      const watched = this.#watched.has(key) || this.#watched.has(`${message.project}:*`);
      if ((held && held.snapshot.version < message.version) || (!held && watched)) {
        this.snapshot(message.project, message.customer).catch((error: unknown) =>
          this.#o.logger.warn({ err: error }, 'could not refresh a snapshot after an announcement'),
        );
      }
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
