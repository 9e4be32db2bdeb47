// The payments service: maps customers and plans to the provider, and applies what the
// provider says (sync.ts) with the entitlements recomputed and pushed for every change.
import type { Logger } from 'pino';
import type { Plan } from '../catalog/plans-store.js';
import { clockFor, type Clock } from '../clock.js';
import type { Customer } from '../customers/store.js';
import type { Database, Queryable } from '../db/database.js';
import type { EntitlementCache } from '../entitlements/cache.js';
import type { StoredSnapshot } from '../entitlements/snapshot.js';
import type { Snapshots } from '../entitlements/snapshots.js';
import { retryTransaction } from '../db/transaction.js';
import type Stripe from 'stripe';
import type { PaymentProvider, ProviderName } from './provider.js';
import type { Sandbox } from './sandbox/sandbox.js';
import { findProviderCustomer, findProviderPrice, saveProviderCustomer, saveProviderPrice } from './store.js';
import type { SyncOutcome } from './sync.js';
import type { RedirectPolicy } from './redirect-url.js';

export interface PaymentsDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
  entitlements: EntitlementCache;
  /** What recomputes a customer's snapshot in the change's transaction. */
  snapshots: Snapshots;
  /** Which URLs checkout and the portal may send a customer back to (`NOZLE_ALLOW_HTTP_REDIRECTS`); https only when absent. */
  redirects?: RedirectPolicy;
  /** Stripe, when configured. */
  stripe?: PaymentProvider;
  /** The sandbox, when Stripe is not configured. */
  sandbox?: Sandbox;
}

export type AfterCommit = (fn: () => Promise<void>) => void;

export class Payments {
  readonly deps: PaymentsDeps;
  /** Takes events the sandbox raised through the webhook path (events.ts sets it: it needs this service). */
  receiveEvents: (events: Stripe.Event[]) => Promise<void> = async () => {};

  constructor(deps: PaymentsDeps) {
    if (!deps.stripe === !deps.sandbox) throw new Error('Payments need exactly one provider: Stripe or the sandbox.');
    this.deps = deps;
  }

  get providerName(): ProviderName {
    return this.deps.stripe ? 'stripe' : 'sandbox';
  }

  get sandbox(): Sandbox | undefined {
    return this.deps.sandbox;
  }

  /** Where checkout and the portal may send a customer back to. */
  get redirectPolicy(): RedirectPolicy {
    return this.deps.redirects ?? { allowHttp: false };
  }

  /**
   * The provider, working within `db`: the sandbox keeps its objects in the same database, so
   * inside a transaction it must use that transaction. Events the sandbox raises go through
   * the webhook path when the function given to `afterCommit` runs.
   */
  providerIn(db: Queryable, afterCommit: AfterCommit): PaymentProvider {
    if (this.deps.stripe) return this.deps.stripe;
    const raised: Stripe.Event[] = [];
    afterCommit(() => this.receiveEvents(raised.splice(0)));
    return this.deps.sandbox!.bind(db, (event) => raised.push(event));
  }

  /** Runs `fn` with the provider outside any transaction, then delivers what the sandbox raised. */
  async withProvider<T>(fn: (provider: PaymentProvider) => Promise<T>): Promise<T> {
    const later: Array<() => Promise<void>> = [];
    const result = await fn(this.providerIn(this.deps.db, (step) => later.push(step)));
    for (const step of later) await step();
    return result;
  }

  /** The customer's id at the provider, made on first use. Call with the customer locked. */
  async providerCustomer(tx: Queryable, projectId: string, customer: Customer, afterCommit: AfterCommit): Promise<string> {
    const known = await findProviderCustomer(tx, customer.id, this.providerName);
    if (known) return known;
    const id = await this.providerIn(tx, afterCommit).createCustomer({ projectId, customerId: customer.id, email: customer.email, name: customer.name });
    await saveProviderCustomer(tx, projectId, customer.id, this.providerName, id, clockFor(this.deps.clock, projectId).now());
    return id;
  }

  /** The provider's price for the plan's current version, made on first use. */
  async providerPrice(tx: Queryable, projectId: string, plan: Plan, afterCommit: AfterCommit): Promise<string> {
    const known = await findProviderPrice(tx, plan.id, plan.version, this.providerName);
    if (known) return known;
    const id = await this.providerIn(tx, afterCommit).ensurePrice({
      lookupKey: `nozle_${plan.id}_v${plan.version}`,
      productName: plan.name,
      currency: plan.currency,
      unitAmount: plan.base_price,
      interval: plan.interval,
      metadata: { nozle_project: projectId, nozle_plan: plan.id, nozle_plan_version: String(plan.version) },
    });
    await saveProviderPrice(tx, projectId, plan.id, plan.version, this.providerName, id, clockFor(this.deps.clock, projectId).now());
    return id;
  }

  /** Recomputes the customer's entitlements after a change, in the change's transaction. */
  async recomputeFor(tx: Queryable, outcome: SyncOutcome): Promise<StoredSnapshot | undefined> {
    if (outcome.kind !== 'changed') return undefined;
    return this.deps.snapshots.recompute(tx, outcome.projectId, outcome.customerId, clockFor(this.deps.clock, outcome.projectId).now());
  }

  /** Runs `sync` in its own transaction (retried on deadlock), then pushes the new snapshot. */
  async apply(sync: (tx: Queryable) => Promise<SyncOutcome>): Promise<SyncOutcome> {
    const { outcome, stored } = await retryTransaction(() =>
      this.deps.db.transaction(async (tx) => {
        const result = await sync(tx);
        return { outcome: result, stored: await this.recomputeFor(tx, result) };
      }),
    );
    if (stored) await this.deps.entitlements.published(stored);
    if (outcome.kind === 'changed') this.deps.logger.info({ change: outcome.change }, 'payment provider state applied');
    return outcome;
  }
}
