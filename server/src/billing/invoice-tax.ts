// The taxes an invoice of a subscription gets, in the terms taxes.ts applies: its customer's
// tax status and address, the subscription's own rates, and the project's rates for the address.
import { taxRatesByIds, activeTaxRatesIn, type TaxRate } from '../catalog/tax-rates-store.js';
import { customerOfRecord } from '../customers/store.js';
import { automaticTaxEnabled } from '../projects/store.js';
import type { Queryable } from '../db/database.js';
import type { DraftInvoice } from './invoice-lines.js';
import { applicableRates, taxInvoice, type RateTerms, type TaxedInvoice } from './taxes.js';

const terms = (rate: TaxRate): RateTerms => ({
  id: rate.id,
  // numeric(7, 4) read back as a number: its shortest decimal form is exact.
  percentage: String(rate.percentage),
  inclusive: rate.inclusive,
  country: rate.country,
  state: rate.state,
  active: rate.active,
});

/**
 * `draft` (discounts and credits applied) with its taxes. A subscription Stripe bills is taxed by
 * Stripe (Stripe Tax), never by Nozle's rates: its invoice carries none. So is every invoice of a
 * project that turned Stripe Tax on (`automatic_tax`): Stripe taxes what Nozle sends it, and
 * Nozle's rates on top would tax it twice.
 */
export async function taxDraft(
  db: Queryable,
  sub: { project_id: string; customer_id: string; provider: string | null; default_tax_rates: readonly string[] },
  draft: DraftInvoice,
): Promise<TaxedInvoice> {
  const customer = await customerOfRecord(db, sub.project_id, sub.customer_id);
  const exempt = customer?.tax_exempt ?? 'none';
  if (sub.provider === 'stripe' || exempt !== 'none' || (await automaticTaxEnabled(db, sub.project_id))) return taxInvoice(draft, [], exempt);
  const explicit = sub.default_tax_rates;
  const country = customer?.address?.country ?? null;
  const candidates =
    explicit.length > 0 ? await taxRatesByIds(db, sub.project_id, explicit) : country ? await activeTaxRatesIn(db, sub.project_id, country) : [];
  const rates = applicableRates({ exempt, address: customer?.address ?? null, explicit }, candidates.map(terms));
  return taxInvoice(draft, rates, exempt);
}
