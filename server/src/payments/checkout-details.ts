// What a completed checkout leaves on Nozle's side, once per session however often the provider
// reports it: the discount the provider applied (read back as Nozle's coupon or promotion code,
// recorded on the subscription and counted), and the billing address and tax ids the buyer
// entered (kept on the customer).
import { findProviderSubscription } from '../access/subscriptions-store.js';
import { recordProviderDiscount } from '../coupons/service.js';
import { findCustomer, setCustomerTaxDetails } from '../customers/store.js';
import type { Queryable } from '../db/database.js';
import { nozleDiscountOf } from './provider-discounts.js';
import type { ProviderCheckoutSession, ProviderName } from './provider.js';
import { claimCompletionRecord } from './store.js';

/** Records the session's details; `subscription` is the provider's subscription the event named (the session's own otherwise). */
export async function recordCheckoutDetails(
  tx: Queryable,
  provider: ProviderName,
  session: ProviderCheckoutSession,
  subscription: string | null,
  now: Date,
): Promise<void> {
  const row = await claimCompletionRecord(tx, provider, session.id, now);
  if (!row) return;
  if (session.address || session.taxIds.length > 0) {
    const customer = await findCustomer(tx, row.project_id, row.customer_id);
    // No tax id entered keeps the ones held.
    await setCustomerTaxDetails(tx, customer.id, { address: session.address, tax_ids: session.taxIds.length > 0 ? session.taxIds : customer.tax_ids }, now);
  }
  const providerSubscription = subscription ?? session.subscription;
  if (!session.discount || !providerSubscription) return;
  const sub = await findProviderSubscription(tx, provider, providerSubscription);
  const discount = await nozleDiscountOf(tx, provider, row.project_id, session.discount);
  // A subscription Nozle did not take (its sync was refused) has nothing to record the discount on.
  if (!sub || !discount) return;
  await recordProviderDiscount(
    { db: tx, now, afterCommit: () => undefined },
    row.project_id,
    { customerId: sub.customer_id, subscriptionId: sub.id },
    discount.coupon,
    discount.code,
  );
}
