// The project's snapshots held in memory for local mode, found by customer id or external_id.
// Snapshots arrive whole and in any order; only the highest version of a customer is kept.
import type { Entitlements } from '../entitlements.js';

export class SnapshotCopy {
  readonly #byId = new Map<string, Entitlements>();
  /** external_id → customer id. */
  readonly #byExternalId = new Map<string, string>();

  get size(): number {
    return this.#byId.size;
  }

  /** Keeps `snapshot` unless the customer's held version is as high; true when it was kept. */
  apply(snapshot: Entitlements): boolean {
    const held = this.#byId.get(snapshot.customer);
    if (held && held.version >= snapshot.version) return false;
    this.#byId.set(snapshot.customer, snapshot);
    if (held && held.external_id !== null && held.external_id !== snapshot.external_id) {
      this.#unmap(held.external_id, held.customer);
    }
    if (snapshot.external_id !== null) this.#map(snapshot);
    return true;
  }

  /** By id first, then by external_id, as the API resolves a customer reference. */
  get(ref: string): Entitlements | undefined {
    const byId = this.#byId.get(ref);
    if (byId) return byId;
    const id = this.#byExternalId.get(ref);
    return id === undefined ? undefined : this.#byId.get(id);
  }

  /** Forgets one customer (deleted on the server). */
  remove(customerId: string): void {
    const snapshot = this.#byId.get(customerId);
    if (!snapshot) return;
    this.#byId.delete(customerId);
    if (snapshot.external_id !== null) this.#unmap(snapshot.external_id, customerId);
  }

  /** Forgets everything (the server said every snapshot of the project went stale). */
  clear(): void {
    this.#byId.clear();
    this.#byExternalId.clear();
  }

  /** Forgets every customer not in `ids` (after a resync: the server no longer has them). */
  retain(ids: ReadonlySet<string>): void {
    for (const [id, snapshot] of this.#byId) {
      if (ids.has(id)) continue;
      this.#byId.delete(id);
      if (snapshot.external_id !== null) this.#unmap(snapshot.external_id, id);
    }
  }

  /**
   * A deleted customer's external_id may be given to a new customer while the old snapshot is
   * still streamed: the one computed last is the live customer.
   */
  #map(snapshot: Entitlements): void {
    const externalId = snapshot.external_id as string;
    const ownerId = this.#byExternalId.get(externalId);
    const owner = ownerId === undefined || ownerId === snapshot.customer ? undefined : this.#byId.get(ownerId);
    if (owner && owner.computed > snapshot.computed) return;
    this.#byExternalId.set(externalId, snapshot.customer);
  }

  #unmap(externalId: string, customerId: string): void {
    if (this.#byExternalId.get(externalId) === customerId) this.#byExternalId.delete(externalId);
  }
}
