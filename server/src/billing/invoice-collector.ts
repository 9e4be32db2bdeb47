// The port through which billing hands a finalized invoice to the provider that bills its
// subscription. Billing declares it (billing sits below payments); the payments slice
// implements it and the assembly hands it in with the billing job's dependencies.
import type { ProviderName } from '../access/subscriptions-store.js';
import type { Queryable } from '../db/database.js';

/** A line of a finalized invoice, as it is sent to the provider. */
export interface InvoiceLineToSend {
  /** The line's position on the Nozle invoice, unique within it. */
  position: number;
  description: string;
  /** Integer minor units; negative for a credit. */
  amount: number;
  periodStart: Date;
  periodEnd: Date;
}

/** A finalized Nozle invoice, to be charged by the provider of its subscription. */
export interface InvoiceToCollect {
  invoiceId: string;
  /** Nozle's customer (the collector finds the provider's). */
  customerId: string;
  currency: string;
  /** The lines with an amount (lines of 0 are not sent). */
  lines: InvoiceLineToSend[];
  /**
   * The root of the provider's idempotency keys, when the charge must happen once per key (an
   * auto top-up's id: its payment is keyed too, so a retry after a crash charges nothing again).
   * Without it, each charge of an invoice is a new attempt (a replaced card may pay it).
   */
  idempotencyKey?: string;
}

/** Why a provider refused a charge, as it said it (`card_declined`, and words fit to show). */
export interface DeclineReason {
  code: string;
  message: string;
}

/** What charging an invoice through the API did at the provider. */
export interface InvoiceCharge {
  provider: ProviderName;
  providerInvoiceId: string;
  paid: boolean;
  /** Why it was refused, when it was and the provider said. */
  declined: DeclineReason | null;
}

export interface InvoiceCollector {
  /** Whether invoices billed by `provider` can be sent from this server (Stripe may not be configured). */
  collects(provider: ProviderName): boolean;
  /**
   * Sends the invoice to `provider` and answers the provider's invoice. Safe to call again for
   * the same invoice (after a crash before its answer was stored): nothing is charged twice.
   */
  collect(db: Queryable, provider: ProviderName, invoice: InvoiceToCollect): Promise<{ providerInvoiceId: string; paid: boolean }>;
  /**
   * Charges the saved payment method of the customer, at the provider it has a customer at (the
   * configured one first), for an invoice Nozle collects itself; undefined when it has none.
   */
  charge(db: Queryable, invoice: InvoiceToCollect): Promise<InvoiceCharge | undefined>;
}
