// Computes and stores customers' snapshots, each at a version that grows in the same transaction
// as the change that caused it. A snapshot shows what slices above the entitlements keep (usage
// counted, credit left, alerts reached): it reads them through SnapshotInputs, handed in at assembly.
import type { Queryable } from '../db/database.js';
import { recordOutboxEvent } from '../outbox.js';
import { accessChanged } from './snapshot-change.js';
import { lockCustomer } from '../customers/store.js';
import { computeEntitlements, heldPlans } from './engine.js';
import {
  buildSnapshot,
  buildUpcoming,
  type ReachedAlert,
  type ReservedByFeature,
  type Snapshot,
  type SnapshotUpcoming,
  type StoredSnapshot,
  type UsedByFeature,
} from './snapshot.js';
import { snapshotHeader, upsertSnapshot } from './snapshot-rows.js';
import { loadEngineInput } from './sources.js';
import type { EngineInput, EngineResult } from './types.js';
import { periodsChanged, resultAt } from './upcoming.js';

/** The customer's credit balances per currency at an instant, and when the next grant with credit left expires. */
interface CreditBalances {
  balances: Record<string, number>;
  nextExpiry: Date | null;
}

/** The units the customer's reservations hold at an instant, per feature, and when the first of them expires. */
export interface HeldReservations {
  byFeature: ReservedByFeature;
  nextExpiry: Date | null;
}

/** What the alerts are told of a snapshot about to be stored. */
export interface AlertReading {
  customer: { id: string; externalId: string | null };
  /** The new snapshot's features: `used` and `limit` of each metered one, in its period. */
  features: Snapshot['features'];
  /** Its credit balances, and those of the version before (null for the customer's first). */
  credits: Record<string, number>;
  previousCredits: Record<string, number> | null;
  /** The plans the customer holds now; read only when an alert of a plan asks. */
  plans(): Promise<ReadonlySet<string>>;
}

/** What a snapshot reads from the slices above the entitlements (the port they implement). */
export interface SnapshotInputs {
  /** `used`, per metered feature of `result`, in its current period (usage); the customer is locked. */
  used(db: Queryable, projectId: string, customerId: string, result: EngineResult, now: Date): Promise<UsedByFeature>;
  /** The customer's credit balances at `now` (billing). */
  credits(db: Queryable, customerId: string, now: Date): Promise<CreditBalances>;
  /**
   * Records the auto top-ups the new balances call for (a fall below a threshold), and arms again
   * those they are back above (billing), in the snapshot's transaction; the customer is locked.
   */
  topUps(db: Queryable, customerId: string, balances: Record<string, number>, now: Date): Promise<void>;
  /** What the customer's reservations hold at `now` (reservations); the customer is locked. */
  reserved(db: Queryable, customerId: string, now: Date): Promise<HeldReservations>;
  /**
   * Fires the alerts this snapshot crosses, in its transaction, and answers those the customer
   * is at (alerts), which the snapshot carries. The customer is locked.
   */
  alerts(db: Queryable, projectId: string, reading: AlertReading, now: Date): Promise<ReachedAlert[]>;
}

/** Built once at assembly; everything that recomputes a customer's entitlements is given it. */
export class Snapshots {
  readonly #inputs: SnapshotInputs;
  readonly #pastDueGraceMs: number;
  // The sources each computed result came from, so store() can run the engine again at
  // valid_until (the snapshot's `upcoming`) without reading them twice.
  readonly #inputOf = new WeakMap<EngineResult, EngineInput>();

  /** How long a past_due subscription keeps access (Nozle's dunning ends there). */
  get pastDueGraceMs(): number {
    return this.#pastDueGraceMs;
  }

  /** `pastDueGraceMs`: how long a past_due subscription keeps access. */
  constructor(inputs: SnapshotInputs, pastDueGraceMs: number) {
    this.#inputs = inputs;
    this.#pastDueGraceMs = pastDueGraceMs;
  }

  /** Runs the engine over the customer's sources as they are in this transaction. */
  async compute(db: Queryable, projectId: string, customerId: string, now: Date): Promise<EngineResult> {
    const input = await loadEngineInput(db, projectId, customerId, now, this.#pastDueGraceMs);
    const result = computeEntitlements(input);
    this.#inputOf.set(result, input);
    return result;
  }

  /**
   * Recomputes and stores the customer's snapshot at the next version. Call it inside the
   * transaction of the change; it locks the customer's row so concurrent changes take turns.
   */
  async recompute(db: Queryable, projectId: string, customerId: string, now: Date): Promise<StoredSnapshot> {
    await lockCustomer(db, customerId);
    return this.store(db, projectId, customerId, now, await this.compute(db, projectId, customerId, now));
  }

  /** Stores `result` (with the usage counted so far) as the customer's next version. The customer must be locked. */
  async store(db: Queryable, projectId: string, customerId: string, now: Date, result: EngineResult): Promise<StoredSnapshot> {
    const used = await this.#inputs.used(db, projectId, customerId, result, now);
    // A balance changes when a grant expires, so the snapshot is valid until the next expiry at most.
    const { balances, nextExpiry } = await this.#inputs.credits(db, customerId, now);
    await this.#inputs.topUps(db, customerId, balances, now);
    // Likewise `remaining` comes back when a reservation expires.
    const held = await this.#inputs.reserved(db, customerId, now);
    const computed = result;
    for (const expiry of [nextExpiry, held.nextExpiry]) {
      if (expiry && (!result.validUntil || expiry < result.validUntil)) result = { ...result, validUntil: expiry };
    }
    const upcoming = result.validUntil ? await this.#upcoming(db, projectId, customerId, now, computed, result.validUntil, used, balances) : undefined;
    const header = await snapshotHeader(db, customerId);
    const customer = { id: customerId, externalId: header.externalId };
    const snapshot = buildSnapshot(customer, header.version + 1, now, result, used, balances, upcoming, held.byFeature);
    const reached = await this.#inputs.alerts(
      db,
      projectId,
      {
        customer,
        features: snapshot.features,
        credits: balances,
        previousCredits: header.credits,
        plans: async () => heldPlans(await this.#inputFor(db, projectId, customerId, now, computed)),
      },
      now,
    );
    if (reached.length > 0) snapshot.alerts = reached;
    await upsertSnapshot(db, customerId, projectId, snapshot, result.validUntil, now);
    // In the change's transaction: the webhook exists exactly when the change committed.
    if (accessChanged(header.features && { features: header.features }, snapshot)) {
      await recordOutboxEvent(db, projectId, 'customer.entitlements.updated', snapshot, now);
    }
    return { projectId, snapshot, validUntilMs: result.validUntil?.getTime() ?? null, computedAtMs: now.getTime() };
  }

  /**
   * What the snapshot becomes at `at` with time alone: the engine at that instant, usage read
   * again only where a period changes then, balances read again only when there are any.
   */
  async #upcoming(
    db: Queryable,
    projectId: string,
    customerId: string,
    now: Date,
    current: EngineResult,
    at: Date,
    used: UsedByFeature,
    balances: Record<string, number>,
  ): Promise<SnapshotUpcoming> {
    const input = await this.#inputFor(db, projectId, customerId, now, current);
    let next = resultAt(input, at);
    const nextUsed = periodsChanged(current, next) ? await this.#inputs.used(db, projectId, customerId, next, at) : used;
    let nextBalances = balances;
    if (Object.keys(balances).length > 0) {
      const credits = await this.#inputs.credits(db, customerId, at);
      nextBalances = credits.balances;
      if (credits.nextExpiry && (!next.validUntil || credits.nextExpiry < next.validUntil)) next = { ...next, validUntil: credits.nextExpiry };
    }
    const held = await this.#inputs.reserved(db, customerId, at);
    if (held.nextExpiry && (!next.validUntil || held.nextExpiry < next.validUntil)) next = { ...next, validUntil: held.nextExpiry };
    return buildUpcoming(next, nextUsed, nextBalances, held.byFeature);
  }

  /** The sources `result` was computed from (read again when it came from elsewhere). */
  async #inputFor(db: Queryable, projectId: string, customerId: string, now: Date, result: EngineResult): Promise<EngineInput> {
    return this.#inputOf.get(result) ?? (await loadEngineInput(db, projectId, customerId, now, this.#pastDueGraceMs));
  }
}
