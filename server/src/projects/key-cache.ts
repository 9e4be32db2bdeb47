// API keys resolved to callers without a database read on every request, and forgotten on
// every instance at once when one is revoked.
import { LRUCache } from 'lru-cache';
import { DEFAULT_MAX_STALENESS_MS, subscribeSoon, type Bus } from '../bus/bus.js';
import type { Clock } from '../clock.js';
import type { Queryable } from '../db/database.js';
import type { Caller, KeyResolver } from '../http/auth.js';
import { findActiveKeyByHash, touchApiKey } from './store.js';

// `last_used` is kept to the minute, so a busy key writes at most once a minute.
const LAST_USED_RESOLUTION_MS = 60_000;

interface CachedKey {
  caller: Caller;
  lastUsedAt: number;
}

// Kept a minute; while the bus is down (revokes may go unheard), only `maxStalenessMs`.
const KEY_TTL_MS = 60_000;
const MAX_UNSENT = 1_000;

/**
 * Resolves key hashes to callers without a database read on every request. A revoke
 * removes the key on every instance through the bus at once. While the bus is down, an entry
 * older than `maxStalenessMs` is read again; once it is back after a gap, all are forgotten.
 */
export class KeyCache implements KeyResolver {
  readonly #db: Queryable;
  readonly #clock: Clock;
  readonly #bus: Bus;
  readonly #keys = new LRUCache<string, CachedKey>({ max: 10_000, ttl: KEY_TTL_MS });
  /** project → hashes of its active secret keys (what customer tokens are checked against). */
  readonly #secretHashes = new LRUCache<string, string[]>({ max: 10_000, ttl: KEY_TTL_MS });
  readonly #maxStalenessMs: number;
  /** Changes the bus refused: sent again after its gap, for instances whose bus stayed up. */
  readonly #unsent = new Set<string>();
  #unsubscribe: (() => Promise<void>) | undefined;
  readonly #revokedListeners = new Set<(hash: string) => void>();
  #stopGaps: (() => void) | undefined;
  /**
   * Moves on whenever cached keys are forgotten: a database read that started before a revoke
   * must not put the key back into the cache when it ends after it.
   */
  #generation = 0;

  constructor(db: Queryable, clock: Clock, bus: Bus, maxStalenessMs = DEFAULT_MAX_STALENESS_MS) {
    this.#db = db;
    this.#clock = clock;
    this.#bus = bus;
    this.#maxStalenessMs = maxStalenessMs;
  }

  async start(): Promise<void> {
    // Revokes announced during the gap never arrived: start over from the database.
    this.#stopGaps = this.#bus.onGap(() => {
      this.#generation += 1;
      this.#keys.clear();
      this.#secretHashes.clear();
      const unsent = [...this.#unsent];
      this.#unsent.clear();
      for (const hash of unsent) void this.#announce(hash);
    });
    this.#unsubscribe = await subscribeSoon(this.#bus, KEYS_CHANNEL, (hash) => this.#forget(hash));
  }

  async stop(): Promise<void> {
    this.#stopGaps?.();
    await this.#unsubscribe?.();
  }

  async resolve(hash: string): Promise<Caller | undefined> {
    const now = this.#clock.now();
    let entry = this.#unlessStale(this.#keys, hash);
    if (!entry) {
      const generation = this.#generation;
      const key = await findActiveKeyByHash(this.#db, hash);
      if (!key) return undefined;
      entry = { caller: { projectId: key.projectId, keyId: key.keyId, keyType: key.type }, lastUsedAt: key.lastUsedAt?.getTime() ?? 0 };
      if (generation === this.#generation) this.#keys.set(hash, entry);
    }
    if (now.getTime() - entry.lastUsedAt >= LAST_USED_RESOLUTION_MS) {
      entry.lastUsedAt = now.getTime();
      // Bookkeeping only: the request does not wait for it.
      touchApiKey(this.#db, entry.caller.keyId, now).catch(() => {});
    }
    return entry.caller;
  }

  /** The hashes of the project's active secret keys, cached like keys (a realtime connect needs them). */
  async secretKeyHashes(projectId: string): Promise<string[]> {
    let hashes = this.#unlessStale(this.#secretHashes, projectId);
    if (!hashes) {
      const generation = this.#generation;
      const { rows } = await this.#db.query<{ key_hash: string }>(
        `select key_hash from api_keys where project_id = $1 and type = 'secret' and revoked_at is null`,
        [projectId],
      );
      hashes = rows.map((row) => row.key_hash);
      if (generation === this.#generation) this.#secretHashes.set(projectId, hashes);
    }
    return hashes;
  }

  /**
   * After a key was revoked or created (committed): forget it, and every project's secret-key
   * list, here and on every instance. Both are rare; the lists refill on the next connect.
   */
  async changed(hash: string): Promise<void> {
    this.#forget(hash);
    await this.#announce(hash);
  }

  async #announce(hash: string): Promise<void> {
    await this.#bus.publish(KEYS_CHANNEL, hash).catch(() => {
      // Bounded: past it, the others still drop the key when their copy expires (a minute).
      if (this.#unsent.size < MAX_UNSENT) this.#unsent.add(hash);
    });
  }

  /** The cached value, unless the bus is down and it was read longer ago than the bound. */
  #unlessStale<V extends object>(cache: LRUCache<string, V>, key: string): V | undefined {
    const value = cache.get(key);
    if (value === undefined || this.#bus.healthy()) return value;
    const ageMs = KEY_TTL_MS - cache.getRemainingTTL(key);
    return ageMs < this.#maxStalenessMs ? value : undefined;
  }

  /**
   * Called with the hash of a key revoked through any instance (realtime closes what lives on
   * it). Heard here and through the bus, so a listener may hear one revocation twice.
   */
  onRevoked(listener: (hash: string) => void): () => void {
    this.#revokedListeners.add(listener);
    return () => this.#revokedListeners.delete(listener);
  }

  #forget(hash: string): void {
    this.#generation += 1;
    this.#keys.delete(hash);
    this.#secretHashes.clear();
    if (this.#revokedListeners.size > 0) void this.#tellIfRevoked(hash);
  }

  // The channel announces new keys too: only a key that is no longer active was revoked.
  async #tellIfRevoked(hash: string): Promise<void> {
    // The database unreachable: we cannot tell, so we tell nobody rather than close live keys' connections.
    const active = await findActiveKeyByHash(this.#db, hash).catch(() => 'unknown' as const);
    if (active !== undefined) return;
    for (const listener of this.#revokedListeners) listener(hash);
  }
}

const KEYS_CHANNEL = 'nozle:revoked-keys';
