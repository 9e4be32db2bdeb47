// The payments service: maps customers and plans to the provider, and applies what the
// provider says (sync.ts) with the entitlements recomputed and pushed for every change.
import type { BillingDeps } from '../billing/invoices.js';
import type { Plan } from '../catalog/plans-store.js';
import { clockFor } from '../clock.js';
import type { Customer } from '../customers/store.js';
import type { Queryable } from '../db/database.js';
import { applySync, type ApplyDeps } from './apply.js';
import type { PaymentEvents } from './events.js';
import type { InvoiceCollector } from '../billing/invoice-collector.js';
import { ProviderInvoices } from './invoice-collection.js';
import { bindDelivering, ProviderAccess, type AfterCommit } from './provider-access.js';
import type { PaymentProvider, ProviderName, ProviderSource } from './provider.js';
import type { RedirectPolicy } from './redirect-url.js';
import { Sandbox, type SandboxProvider } from './sandbox/sandbox.js';
import { findProviderCustomer, findProviderPrice, saveProviderCustomer, saveProviderPrice } from './store.js';
import type { SyncOutcome } from './sync.js';
import type { TopUpDeps } from './top-ups.js';

export interface PaymentsDeps extends ApplyDeps {
  /** Which URLs checkout and the portal may send a customer back to (`NOZLE_ALLOW_HTTP_REDIRECTS`); https only when absent. */
  redirects?: RedirectPolicy;
  /** Stripe, when configured; the sandbox otherwise. */
  provider: ProviderSource;
  /** The processing of provider events: where the events the provider raises in process (the sandbox's) go. */
  events: PaymentEvents;
  /** Days from finalizing to the due date of an invoice Nozle collects itself (billing's default when absent). */
  invoiceDaysUntilDue?: number;
}

export class Payments {
  readonly deps: PaymentsDeps;
  readonly #provider: ProviderAccess;
  readonly #invoices: ProviderInvoices;

  constructor(deps: PaymentsDeps) {
    this.deps = deps;
    this.#provider = new ProviderAccess(deps.provider, deps.db, deps.events.receiveAll);
    this.#invoices = new ProviderInvoices(deps.provider, deps.clock);
  }

  get providerName(): ProviderName {
    return this.#provider.name;
  }

  get sandbox(): Sandbox | undefined {
    return this.deps.provider instanceof Sandbox ? this.deps.provider : undefined;
  }

  /** Webhooks, the processing of events and their retries. */
  get events(): PaymentEvents {
    return this.deps.events;
  }

  /** Where checkout and the portal may send a customer back to. */
  get redirectPolicy(): RedirectPolicy {
    return this.deps.redirects ?? { allowHttp: false };
  }

  /** Sends Nozle's invoices to the providers, and charges a saved payment method for one paid through the API. */
  get invoiceCollector(): InvoiceCollector {
    return this.#invoices;
  }

  /** What the auto top-up job needs: the collector that charges a saved payment method. */
  get topUps(): TopUpDeps {
    return { ...this.deps, collector: this.#invoices };
  }

  /** What the billing job needs, with the provider that charges the invoices of the subscriptions it bills. */
  get billing(): BillingDeps {
    const { db, clock, logger, entitlements, snapshots, invoiceDaysUntilDue } = this.deps;
    return {
      db,
      clock,
      logger,
      entitlements,
      snapshots,
      collector: this.#invoices,
      ...(invoiceDaysUntilDue === undefined ? {} : { daysUntilDue: invoiceDaysUntilDue }),
    };
  }

  /**
   * The provider, working within `db`: the sandbox keeps its objects in the same database, so
   * inside a transaction it must use that transaction. Events the sandbox raises go through
   * the webhook path when the function given to `afterCommit` runs.
   */
  providerIn(db: Queryable, afterCommit: AfterCommit): PaymentProvider {
    return this.#provider.in(db, afterCommit);
  }

  /** The sandbox's own calls (its hosted pages, what falls due) within `db`, as `providerIn`; in sandbox mode only. */
  sandboxIn(db: Queryable, afterCommit: AfterCommit): SandboxProvider {
    const sandbox = this.sandbox;
    if (!sandbox) throw new Error('This server runs Stripe, not the sandbox.');
    return bindDelivering(sandbox, db, afterCommit, this.deps.events.receiveAll);
  }

  /** Runs `fn` with the provider outside any transaction, then delivers what the sandbox raised. */
  withProvider<T>(fn: (provider: PaymentProvider) => Promise<T>): Promise<T> {
    return this.#provider.with(fn);
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

  /** Runs `sync` in its own transaction (retried on deadlock), then pushes the new snapshot. */
  apply(sync: (tx: Queryable) => Promise<SyncOutcome>): Promise<SyncOutcome> {
    return applySync(this.deps, sync);
  }
}
