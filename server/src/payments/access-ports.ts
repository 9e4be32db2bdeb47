// The access slice's ports, as payments implements them: a provider-billed subscription changes
// at the provider, then Nozle's row is made equal to the provider's answer (sync.ts); a
// purchase paid at the provider is refunded there.
import type { PaymentRefunds, ProviderBilled, ProviderChange, SubscriptionProvider } from '../access/ports.js';
import { findCouponRow, findPromotionCodeRow } from '../coupons/store.js';
import type { Work } from '../db/work.js';
import { providerDiscountFor } from './provider-discounts.js';
import type { Payments } from './payments.js';
import type { PaymentProvider, ProviderDiscount, ProviderSubscription } from './provider.js';
import { syncSubscription } from './sync.js';

export function subscriptionProviderOf(payments: Payments): SubscriptionProvider {
  const provider = (work: Work): PaymentProvider => payments.providerIn(work.db, (fn) => work.afterCommit(fn));
  // Whether Nozle's row changed once it mirrors what the provider answered last.
  const mirror = async (work: Work, latest: ProviderSubscription, now: Date): Promise<boolean> =>
    (await syncSubscription(work.db, payments.providerName, latest, now)).kind === 'changed';

  return {
    async change(work: Work, billed: ProviderBilled, change: ProviderChange, now: Date): Promise<boolean> {
      const at = provider(work);
      let latest: ProviderSubscription | undefined;
      // A scheduled change taken back first: a plan asked for now then replaces it, not the other way round.
      if (change.cancelScheduledChange) latest = await at.releaseScheduledPrice(billed.providerSubscriptionId);
      if (change.plan) {
        const price = await payments.providerPrice(work.db, billed.projectId, change.plan.plan, (fn) => work.afterCommit(fn));
        latest =
          change.plan.at === 'now'
            ? await at.changePrice(billed.providerSubscriptionId, price, change.plan.proration)
            : await at.schedulePrice(billed.providerSubscriptionId, price);
      }
      if (change.cancelAtPeriodEnd === true) latest = await at.cancel(billed.providerSubscriptionId, true);
      if (change.cancelAtPeriodEnd === false) latest = await at.resume(billed.providerSubscriptionId);
      return latest ? mirror(work, latest, now) : false;
    },
    async cancel(work: Work, billed: ProviderBilled, atPeriodEnd: boolean, now: Date): Promise<boolean> {
      return mirror(work, await provider(work).cancel(billed.providerSubscriptionId, atPeriodEnd), now);
    },
    async resume(work: Work, billed: ProviderBilled, now: Date): Promise<boolean> {
      return mirror(work, await provider(work).resume(billed.providerSubscriptionId), now);
    },
    async discount(work: Work, billed: ProviderBilled, discount: { couponId: string; promotionCodeId: string | null } | null, now: Date): Promise<boolean> {
      const at = provider(work);
      if (!at.discounts) throw new Error(`${at.name} keeps no discounts of its own: its subscriptions take none.`);
      let sent: ProviderDiscount | null = null;
      if (discount) {
        const coupon = await findCouponRow(work.db, billed.projectId, discount.couponId, { deleted: true });
        const code =
          discount.promotionCodeId === null ? null : await findPromotionCodeRow(work.db, billed.projectId, discount.promotionCodeId, 'promotion_code');
        sent = await providerDiscountFor(work.db, at, billed.projectId, coupon, code);
      }
      return mirror(work, await at.discounts.setSubscriptionDiscount(billed.providerSubscriptionId, sent), now);
    },
  };
}

export function paymentRefundsOf(payments: Payments): PaymentRefunds {
  return {
    async refund(work: Work, providerPaymentId: string): Promise<void> {
      await payments.providerIn(work.db, (fn) => work.afterCommit(fn)).refund(providerPaymentId);
    },
  };
}
