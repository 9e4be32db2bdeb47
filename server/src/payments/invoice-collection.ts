// Billing's InvoiceCollector over the providers: a finalized invoice goes to the provider that
// bills its subscription, for the customer Nozle made there.
import type { InvoiceCharge, InvoiceCollector, InvoiceToCollect } from '../billing/invoice-collector.js';
import type { Clock } from '../clock.js';
import type { Queryable } from '../db/database.js';
import type { PaymentProvider, ProviderName, ProviderSource } from './provider.js';
import { Sandbox } from './sandbox/sandbox.js';
import { automaticTaxForCustomer, findProviderCustomer } from './store.js';

export class ProviderInvoices implements InvoiceCollector {
  readonly #configured: ProviderSource;
  /** The sandbox answers the invoices of the subscriptions it billed even on a server now set up with Stripe. */
  readonly #sandbox: ProviderSource;

  constructor(configured: ProviderSource, clock: Clock) {
    this.#configured = configured;
    this.#sandbox = configured instanceof Sandbox ? configured : new Sandbox(clock);
  }

  collects(provider: ProviderName): boolean {
    return provider === 'sandbox' || provider === this.#configured.name;
  }

  async collect(db: Queryable, provider: ProviderName, invoice: InvoiceToCollect): Promise<{ providerInvoiceId: string; paid: boolean }> {
    const customer = await findProviderCustomer(db, invoice.customerId, provider);
    if (!customer) throw new Error(`Customer ${invoice.customerId} has no ${provider} customer to send invoice ${invoice.invoiceId} to.`);
    const sent = await this.#provider(db, provider).sendInvoice({
      invoiceId: invoice.invoiceId,
      customer,
      currency: invoice.currency,
      lines: invoice.lines,
      ...(await this.#automaticTax(db, provider, invoice)),
    });
    return { providerInvoiceId: sent.id, paid: sent.status === 'paid' };
  }

  async charge(db: Queryable, invoice: InvoiceToCollect): Promise<InvoiceCharge | undefined> {
    for (const provider of new Set<ProviderName>([this.#configured.name, 'sandbox'])) {
      const customer = await findProviderCustomer(db, invoice.customerId, provider);
      if (!customer) continue;
      const sent = await this.#provider(db, provider).sendInvoice({
        invoiceId: invoice.invoiceId,
        customer,
        currency: invoice.currency,
        lines: invoice.lines,
        payNow: true,
        ...(await this.#automaticTax(db, provider, invoice)),
        ...(invoice.idempotencyKey === undefined ? {} : { idempotencyKey: invoice.idempotencyKey }),
      });
      const paid = sent.status === 'paid';
      return { provider, providerInvoiceId: sent.id, paid, declined: paid ? null : sent.failure };
    }
    return undefined;
  }

  /** Stripe Tax taxes what is sent to Stripe when the project says so; the sandbox's invoices are taxed by Nozle. */
  async #automaticTax(db: Queryable, provider: ProviderName, invoice: InvoiceToCollect): Promise<{ automaticTax?: true }> {
    return provider === 'stripe' && (await automaticTaxForCustomer(db, invoice.customerId)) ? { automaticTax: true } : {};
  }

  /** Sending an invoice raises no event (its payment, at Stripe, comes back as a webhook). */
  #provider(db: Queryable, provider: ProviderName): PaymentProvider {
    const source = provider === 'sandbox' ? this.#sandbox : this.#configured;
    if (source.name !== provider) throw new Error(`No ${provider} provider on this server.`);
    return source.bind(db, () => {});
  }
}
