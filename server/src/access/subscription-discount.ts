// The discount a subscription shows (its own, else its customer's, while it lasts). A customer's
// discount is for the subscriptions Nozle bills: one a provider bills shows only its own (its checkout's).
import type { components } from '@nozle/openapi';
import { subscriptionDiscount } from '../coupons/service.js';
import type { Queryable } from '../db/database.js';
import type { ListEnvelope } from '../http/pagination.js';
import type { Subscription } from './subscriptions-store.js';

type Shown = Subscription & { discount?: components['schemas']['Discount'] };

export async function withDiscount(db: Queryable, projectId: string, subscription: Subscription, now: Date): Promise<Shown> {
  const discount = await subscriptionDiscount(db, projectId, subscription.customer, subscription.id, now);
  if (!discount || (discount.subscription === null && subscription.provider !== null)) return subscription;
  return { ...subscription, discount };
}

export async function withDiscounts(db: Queryable, projectId: string, list: ListEnvelope<Subscription>, now: Date): Promise<ListEnvelope<Shown>> {
  const data: Shown[] = [];
  for (const subscription of list.data) data.push(await withDiscount(db, projectId, subscription, now));
  return { ...list, data };
}
