// The discount a subscription shows (its own, else its customer's, while it lasts). Nozle
// discounts only the subscriptions it bills: one a provider bills shows none (discounted at checkout).
import type { components } from '@nozle/openapi';
import { subscriptionDiscount } from '../coupons/service.js';
import type { Queryable } from '../db/database.js';
import type { ListEnvelope } from '../http/pagination.js';
import type { Subscription } from './subscriptions-store.js';

type Shown = Subscription & { discount?: components['schemas']['Discount'] };

export async function withDiscount(db: Queryable, projectId: string, subscription: Subscription, now: Date): Promise<Shown> {
  if (subscription.provider !== null) return subscription;
  const discount = await subscriptionDiscount(db, projectId, subscription.customer, subscription.id, now);
  return discount ? { ...subscription, discount } : subscription;
}

export async function withDiscounts(db: Queryable, projectId: string, list: ListEnvelope<Subscription>, now: Date): Promise<ListEnvelope<Shown>> {
  const data: Shown[] = [];
  for (const subscription of list.data) data.push(await withDiscount(db, projectId, subscription, now));
  return { ...list, data };
}
